import { describe, expect, it } from 'vitest';
import { dagenTussen, termijnSignaal } from './taken.js';

describe('termijnSignaal', () => {
  it('is verlopen after the deadline, binnenkort within two days, op tijd otherwise', () => {
    expect(termijnSignaal('2026-11-20', '2026-11-23')).toBe('verlopen');
    expect(termijnSignaal('2026-11-23', '2026-11-23')).toBe('binnenkort');
    expect(termijnSignaal('2026-11-25', '2026-11-23')).toBe('binnenkort');
    expect(termijnSignaal('2026-11-26', '2026-11-23')).toBe('op_tijd');
    expect(termijnSignaal(null, '2026-11-23')).toBeNull();
  });
  it('counts days across a month and a DST change', () => {
    expect(dagenTussen('2026-10-24', '2026-10-26')).toBe(2);
    expect(dagenTussen('2026-11-30', '2026-12-01')).toBe(1);
    expect(dagenTussen('2026-12-01', '2026-11-30')).toBe(-1);
  });
});
