import { describe, expect, it } from 'vitest';
import { type Antwoorden, AfwijkingZonderReden, beoordeelJobcoachBehoefte, type JobcoachInvoer } from './protocol.js';

const laag: Antwoorden = {
  aard_beperking: 'nauwelijks',
  taakcomplexiteit: 'eenvoudig_en_vast',
  werkomgeving: 'rustig_en_voorspelbaar',
  leervermogen: 'snel',
  natuurlijke_steun: 'veel',
  communicatie_en_gedrag: 'geen',
  werkervaring: 'veel',
};
const hoog: Antwoorden = {
  aard_beperking: 'sterk',
  taakcomplexiteit: 'complex',
  werkomgeving: 'onvoorspelbaar',
  leervermogen: 'heel_langzaam',
  natuurlijke_steun: 'geen',
  communicatie_en_gedrag: 'voortdurend',
  werkervaring: 'geen',
};
const invoer = (over: Partial<JobcoachInvoer> = {}): JobcoachInvoer => ({
  peildatum: '2026-03-01',
  antwoorden: laag,
  urenPerWeek: 24,
  begeleidingsjaar: 1,
  beleid: { maxUrenPerHalfjaar: null, maxDuurJaren: null, bron: 'test' },
  ...over,
});

describe('jobcoach need assessment (UWV Protocol Jobcoach table)', () => {
  it('worked example: intensief in year 1 at 24 h/week = 15% of 624 h = 93.6 h per half year', () => {
    const a = beoordeelJobcoachBehoefte(invoer({ antwoorden: hoog }));
    expect(a.score).toBe(21);
    expect(a.regime).toBe('intensief');
    expect(a.werkurenPerHalfjaar).toBe(624);
    expect(a.percentage).toBe(15);
    expect(a.urenPerHalfjaar).toBe(93.6);
  });

  it('follows the protocol table over the years, including the merges into licht', () => {
    const pct = (antwoorden: Antwoorden, jaar: number) => beoordeelJobcoachBehoefte(invoer({ antwoorden, begeleidingsjaar: jaar }));
    expect([1, 2, 3, 5].map((j) => pct(hoog, j).percentage)).toEqual([15, 7.5, 6, 6]);
    const zeerLicht = pct(laag, 2);
    expect(zeerLicht.regime).toBe('zeer_licht');
    expect(zeerLicht.regimeVolgensProtocol).toBe('licht');
    expect(zeerLicht.percentage).toBe(3);
    const midden: Antwoorden = {
      ...laag,
      aard_beperking: 'duidelijk',
      taakcomplexiteit: 'veel_wisselingen',
      werkomgeving: 'vaak_druk_of_wisselend',
      leervermogen: 'langzaam_met_vaste_stappen',
      natuurlijke_steun: 'weinig',
    };
    expect(pct(midden, 1).regime).toBe('midden');
    expect([1, 2, 3].map((j) => pct(midden, j).percentage)).toEqual([10, 5, 3]);
    expect(pct(midden, 3).regimeVolgensProtocol).toBe('licht');
  });

  it('explains itself per concept', () => {
    const a = beoordeelJobcoachBehoefte(invoer({ antwoorden: hoog }));
    expect(a.argumenten).toHaveLength(7);
    expect(a.argumenten.find((x) => x.begrip === 'natuurlijke_steun')).toMatchObject({ antwoord: 'geen', score: 3 });
  });

  it("respects the gemeente's maximum hours and duration", () => {
    const a = beoordeelJobcoachBehoefte(invoer({ antwoorden: hoog, beleid: { maxUrenPerHalfjaar: 60, maxDuurJaren: 2, bron: 'Beleidsregels Kampen' } }));
    expect(a.urenVolgensProtocol).toBe(93.6);
    expect(a.urenPerHalfjaar).toBe(60);
    expect(a.begrensdDoorBeleid).toBe(true);
    expect(beoordeelJobcoachBehoefte(invoer({ begeleidingsjaar: 3, beleid: { maxUrenPerHalfjaar: null, maxDuurJaren: 2, bron: 'x' } })).binnenMaxDuur).toBe(
      false,
    );
  });

  it('lets the professional deviate only with a written reason', () => {
    expect(() => beoordeelJobcoachBehoefte(invoer({ afwijking: { regime: 'midden', reden: '' } }))).toThrow(AfwijkingZonderReden);
    const a = beoordeelJobcoachBehoefte(invoer({ afwijking: { regime: 'midden', reden: 'Nieuwe werkplek met wisselende diensten in de eerste maanden' } }));
    expect(a.geadviseerdRegime).toBe('zeer_licht');
    expect(a.regime).toBe('midden');
    expect(a.afgeweken).toBe(true);
    expect(a.percentage).toBe(10);
    expect(a.toelichting.join(' ')).toContain('wisselende diensten');
  });
});
