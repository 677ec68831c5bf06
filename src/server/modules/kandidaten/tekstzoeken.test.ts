import { describe, expect, it } from 'vitest';
import { heeftFrase, parseTsquery, parseTsvector, positieveTermen } from './tekstzoeken.js';

describe('parseTsvector', () => {
  it('reads lexemes, frequency and the best weight class', () => {
    expect(parseTsvector("'buit':7,8 'tuin':1A,2 'werk':3B")).toEqual([
      { lexeem: 'buit', aantal: 2, gewicht: 0.1 },
      { lexeem: 'tuin', aantal: 2, gewicht: 1 },
      { lexeem: 'werk', aantal: 1, gewicht: 0.4 },
    ]);
  });
  it('reads quotes and backslashes inside a lexeme, and stripped lexemes', () => {
    expect(parseTsvector("'o''brien':1 'a\\\\b':2C 'x'")).toEqual([
      { lexeem: "o'brien", aantal: 1, gewicht: 0.1 },
      { lexeem: 'a\\b', aantal: 1, gewicht: 0.2 },
      { lexeem: 'x', aantal: 1, gewicht: 0.1 },
    ]);
  });
  it('is empty for an empty vector', () => expect(parseTsvector('')).toEqual([]));
});

describe('parseTsquery', () => {
  it('follows tsquery precedence: ! above <-> above & above |', () => {
    expect(parseTsquery("'buit' & 'werk' & !'nacht' & 'lopend' <-> 'band' | 'tuin'")).toEqual({
      soort: 'of',
      args: [
        {
          soort: 'en',
          args: [
            { soort: 'term', lexeem: 'buit' },
            { soort: 'term', lexeem: 'werk' },
            { soort: 'niet', arg: { soort: 'term', lexeem: 'nacht' } },
            {
              soort: 'frase',
              args: [
                { soort: 'term', lexeem: 'lopend' },
                { soort: 'term', lexeem: 'band' },
              ],
            },
          ],
        },
        { soort: 'term', lexeem: 'tuin' },
      ],
    });
  });
  it('handles parentheses and an empty query', () => {
    expect(parseTsquery("( 'a' | 'b' ) & 'c'")).toEqual({
      soort: 'en',
      args: [
        {
          soort: 'of',
          args: [
            { soort: 'term', lexeem: 'a' },
            { soort: 'term', lexeem: 'b' },
          ],
        },
        { soort: 'term', lexeem: 'c' },
      ],
    });
    expect(parseTsquery('')).toBeNull();
  });
  it('knows phrases and the terms that count for relevance', () => {
    const v = parseTsquery("'a' & !( 'b' | !'c' ) & 'd' <2> 'e'")!;
    expect(heeftFrase(v)).toBe(true);
    expect([...positieveTermen(v)].sort()).toEqual(['a', 'c', 'd', 'e']);
    expect(heeftFrase(parseTsquery("'a' & 'b'")!)).toBe(false);
  });
  it('refuses malformed text', () => {
    expect(() => parseTsquery("'a' &")).toThrow();
    expect(() => parseTsquery("( 'a'")).toThrow();
  });
});
