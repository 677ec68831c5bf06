/**
 * Explains a match per FML item, in words a professional can check and a person can follow:
 * "Tillen: de functie vraagt ongeveer 10 kg; de persoon kan ongeveer 5 kg." Pure.
 */
import { FML_ITEMS, type FmlItem } from '../belastbaarheid/fml-catalogus.js';
import type { Aanpassing, Belasting, Profiel } from './engine.js';

export const OORDELEN = {
  past_niet: { label: 'Past niet' },
  aangepast: { label: 'Past met aanpassing' },
  op_de_grens: { label: 'Op de grens' },
  past: { label: 'Past' },
} as const;
export type Oordeel = keyof typeof OORDELEN;

export interface ItemUitleg {
  item: string;
  naam: string;
  rubriek: string;
  oordeel: Oordeel;
  functieVraagt: string;
  persoonKan: string;
  /** One sentence, for the screen and the report. */
  zin: string;
}

const VOLGORDE: Record<Oordeel, number> = { past_niet: 0, aangepast: 1, op_de_grens: 2, past: 3 };

/** What a function at level 0 asks: the full, normal load — said in the item's own terms where it has them. */
export function volleBelasting(niveaus: readonly string[]): string {
  return niveaus.length > 2 ? `meer dan ${kleine(niveaus[1] ?? '')}` : 'een normale belastbaarheid (zonder beperking)';
}

function kleine(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * Every item where the function asks something or the person is limited. Items neither touches are
 * left out; the list is ordered by severity, then catalogue order.
 */
export function verklaar(
  profiel: Profiel,
  belasting: Belasting,
  aanpassingen: readonly Aanpassing[],
  functieId: string,
  items: readonly FmlItem[] = FML_ITEMS,
): ItemUitleg[] {
  const uit: (ItemUitleg & { volgorde: number })[] = [];
  const aangepast = (code: string) => aanpassingen.some((a) => a.item === code && (a.functieId === null || a.functieId === functieId));
  items.forEach((item, volgorde) => {
    const b = belasting[item.code];
    if (item.soort === 'ordinaal') {
      const max = item.niveaus.length - 1;
      const p = Math.min(profiel.niveaus[item.code] ?? 0, max);
      const f = typeof b === 'number' ? Math.min(b, max) : max;
      if (typeof b !== 'number' && p === 0) return;
      const functieVraagt = typeof b !== 'number' ? 'niets bijzonders' : f === 0 ? volleBelasting(item.niveaus) : kleine(item.niveaus[f] ?? '');
      const persoonKan = p === 0 ? 'normaal (geen beperking)' : kleine(item.niveaus[p] ?? '');
      const oordeel: Oordeel = p > f ? (aangepast(item.code) ? 'aangepast' : 'past_niet') : p === f && f > 0 && f < max ? 'op_de_grens' : 'past';
      const zin =
        typeof b !== 'number'
          ? `${item.naam}: de functie vraagt hier niets bijzonders; de persoon kan ${persoonKan}.`
          : `${item.naam}: de functie vraagt ${functieVraagt}; de persoon kan ${persoonKan}.${oordeel === 'aangepast' ? ' Er is een werkplekaanpassing vastgelegd.' : oordeel === 'op_de_grens' ? ' Dit is precies de grens: bespreek het.' : ''}`;
      uit.push({ item: item.code, naam: item.naam, rubriek: item.rubriek, oordeel, functieVraagt, persoonKan, zin, volgorde });
      return;
    }
    const nodig = (profiel.voorwaarden[item.code] ?? []).filter((c) => c in item.voorwaarden);
    const nietGeboden = Array.isArray(b) ? b : [];
    if (nodig.length === 0 && nietGeboden.length === 0) return;
    const botsing = nodig.filter((c) => nietGeboden.includes(c));
    const tekst = (codes: readonly string[]) => codes.map((c) => kleine(item.voorwaarden[c] ?? c)).join(', ');
    const functieVraagt = nietGeboden.length > 0 ? `kan niet bieden: ${tekst(nietGeboden)}` : 'kan alle voorwaarden bieden';
    const persoonKan = nodig.length > 0 ? `heeft nodig: ${tekst(nodig)}` : 'heeft geen bijzondere voorwaarden nodig';
    const oordeel: Oordeel = botsing.length > 0 ? (aangepast(item.code) ? 'aangepast' : 'past_niet') : 'past';
    const zin =
      botsing.length > 0
        ? `${item.naam}: de persoon heeft nodig ${tekst(botsing)}, en de functie kan dat niet bieden.${oordeel === 'aangepast' ? ' Er is een werkplekaanpassing vastgelegd.' : ''}`
        : `${item.naam}: de functie ${functieVraagt}; de persoon ${persoonKan}.`;
    uit.push({ item: item.code, naam: item.naam, rubriek: item.rubriek, oordeel, functieVraagt, persoonKan, zin, volgorde });
  });
  uit.sort((a, b) => VOLGORDE[a.oordeel] - VOLGORDE[b.oordeel] || a.volgorde - b.volgorde);
  return uit.map(({ volgorde: _v, ...r }) => r);
}
