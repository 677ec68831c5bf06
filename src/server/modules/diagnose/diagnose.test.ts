import { describe, expect, it } from 'vitest';
import { type DiagnoseKern, GESPREKSDREMPEL, huidigePerPerspectief, isVerouderd, valideerDiagnose, vergelijk, verloop } from './diagnose.js';
import { HUIDIG_INSTRUMENT, INSTRUMENTEN, leefgebiedNaam, SCORES, SPORTEN } from './instrument.js';

const I = HUIDIG_INSTRUMENT;
const VANDAAG = '2026-11-23';

describe('instrument', () => {
  it('has the 13 ZRM leefgebieden, each with a description per level 1–5, in the person’s words too', () => {
    expect(I.leefgebieden.map((l) => l.code)).toEqual([
      'financien',
      'werk_opleiding',
      'tijdsbesteding',
      'huisvesting',
      'huiselijke_relaties',
      'geestelijke_gezondheid',
      'lichamelijke_gezondheid',
      'middelengebruik',
      'basale_adl',
      'instrumentele_adl',
      'sociaal_netwerk',
      'maatschappelijke_participatie',
      'justitie',
    ]);
    for (const l of I.leefgebieden) {
      expect(Object.keys(l.niveaus).map(Number)).toEqual([...SCORES]);
      for (const s of SCORES) {
        expect(l.niveaus[s].omschrijving.length, `${l.code} ${s}`).toBeGreaterThan(10);
        expect(l.niveaus[s].ikZin, `${l.code} ${s}`).toMatch(/\b(ik|mij|mijzelf|mijn|me)\b/i);
      }
      // Five different levels: no description repeated within a domain.
      expect(new Set(SCORES.map((s) => l.niveaus[s].ikZin)).size).toBe(5);
    }
    expect(Object.keys(I.participatieladder.sporten).map(Number)).toEqual([...SPORTEN]);
    expect(I.participatieladder.sporten[1].naam).toBe('Geïsoleerd');
    expect(I.participatieladder.sporten[6].naam).toBe('Betaald werk zonder ondersteuning');
    expect(I.schaal[1].naam).toBe('Acute problematiek');
    expect(I.schaal[5].naam).toBe('Volledig zelfredzaam');
    expect(INSTRUMENTEN[I.versie]).toBe(I);
    for (const bron of [I.bron, I.participatieladder.bron, I.motivatie.bron]) expect(bron.length).toBeGreaterThan(20);
  });

  it('names a leefgebied by code, also for a version it does not know', () => {
    expect(leefgebiedNaam('financien', I.versie)).toBe('Financiën');
    expect(leefgebiedNaam('financien', 'bestaat-niet')).toBe('Financiën');
    expect(leefgebiedNaam('oud_gebied')).toBe('oud_gebied');
  });
});

const geldig = { perspectief: 'professional', datum: '2026-11-01', participatieladder: 3, motivatieScore: 4, leefgebieden: [{ code: 'financien', score: 2 }] };

