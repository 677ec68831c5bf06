import { describe, expect, it } from 'vitest';
import { stableId, tijdgeordendId } from './ids.js';

describe('tijdgeordendId', () => {
  it('is a version 7 UUID whose first 48 bits are the time in milliseconds', () => {
    const id = tijdgeordendId(0x0192_3456_789a);
    expect(id).toMatch(/^01923456-789a-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('sorts by creation time and differs within one millisecond', () => {
    const a = tijdgeordendId(1_700_000_000_000);
    const b = tijdgeordendId(1_700_000_000_001);
    expect(a < b).toBe(true);
    const zelfde = new Set(Array.from({ length: 1000 }, () => tijdgeordendId(1_700_000_000_000)));
    expect(zelfde.size).toBe(1000);
  });
  it('fills every one of the 74 random bits', () => {
    const ids = Array.from({ length: 4000 }, () => tijdgeordendId(1_700_000_000_000).replaceAll('-', ''));
    // Hex digits 13..31 are random (digit 12 is the version 7, digit 16 the variant 8–b).
    for (let i = 13; i < 32; i++) {
      const cijfers = new Set(ids.map((id) => id[i]));
      expect(cijfers.size, `digit ${i}`).toBe(i === 16 ? 4 : 16);
    }
    expect(new Set(ids.map((id) => id[12]))).toEqual(new Set(['7']));
  });
});

describe('stableId', () => {
  it('is the same for the same name and a valid UUID', () => {
    expect(stableId('x')).toBe(stableId('x'));
    expect(stableId('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
