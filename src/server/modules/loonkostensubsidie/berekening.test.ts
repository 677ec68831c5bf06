import { describe, expect, it } from 'vitest';
import { berekenLoonkostensubsidie, euro } from './berekening.js';

const bedrag = (uitkomst: ReturnType<typeof berekenLoonkostensubsidie>, omschrijving: string) =>
  uitkomst.stappen.find((s) => s.omschrijving.startsWith(omschrijving))?.bedrag;

describe('loonkostensubsidie (Participatiewet art. 10d)', () => {
  it('worked example: loonwaarde 60% at 32 hours on 2026-03-01, by hand from the parameters in force', () => {
    // WML 2026: €14,71/uur. 36 uur: 14,71 × 36 × 52/12 = 2294,76. VB 8% = 183,58 → 2478,34.
    // Loonwaarde 60% = 1376,86; VB 110,15 → 1487,01. Verschil 991,33 < max 70% (1734,84).
    // Werkgeverslasten 23,5% = 232,96 → 1224,29 bij 36 uur; × 32/36 = 1088,26 per maand; × 12 = 13059,12.
    const u = berekenLoonkostensubsidie({ peildatum: '2026-03-01', loonwaarde: 60, urenPerWeek: 32 });
    expect(bedrag(u, 'Minimumloon per maand')).toBe(2294.76);
    expect(bedrag(u, 'Minimumloon + vakantiebijslag')).toBe(2478.34);
    expect(bedrag(u, 'Loonwaarde + vakantiebijslag')).toBe(1487.01);
    expect(bedrag(u, 'Loonkostensubsidie (laagste')).toBe(991.33);
    expect(bedrag(u, 'Vergoeding werkgeverslasten')).toBe(232.96);
    expect(u.maandbedrag).toBe(1088.26);
    expect(u.jaarbedrag).toBe(13059.12);
    expect(u.parameters.find((p) => p.naam === 'wml_uurloon')).toMatchObject({ waarde: 14.71, geldigVan: '2026-01-01' });
  });

  it('uses the WML in force on the peildatum (1 July 2025 indexation)', () => {
    const juni = berekenLoonkostensubsidie({ peildatum: '2025-06-30', loonwaarde: 60, urenPerWeek: 36 });
    const juli = berekenLoonkostensubsidie({ peildatum: '2025-07-01', loonwaarde: 60, urenPerWeek: 36 });
    expect(bedrag(juni, 'Minimumloon per maand')).toBe(euro((14.06 * 36 * 52) / 12));
    expect(bedrag(juli, 'Minimumloon per maand')).toBe(euro((14.4 * 36 * 52) / 12));
    expect(juli.maandbedrag).toBeGreaterThan(juni.maandbedrag);
  });

  it('caps the subsidy at 70% of (WML + vakantiebijslag)', () => {
    const u = berekenLoonkostensubsidie({ peildatum: '2026-03-01', loonwaarde: 10, urenPerWeek: 36 });
    expect(bedrag(u, 'Loonkostensubsidie (laagste')).toBe(bedrag(u, 'Maximum'));
    expect(bedrag(u, 'Maximum')).toBe(euro(2478.34 * 0.7));
    expect(u.toelichting.join(' ')).toContain('begrensd');
  });

  it('gives nothing at a loonwaarde of 100%', () => {
    const u = berekenLoonkostensubsidie({ peildatum: '2026-03-01', loonwaarde: 100, urenPerWeek: 36 });
    expect(u.maandbedrag).toBe(0);
  });

  it('counts hours only up to the sector full-time week, pro rata against 36', () => {
    const at36 = berekenLoonkostensubsidie({ peildatum: '2026-03-01', loonwaarde: 50, urenPerWeek: 36 });
    const at40in38 = berekenLoonkostensubsidie({ peildatum: '2026-03-01', loonwaarde: 50, urenPerWeek: 40, voltijdsUrenSector: 38 });
    expect(at40in38.maandbedrag).toBe(euro((at36.maandbedrag * 38) / 36));
    const at40default = berekenLoonkostensubsidie({ peildatum: '2026-03-01', loonwaarde: 50, urenPerWeek: 40 });
    expect(at40default.maandbedrag).toBe(at36.maandbedrag);
  });

  it('forfaitair: 50% of (WML + vb) plus werkgeverslasten, for at most 6 months', () => {
    const u = berekenLoonkostensubsidie({ peildatum: '2026-03-01', loonwaarde: 0, urenPerWeek: 36, forfaitair: true });
    expect(u.route).toBe('forfaitair');
    const lks = euro(2478.34 * 0.5);
    expect(bedrag(u, 'Forfaitaire loonkostensubsidie')).toBe(lks);
    expect(u.maandbedrag).toBe(euro(lks + euro(lks * 0.235)));
    expect(u.maanden).toBe(6);
    expect(u.jaarbedrag).toBe(euro(u.maandbedrag * 6));
  });

  it('applies the youth minimum wage under 21', () => {
    const u = berekenLoonkostensubsidie({ peildatum: '2026-03-01', loonwaarde: 60, urenPerWeek: 36, leeftijd: 19 });
    expect(bedrag(u, 'Minimumuurloon voor deze leeftijd')).toBe(euro(14.71 * 0.6));
    expect(u.parameters.some((p) => p.naam === 'jeugdloon_pct' && p.waarde === 60)).toBe(true);
  });

  it('shows every step with a calculation a person can check', () => {
    const u = berekenLoonkostensubsidie({ peildatum: '2026-03-01', loonwaarde: 60, urenPerWeek: 32 });
    expect(u.stappen.map((s) => s.nr)).toEqual(u.stappen.map((_, i) => i + 1));
    for (const s of u.stappen) expect(s.berekening).toMatch(/\d/);
  });
});