describe('valideerDiagnose', () => {
  it('accepts a valid diagnose', () => {
    expect(valideerDiagnose(geldig, I, VANDAAG)).toEqual([]);
    expect(valideerDiagnose({ ...geldig, participatieladder: null, motivatieScore: null }, I, VANDAAG)).toEqual([]);
  });

  it('names every wrong field: unknown leefgebied, score outside 1–5, rung outside 1–6, duplicate, future date', () => {
    const fouten = valideerDiagnose(
      {
        perspectief: 'buurman',
        datum: '2027-01-01',
        participatieladder: 7,
        motivatieScore: 0,
        leefgebieden: [
          { code: 'financien', score: 6 },
          { code: 'sterrenkunde', score: 3 },
          { code: 'financien', score: 2.5 },
        ],
      },
      I,
      VANDAAG,
    );
    expect(fouten.map((f) => [f.veld, f.code])).toEqual([
      ['perspectief', 'onbekend_perspectief'],
      ['datum', 'datum_in_toekomst'],
      ['participatieladder', 'sport_buiten_bereik'],
      ['motivatieScore', 'score_buiten_bereik'],
      ['leefgebieden.0.score', 'score_buiten_bereik'],
      ['leefgebieden.1.code', 'onbekend_leefgebied'],
      ['leefgebieden.2.code', 'dubbel_leefgebied'],
      ['leefgebieden.2.score', 'score_buiten_bereik'],
    ]);
    expect(fouten.find((f) => f.veld === 'leefgebieden.1.code')!.reden).toContain('sterrenkunde');
  });

  it('checks the edges of the scales', () => {
    for (const score of [1, 5]) expect(valideerDiagnose({ ...geldig, leefgebieden: [{ code: 'justitie', score }] }, I, VANDAAG)).toEqual([]);
    for (const score of [0, 6, -1]) expect(valideerDiagnose({ ...geldig, leefgebieden: [{ code: 'justitie', score }] }, I, VANDAAG)).toHaveLength(1);
    for (const sport of [1, 6]) expect(valideerDiagnose({ ...geldig, participatieladder: sport }, I, VANDAAG)).toEqual([]);
    for (const sport of [0, 7, 3.5]) expect(valideerDiagnose({ ...geldig, participatieladder: sport }, I, VANDAAG)).toHaveLength(1);
    expect(valideerDiagnose({ ...geldig, datum: VANDAAG }, I, VANDAAG)).toEqual([]);
    expect(valideerDiagnose({ ...geldig, datum: '1999-12-31' }, I, VANDAAG).map((f) => f.code)).toEqual(['datum_te_vroeg']);
    expect(valideerDiagnose({ ...geldig, datum: '2026-02-30' }, I, VANDAAG).map((f) => f.code)).toEqual([]);
  });

  it('refuses an empty diagnose', () => {
    expect(valideerDiagnose({ perspectief: 'persoon', datum: VANDAAG, leefgebieden: [] }, I, VANDAAG).map((f) => f.veld)).toEqual(['leefgebieden']);
  });
});

const d = (over: Partial<DiagnoseKern> & Pick<DiagnoseKern, 'id' | 'perspectief' | 'datum'>): DiagnoseKern => ({
  aangemaaktOp: `${over.datum}T10:00:00.000Z`,
  instrumentVersie: I.versie,
  participatieladder: null,
  motivatieScore: null,
  leefgebieden: [],
  ...over,
});

describe('huidigePerPerspectief', () => {
  it('takes the latest per perspective by date, then by recording time', () => {
    const a = d({ id: 'a', perspectief: 'persoon', datum: '2026-03-01' });
    const b = d({ id: 'b', perspectief: 'persoon', datum: '2026-09-01' });
    const c = d({ id: 'c', perspectief: 'professional', datum: '2026-09-01' });
    const c2 = d({ id: 'c2', perspectief: 'professional', datum: '2026-09-01', aangemaaktOp: '2026-09-01T11:00:00.000Z' });
    expect(huidigePerPerspectief([b, a, c2, c])).toEqual({ persoon: b, professional: c2 });
    expect(huidigePerPerspectief([a])).toEqual({ persoon: a, professional: null });
  });
});

