import { createHash } from 'node:crypto';

/** Deterministic UUID (v5-like) from a name, so reseeding and re-importing find the same rows. */
export function stableId(name: string): string {
  const h = createHash('sha1').update(`passend:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
