import { describe, expect, it } from 'vitest';
import { VERWIJZINGSTATUS_CODES, type Verwijzingstatus } from '../../../shared/codes.js';
import { beoordeelOvergang, isLopend, mogelijkeStappen, OVERGANGEN } from './statusverloop.js';

describe('statusverloop van een verwijzing', () => {
  it('follows the happy path: aangemeld → geaccepteerd → gestart → afgerond, all by the provider', () => {
    expect(beoordeelOvergang('aangemeld', 'geaccepteerd', 'aanbieder')).toEqual({ ok: true, eindigt: false });
    expect(beoordeelOvergang('geaccepteerd', 'gestart', 'aanbieder')).toEqual({ ok: true, eindigt: false });
    expect(beoordeelOvergang('gestart', 'afgerond', 'aanbieder')).toEqual({ ok: true, eindigt: true });
  });

  it('refuses a transition that does not exist with a conflict, naming the possible steps', () => {
    const r = beoordeelOvergang('aangemeld', 'afgerond', 'aanbieder');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fout).toBe('conflict');
      expect(r.reden).toContain('geaccepteerd');
    }
    expect(beoordeelOvergang('gestart', 'geaccepteerd', 'aanbieder')).toMatchObject({ ok: false, fout: 'conflict' });
    expect(beoordeelOvergang('gestart', 'gestart', 'aanbieder')).toMatchObject({ ok: false, fout: 'conflict' });
  });

  it('never leaves a final status', () => {
    for (const eind of ['geweigerd', 'afgerond', 'teruggemeld', 'ingetrokken'] as const) {
      expect(isLopend(eind)).toBe(false);
      for (const naar of VERWIJZINGSTATUS_CODES) {
        for (const partij of ['gemeente', 'aanbieder'] as const) {
          const r = beoordeelOvergang(eind, naar, partij, { toelichting: 'x', route: 'terugmelding' });
          expect(r).toMatchObject({ ok: false, fout: 'conflict' });
        }
      }
    }
  });

  it('lets each party make only its own steps', () => {
    expect(beoordeelOvergang('aangemeld', 'geaccepteerd', 'gemeente')).toMatchObject({ ok: false, fout: 'geen_toegang' });
    expect(beoordeelOvergang('gestart', 'ingetrokken', 'aanbieder', { toelichting: 'Weg' })).toMatchObject({ ok: false, fout: 'geen_toegang' });
    expect(beoordeelOvergang('gestart', 'ingetrokken', 'gemeente', { toelichting: 'Verhuisd' })).toEqual({ ok: true, eindigt: true });
  });

  it('requires an explanation for a refusal and a withdrawal', () => {
    expect(beoordeelOvergang('aangemeld', 'geweigerd', 'aanbieder')).toMatchObject({ ok: false, fout: 'niet_verwerkbaar', veld: 'toelichting' });
    expect(beoordeelOvergang('aangemeld', 'geweigerd', 'aanbieder', { toelichting: '   ' })).toMatchObject({ ok: false, fout: 'niet_verwerkbaar' });
    expect(beoordeelOvergang('aangemeld', 'geweigerd', 'aanbieder', { toelichting: 'Geen plek' })).toEqual({ ok: true, eindigt: true });
    expect(beoordeelOvergang('aangemeld', 'ingetrokken', 'gemeente')).toMatchObject({ ok: false, fout: 'niet_verwerkbaar' });
  });

  it('accepts a return only through the terugmelding (with coded reasons), from every running status', () => {
    for (const van of ['aangemeld', 'geaccepteerd', 'gestart'] as const) {
      expect(beoordeelOvergang(van, 'teruggemeld', 'aanbieder', { toelichting: 'Ziek' })).toMatchObject({ ok: false, fout: 'niet_verwerkbaar' });
      expect(beoordeelOvergang(van, 'teruggemeld', 'aanbieder', { toelichting: 'Ziek', route: 'terugmelding' })).toEqual({ ok: true, eindigt: true });
      expect(beoordeelOvergang(van, 'teruggemeld', 'gemeente', { toelichting: 'Ziek', route: 'terugmelding' })).toMatchObject({
        ok: false,
        fout: 'geen_toegang',
      });
    }
  });

  it('lists the steps per party, and every step ends in a known status', () => {
    expect(mogelijkeStappen('aangemeld', 'aanbieder').sort()).toEqual(['geaccepteerd', 'geweigerd', 'teruggemeld']);
    expect(mogelijkeStappen('aangemeld', 'gemeente')).toEqual(['ingetrokken']);
    expect(mogelijkeStappen('afgerond', 'gemeente')).toEqual([]);
    for (const [van, naar] of Object.entries(OVERGANGEN)) {
      expect(VERWIJZINGSTATUS_CODES).toContain(van as Verwijzingstatus);
      for (const n of Object.keys(naar)) expect(VERWIJZINGSTATUS_CODES).toContain(n as Verwijzingstatus);
    }
  });
});
