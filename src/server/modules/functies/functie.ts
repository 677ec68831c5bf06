/**
 * A function in the catalogue: validation shared by the API and the CSV import (pure), and the CSV
 * layout. Loads in the regional seed are illustrative (see catalogus-data.ts).
 */
import { z } from 'zod';
import { OPLEIDINGSNIVEAU_CODES, OPLEIDINGSNIVEAUS, type Opleidingsniveau } from '../../../shared/codes.js';
import type { InvalidParam } from '../../http/problem.js';
import { belastingNaarTekst, belastingUitTekst, valideerBelasting } from '../belastbaarheid/fml-validatie.js';
import { FUNCTIEGROEPEN, SECTOREN } from './catalogus-data.js';

export const FUNCTIEGROEP_CODES = Object.keys(FUNCTIEGROEPEN) as [string, ...string[]];
export const SECTOR_CODES = Object.keys(SECTOREN) as [string, ...string[]];

const Belasting = z.record(z.string().max(10), z.union([z.number().int(), z.array(z.string().max(40)).max(20)]));

export const FunctieInvoerSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Gebruik kleine letters, cijfers en streepjes (bijv. medewerker-inpak).')
    .max(80),
  naam: z.string().trim().min(2).max(120),
  isco: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'Een ISCO-08-code heeft 4 cijfers.')
    .nullable()
    .optional(),
  brc: z.string().trim().max(10).nullable().optional(),
  groep: z.enum(FUNCTIEGROEP_CODES, { message: 'Onbekende functiegroep.' }),
  opleidingsniveau: z.enum(OPLEIDINGSNIVEAU_CODES, { message: 'Onbekend opleidingsniveau.' }),
  sector: z.enum(SECTOR_CODES, { message: 'Onbekende sector.' }),
  urenMin: z.number().gt(0).max(60),
  urenMax: z.number().gt(0).max(60),
  taken: z.array(z.string().trim().min(2).max(200)).min(1, 'Noem minstens één taak.').max(12),
  belasting: Belasting,
  actief: z.boolean().default(true),
});
export type FunctieInvoer = z.output<typeof FunctieInvoerSchema>;

/** Checks that zod cannot express: hours in order, FML values valid for their item. */
export function valideerFunctie(f: FunctieInvoer): InvalidParam[] {
  const fouten: InvalidParam[] = [];
  if (f.urenMax < f.urenMin) fouten.push({ name: 'urenMax', code: 'ongeldig', reason: 'Het maximum aantal uren is kleiner dan het minimum.' });
  fouten.push(...valideerBelasting('belasting', f.belasting));
  return fouten;
}

export function opleidingsrang(niveau: string): number {
  return OPLEIDINGSNIVEAUS[niveau as Opleidingsniveau]?.rang ?? 0;
}

/** CSV columns, in order. Lists inside a cell are separated by '|'; conditions by '+'. */
export const CSV_KOLOMMEN = [
  'code',
  'naam',
  'isco',
  'brc',
  'groep',
  'opleidingsniveau',
  'sector',
  'uren_min',
  'uren_max',
  'taken',
  'belasting',
  'actief',
] as const;

export function functieNaarCsvWaarden(f: FunctieInvoer): (string | number | null)[] {
  return [
    f.code,
    f.naam,
    f.isco ?? null,
    f.brc ?? null,
    f.groep,
    f.opleidingsniveau,
    f.sector,
    f.urenMin,
    f.urenMax,
    f.taken.join('|'),
    belastingNaarTekst(f.belasting),
    f.actief ? 'ja' : 'nee',
  ];
}

export interface RijFout {
  regel: number;
  veld: string;
  reden: string;
}

const MAX_VELD = 4000;

/**
 * One CSV record → a validated function, or every problem in it. `kolommen` maps the header's
 * column names to positions, so columns may come in any order; unknown columns are reported.
 */
export function functieUitCsv(
  regel: number,
  velden: readonly string[],
  kolommen: ReadonlyMap<string, number>,
): { functie: FunctieInvoer } | { fouten: RijFout[] } {
  const fouten: RijFout[] = [];
  const cel = (k: (typeof CSV_KOLOMMEN)[number]) => {
    const i = kolommen.get(k);
    return i === undefined ? '' : (velden[i] ?? '').trim();
  };
  for (const [i, v] of velden.entries()) {
    if (v.length > MAX_VELD) {
      const naam = [...kolommen].find(([, n]) => n === i)?.[0] ?? `kolom ${i + 1}`;
      fouten.push({ regel, veld: naam, reden: `Het veld is te lang (${v.length} tekens, hoogstens ${MAX_VELD}).` });
    }
  }
  if (velden.length !== kolommen.size) fouten.push({ regel, veld: '(regel)', reden: `Verwacht ${kolommen.size} kolommen, gevonden ${velden.length}.` });
  if (fouten.length > 0) return { fouten };
  const getal = (k: 'uren_min' | 'uren_max') => {
    const t = cel(k).replace(',', '.');
    const n = Number(t);
    if (t === '' || !Number.isFinite(n)) fouten.push({ regel, veld: k, reden: `'${cel(k)}' is geen getal.` });
    return n;
  };
  const { belasting, fouten: belastingFouten } = belastingUitTekst(cel('belasting'));
  for (const r of belastingFouten) fouten.push({ regel, veld: 'belasting', reden: r });
  const actiefTekst = cel('actief').toLowerCase();
  if (!['', 'ja', 'nee', 'true', 'false', '1', '0'].includes(actiefTekst)) fouten.push({ regel, veld: 'actief', reden: "Gebruik 'ja' of 'nee'." });
  const kandidaat = {
    code: cel('code'),
    naam: cel('naam'),
    isco: cel('isco') || null,
    brc: cel('brc') || null,
    groep: cel('groep'),
    opleidingsniveau: cel('opleidingsniveau'),
    sector: cel('sector'),
    urenMin: getal('uren_min'),
    urenMax: getal('uren_max'),
    taken: cel('taken')
      .split('|')
      .map((t) => t.trim())
      .filter(Boolean),
    belasting,
    actief: !['nee', 'false', '0'].includes(actiefTekst),
  };
  const r = FunctieInvoerSchema.safeParse(kandidaat);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const veld = String(issue.path[0] ?? '(regel)');
      const csvVeld = { urenMin: 'uren_min', urenMax: 'uren_max' }[veld] ?? veld;
      if (fouten.some((f) => f.veld === csvVeld)) continue;
      fouten.push({ regel, veld: csvVeld, reden: issue.message });
    }
    // Report the FML values too, so one pass shows every problem in the row.
    if (!fouten.some((f) => f.veld === 'belasting')) {
      for (const f of valideerBelasting('belasting', belasting)) fouten.push({ regel, veld: 'belasting', reden: f.reason });
    }
  } else {
    for (const f of valideerFunctie(r.data))
      fouten.push({ regel, veld: f.name.startsWith('belasting') ? 'belasting' : f.name === 'urenMax' ? 'uren_max' : f.name, reden: f.reason });
  }
  return fouten.length > 0 || !r.success ? { fouten } : { functie: r.data };
}
