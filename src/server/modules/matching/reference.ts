/**
 * The plain reference implementation of matching: objects and loops, no typed arrays, no postings.
 * Slow and obviously right; the property test holds `MatchingEngine` to exactly these answers.
 */
import { FML_ITEMS, type FmlItem } from '../belastbaarheid/fml-catalogus.js';
import { type Aanpassing, type Belasting, type Beoordeling, type FunctieInvoer, type PersoonInvoer, type Profiel, vergelijkNaam } from './engine.js';

export function beoordeelReferentie(
  profiel: Profiel,
  belasting: Belasting,
  aanpassingen: readonly Aanpassing[],
  functieId: string,
  items: readonly FmlItem[] = FML_ITEMS,
): Beoordeling {
  let mismatches = 0;
  let opDeGrens = 0;
  let aangepast = 0;
  const aangepastItem = (code: string) => aanpassingen.some((a) => a.item === code && (a.functieId === null || a.functieId === functieId));
  for (const item of items) {
    if (item.soort === 'ordinaal') {
      const max = item.niveaus.length - 1;
      const p = Math.min(Math.max(profiel.niveaus[item.code] ?? 0, 0), max);
      const b = belasting[item.code];
      const f = typeof b === 'number' ? Math.min(Math.max(b, 0), max) : max;
      if (p > f) {
        if (aangepastItem(item.code)) aangepast++;
        else mismatches++;
      } else if (p === f && f > 0 && f < max) opDeGrens++;
    } else {
      const nodig = new Set((profiel.voorwaarden[item.code] ?? []).filter((c) => c in item.voorwaarden));
      const b = belasting[item.code];
      const nietGeboden = new Set(Array.isArray(b) ? b : []);
      const n = [...nodig].filter((c) => nietGeboden.has(c)).length;
      if (n === 0) continue;
      if (aangepastItem(item.code)) aangepast += n;
      else mismatches += n;
    }
  }
  return { mismatches, opDeGrens, aangepast };
}

/** Persons in insertion order; the same rules as `MatchingEngine.rangschikPersonen`. */
export function rangschikPersonenReferentie(
  personen: readonly PersoonInvoer[],
  functie: FunctieInvoer,
  vraag: { gemeenten: ReadonlySet<string>; extraPersonen?: ReadonlySet<string>; offset: number; limit: number },
) {
  const passend = personen
    .map((p, volgorde) => ({ p, volgorde }))
    .filter(({ p }) => p.actief && p.profiel !== null && (vraag.gemeenten.has(p.gemeenteId) || (vraag.extraPersonen?.has(p.id) ?? false)))
    .map(({ p, volgorde }) => ({ p, volgorde, b: beoordeelReferentie(p.profiel as Profiel, functie.belasting, p.aanpassingen, functie.id) }))
    .filter(({ b }) => b.mismatches === 0)
    .sort((x, y) => x.b.opDeGrens - y.b.opDeGrens || x.volgorde - y.volgorde);
  return {
    totaal: passend.length,
    resultaten: passend
      .slice(vraag.offset, vraag.offset + vraag.limit)
      .map(({ p, b }) => ({ persoonId: p.id, opDeGrens: b.opDeGrens, aangepast: b.aangepast })),
  };
}

export function rangschikFunctiesReferentie(
  persoon: PersoonInvoer,
  functies: readonly FunctieInvoer[],
  vraag: {
    organisaties: ReadonlySet<string>;
    maxOpleidingsrang?: number;
    urenMin?: number;
    urenMax?: number;
    groep?: string;
    inclusiefNietPassend?: boolean;
    offset: number;
    limit: number;
  },
) {
  const profiel: Profiel = persoon.profiel ?? { niveaus: {}, voorwaarden: {} };
  const lijst = functies
    .filter(
      (f) =>
        f.actief &&
        (f.organisatieId === null || vraag.organisaties.has(f.organisatieId)) &&
        (vraag.maxOpleidingsrang === undefined || f.opleidingsrang <= vraag.maxOpleidingsrang) &&
        (vraag.urenMin === undefined || f.urenMax >= vraag.urenMin) &&
        (vraag.urenMax === undefined || f.urenMin <= vraag.urenMax) &&
        (vraag.groep === undefined || f.groep === vraag.groep),
    )
    .map((f) => ({ f, b: beoordeelReferentie(profiel, f.belasting, persoon.aanpassingen, f.id) }))
    .filter(({ b }) => vraag.inclusiefNietPassend || b.mismatches === 0)
    .sort((x, y) => x.b.mismatches - y.b.mismatches || x.b.opDeGrens - y.b.opDeGrens || vergelijkNaam(x.f.naam, y.f.naam) || (x.f.id < y.f.id ? -1 : 1));
  return {
    totaal: lijst.length,
    resultaten: lijst.slice(vraag.offset, vraag.offset + vraag.limit).map(({ f, b }) => ({ functieId: f.id, ...b })),
  };
}