describe('vergelijk', () => {
  it('puts the views side by side and marks a difference of 2 or more as a conversation topic', () => {
    const persoon = d({
      id: 'p',
      perspectief: 'persoon',
      datum: '2026-09-01',
      participatieladder: 4,
      motivatieScore: 5,
      leefgebieden: [
        { code: 'financien', score: 4 },
        { code: 'sociaal_netwerk', score: 2 },
        { code: 'huisvesting', score: 3 },
      ],
    });
    const prof = d({
      id: 'q',
      perspectief: 'professional',
      datum: '2026-09-02',
      participatieladder: 2,
      motivatieScore: 4,
      leefgebieden: [
        { code: 'financien', score: 2 },
        { code: 'sociaal_netwerk', score: 3 },
        { code: 'justitie', score: 5 },
      ],
    });
    const v = vergelijk(persoon, prof, I);
    expect(v.leefgebieden).toHaveLength(13);
    const rij = (code: string) => v.leefgebieden.find((l) => l.code === code)!;
    expect(rij('financien')).toMatchObject({ naam: 'Financiën', persoon: 4, professional: 2, verschil: 2, gespreksonderwerp: true });
    expect(rij('sociaal_netwerk')).toMatchObject({ persoon: 2, professional: 3, verschil: -1, gespreksonderwerp: false });
    expect(rij('huisvesting')).toMatchObject({ persoon: 3, professional: null, verschil: null, gespreksonderwerp: false });
    expect(rij('justitie')).toMatchObject({ persoon: null, professional: 5, verschil: null });
    expect(v.gespreksonderwerpen).toEqual(['financien']);
    expect(v.participatieladder).toEqual({ persoon: 4, professional: 2, verschil: 2, gespreksonderwerp: true });
    expect(v.motivatie).toEqual({ persoon: 5, professional: 4, verschil: 1, gespreksonderwerp: false });
    expect(GESPREKSDREMPEL).toBe(2);
  });

  it('works with one view missing, and keeps leefgebieden an older instrument had', () => {
    const v = vergelijk(null, d({ id: 'q', perspectief: 'professional', datum: '2026-01-01', leefgebieden: [{ code: 'oud_gebied', score: 1 }] }), I);
    expect(v.leefgebieden).toHaveLength(14);
    expect(v.leefgebieden.at(-1)).toMatchObject({ code: 'oud_gebied', persoon: null, professional: 1, gespreksonderwerp: false });
    expect(v.gespreksonderwerpen).toEqual([]);
  });
});

describe('verloop', () => {
  it('gives the change over time per leefgebied and perspective, oldest first', () => {
    const lijst = [
      d({ id: 'p2', perspectief: 'persoon', datum: '2026-09-01', participatieladder: 3, leefgebieden: [{ code: 'financien', score: 3 }] }),
      d({ id: 'q1', perspectief: 'professional', datum: '2026-03-01', participatieladder: 1, leefgebieden: [{ code: 'financien', score: 1 }] }),
      d({ id: 'p1', perspectief: 'persoon', datum: '2026-03-01', participatieladder: 2, leefgebieden: [{ code: 'financien', score: 2 }] }),
      d({
        id: 'q2',
        perspectief: 'professional',
        datum: '2026-09-02',
        participatieladder: 3,
        motivatieScore: 4,
        leefgebieden: [{ code: 'werk_opleiding', score: 3 }],
      }),
    ];
    const v = verloop(lijst, I);
    const fin = v.leefgebieden.find((l) => l.code === 'financien')!;
    expect(fin.persoon.punten.map((p) => [p.datum, p.waarde, p.diagnoseId])).toEqual([
      ['2026-03-01', 2, 'p1'],
      ['2026-09-01', 3, 'p2'],
    ]);
    expect(fin.persoon.verandering).toBe(1);
    expect(fin.professional.punten.map((p) => p.waarde)).toEqual([1]);
    expect(fin.professional.verandering).toBeNull();
    expect(v.participatieladder.professional.verandering).toBe(2);
    expect(v.participatieladder.persoon.verandering).toBe(1);
    expect(v.motivatie.professional.punten).toHaveLength(1);
    expect(v.leefgebieden.find((l) => l.code === 'justitie')!.persoon.punten).toEqual([]);
  });
});

describe('isVerouderd', () => {
  it('flags a snapshot older than 30 days', () => {
    expect(isVerouderd('2026-10-24', VANDAAG)).toBe(false);
    expect(isVerouderd('2026-10-23', VANDAAG)).toBe(true);
  });
});
