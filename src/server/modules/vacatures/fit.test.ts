import { describe, expect, it } from 'vitest';
import { FML_ITEMS } from '../belastbaarheid/fml-catalogus.js';
import type { Beoordeling } from '../matching/engine.js';
import { FIT_SOORTEN, fitSamenvatting, type KandidaatVoorVacature, ordenKandidaten } from './fit.js';

/** Every text of a summary an employer could get. */
function teksten(s: NonNullable<ReturnType<typeof fitSamenvatting>>): string[] {
  return [s.label, s.uitleg, s.bespreekTekst ?? ''];
}

/** FML words that would reveal a condition: item names and codes, level texts, condition texts. */
function fmlTermen(): string[] {
  const termen = new Set<string>();
  for (const item of FML_ITEMS) {
    termen.add(item.code);
    termen.add(item.naam);
    if (item.soort === 'ordinaal') for (const n of item.niveaus) termen.add(n);
    else for (const [code, tekst] of Object.entries(item.voorwaarden)) termen.add(code).add(tekst);
  }
  // "Niet" is a level text of one item (climbing: not at all); as a word on its own it reveals nothing.
  termen.delete('Niet');
  return [...termen].filter((x) => x.trim().length > 0);
}

const regexVan = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('fit summary for an employer', () => {
  const alle: Beoordeling[] = [];
  for (let mismatches = 0; mismatches <= 2; mismatches++)
    for (let opDeGrens = 0; opDeGrens <= 4; opDeGrens++) for (let aangepast = 0; aangepast <= 2; aangepast++) alle.push({ mismatches, opDeGrens, aangepast });

  it('never contains an FML item name, code, level or condition text', () => {
    const termen = fmlTermen();
    expect(termen.length).toBeGreaterThan(150);
    const samenvattingen = [fitSamenvatting(null), ...alle.map(fitSamenvatting)].filter((s) => s !== null);
    expect(samenvattingen.length).toBe(1 + 5 * 3); // unknown, plus every fitting combination
    for (const s of samenvattingen) {
      for (const tekst of teksten(s)) {
        for (const term of termen) {
          expect(new RegExp(`(^|[^\\p{L}])${regexVan(term)}($|[^\\p{L}])`, 'iu').test(tekst), `"${tekst}" contains "${term}"`).toBe(false);
        }
      }
    }
  });

  it('says fits, fits with an adaptation, or not known — and counts the points to go through', () => {
    expect(fitSamenvatting({ mismatches: 0, opDeGrens: 0, aangepast: 0 })).toMatchObject({
      soort: 'past',
      label: FIT_SOORTEN.past.label,
      bespreekpunten: 0,
      bespreekTekst: null,
    });
    expect(fitSamenvatting({ mismatches: 0, opDeGrens: 2, aangepast: 1 })).toMatchObject({
      soort: 'past_met_aanpassing',
      label: 'Past met een aanpassing op de werkplek',
      bespreekpunten: 2,
      bespreekTekst: '2 punten om samen door te nemen',
    });
    expect(fitSamenvatting({ mismatches: 0, opDeGrens: 1, aangepast: 0 })?.bespreekTekst).toBe('1 punt om samen door te nemen');
    expect(fitSamenvatting(null)).toMatchObject({ soort: 'onbekend', label: 'Belastbaarheid niet bekend' });
  });

  it('a candidate that does not fit gets no summary (and is not shown)', () => {
    expect(fitSamenvatting({ mismatches: 1, opDeGrens: 0, aangepast: 0 })).toBeNull();
    expect(fitSamenvatting({ mismatches: 2, opDeGrens: 0, aangepast: 3 })).toBeNull();
  });
});

describe('ordering candidates for a vacancy', () => {
  const k = (persoonId: string, over: Partial<KandidaatVoorVacature>): KandidaatVoorVacature => ({
    persoonId,
    beoordeling: { mismatches: 0, opDeGrens: 0, aangepast: 0 },
    engineRang: 0,
    urenPassen: true,
    relevantie: 0,
    zelfdeGemeente: false,
    ...over,
  });

  it('fit first (engine order of points near the limit), then hours, text, gemeente; unknown after; misfits out', () => {
    const lijst = [
      k('onbekend-tekst', { beoordeling: null, engineRang: null, relevantie: 0.5 }),
      k('grens-1', { beoordeling: { mismatches: 0, opDeGrens: 1, aangepast: 0 }, engineRang: 0 }),
      k('past-uren-nee', { urenPassen: false, relevantie: 0.9, engineRang: 1 }),
      k('past-tekst', { relevantie: 0.3, engineRang: 3 }),
      k('past-gemeente', { zelfdeGemeente: true, engineRang: 4 }),
      k('past-kaal-b', { engineRang: 6 }),
      k('past-kaal-a', { engineRang: 5 }),
      k('past-niet', { beoordeling: { mismatches: 1, opDeGrens: 0, aangepast: 0 }, engineRang: null }),
      k('onbekend-uren-nee', { beoordeling: null, engineRang: null, urenPassen: false, relevantie: 0.9 }),
      k('onbekend-kaal', { beoordeling: null, engineRang: null }),
    ];
    expect(ordenKandidaten(lijst).map((x) => x.persoonId)).toEqual([
      'past-tekst',
      'past-gemeente',
      'past-kaal-a',
      'past-kaal-b',
      'past-uren-nee',
      'grens-1',
      'onbekend-tekst',
      'onbekend-kaal',
      'onbekend-uren-nee',
    ]);
  });
});
