/**
 * Bulk delivery: one delivered person with their kandidaatprofiel, validated. Pure (no database).
 * The same validator serves the CSV template, JSON arrays and JSON Lines, the API and the CLI.
 *
 * Semantics of a delivered row: it is the delivering system's current state of the person, keyed by
 * `extern_id` within one gemeente. A column (CSV) or key (JSON) that is absent leaves the stored
 * value as it is; one that is present but empty clears it.
 */
import { isValidBsn, normalizeBsn } from '../../../shared/bsn.js';
import { OPLEIDINGSNIVEAU_CODES, type Opleidingsniveau, WERKCONDITIE_CODES, type Werkconditie } from '../../../shared/codes.js';
import type { CsvRecord } from '../../lib/csv.js';
import { SECTOREN } from '../functies/catalogus-data.js';
import { identificerendeTekst } from '../kandidaten/profiel.js';
import { vandaag } from '../../../shared/datum.js';

export interface RijFout {
  /** Line (CSV, JSON Lines) or item number (JSON list, 1 = the first item) the problem is on; 0 for the file as a whole. */
  regel: number;
  /** Column name, or '(regel)' / '(bestand)'. */
  veld: string;
  reden: string;
}

export const IMPORT_KOLOMMEN = [
  'extern_id',
  'voornaam',
  'tussenvoegsel',
  'achternaam',
  'geboortedatum',
  'bsn',
  'email',
  'telefoon',
  'postcode',
  'woonplaats',
  'wensen',
  'kwaliteiten',
  'sectoren',
  'gewenste_functies',
  'opleidingsniveau',
  'uren_min',
  'uren_max',
  'beschikbaar_vanaf',
  'werkcondities',
  'banenafspraak',
  'toestemming_kandidaatprofiel',
] as const;
export type ImportKolom = (typeof IMPORT_KOLOMMEN)[number];
export const VERPLICHTE_KOLOMMEN: readonly ImportKolom[] = ['extern_id', 'voornaam', 'achternaam', 'geboortedatum'];

export interface PersoonVelden {
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string;
  /** Normalized 9 digits; never logged, never in a report. */
  bsn: string | null;
  email: string | null;
  telefoon: string | null;
  postcode: string | null;
  woonplaats: string | null;
}

export interface ProfielImportVelden {
  wensen: string | null;
  kwaliteiten: string | null;
  sectoren: string[];
  gewensteFuncties: string[];
  opleidingsniveau: Opleidingsniveau | null;
  urenMin: number | null;
  urenMax: number | null;
  beschikbaarVanaf: string | null;
  werkcondities: Werkconditie[];
  banenafspraak: boolean;
}

/** A valid delivered row: only the fields that were delivered are present. */
export interface ImportRij {
  regel: number;
  externId: string;
  persoon: Partial<PersoonVelden> & Pick<PersoonVelden, 'voornaam' | 'achternaam' | 'geboortedatum'>;
  profiel: Partial<ProfielImportVelden>;
  /** true: the person consented (recorded schriftelijk); false: withdrawn; absent: unchanged. */
  toestemming?: boolean;
}

/** Longest text per field; anything longer is refused (a 10,000-character field never reaches the database). */
const MAX: Record<ImportKolom, number> = {
  extern_id: 100,
  voornaam: 100,
  tussenvoegsel: 20,
  achternaam: 100,
  geboortedatum: 10,
  bsn: 12,
  email: 200,
  telefoon: 20,
  postcode: 7,
  woonplaats: 100,
  wensen: 2000,
  kwaliteiten: 2000,
  sectoren: 500,
  gewenste_functies: 1100,
  opleidingsniveau: 20,
  uren_min: 6,
  uren_max: 6,
  beschikbaar_vanaf: 10,
  werkcondities: 800,
  banenafspraak: 10,
  toestemming_kandidaatprofiel: 10,
};

