import fc from 'fast-check';
import { prepareValue } from 'pg/lib/utils.js';
import { describe, expect, it } from 'vitest';
import { ArrayParameter, alsParameter } from './parameter.js';

const element = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('"', '\\', '\\"', 'a"b', 'x\\y', '{a,b}', 'NULL', ''),
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.uuid(),
);

describe('alsParameter', () => {
  it('serialises exactly as node-postgres does: scalars, flat and nested arrays, escapes and nulls', () => {
    const waarde = fc.oneof(element, fc.array(element), fc.array(fc.oneof(element, fc.array(element))));
    fc.assert(
      fc.property(waarde, (w) => {
        expect(alsParameter(w)).toBe(prepareValue(w) ?? null);
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes and escapes the cases that matter', () => {
    expect(alsParameter(['a', 'b c'])).toBe('{"a","b c"}');
    expect(alsParameter(['a"b', 'c\\d', null])).toBe('{"a\\"b","c\\\\d",NULL}');
    expect(alsParameter([])).toBe('{}');
    expect(alsParameter([['x'], []])).toBe('{{"x"},{}}');
    expect(alsParameter([1, true])).toBe('{"1","true"}');
    expect(alsParameter(Buffer.from('hi'))).toEqual(Buffer.from('hi'));
  });

  it('built a part at a time (ArrayParameter) gives the literal of the whole list, wherever the parts end', () => {
    fc.assert(
      fc.property(fc.array(element), fc.array(fc.nat()), (lijst, grenzen) => {
        const a = new ArrayParameter();
        const eind = new Set(grenzen.map((g) => g % (lijst.length + 1)));
        lijst.forEach((w, i) => {
          if (eind.has(i)) a.deelKlaar();
          a.voegToe(w);
        });
        expect(a.klaar()).toBe(prepareValue(lijst));
      }),
      { numRuns: 1000 },
    );
  });
});
