/**
 * The printable report of one loonwaardemeting, following the model of the Regeling
 * loonkostensubsidie Participatiewet 2021 (art. 2, bijlage "Rapport Loonwaardemeting LKS"):
 * who it concerns (name and date of birth — never the BSN), employer and function, normfunctie,
 * hoofdtaken with tempo, kwaliteit and inzetbaarheid, the loonwaarde, the loonwaardedeskundige and
 * their qualification, the method, the date of the next measurement, and signatures. For the
 * klantmanager it adds the loonkostensubsidie that follows at the meetdatum (a calculation, not a
 * decision).
 *
 * Plain HTML with an inline <style> (the CSP allows inline styles, no scripts): it prints from any
 * browser, and nothing runs in it. Every value is escaped.
 */
import type { LksUitkomst } from '../loonkostensubsidie/berekening.js';
import type { LoonwaardeUitkomst, TaakUitkomst } from './meting.js';

export interface RapportMeting {
  id: string;
  persoonId: string;
  meetdatum: string;
  volgendeMetingOp: string;
  aangemaaktOp: string;
  werkplek: { werkgever: string; functie: string; arbeidsurenPerWeek: number; werkdagenPerWeek: number };
  normfunctie: { naam: string; omschrijving: string; urenPerWeek: number };
  hoofdtaken: TaakUitkomst[];
  methode: string;
  deskundige: { naam: string; organisatie: string | null; kwalificatie: { omschrijving: string; hboOfGelijkwaardig: boolean; jarenErvaring: number } };
  uitkomst: Omit<LoonwaardeUitkomst, 'taken'>;
  loonkostensubsidie: LksUitkomst | null;
  loonkostensubsidieToelichting: string | null;
}

export interface RapportGegevens {
  meting: RapportMeting;
  /** Only what the model report asks: name and date of birth. */
  werknemer: { naam: string; geboortedatum: string };
  gemeente: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const datumFmt = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const tijdFmt = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const datum = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? datumFmt.format(new Date(`${iso}T00:00:00Z`)) : tijdFmt.format(new Date(iso)));
const getal = (x: number) => x.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
const procent = (x: number) => `${getal(x)}%`;
const euro = (x: number) => x.toLocaleString('nl-NL', { style: 'currency', currency: 'EUR' });

function gegevens(rijen: [string, string][]): string {
  return `<dl class="gegevens">${rijen.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>`;
}

function takenTabel(m: RapportMeting): string {
  const rijen = m.hoofdtaken
    .map(
      (t) => `<tr>
  <td>${t.nr}</td>
  <th scope="row">${esc(t.omschrijving)}${t.toelichting ? `<span class="toelichting">${esc(t.toelichting)}</span>` : ''}</th>
  <td class="getal">${getal(t.urenPerWeek)}</td>
  <td class="getal">${procent(t.aandeel)}</td>
  <td class="getal">${procent(t.tempo)}</td>
  <td class="getal">${procent(t.kwaliteit)}</td>
  <td class="getal">${procent(t.inzetbaarheid)}</td>
  <td class="getal">${procent(t.taakwaarde)}${t.begrensd ? ' *' : ''}</td>
  <td class="getal">${getal(t.bijdrage)}</td>
</tr>`,
    )
    .join('\n');
  const u = m.uitkomst;
  return `<table>
<caption>Hoofdtaken en prestaties ten opzichte van de normfunctie (100% = gemiddelde werknemer)</caption>
<thead><tr>
  <th scope="col">Nr.</th><th scope="col">Hoofdtaak</th><th scope="col">Uren per week</th><th scope="col">Aandeel in hoofdtaken</th>
  <th scope="col">Tempo</th><th scope="col">Kwaliteit</th><th scope="col">Inzetbaarheid (netto werktijd)</th>
  <th scope="col">Taakwaarde</th><th scope="col">Bijdrage (procentpunt)</th>
</tr></thead>
<tbody>
${rijen}
</tbody>
<tfoot><tr>
  <td></td><th scope="row">Totaal hoofdtaken</th><td class="getal">${getal(u.urenHoofdtaken)}</td><td class="getal">100%</td>
  <td></td><td></td><td></td><td></td><td class="getal">${getal(u.exacteLoonwaarde)}</td>
</tr></tfoot>
</table>
${m.hoofdtaken.some((t) => t.begrensd) ? '<p class="klein">* Tempo × kwaliteit × inzetbaarheid was hoger dan 100%; een taak telt voor ten hoogste 100%.</p>' : ''}
<p class="klein">Een hoofdtaak duurt minstens 1/16 van de werktijd per week en minstens 30 minuten per werkdag (Besluit loonkostensubsidie Participatiewet 2021, art. 1).${
    u.urenOverigeTaken > 0
      ? ` De hoofdtaken beslaan ${esc(getal(u.urenHoofdtaken))} van de ${esc(getal(m.werkplek.arbeidsurenPerWeek))} uur per week. De overige ${esc(getal(u.urenOverigeTaken))} uur (overige taken) is niet gemeten en telt niet mee in de loonwaarde.`
      : ''
  }</p>`;
}