const SECTOR_CODES = new Set(Object.keys(SECTOREN));
const OPLEIDING = new Set<string>(OPLEIDINGSNIVEAU_CODES);
const CONDITIES = new Set<string>(WERKCONDITIE_CODES);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TELEFOON = /^\+?[\d][\d\s-]{5,18}$/;
const POSTCODE = /^([1-9]\d{3})\s?([A-Za-z]{2})$/;
const EXTERN_ID = /^[\p{L}\p{N}._:/-]+$/u;
const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;
const SURROGAAT = /[\uD800-\uDFFF]/;
const KOLOMSET = new Set<string>(IMPORT_KOLOMMEN);
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here
const STUURTEKEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Any character one of the checks on unreadable or invalid characters looks for. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is looked for here
const VERDACHT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uD800-\uDFFF\uFFFD]/;

/** An ISO date JJJJ-MM-DD that exists, else null. */
export function isoDatum(t: string): string | null {
  const m = ISO_DATUM.exec(t);
  if (!m) return null;
  // Arithmetic, not Date: this runs twice per row of a 250,000-row delivery.
  const jaar = Number(m[1]);
  const maand = Number(m[2]);
  const dag = Number(m[3]);
  if (maand < 1 || maand > 12 || dag < 1) return null;
  const schrikkel = (jaar % 4 === 0 && jaar % 100 !== 0) || jaar % 400 === 0;
  const dagen = [31, schrikkel ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][maand - 1] as number;
  return dag <= dagen ? t : null;
}

type Tekst = Map<ImportKolom, string>;
const waardeIn = (tekst: Tekst, k: ImportKolom) => tekst.get(k) ?? '';
const leegIn = (tekst: Tekst, k: ImportKolom) => waardeIn(tekst, k) === '';
const optioneelIn = (tekst: Tekst, k: ImportKolom) => (leegIn(tekst, k) ? null : waardeIn(tekst, k));
const lijstIn = (tekst: Tekst, k: ImportKolom) =>
  waardeIn(tekst, k)
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);
const GEEN: ReadonlySet<string> = new Set();
const JA = new Set(['ja', 'true', '1', 'j']);
const NEE = new Set(['nee', 'false', '0', 'n']);

/** A delivered value as text: JSON numbers, booleans and arrays are accepted in their natural form. */
function alsTekst(waarde: unknown): string | null | { fout: string } {
  if (waarde === null || waarde === undefined) return null;
  if (typeof waarde === 'string') return waarde;
  if (typeof waarde === 'number' && Number.isFinite(waarde)) return String(waarde);
  if (typeof waarde === 'boolean') return waarde ? 'ja' : 'nee';
  if (Array.isArray(waarde) && waarde.every((w) => typeof w === 'string')) return waarde.join('|');
  return { fout: 'Verwacht tekst, een getal, ja/nee of een lijst van teksten.' };
}

/**
 * Validates one delivered row, given as column → raw value (absent key = not delivered).
 * Returns the row or every problem in it, each with line, field and a Dutch reason.
 */
