/**
 * The policy dashboard as pure aggregations over anonymous facts (no names, no SQL, no HTTP): where do
 * people fall back (seed 001: ~30% returned within three months, reasons only in general terms)?
 * Every table goes through small-cell suppression before it leaves this file: a hidden cell carries no
 * value at all, so neither the API, the chart nor the CSV can show it.
 */
import { TERUGMELDREDEN_CATEGORIEEN, type TerugmeldredenCategorie, TRAJECTROUTE_CODES, TRAJECTROUTES, type Trajectroute } from '../../../shared/codes.js';
import { MINIMALE_GROEP, onderdruk, type Verband } from './onderdrukking.js';

/** Three months: the window Leiden measured returns in, and after which the chance of work drops (seed 001). */
export const TERUGVAL_MAANDEN = 3;

/** One referral, as the dashboard sees it: ids only to count distinct people, never shown. */
export interface VerwijzingFeit {
  verwijzingId: string;
  persoonId: string;
  aanbiederId: string;
  aanbiederNaam: string;
  route: string;
  startdatum: string;
  /** When the person applied (dossier created), YYYY-MM-DD. */
  aanmelddatum: string;
  /** YYYY-MM-DD of the return, if the provider returned the person. */
  teruggemeldOp: string | null;
  primaireReden: { code: string; label: string; categorie: TerugmeldredenCategorie } | null;
}

/** A participatieladder rung (1–6) from the professional's diagnosis, per date. */
export interface LadderFeit {
  persoonId: string;
  datum: string;
  trede: number;
}

export interface Periode {
  van: string;
  tot: string;
}

export interface Kolom {
  sleutel: string;
  label: string;
  soort: 'aantal' | 'percentage' | 'dagen';
}

export interface Cel {
  /** null when hidden or not computable. */
  waarde: number | null;
  /** What a person reads: "12", "27%", "<5", "–". */
  weergave: string;
}

export interface Rij {
  sleutel: string;
  label: string;
  soort: 'groep' | 'subtotaal' | 'totaal';
  cellen: Cel[];
}

export interface Tabel {
  sleutel: DashboardTabel;
  titel: string;
  toelichting: string;
  kolommen: Kolom[];
  rijen: Rij[];
  /** false: there is no data source yet (e.g. no diagnoses); the screen says "nog geen gegevens". */
  beschikbaar: boolean;
}

export const DASHBOARD_TABELLEN = {
  'terugval-per-aanbieder': { titel: 'Terugmeldingen binnen drie maanden, per aanbieder' },
  'terugval-per-route': { titel: 'Terugmeldingen binnen drie maanden, per route' },
  terugmeldredenen: { titel: 'Redenen van terugmelding (hoofdreden)' },
  doorlooptijd: { titel: 'Tijd van aanmelding tot eerste verwijzing' },
  routewisselingen: { titel: 'Wisselingen tussen routes' },
  participatieladder: { titel: 'Treden gestegen op de participatieladder' },
} as const;
export type DashboardTabel = keyof typeof DASHBOARD_TABELLEN;
export const DASHBOARD_TABEL_CODES = Object.keys(DASHBOARD_TABELLEN) as [DashboardTabel, ...DashboardTabel[]];

const ONDERDRUKT: Cel = { waarde: null, weergave: `<${MINIMALE_GROEP}` };
const LEEG: Cel = { waarde: null, weergave: '–' };
const aantal = (n: number): Cel => ({ waarde: n, weergave: String(n) });
const procent = (teller: number, noemer: number): Cel => {
  const p = Math.round((1000 * teller) / noemer) / 10;
  return { waarde: p, weergave: `${String(p).replace('.', ',')}%` };
};
const dagen = (d: number): Cel => ({ waarde: d, weergave: `${d} ${d === 1 ? 'dag' : 'dagen'}` });