function lksDeel(m: RapportMeting): string {
  const l = m.loonkostensubsidie;
  if (!l) {
    return `<p>${esc(m.loonkostensubsidieToelichting ?? 'De loonkostensubsidie kon niet worden berekend.')}</p>`;
  }
  return `<p>Bij een loonwaarde van <strong>${procent(m.uitkomst.loonwaarde)}</strong> en ${esc(getal(m.werkplek.arbeidsurenPerWeek))} uur per week
volgt uit Participatiewet art. 10d, met de bedragen die op ${esc(datum(m.meetdatum))} gelden:</p>
${gegevens([
  ['Loonkostensubsidie per maand', `<strong>${esc(euro(l.maandbedrag))}</strong>`],
  [l.maanden === 12 ? 'Per jaar' : `Over ${l.maanden} maanden`, esc(euro(l.jaarbedrag))],
])}
<details open>
<summary>Berekening loonkostensubsidie</summary>
<ol class="stappen">${l.stappen.map((s) => `<li>${esc(s.omschrijving)}: ${esc(s.berekening)} = ${esc(euro(s.bedrag))}</li>`).join('')}</ol>
<p class="klein">Gebruikte bedragen: ${l.parameters.map((p) => `${esc(p.omschrijving)} ${esc(getal(p.waarde))} ${esc(p.eenheid)} (${esc(p.bron)})`).join('; ')}.</p>
</details>
${l.toelichting.map((t) => `<p class="klein">${esc(t)}</p>`).join('')}`;
}

function handtekening(wie: string, naam: string): string {
  return `<div class="handtekening"><p><strong>${esc(wie)}</strong></p><p>Naam: ${naam ? esc(naam) : '<span class="lijn"></span>'}</p><p>Datum: <span class="lijn"></span></p><p>Handtekening: <span class="lijn"></span></p></div>`;
}