export function valideerRij(regel: number, ruw: Readonly<Record<string, unknown>>): { rij: ImportRij } | { fouten: RijFout[] } {
  const fouten: RijFout[] = [];
  const fout = (veld: string, reden: string) => fouten.push({ regel, veld, reden });
  const tekst: Tekst = new Map<ImportKolom, string>();
  for (const sleutel in ruw) {
    const waarde = ruw[sleutel];
    if (!KOLOMSET.has(sleutel)) {
      fout(sleutel.slice(0, 60), `Onbekend veld '${sleutel.slice(0, 60)}'.`);
      continue;
    }
    const k = sleutel as ImportKolom;
    const t = alsTekst(waarde);
    if (t !== null && typeof t === 'object') {
      fout(k, t.fout);
      continue;
    }
    const s = (t ?? '').trim();
    // One scan for the rare characters the next checks look for (most fields have none).
    const verdacht = VERDACHT.test(s);
    if (verdacht && s.includes('\uFFFD')) {
      fout(k, 'Onleesbaar teken: het bestand is waarschijnlijk niet als UTF-8 opgeslagen. Sla het op als "CSV UTF-8".');
      continue;
    }
    if (s.length > MAX[k]) {
      fout(k, `Het veld is te lang (${s.length} tekens, hoogstens ${MAX[k]}).`);
      continue;
    }
    if (verdacht && (STUURTEKEN.test(s) || (SURROGAAT.test(s) && SURROGAAT.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))))) {
      fout(k, 'Het veld bevat een ongeldig teken.');
      continue;
    }
    tekst.set(k, s);
  }
  const gegeven = (k: ImportKolom) => tekst.has(k);
  const leeg = (k: ImportKolom) => leegIn(tekst, k);
  const waarde = (k: ImportKolom) => waardeIn(tekst, k);
  const ongeldig = fouten.length === 0 ? GEEN : new Set(fouten.map((f) => f.veld));

  for (const k of VERPLICHTE_KOLOMMEN) {
    if (!ongeldig.has(k) && leeg(k)) fout(k, 'Verplicht veld is leeg.');
  }
  const externId = waarde('extern_id');
  if (externId && !EXTERN_ID.test(externId)) fout('extern_id', 'Gebruik alleen letters, cijfers en . _ - : /.');
  const geboortedatum = waarde('geboortedatum');
  if (geboortedatum) {
    const d = isoDatum(geboortedatum);
    // A birth date is personal data: the reason never repeats it (a report may be mailed around).
    if (!d) fout('geboortedatum', 'Dit is geen geldige datum (JJJJ-MM-DD).');
    else if (d < '1900-01-01' || d > vandaag()) fout('geboortedatum', 'De geboortedatum ligt niet tussen 1900 en vandaag.');
  }

  const persoon: ImportRij['persoon'] = { voornaam: waarde('voornaam'), achternaam: waarde('achternaam'), geboortedatum };
  const optioneel = (k: ImportKolom) => optioneelIn(tekst, k);
  if (gegeven('tussenvoegsel')) persoon.tussenvoegsel = optioneel('tussenvoegsel');
  if (gegeven('woonplaats')) persoon.woonplaats = optioneel('woonplaats');
  if (gegeven('bsn')) {
    if (leeg('bsn')) persoon.bsn = null;
    else {
      const bsn = normalizeBsn(waarde('bsn'));
      // The reason never repeats the number: a report may be mailed around.
      if (!isValidBsn(bsn)) fout('bsn', 'Geen geldig BSN (9 cijfers die de 11-proef doorstaan).');
      else persoon.bsn = bsn;
    }
  }
  if (gegeven('email')) {
    if (!leeg('email') && !EMAIL.test(waarde('email'))) fout('email', 'Geen geldig e-mailadres.');
    persoon.email = optioneel('email');
  }
  if (gegeven('telefoon')) {
    if (!leeg('telefoon') && !TELEFOON.test(waarde('telefoon'))) fout('telefoon', 'Geen geldig telefoonnummer.');
    persoon.telefoon = optioneel('telefoon');
  }
  if (gegeven('postcode')) {
    const m = POSTCODE.exec(waarde('postcode'));
    if (!leeg('postcode') && !m) fout('postcode', 'Geen geldige postcode (1234 AB).');
    persoon.postcode = m ? `${m[1]} ${m[2]!.toUpperCase()}` : null;
  }

  const profiel: ImportRij['profiel'] = {};
  for (const k of ['wensen', 'kwaliteiten'] as const) {
    if (!gegeven(k)) continue;
    // Every pattern it looks for needs a digit or an @: most free text is skipped cheaply.
    const gevonden = /[\d@]/.test(waarde(k)) ? identificerendeTekst(waarde(k)) : [];
    if (gevonden.length > 0) fout(k, `Werkgevers lezen deze tekst: haal ${gevonden.join(' en ')} weg.`);
    profiel[k] = optioneel(k);
  }
  const lijst = (k: ImportKolom) => lijstIn(tekst, k);
  if (gegeven('sectoren')) {
    const codes = [...new Set(lijst('sectoren'))];
    const onbekend = codes.filter((c) => !SECTOR_CODES.has(c));
    if (onbekend.length > 0) fout('sectoren', `Onbekende sector: ${onbekend.join(', ')}.`);
    else if (codes.length > 10) fout('sectoren', 'Hoogstens 10 sectoren.');
    profiel.sectoren = codes;
  }
  if (gegeven('gewenste_functies')) {
    const functies = [...new Set(lijst('gewenste_functies'))];
    if (functies.length > 10) fout('gewenste_functies', 'Hoogstens 10 gewenste functies.');
    else if (functies.some((f) => f.length < 2 || f.length > 100)) fout('gewenste_functies', 'Elke functie is 2 tot 100 tekens lang.');
    else if (functies.some((f) => identificerendeTekst(f).length > 0)) fout('gewenste_functies', 'Geen contactgegevens of nummers.');
    profiel.gewensteFuncties = functies;
  }
  if (gegeven('opleidingsniveau')) {
    const n = waarde('opleidingsniveau').toLowerCase();
    if (n && !OPLEIDING.has(n)) fout('opleidingsniveau', `Onbekend opleidingsniveau; kies uit ${OPLEIDINGSNIVEAU_CODES.join(', ')}.`);
    profiel.opleidingsniveau = n ? (n as Opleidingsniveau) : null;
  }
  for (const [k, sleutel] of [
    ['uren_min', 'urenMin'],
    ['uren_max', 'urenMax'],
  ] as const) {
    if (!gegeven(k)) continue;
    if (leeg(k)) {
      profiel[sleutel] = null;
      continue;
    }
    const n = Number(waarde(k).replace(',', '.'));
    if (!Number.isFinite(n) || n < 1 || n > 60) fout(k, `'${waarde(k)}' is geen aantal uren tussen 1 en 60.`);
    else profiel[sleutel] = Math.round(n * 10) / 10;
  }
  if (profiel.urenMin != null && profiel.urenMax != null && profiel.urenMax < profiel.urenMin) {
    fout('uren_max', 'Het maximum aantal uren is kleiner dan het minimum.');
  }
  if (gegeven('beschikbaar_vanaf')) {
    const d = optioneel('beschikbaar_vanaf');
    if (d && !isoDatum(d)) fout('beschikbaar_vanaf', `'${d}' is geen geldige datum (JJJJ-MM-DD).`);
    profiel.beschikbaarVanaf = d;
  }
  if (gegeven('werkcondities')) {
    const codes = [...new Set(lijst('werkcondities'))];
    const onbekend = codes.filter((c) => !CONDITIES.has(c));
    if (onbekend.length > 0) fout('werkcondities', `Onbekende werkomstandigheid: ${onbekend.join(', ')}.`);
    profiel.werkcondities = codes as Werkconditie[];
  }
  const jaNee = (k: ImportKolom): boolean | undefined | 'fout' => {
    if (!gegeven(k) || leeg(k)) return undefined;
    const t = waarde(k).toLowerCase();
    if (JA.has(t)) return true;
    if (NEE.has(t)) return false;
    fout(k, "Gebruik 'ja' of 'nee'.");
    return 'fout';
  };
  const banen = jaNee('banenafspraak');
  if (gegeven('banenafspraak')) profiel.banenafspraak = banen === true;
  const toestemming = jaNee('toestemming_kandidaatprofiel');

  if (fouten.length > 0) return { fouten };
  const rij: ImportRij = { regel, externId, persoon, profiel };
  if (typeof toestemming === 'boolean') rij.toestemming = toestemming;
  return { rij };
}

