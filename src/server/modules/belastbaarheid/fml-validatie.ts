/**
 * Validation of FML values against the item catalogue — shared by a person's profile (what they can)
 * and a function's belasting (what it asks). Pure; returns every problem with its field path.
 */
import type { InvalidParam } from '../../http/problem.js';
import { FML_ITEM_BY_CODE, type FmlItem } from './fml-catalogus.js';

export function valideerFmlWaarde(pad: string, itemCode: string, waarde: unknown, items: ReadonlyMap<string, FmlItem> = FML_ITEM_BY_CODE): InvalidParam[] {
  const item = items.get(itemCode);
  if (!item) return [{ name: pad, code: 'onbekend_item', reason: `Onbekend FML-item '${itemCode}'.` }];
  if (item.soort === 'ordinaal') {
    const max = item.niveaus.length - 1;
    if (typeof waarde !== 'number' || !Number.isInteger(waarde) || waarde < 0 || waarde > max) {
      return [{ name: pad, code: 'ongeldig_niveau', reason: `${item.naam} (${item.code}) kent de niveaus 0 tot en met ${max}.` }];
    }
    return [];
  }
  if (!Array.isArray(waarde) || waarde.length === 0) {
    return [{ name: pad, code: 'voorwaarden_verwacht', reason: `${item.naam} (${item.code}) vraagt een lijst voorwaarden, geen niveau.` }];
  }
  const fouten: InvalidParam[] = [];
  const gezien = new Set<string>();
  for (const [i, c] of waarde.entries()) {
    if (typeof c !== 'string' || !(c in item.voorwaarden)) {
      fouten.push({
        name: `${pad}[${i}]`,
        code: 'onbekende_voorwaarde',
        reason: `Onbekende voorwaarde voor ${item.code}: kies uit ${Object.keys(item.voorwaarden).join(', ')}.`,
      });
    } else if (gezien.has(c)) fouten.push({ name: `${pad}[${i}]`, code: 'dubbel', reason: `Voorwaarde '${c}' staat er twee keer in.` });
    else gezien.add(c);
  }
  return fouten;
}

/** A whole belasting object: { itemCode: level | [conditions] }. */
export function valideerBelasting(pad: string, belasting: Readonly<Record<string, unknown>>): InvalidParam[] {
  return Object.entries(belasting).flatMap(([code, w]) => valideerFmlWaarde(`${pad}.${code}`, code, w));
}

/** CSV form of a belasting: `IV.13=2|I.8=geen_deadlines+geen_hoog_tempo`. */
export function belastingNaarTekst(belasting: Readonly<Record<string, number | readonly string[]>>): string {
  return Object.entries(belasting)
    .map(([code, w]) => `${code}=${typeof w === 'number' ? w : w.join('+')}`)
    .join('|');
}

export function belastingUitTekst(tekst: string): { belasting: Record<string, number | string[]>; fouten: string[] } {
  const belasting: Record<string, number | string[]> = {};
  const fouten: string[] = [];
  for (const deel of tekst
    .split('|')
    .map((d) => d.trim())
    .filter(Boolean)) {
    const m = /^([IVX]+\.\d+)\s*=\s*(.+)$/.exec(deel);
    if (!m) {
      fouten.push(`'${deel}' is geen item=waarde`);
      continue;
    }
    const [, code, waarde] = m as unknown as [string, string, string];
    if (code in belasting) fouten.push(`${code} staat er twee keer in`);
    const item = FML_ITEM_BY_CODE.get(code);
    belasting[code] = item?.soort === 'voorwaarden' || !/^\d+$/.test(waarde) ? waarde.split('+').map((w) => w.trim()) : Number(waarde);
  }
  return { belasting, fouten };
}