/** Adds whole months to an ISO date (clamped to the month's last day). */
export function plusMaanden(datum: string, maanden: number): string {
  const [j, m, d] = datum.split('-').map(Number) as [number, number, number];
  const doel = new Date(Date.UTC(j, m - 1 + maanden, 1));
  const laatste = new Date(Date.UTC(doel.getUTCFullYear(), doel.getUTCMonth() + 1, 0)).getUTCDate();
  doel.setUTCDate(Math.min(d, laatste));
  return doel.toISOString().slice(0, 10);
}

export function dagenTussen(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const inPeriode = (datum: string, p: Periode) => datum >= p.van && datum <= p.tot;

/** Median (mean of the middle two) and the 90th percentile (nearest rank), in whole days. */
export function mediaanEnP90(waarden: readonly number[]): { mediaan: number; p90: number } | null {
  if (waarden.length === 0) return null;
  const s = [...waarden].sort((a, b) => a - b);
  const midden = s.length / 2;
  const mediaan = s.length % 2 === 1 ? s[Math.floor(midden)]! : (s[midden - 1]! + s[midden]!) / 2;
  const p90 = s[Math.max(0, Math.ceil(0.9 * s.length) - 1)]!;
  return { mediaan: Math.round(mediaan), p90 };
}

interface Groep {
  sleutel: string;
  label: string;
  personen: Set<string>;
  tellingen: number[];
}

/**
 * Rows of groups with count columns plus a total row; suppresses small groups (fewer than 5 people)
 * and small counts, with secondary suppression against the total per column.
 */
function groepentabel(groepen: Groep[], kolommen: number): { rijen: { g: Groep; cellen: (number | null)[] }[]; totaal: (number | null)[] } {
  const n = groepen.length;
  const waarden: number[] = [];
  const verbanden: Verband[] = [];
  const extra: number[] = [];
  // Index: row r, column k → r * kolommen + k; the total row is row n.
  const totaal = Array.from({ length: kolommen }, (_, k) => groepen.reduce((a, g) => a + g.tellingen[k]!, 0));
  for (const [r, g] of groepen.entries()) {
    for (let k = 0; k < kolommen; k++) {
      waarden[r * kolommen + k] = g.tellingen[k]!;
      if (g.personen.size < MINIMALE_GROEP) extra.push(r * kolommen + k);
    }
  }
  for (let k = 0; k < kolommen; k++) {
    waarden[n * kolommen + k] = totaal[k]!;
    verbanden.push({ totaal: n * kolommen + k, delen: groepen.map((_, r) => r * kolommen + k) });
  }
  const totaalPersonen = new Set(groepen.flatMap((g) => [...g.personen]));
  if (totaalPersonen.size > 0 && totaalPersonen.size < MINIMALE_GROEP) for (let k = 0; k < kolommen; k++) extra.push(n * kolommen + k);
  const verborgen = onderdruk(waarden, verbanden, extra);
  const cel = (i: number) => (verborgen[i] ? null : waarden[i]!);
  return {
    rijen: groepen.map((g, r) => ({ g, cellen: Array.from({ length: kolommen }, (_, k) => cel(r * kolommen + k)) })),
    totaal: Array.from({ length: kolommen }, (_, k) => cel(n * kolommen + k)),
  };
}

const toonAantal = (v: number | null): Cel => (v === null ? ONDERDRUKT : aantal(v));
/** A share is shown only when both its counts are shown and the base is at least 5. */
const toonAandeel = (teller: number | null, noemer: number | null): Cel =>
  teller === null || noemer === null ? ONDERDRUKT : noemer < MINIMALE_GROEP ? (noemer === 0 ? LEEG : ONDERDRUKT) : procent(teller, noemer);

/**
 * Return rate within three months of the referral's start, per provider or per route. Only referrals
 * that started in the period and are at least three months old on `peildatum` count (a younger one
 * could still come back).
 */
export function terugvalTabel(feiten: readonly VerwijzingFeit[], per: 'aanbieder' | 'route', periode: Periode, peildatum: string): Tabel {
  const rijp = feiten.filter((f) => inPeriode(f.startdatum, periode) && plusMaanden(f.startdatum, TERUGVAL_MAANDEN) <= peildatum);
  const groepen = new Map<string, Groep>();
  for (const f of rijp) {
    const sleutel = per === 'aanbieder' ? f.aanbiederId : f.route;
    const label = per === 'aanbieder' ? f.aanbiederNaam : (TRAJECTROUTES[f.route as Trajectroute]?.label ?? f.route);
    const g = groepen.get(sleutel) ?? { sleutel, label, personen: new Set<string>(), tellingen: [0, 0] };
    g.personen.add(f.persoonId);
    g.tellingen[0]! += 1;
    if (f.teruggemeldOp && f.teruggemeldOp <= plusMaanden(f.startdatum, TERUGVAL_MAANDEN)) g.tellingen[1]! += 1;
    groepen.set(sleutel, g);
  }
  const lijst = [...groepen.values()].sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const { rijen, totaal } = groepentabel(lijst, 2);
  const sleutel: DashboardTabel = per === 'aanbieder' ? 'terugval-per-aanbieder' : 'terugval-per-route';
  return {
    sleutel,
    titel: DASHBOARD_TABELLEN[sleutel].titel,
    toelichting: `Verwijzingen die in de periode begonnen en minstens ${TERUGVAL_MAANDEN} maanden oud zijn; teruggemeld = binnen ${TERUGVAL_MAANDEN} maanden na de start door de aanbieder teruggemeld. Groepen kleiner dan ${MINIMALE_GROEP} personen staan er als "<${MINIMALE_GROEP}".`,
    kolommen: [
      { sleutel: 'verwijzingen', label: 'Verwijzingen', soort: 'aantal' },
      { sleutel: 'teruggemeld', label: `Teruggemeld binnen ${TERUGVAL_MAANDEN} maanden`, soort: 'aantal' },
      { sleutel: 'percentage', label: 'Percentage teruggemeld', soort: 'percentage' },
    ],
    rijen: [
      ...rijen.map(({ g, cellen }) => ({
        sleutel: g.sleutel,
        label: g.label,
        soort: 'groep' as const,
        cellen: [toonAantal(cellen[0]!), toonAantal(cellen[1]!), toonAandeel(cellen[1]!, cellen[0]!)],
      })),
      { sleutel: 'totaal', label: 'Totaal', soort: 'totaal', cellen: [toonAantal(totaal[0]!), toonAantal(totaal[1]!), toonAandeel(totaal[1]!, totaal[0]!)] },
    ],
    beschikbaar: true,
  };
}

/** The primary reason of every return in the period, per category with its reasons. */
export function redenenTabel(feiten: readonly VerwijzingFeit[], periode: Periode): Tabel {
  const terug = feiten.filter((f) => f.teruggemeldOp && f.primaireReden && inPeriode(f.teruggemeldOp, periode));
  const categorieen = Object.keys(TERUGMELDREDEN_CATEGORIEEN) as TerugmeldredenCategorie[];
  const perReden = new Map<string, { label: string; categorie: TerugmeldredenCategorie; n: number }>();
  for (const f of terug) {
    const r = f.primaireReden!;
    const bestaand = perReden.get(r.code) ?? { label: r.label, categorie: r.categorie, n: 0 };
    bestaand.n += 1;
    perReden.set(r.code, bestaand);
  }
  // Index space: reasons first, then one subtotal per category, then the total.
  const redenen = [...perReden.entries()].sort((a, b) => categorieen.indexOf(a[1].categorie) - categorieen.indexOf(b[1].categorie) || b[1].n - a[1].n);
  const waarden = redenen.map(([, r]) => r.n);
  const catIndex = new Map<TerugmeldredenCategorie, number>();
  for (const c of categorieen) {
    catIndex.set(c, waarden.length);
    waarden.push(redenen.filter(([, r]) => r.categorie === c).reduce((a, [, r]) => a + r.n, 0));
  }
  const totaalIndex = waarden.length;
  waarden.push(terug.length);
  const verbanden: Verband[] = [
    ...categorieen.map((c) => ({ totaal: catIndex.get(c)!, delen: redenen.flatMap(([, r], i) => (r.categorie === c ? [i] : [])) })),
    { totaal: totaalIndex, delen: categorieen.map((c) => catIndex.get(c)!) },
  ];
  const verborgen = onderdruk(waarden, verbanden);
  const cel = (i: number) => (verborgen[i] ? ONDERDRUKT : aantal(waarden[i]!));
  const rijen: Rij[] = [];
  for (const c of categorieen) {
    rijen.push({ sleutel: `categorie:${c}`, label: TERUGMELDREDEN_CATEGORIEEN[c].label, soort: 'subtotaal', cellen: [cel(catIndex.get(c)!)] });
    for (const [i, [code, r]] of redenen.entries()) if (r.categorie === c) rijen.push({ sleutel: code, label: r.label, soort: 'groep', cellen: [cel(i)] });
  }
  rijen.push({ sleutel: 'totaal', label: 'Totaal', soort: 'totaal', cellen: [cel(totaalIndex)] });
  return {
    sleutel: 'terugmeldredenen',
    titel: DASHBOARD_TABELLEN.terugmeldredenen.titel,
    toelichting: 'Terugmeldingen in de periode, naar de hoofdreden die de aanbieder koos uit de regionale lijst van redenen.',
    kolommen: [{ sleutel: 'aantal', label: 'Terugmeldingen', soort: 'aantal' }],
    rijen,
    beschikbaar: true,
  };
}

/** Days from application (dossier created) to the person's first referral, when that referral started in the period. */
export function doorlooptijdTabel(feiten: readonly VerwijzingFeit[], periode: Periode): Tabel {
  const eerste = new Map<string, VerwijzingFeit>();
  for (const f of [...feiten].sort((a, b) => a.startdatum.localeCompare(b.startdatum) || a.verwijzingId.localeCompare(b.verwijzingId))) {
    if (!eerste.has(f.persoonId)) eerste.set(f.persoonId, f);
  }
  const binnen = [...eerste.values()].filter((f) => inPeriode(f.startdatum, periode));
  const perRoute = new Map<string, number[]>();
  for (const f of binnen) perRoute.set(f.route, [...(perRoute.get(f.route) ?? []), Math.max(0, dagenTussen(f.aanmelddatum, f.startdatum))]);
  const routes = TRAJECTROUTE_CODES.filter((r) => perRoute.has(r));
  // Each first referral is one person, so the count column is a count of people.
  const groepen: Groep[] = routes.map((r) => ({
    sleutel: r,
    label: TRAJECTROUTES[r].label,
    personen: new Set(binnen.filter((f) => f.route === r).map((f) => f.persoonId)),
    tellingen: [perRoute.get(r)!.length],
  }));
  const { rijen, totaal } = groepentabel(groepen, 1);
  const statistiek = (n: number | null, waarden: number[]): Cel[] => {
    if (n === null) return [ONDERDRUKT, ONDERDRUKT, ONDERDRUKT];
    const s = mediaanEnP90(waarden);
    return s ? [aantal(n), dagen(s.mediaan), dagen(s.p90)] : [aantal(n), LEEG, LEEG];
  };
  return {
    sleutel: 'doorlooptijd',
    titel: DASHBOARD_TABELLEN.doorlooptijd.titel,
    toelichting:
      'Per persoon de eerste verwijzing die in de periode begon: het aantal dagen sinds de aanmelding (het dossier werd aangemaakt). Mediaan en 90e percentiel.',
    kolommen: [
      { sleutel: 'personen', label: 'Personen', soort: 'aantal' },
      { sleutel: 'mediaan', label: 'Mediaan', soort: 'dagen' },
      { sleutel: 'p90', label: '90% binnen', soort: 'dagen' },
    ],
    rijen: [
      ...rijen.map(({ g, cellen }) => ({
        sleutel: g.sleutel,
        label: g.label,
        soort: 'groep' as const,
        cellen: statistiek(cellen[0]!, perRoute.get(g.sleutel)!),
      })),
      { sleutel: 'totaal', label: 'Totaal', soort: 'totaal', cellen: statistiek(totaal[0]!, [...perRoute.values()].flat()) },
    ],
    beschikbaar: true,
  };
}

/**
 * Movement between routes: for each person, consecutive referrals (by start date) give a pair
 * from-route → to-route, counted when the later referral started in the period. A matrix with row and
 * column totals, suppressed in both directions.
 */
export function routewisselingenTabel(feiten: readonly VerwijzingFeit[], periode: Periode): Tabel {
  const perPersoon = new Map<string, VerwijzingFeit[]>();
  for (const f of feiten) perPersoon.set(f.persoonId, [...(perPersoon.get(f.persoonId) ?? []), f]);
  const R = TRAJECTROUTE_CODES.length;
  const idx = (r: string) => TRAJECTROUTE_CODES.indexOf(r as Trajectroute);
  const matrix = Array.from({ length: R }, () => Array<number>(R).fill(0));
  for (const lijst of perPersoon.values()) {
    lijst.sort((a, b) => a.startdatum.localeCompare(b.startdatum) || a.verwijzingId.localeCompare(b.verwijzingId));
    for (let i = 1; i < lijst.length; i++) {
      const van = idx(lijst[i - 1]!.route);
      const naar = idx(lijst[i]!.route);
      if (van < 0 || naar < 0 || !inPeriode(lijst[i]!.startdatum, periode)) continue;
      matrix[van]![naar]! += 1;
    }
  }
  // Index space: cells r*R+c, row totals R*R+r, column totals R*R+R+c, grand total R*R+2R.
  const cel = (r: number, c: number) => r * R + c;
  const rijTot = (r: number) => R * R + r;
  const kolTot = (c: number) => R * R + R + c;
  const groot = R * R + 2 * R;
  const waarden: number[] = [];
  for (let r = 0; r < R; r++) for (let c = 0; c < R; c++) waarden[cel(r, c)] = matrix[r]![c]!;
  for (let r = 0; r < R; r++) waarden[rijTot(r)] = matrix[r]!.reduce((a, b) => a + b, 0);
  for (let c = 0; c < R; c++) waarden[kolTot(c)] = matrix.reduce((a, rij) => a + rij[c]!, 0);
  waarden[groot] = waarden.slice(R * R, R * R + R).reduce((a, b) => a + b, 0);
  const reeks = Array.from({ length: R }, (_, i) => i);
  const verbanden: Verband[] = [
    ...reeks.map((r) => ({ totaal: rijTot(r), delen: reeks.map((c) => cel(r, c)) })),
    ...reeks.map((c) => ({ totaal: kolTot(c), delen: reeks.map((r) => cel(r, c)) })),
    { totaal: groot, delen: reeks.map(rijTot) },
    { totaal: groot, delen: reeks.map(kolTot) },
  ];
  const verborgen = onderdruk(waarden, verbanden);
  const toon = (i: number) => (verborgen[i] ? ONDERDRUKT : aantal(waarden[i]!));
  return {
    sleutel: 'routewisselingen',
    titel: DASHBOARD_TABELLEN.routewisselingen.titel,
    toelichting: 'Rij: de route van de vorige verwijzing; kolom: de route van de volgende verwijzing van dezelfde persoon (die in de periode begon).',
    kolommen: [
      ...TRAJECTROUTE_CODES.map((r) => ({ sleutel: r, label: TRAJECTROUTES[r].label, soort: 'aantal' as const })),
      { sleutel: 'totaal', label: 'Totaal', soort: 'aantal' },
    ],
    rijen: [
      ...reeks.map((r) => ({
        sleutel: TRAJECTROUTE_CODES[r]!,
        label: TRAJECTROUTES[TRAJECTROUTE_CODES[r]!].label,
        soort: 'groep' as const,
        cellen: [...reeks.map((c) => toon(cel(r, c))), toon(rijTot(r))],
      })),
      { sleutel: 'totaal', label: 'Totaal', soort: 'totaal', cellen: [...reeks.map((c) => toon(kolTot(c))), toon(groot)] },
    ],
    beschikbaar: true,
  };
}

const LADDERGROEPEN = [
  { sleutel: 'gedaald', label: 'Gedaald', past: (d: number) => d < 0 },
  { sleutel: 'gelijk', label: 'Gelijk gebleven', past: (d: number) => d === 0 },
  { sleutel: 'een', label: '1 trede gestegen', past: (d: number) => d === 1 },
  { sleutel: 'twee_of_meer', label: '2 of meer treden gestegen', past: (d: number) => d >= 2 },
] as const;

/**
 * Rungs climbed on the participatieladder: per person the professional's first and latest diagnosis,
 * when the latest falls in the period. `feiten` null: no diagnosis data source exists yet.
 */
export function ladderTabel(feiten: readonly LadderFeit[] | null, periode: Periode): Tabel {
  const basis = {
    sleutel: 'participatieladder' as const,
    titel: DASHBOARD_TABELLEN.participatieladder.titel,
    toelichting:
      'Personen met minstens twee diagnoses van een professional: de trede bij de laatste min die bij de eerste (1 geïsoleerd … 6 betaald werk zonder ondersteuning).',
    kolommen: [{ sleutel: 'personen', label: 'Personen', soort: 'aantal' as const }],
  };
  if (!feiten) return { ...basis, rijen: [], beschikbaar: false };
  const perPersoon = new Map<string, LadderFeit[]>();
  for (const f of feiten) perPersoon.set(f.persoonId, [...(perPersoon.get(f.persoonId) ?? []), f]);
  const verschillen: number[] = [];
  for (const lijst of perPersoon.values()) {
    if (lijst.length < 2) continue;
    lijst.sort((a, b) => a.datum.localeCompare(b.datum));
    const laatste = lijst[lijst.length - 1]!;
    if (!inPeriode(laatste.datum, periode)) continue;
    verschillen.push(laatste.trede - lijst[0]!.trede);
  }
  const waarden = [...LADDERGROEPEN.map((g) => verschillen.filter(g.past).length), verschillen.length];
  const verborgen = onderdruk(waarden, [{ totaal: LADDERGROEPEN.length, delen: LADDERGROEPEN.map((_, i) => i) }]);
  const toon = (i: number) => (verborgen[i] ? ONDERDRUKT : aantal(waarden[i]!));
  return {
    ...basis,
    rijen: [
      ...LADDERGROEPEN.map((g, i) => ({ sleutel: g.sleutel, label: g.label, soort: 'groep' as const, cellen: [toon(i)] })),
      { sleutel: 'totaal', label: 'Totaal', soort: 'totaal', cellen: [toon(LADDERGROEPEN.length)] },
    ],
    beschikbaar: true,
  };
}

/** Every table of the dashboard for one scope and period. */
export function bouwDashboard(verwijzingen: readonly VerwijzingFeit[], ladder: readonly LadderFeit[] | null, periode: Periode, peildatum: string): Tabel[] {
  return [
    terugvalTabel(verwijzingen, 'aanbieder', periode, peildatum),
    terugvalTabel(verwijzingen, 'route', periode, peildatum),
    redenenTabel(verwijzingen, periode),
    doorlooptijdTabel(verwijzingen, periode),
    routewisselingenTabel(verwijzingen, periode),
    ladderTabel(ladder, periode),
  ];
}

/** The CSV lines of a table: the same cells as the screen, so the same suppression. */
export function tabelAlsRegels(t: Tabel): string[][] {
  return [['', ...t.kolommen.map((k) => k.label)], ...t.rijen.map((r) => [r.label, ...r.cellen.map((c) => c.weergave)])];
}