/**
 * Reads one delivery, record by record, keeping only what is needed to find duplicates across the
 * whole file (extern_id and BSN → first line). Feed it a CSV header and records, or JSON items.
 */
export class ImportLezer {
  private kolommen: string[] | null = null;
  private readonly externIds = new Map<string, number>();
  private readonly bsns = new Map<string, number>();

  /** The CSV header. Returns problems that make the whole file unreadable (missing or unknown columns). */
  kopregel(velden: readonly string[]): RijFout[] {
    const namen = velden.map((v) => v.trim().toLowerCase());
    const fouten: RijFout[] = [];
    for (const k of VERPLICHTE_KOLOMMEN) {
      if (!namen.includes(k)) fouten.push({ regel: 1, veld: k, reden: `Kolom '${k}' ontbreekt in de kopregel.` });
    }
    for (const n of namen) {
      if (!(IMPORT_KOLOMMEN as readonly string[]).includes(n))
        fouten.push({ regel: 1, veld: n.slice(0, 60) || '(leeg)', reden: `Kolom '${n.slice(0, 60)}' is onbekend; zie docs/import-template.csv.` });
    }
    const dubbel = namen.filter((n, i) => namen.indexOf(n) !== i);
    for (const n of new Set(dubbel)) fouten.push({ regel: 1, veld: n, reden: `Kolom '${n}' staat twee keer in de kopregel.` });
    if (fouten.length === 0) this.kolommen = namen;
    return fouten;
  }

