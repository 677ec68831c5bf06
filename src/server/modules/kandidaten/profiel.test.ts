import { describe, expect, it } from 'vitest';
import { COMPLEETHEID, compleetheid, identificerendeTekst, nieuwPubliekId, type ProfielVelden, profielRij } from './profiel.js';

const leeg: ProfielVelden = {
  wensen: null,
  kwaliteiten: null,
  sectoren: [],
  gewensteFuncties: [],
  opleidingsniveau: null,
  urenMin: null,
  urenMax: null,
  beschikbaarVanaf: null,
  werkcondities: [],
  banenafspraak: false,
};

describe('kandidaatprofiel', () => {
  it('scores completeness by weight and names what is missing', () => {
    expect(Object.values(COMPLEETHEID).reduce((s, v) => s + v.gewicht, 0)).toBe(100);
    expect(compleetheid(leeg)).toEqual({ score: 0, ontbrekend: Object.keys(COMPLEETHEID) });
    const deels = compleetheid({ ...leeg, wensen: 'Ik werk graag buiten in het groen', opleidingsniveau: 'entree', urenMax: 24 });
    expect(deels.score).toBe(40);
    expect(deels.ontbrekend).toEqual(['kwaliteiten', 'gewensteFuncties', 'sectoren', 'beschikbaarVanaf', 'werkcondities']);
    // Too short to tell an employer anything does not count.
    expect(compleetheid({ ...leeg, wensen: 'werk' }).score).toBe(0);
  });

  it('maps every field to its column, with the completeness score (the one mapping every writer uses)', () => {
    const v: ProfielVelden = {
      wensen: 'Ik werk graag buiten in het groen',
      kwaliteiten: 'Zorgvuldig en geduldig',
      sectoren: ['groen'],
      gewensteFuncties: ['Hovenier'],
      opleidingsniveau: 'mbo2',
      urenMin: 16,
      urenMax: 24,
      beschikbaarVanaf: '2027-01-01',
      werkcondities: ['werkt_graag_buiten'],
      banenafspraak: true,
    };
    expect(profielRij(v)).toEqual({
      wensen: v.wensen,
      kwaliteiten: v.kwaliteiten,
      sectoren: ['groen'],
      gewenste_functies: ['Hovenier'],
      opleidingsniveau: 'mbo2',
      uren_min: 16,
      uren_max: 24,
      beschikbaar_vanaf: '2027-01-01',
      werkcondities: ['werkt_graag_buiten'],
      banenafspraak: true,
      compleetheid: 100,
    });
  });

  it('spots contact details and BSN-like numbers in free text', () => {
    expect(identificerendeTekst('Bel mij op 06-12345678 of mail jan@example.nl')).toEqual(['een e-mailadres', 'een telefoonnummer']);
    expect(identificerendeTekst('Woon in 8011 AB, nummer 123456782')).toEqual(['een nummer van 9 cijfers (BSN?)', 'een postcode']);
    expect(identificerendeTekst('Ik werk graag 24 uur per week buiten, met 2 collega’s')).toEqual([]);
  });

  it('makes public references that practically never repeat', () => {
    // 32^6 ≈ 1.07e9 codes: 2,000 draws collide with probability ~0.2%, so allow one or two.
    const ids = new Set(Array.from({ length: 2000 }, nieuwPubliekId));
    expect(ids.size).toBeGreaterThanOrEqual(1998);
    for (const id of ids) expect(id).toMatch(/^K-[2-9A-HJ-NP-Z]{6}$/);
  });
});