const STIJL = `
:root { color-scheme: light; }
body { font-family: "RijksoverheidSansText", "Segoe UI", Arial, sans-serif; color: #0f172a; background: #fff; line-height: 1.5; margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.75rem; margin: 0 0 .25rem; color: #154273; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; padding-bottom: .25rem; border-bottom: 2px solid #154273; color: #154273; }
.ondertitel { margin: 0 0 1rem; color: #334155; }
.gegevens { display: grid; gap: .25rem; margin: 0; }
.gegevens div { display: grid; grid-template-columns: 16rem 1fr; gap: 1rem; }
.gegevens dt { font-weight: bold; }
.gegevens dd { margin: 0; white-space: pre-line; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #64748b; padding: .3rem .4rem; vertical-align: top; text-align: left; }
thead th { background: #dce3ea; }
tbody th, tfoot th { font-weight: normal; }
tfoot { font-weight: bold; }
.getal { text-align: right; white-space: nowrap; }
.toelichting { display: block; font-size: .85rem; color: #334155; }
.loonwaarde { font-size: 1.5rem; margin: .5rem 0; }
.klein { font-size: .9rem; color: #334155; }
.stappen { font-size: .9rem; padding-left: 1.5rem; }
.handtekeningen { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1.5rem; }
.handtekening p { margin: .25rem 0; }
.lijn { display: inline-block; min-width: 9rem; border-bottom: 1px solid #0f172a; }
.niet-afdrukken { background: #f8fafc; border: 1px solid #64748b; padding: .5rem 1rem; margin-bottom: 1rem; }
a { color: #154273; }
a:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
footer { margin-top: 2rem; font-size: .8rem; color: #334155; }
@media (max-width: 40rem) { .gegevens div { grid-template-columns: 1fr; gap: 0; } .handtekeningen { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4; margin: 18mm 15mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .niet-afdrukken { display: none; }
  h2 { break-after: avoid; }
  section, table, tr, .handtekeningen { break-inside: avoid; }
  details > summary { list-style: none; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The full HTML document. */
export function rapportHtml(g: RapportGegevens): string {
  const m = g.meting;
  const u = m.uitkomst;
  const k = m.deskundige.kwalificatie;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Rapport loonwaardemeting — Passend</title>
<style>${STIJL}</style>
</head>
<body>
<main>
<nav class="niet-afdrukken" aria-label="Rapport">
<p>Druk dit rapport af of bewaar het als pdf met de afdrukfunctie van uw browser (Ctrl+P of Cmd+P).
<a href="/personen/${esc(encodeURIComponent(m.persoonId))}/loonwaarde">Terug naar de loonwaarde in Passend</a></p>
</nav>
<h1>Rapport loonwaardemeting loonkostensubsidie</h1>
<p class="ondertitel">Volgens het model bij de Regeling loonkostensubsidie Participatiewet 2021 (art. 2)</p>

<section aria-labelledby="kop-betreft">
<h2 id="kop-betreft">1. Deze loonwaarde betreft</h2>
${gegevens([
  ['Naam', esc(g.werknemer.naam)],
  ['Geboortedatum', esc(datum(g.werknemer.geboortedatum))],
  ['Gemeente', esc(g.gemeente)],
  ['Datum rapportage', esc(datum(m.aangemaaktOp))],
])}
</section>

<section aria-labelledby="kop-werkgever">
<h2 id="kop-werkgever">2. Werkgever en functie</h2>
${gegevens([
  ['Werkgever', esc(m.werkplek.werkgever)],
  ['Functie', esc(m.werkplek.functie)],
  ['Arbeidsuren per week', esc(getal(m.werkplek.arbeidsurenPerWeek))],
  ['Werkdagen per week', esc(getal(m.werkplek.werkdagenPerWeek))],
])}
</section>

<section aria-labelledby="kop-normfunctie">
<h2 id="kop-normfunctie">3. Normfunctie</h2>
${gegevens([
  ['Normfunctie', esc(m.normfunctie.naam)],
  ['Omschrijving', esc(m.normfunctie.omschrijving)],
  ['Volledige werkweek', `${esc(getal(m.normfunctie.urenPerWeek))} uur`],
])}
<p class="klein">De normfunctie is de functie van een gemiddelde werknemer met een soortgelijke opleiding en ervaring, die niet tot de doelgroep loonkostensubsidie behoort, en die het dichtst ligt bij het werk dat de werknemer feitelijk doet.</p>
</section>

<section aria-labelledby="kop-taken">
<h2 id="kop-taken">4. Hoofdtaken, tempo, kwaliteit en inzetbaarheid</h2>
${takenTabel(m)}
</section>

<section aria-labelledby="kop-loonwaarde">
<h2 id="kop-loonwaarde">5. Loonwaarde</h2>
<p class="loonwaarde">De loonwaarde is <strong>${procent(u.loonwaarde)}</strong> van het wettelijk minimumloon.</p>
${
  u.afgeweken
    ? `<p>De berekende loonwaarde is ${procent(u.berekendeLoonwaarde)}. De loonwaardedeskundige heeft ${procent(u.loonwaarde)} vastgesteld, omdat: ${esc(u.afwijkingsreden)}</p>`
    : ''
}
<p class="klein">${esc(u.formule)} Het gewogen gemiddelde is ${esc(getal(u.exacteLoonwaarde))}%.</p>
<details open>
<summary>Berekening stap voor stap</summary>
<ol class="stappen">${u.stappen.map((s) => `<li>${esc(s.omschrijving)}: ${esc(s.berekening)} = ${esc(getal(s.uitkomst))}${s.eenheid === '%' ? '%' : ' uur'}</li>`).join('')}</ol>
</details>
${u.toelichting.map((t) => `<p class="klein">${esc(t)}</p>`).join('')}
</section>

<section aria-labelledby="kop-deskundige">
<h2 id="kop-deskundige">6. Loonwaardedeskundige en methode</h2>
${gegevens([
  ['Loonwaardedeskundige', esc(m.deskundige.naam)],
  ['Organisatie', esc(m.deskundige.organisatie ?? '')],
  ['Kwalificatie', esc(k.omschrijving)],
  ['Hbo-niveau of gelijkwaardig', k.hboOfGelijkwaardig ? 'Ja' : 'Nee'],
  ['Relevante werkervaring', `${esc(getal(k.jarenErvaring))} jaar`],
  ['Methode', esc(m.methode)],
  ['Meetdatum', esc(datum(m.meetdatum))],
])}
</section>

<section aria-labelledby="kop-volgende">
<h2 id="kop-volgende">7. Volgende meting</h2>
<p>De loonwaarde wordt opnieuw vastgesteld op of rond <strong>${esc(datum(m.volgendeMetingOp))}</strong>, zoals afgesproken met werkgever en werknemer (Participatiewet art. 10d lid 6).</p>
</section>

<section aria-labelledby="kop-lks">
<h2 id="kop-lks">8. Loonkostensubsidie (ter informatie)</h2>
${lksDeel(m)}
</section>

<section aria-labelledby="kop-ondertekening">
<h2 id="kop-ondertekening">9. Ondertekening</h2>
<div class="handtekeningen">
${handtekening('Loonwaardedeskundige', m.deskundige.naam)}
${handtekening('Werkgever', '')}
${handtekening('Werknemer', g.werknemer.naam)}
</div>
</section>

<footer>
<p>Bronnen: ${u.bronnen.map(esc).join('; ')}.</p>
<p>Meting ${esc(m.id)}, vastgelegd in Passend op ${esc(datum(m.aangemaaktOp))}.</p>
</footer>
</main>
</body>
</html>
`;
}
