/**
 * Law and policy as data: date-effective parameters, each with its source. A calculation for a date
 * uses the values in force on that date. Add a new period by appending a row — never edit an old one.
 * [REFERENCE.md §2.1, §2.2, §2.4]
 */
export interface Periode<T = number> {
  van: string; // ISO date, inclusive
  tot: string | null; // ISO date, inclusive; null = until further notice
  waarde: T;
  bron: string;
}

export interface ParameterDefinitie<T = number> {
  naam: string;
  omschrijving: string;
  eenheid: string;
  perioden: readonly Periode<T>[];
}

export const PARAMETERS = {
  wml_uurloon: {
    naam: 'wml_uurloon',
    omschrijving: 'Wettelijk minimumuurloon (21 jaar en ouder)',
    eenheid: 'EUR/uur',
    perioden: [
      { van: '2025-01-01', tot: '2025-06-30', waarde: 14.06, bron: 'Wet minimumloon en minimumvakantiebijslag; bedrag per 1 januari 2025 (svb.nl)' },
      { van: '2025-07-01', tot: '2025-12-31', waarde: 14.4, bron: 'Wet minimumloon en minimumvakantiebijslag; indexering 1 juli 2025 (Stcrt. 2025, 12264)' },
      { van: '2026-01-01', tot: null, waarde: 14.71, bron: 'Wet minimumloon en minimumvakantiebijslag; indexering 1 januari 2026 (+2,15%)' },
    ],
  },
  vakantiebijslag_pct: {
    naam: 'vakantiebijslag_pct',
    omschrijving: 'Minimumvakantiebijslag als percentage van het loon',
    eenheid: '%',
    perioden: [{ van: '1974-01-01', tot: null, waarde: 8, bron: 'Wet minimumloon en minimumvakantiebijslag, art. 15 lid 1' }],
  },
  werkgeverslasten_pct: {
    naam: 'werkgeverslasten_pct',
    omschrijving: 'Forfaitaire vergoeding werkgeverslasten bovenop de loonkostensubsidie',
    eenheid: '%',
    perioden: [
      { van: '2015-01-01', tot: '2020-12-31', waarde: 23.5, bron: 'Regeling loonkostensubsidie Participatiewet (Stcrt. 2014, 29290)' },
      { van: '2021-01-01', tot: null, waarde: 23.5, bron: 'Regeling loonkostensubsidie Participatiewet 2021, art. 1' },
    ],
  },
  lks_maximum_pct: {
    naam: 'lks_maximum_pct',
    omschrijving: 'Maximale loonkostensubsidie als percentage van (WML + vakantiebijslag)',
    eenheid: '%',
    perioden: [{ van: '2015-01-01', tot: null, waarde: 70, bron: 'Participatiewet art. 10d lid 4' }],
  },
  lks_normuren: {
    naam: 'lks_normuren',
    omschrijving: 'Arbeidsduur waarop de loonkostensubsidie is gebaseerd',
    eenheid: 'uur/week',
    perioden: [{ van: '2015-01-01', tot: null, waarde: 36, bron: 'Participatiewet art. 10d lid 4' }],
  },
  lks_forfaitair_pct: {
    naam: 'lks_forfaitair_pct',
    omschrijving: 'Forfaitaire loonkostensubsidie zolang de loonwaarde nog niet is vastgesteld',
    eenheid: '%',
    perioden: [{ van: '2015-01-01', tot: null, waarde: 50, bron: 'Participatiewet art. 10d lid 5' }],
  },
  lks_forfaitair_max_maanden: {
    naam: 'lks_forfaitair_max_maanden',
    omschrijving: 'Maximale duur van de forfaitaire loonkostensubsidie',
    eenheid: 'maanden',
    perioden: [{ van: '2015-01-01', tot: null, waarde: 6, bron: 'Participatiewet art. 10d lid 5' }],
  },
} as const satisfies Record<string, ParameterDefinitie>;
export type ParameterNaam = keyof typeof PARAMETERS;

/** Youth minimum wage as a percentage of the adult rate, by age. [REFERENCE.md §2.4] */
export const JEUGD_PERCENTAGES: Periode<Record<number, number>>[] = [
  {
    van: '2017-07-01',
    tot: null,
    waarde: { 15: 30, 16: 34.5, 17: 39.5, 18: 50, 19: 60, 20: 80 },
    bron: 'Wet minimumloon en minimumvakantiebijslag, art. 9 en Besluit staffelpercentages minimumjeugdloon',
  },
];

export interface Gebruikt {
  naam: string;
  omschrijving: string;
  waarde: number;
  eenheid: string;
  geldigVan: string;
  geldigTot: string | null;
  bron: string;
}

export class ParameterOntbreekt extends Error {}

export function periodeOp<T>(perioden: readonly Periode<T>[], peildatum: string): Periode<T> {
  const p = perioden.find((x) => x.van <= peildatum && (x.tot === null || peildatum <= x.tot));
  if (!p) throw new ParameterOntbreekt(`Geen waarde bekend op ${peildatum}`);
  return p;
}

/** The value of a parameter on a date, with where it comes from. */
export function parameterOp(naam: ParameterNaam, peildatum: string): Gebruikt {
  const def: ParameterDefinitie = PARAMETERS[naam];
  let p: Periode;
  try {
    p = periodeOp(def.perioden, peildatum);
  } catch {
    throw new ParameterOntbreekt(`Geen waarde voor ${def.omschrijving.toLowerCase()} op ${peildatum}.`);
  }
  return { naam: def.naam, omschrijving: def.omschrijving, waarde: p.waarde, eenheid: def.eenheid, geldigVan: p.van, geldigTot: p.tot, bron: p.bron };
}
