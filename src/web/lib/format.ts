/** Dutch date formatting with Intl ('nl-NL'). API dates are ISO strings (YYYY-MM-DD or full timestamps). */

const lang = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const kort = new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const tijd = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

function alsDatum(iso: string): Date | null {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** 12 april 1998 */
export function datumLang(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = alsDatum(iso);
  return d ? lang.format(d) : iso;
}

/** 12-04-1998 */
export function datumKort(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = alsDatum(iso);
  return d ? kort.format(d).replace(/\//g, '-') : iso;
}

/** 12 april 2025 om 14:05 */
export function tijdstip(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : tijd.format(d);
}

export function volledigeNaam(p: { voornaam: string; tussenvoegsel: string | null; achternaam: string }): string {
  return [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
}

/** "Vries, Sanne de" style for sorted lists is not used: B1 readers expect the plain name. */
export function aantal(n: number, enkelvoud: string, meervoud: string): string {
  return `${n.toLocaleString('nl-NL')} ${n === 1 ? enkelvoud : meervoud}`;
}