  /** One CSV data record (after kopregel). */
  csvRecord(rec: CsvRecord): { rij: ImportRij } | { fouten: RijFout[] } {
    const kolommen = this.kolommen;
    if (!kolommen) throw new Error('kopregel eerst');
    if (rec.onafgesloten) return { fouten: [{ regel: rec.regel, veld: '(regel)', reden: 'Een aanhalingsteken wordt niet gesloten.' }] };
    if (rec.velden.length !== kolommen.length) {
      return {
        fouten: [
          {
            regel: rec.regel,
            veld: '(regel)',
            reden: `Verwacht ${kolommen.length} kolommen, gevonden ${rec.velden.length}${rec.velden.length < kolommen.length ? ' (ontbrekende kolommen)' : ''}.`,
          },
        ],
      };
    }
    const ruw: Record<string, string> = {};
    for (const [i, k] of kolommen.entries()) ruw[k] = rec.velden[i] ?? '';
    return this.controleer(valideerRij(rec.regel, ruw));
  }

  /** One JSON item (an object with the template's column names as keys). */
  jsonItem(regel: number, item: unknown): { rij: ImportRij } | { fouten: RijFout[] } {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      return { fouten: [{ regel, veld: '(regel)', reden: 'Verwacht een object met de velden van het sjabloon.' }] };
    }
    const ontbrekend = VERPLICHTE_KOLOMMEN.filter((k) => !(k in item));
    const r = valideerRij(regel, item as Record<string, unknown>);
    if (ontbrekend.length > 0) {
      const fouten = 'fouten' in r ? r.fouten.filter((f) => !ontbrekend.includes(f.veld as ImportKolom)) : [];
      return { fouten: [...ontbrekend.map((k) => ({ regel, veld: k, reden: `Veld '${k}' ontbreekt.` })), ...fouten] };
    }
    return this.controleer(r);
  }

  /** Duplicate extern_id or BSN within the file: the first occurrence wins, later ones are refused. */
  private controleer(r: { rij: ImportRij } | { fouten: RijFout[] }): { rij: ImportRij } | { fouten: RijFout[] } {
    if ('fouten' in r) return r;
    const { rij } = r;
    const eerder = this.externIds.get(rij.externId);
    if (eerder !== undefined) return { fouten: [{ regel: rij.regel, veld: 'extern_id', reden: `Dit extern_id stond al op regel ${eerder}.` }] };
    if (rij.persoon.bsn) {
      const bsnEerder = this.bsns.get(rij.persoon.bsn);
      if (bsnEerder !== undefined) return { fouten: [{ regel: rij.regel, veld: 'bsn', reden: `Dit BSN stond al op regel ${bsnEerder}.` }] };
      this.bsns.set(rij.persoon.bsn, rij.regel);
    }
    this.externIds.set(rij.externId, rij.regel);
    return r;
  }
}
