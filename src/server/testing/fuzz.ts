/**
 * A small deterministic JSON fuzzer for the robustness tests: a seeded PRNG (mulberry32) and
 * generators that write JSON *text* (so number literals like 1e999 or 30-digit integers, lone
 * surrogates and prototype-pollution keys reach the server exactly as written).
 */

export type Rand = () => number;

/** mulberry32: tiny, fast, and the same sequence for the same seed on every machine. */
export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A stable 32-bit seed from a string (FNV-1a), so every route gets its own reproducible sequence. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  ' \t\n ',
  'a',
  'Zoë Ürün-Çelik',
  '😀🇳🇱',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202egnp.exe',
  '\u200b',
  '\ufeff',
  "'; drop table persoon; --",
  '" OR 1=1 --',
  '%',
  '_',
  '\\',
  '%_\\%',
  ['$', '{jndi:ldap://x/a}'].join(''),
  '<script>alert(1)</script>',
  '{gemeenteId}',
  '../../../etc/passwd',
  'NaN',
  'Infinity',
  'null',
  'true',
  '0',
  '-1',
  '2024-02-30',
  '0000-01-01',
  '9999-12-31',
  '1998-04-12',
  '123456782',
  '111222333',
  '000000000',
  'a@b.nl',
  'a@b',
  '+31 (0)6-12345678',
  '1234AB',
  '0000AA',
  'gesprek',
  'notitie',
  'klantmanager',
  'kandidaatprofiel',
  'schriftelijk',
  'aangemeld',
  'afgesloten',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

/** Control and separator characters, appended to otherwise valid text. */
export const CONTROL_CHARS: readonly string[] = ['\u0000', '\u0001', '\u0008', '\u001b', '\u007f', '\u0085', '\u2028', '\ufffe', '\r\n'];

export const NUMBER_LITERALS: readonly string[] = [
  '0',
  '-0',
  '1',
  '-1',
  '1.5',
  '32',
  '60',
  '365',
  '2147483648',
  '9007199254740993',
  '123456789012345678901234567890',
  '1e308',
  '-1e308',
  '1e999',
  '-1e999',
  '1E+2',
  '3e-400',
  '0.0000001',
];

export const NASTY_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '',
  ' ',
  'a.b',
  '$where',
  '0',
  'bsn',
  'id',
  'organisatie_id',
  'gemeenteId',
  'versie',
];

function longString(rand: Rand): string {
  const n = pick(rand, [101, 201, 1001, 2001, 10_001, 100_001]);
  return pick(rand, ['x', 'é', '😀', ' ', '\u0000']).repeat(n);
}

/** JSON text of a random value; depth bounds nesting. */
export function randomJson(rand: Rand, depth = 0, keys: readonly string[] = []): string {
  const r = rand();
  if (r < 0.08) return 'null';
  if (r < 0.14) return rand() < 0.5 ? 'true' : 'false';
  if (r < 0.3) return pick(rand, NUMBER_LITERALS);
  if (r < 0.55) return JSON.stringify(pick(rand, NASTY_STRINGS));
  if (r < 0.62) return JSON.stringify(longString(rand));
  if (r < 0.66) {
    const n = pick(rand, [50, 500, 5000]);
    return `${'['.repeat(n)}${']'.repeat(n)}`;
  }
  if (depth >= 3) return JSON.stringify(pick(rand, NASTY_STRINGS));
  if (r < 0.8) {
    const n = Math.floor(rand() * 4);
    return `[${Array.from({ length: n }, () => randomJson(rand, depth + 1, keys)).join(',')}]`;
  }
  const n = Math.floor(rand() * 4);
  const entries = Array.from({ length: n }, () => {
    const key = keys.length > 0 && rand() < 0.5 ? pick(rand, keys) : pick(rand, NASTY_KEYS);
    return `${JSON.stringify(key)}:${randomJson(rand, depth + 1, keys)}`;
  });
  return `{${entries.join(',')}}`;
}

/**
 * A fuzzed request body. Some are arbitrary JSON values; most start from a valid example and change
 * one, two or all of its fields (to random JSON, a nasty string, or the valid text with a control
 * character appended) or drop or add a field, so many get past the shape check and reach field
 * validators, the handler and the database.
 */
export function fuzzBody(rand: Rand, example: Record<string, unknown> | undefined, fields: readonly string[] = []): string {
  const keys = [...new Set([...Object.keys(example ?? {}), ...fields])];
  if (!example || Object.keys(example).length === 0 || rand() < 0.3) return randomJson(rand, 0, keys);
  const own = Object.keys(example);
  const roll = rand();
  const count = roll < 0.6 ? 1 : roll < 0.85 ? 2 : own.length;
  const changed = new Set<string>();
  while (changed.size < Math.min(count, own.length)) changed.add(pick(rand, own));
  const entries: string[] = [];
  for (const [k, v] of Object.entries(example)) {
    if (!changed.has(k)) {
      entries.push(`${JSON.stringify(k)}:${JSON.stringify(v)}`);
      continue;
    }
    const how = rand();
    if (how < 0.1) continue; // dropped
    let value: string;
    if (how < 0.45 || typeof v !== 'string') value = randomJson(rand, 1, keys);
    else if (how < 0.7) value = JSON.stringify(pick(rand, NASTY_STRINGS));
    else value = JSON.stringify(`${v}${pick(rand, CONTROL_CHARS)}`);
    entries.push(`${JSON.stringify(k)}:${value}`);
  }
  // Another field of the schema (often with nasty text), or a key the schema does not know.
  const extra = rand();
  const others = keys.filter((k) => !own.includes(k));
  if (extra < 0.3 && others.length > 0) {
    const value = rand() < 0.6 ? JSON.stringify(pick(rand, NASTY_STRINGS)) : randomJson(rand, 1, keys);
    entries.push(`${JSON.stringify(pick(rand, others))}:${value}`);
  } else if (extra < 0.4) entries.push(`${JSON.stringify(pick(rand, NASTY_KEYS))}:${randomJson(rand, 1, keys)}`);
  return `{${entries.join(',')}}`;
}

/** A random path segment (already percent-encoded), short enough to stay under the router's limit. */
export function fuzzSegment(rand: Rand): string {
  const raw = pick(rand, [...NASTY_STRINGS.filter((s) => s.length > 0 && s.length < 60), 'not-a-uuid', '%', '.', '..', ' ', '1', '-']);
  try {
    return encodeURIComponent(raw);
  } catch {
    return 'lone%20surrogate';
  }
}
