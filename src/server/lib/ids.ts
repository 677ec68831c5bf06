import { createHash } from 'node:crypto';
import { willekeurigeBytes } from '../crypto/secrets.js';

/** Deterministic UUID (v5-like) from a name, so reseeding and re-importing find the same rows. */
export function stableId(name: string): string {
  const h = createHash('sha1').update(`passend:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/**
 * A new random UUID whose first 48 bits are the time in milliseconds (UUID version 7, RFC 9562), so
 * rows created together sit together in every B-tree index on the id (and on columns that copy it,
 * like persoon_id). With version 4 ids each of 250,000 inserts lands on a random index page: measured
 * on PostgreSQL 15, inserting a delivery's persons and consents took ~15% longer. The other 74 bits are
 * from the CSPRNG. The id tells when the row was made — which the row itself says too.
 */
export function tijdgeordendId(nu: number = Date.now()): string {
  // 74 random bits from 10 bytes: the version nibble replaces 4 of byte 0, the variant 2 of byte 2.
  const r = willekeurigeBytes(10);
  const h = HEX;
  const t = nu.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${(h[r[0] as number] as string)[1]}${h[r[1] as number]}-${h[0x80 | ((r[2] as number) & 0x3f)]}${h[r[3] as number]}-${h[r[4] as number]}${h[r[5] as number]}${h[r[6] as number]}${h[r[7] as number]}${h[r[8] as number]}${h[r[9] as number]}`;
}

/** Two hex digits per byte value (an id is built per row of a bulk delivery: no Buffer, no slicing). */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
