import { describe, expect, it } from 'vitest';
import { vandaag } from './datum.js';

describe('vandaag', () => {
  it('is the Dutch date, also in the hours after Dutch midnight when UTC is still on yesterday', () => {
    expect(vandaag(new Date('2026-12-07T22:59:00Z'))).toBe('2026-12-07');
    // Winter time (UTC+1): 00:30 in Amsterdam on 8 December.
    expect(vandaag(new Date('2026-12-07T23:30:00Z'))).toBe('2026-12-08');
    // Summer time (UTC+2): 01:30 in Amsterdam on 1 July.
    expect(vandaag(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(vandaag(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
  it('changes at Dutch midnight, also when asked a second before and a second after', () => {
    expect(vandaag(new Date('2026-12-07T22:59:59.999Z'))).toBe('2026-12-07');
    expect(vandaag(new Date('2026-12-07T23:00:00.000Z'))).toBe('2026-12-08');
    expect(vandaag(new Date('2026-12-07T22:59:30.000Z'))).toBe('2026-12-07');
  });
});
