import { describe, expect, it } from 'vitest';
import { PARAMETERS, ParameterOntbreekt, parameterOp } from './parameters.js';

describe('date-effective parameters', () => {
  it('returns the value in force on the date, with its source and validity', () => {
    expect(parameterOp('wml_uurloon', '2025-06-30')).toMatchObject({ waarde: 14.06, geldigVan: '2025-01-01', geldigTot: '2025-06-30' });
    expect(parameterOp('wml_uurloon', '2025-07-01').waarde).toBe(14.4);
    expect(parameterOp('wml_uurloon', '2026-03-15')).toMatchObject({ waarde: 14.71, geldigTot: null });
    expect(parameterOp('werkgeverslasten_pct', '2026-03-15').bron).toContain('2021');
  });
  it('refuses a date before any known value instead of guessing', () => {
    expect(() => parameterOp('wml_uurloon', '2019-01-01')).toThrow(ParameterOntbreekt);
  });
  it('has no gaps or overlaps between periods of any parameter', () => {
    for (const def of Object.values(PARAMETERS)) {
      const perioden = [...def.perioden].sort((a, b) => a.van.localeCompare(b.van));
      for (let i = 1; i < perioden.length; i++) {
        const prevEnd = perioden[i - 1]!.tot;
        expect(prevEnd, def.naam).not.toBeNull();
        const next = new Date(`${prevEnd}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(next.toISOString().slice(0, 10), def.naam).toBe(perioden[i]!.van);
      }
      expect(perioden.at(-1)!.tot, `${def.naam} must be open-ended`).toBeNull();
      for (const p of perioden) expect(p.bron.length, def.naam).toBeGreaterThan(10);
    }
  });
});
