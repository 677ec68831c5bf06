import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bouwZoekvector, type Gewicht, type Lexeem, lexeemUitVector, profielDelen, vectorInEenGang, woordenVan } from './zoekvector.js';

// A small stand-in for the database's stemmer: what PostgreSQL answers for these words.
const STAM: Record<string, string | null> = {
  tuinen: 'tuin',
  tuin: 'tuin',
  werken: 'werk',
  werk: 'werk',
  buiten: 'buit',
  de: null,
  en: null,
  graag: 'grag',
  '32': '32',
};
const lex = (w: string): Lexeem => STAM[w];

describe('woordenVan', () => {
  it('splits as the parser does, after lower case and joining hyphenated words', () => {
    expect(woordenVan('Tuinen, werken_buiten. En 32')).toEqual(['tuinen', 'werken', 'buiten', 'en', '32']);
    expect(woordenVan('re-integratie')).toEqual(['reintegratie']);
    expect(woordenVan('')).toEqual([]);
    expect(woordenVan('café-medewerker, financiële reïntegratie')).toEqual(['cafemedewerker', 'financiele', 'reintegratie']);
  });
  it('leaves to PostgreSQL what it cannot split exactly', () => {
    for (const t of ['CAFÉ', 'ø', "auto's", 'tuin.werk', 'a-b-c', 'werk/tuin', '1.5 uur', 'e-mail@x', ' - ', `${'a'.repeat(101)}`, 'tab\u0001']) {
      expect(woordenVan(t), t).toBeNull();
    }
  });
});

describe('bouwZoekvector', () => {
  it('numbers words from 1, stop words take a position, weights per part', () => {
    expect(bouwZoekvector([['de tuinen', 'B']], lex)).toBe("'tuin':2B");
  });
  it('shifts each part by the highest position stored before it (trailing stop words do not count)', () => {
    // to_tsvector('werk en') || to_tsvector('tuin') = 'tuin':2 'werk':1
    expect(
      bouwZoekvector(
        [
          ['werken en', 'A'],
          ['tuin', 'B'],
        ],
        lex,
      ),
    ).toBe("'werk':1A 'tuin':2B");
    // an empty or stop-word-only part shifts nothing
    expect(
      bouwZoekvector(
        [
          ['tuin', 'A'],
          ['de en', 'B'],
          ['', 'B'],
          ['werk tuinen', 'C'],
        ],
        lex,
      ),
    ).toBe("'tuin':1A 'werk':2C 'tuin':3C");
  });
  it('gives up on an unknown word, a word that is not one lexeme, or a part it cannot split', () => {
    expect(bouwZoekvector([['tuin onbekend', 'A']], lex)).toBeNull();
    expect(bouwZoekvector([['tuin', 'A']], () => false)).toBeNull();
    expect(
      bouwZoekvector(
        [
          ['tuin', 'A'],
          ['café', 'B'],
        ],
        lex,
      ),
    ).toBeNull();
  });
  it('gives up where the tsvector type would cut positions (more than 255 of one lexeme)', () => {
    expect(bouwZoekvector([[Array(255).fill('tuin').join(' '), 'B']], lex)).not.toBeNull();
    expect(bouwZoekvector([[Array(256).fill('tuin').join(' '), 'B']], lex)).toBeNull();
  });
  it('forms the parts of a profile as the trigger does', () => {
    expect(
      profielDelen({ gewenste_functies: ['Hovenier', 'Kok'], wensen: null, kwaliteiten: 'x', sectoren: ['groen'], werkcondities: ['werkt_graag_buiten'] }),
    ).toEqual([
      ['Hovenier Kok', 'A'],
      ['', 'B'],
      ['x', 'B'],
      ['groen werkt graag buiten', 'C'],
    ]);
  });
});

describe('lexeemUitVector', () => {
  it('reads one lexeme at position 1, a stop word, or refuses anything else', () => {
    expect(lexeemUitVector("'tuin':1")).toBe('tuin');
    expect(lexeemUitVector('')).toBeNull();
    expect(lexeemUitVector("'a':1 'b':2")).toBe(false);
    expect(lexeemUitVector("'tuin.werk':1")).toBe(false);
  });
});

describe('vectorInEenGang (the one-pass builder of the import)', () => {
  // Texts from the characters that decide: letters of both cases, folded and unfolded accents, digits,
  // every separator, hyphens and full stops in every position, and a few that make a text not simple.
  const teken = fc.constantFrom(..."aAbBzZ09 \t\n\r_,.-éÉëçñÿ÷/'@".split(''), 'de', 'en', 'tuinen', 'Werken', 'x-y', 'a.', 'ü');
  const tekst = fc.array(teken, { maxLength: 40 }).map((t) => t.join(''));
  const delen = fc.array(fc.tuple(tekst, fc.constantFrom<Gewicht>('A', 'B', 'C')), { maxLength: 4 });
  // Lexemes for every word: stop words, words that are no single lexeme, and a pseudo-stem for the rest.
  const volledig = (w: string): Lexeem => (w in STAM ? STAM[w] : w.length === 2 && w.startsWith('z') ? false : w.length > 3 ? w.slice(0, -1) : w);

  it('gives exactly what woordenVan + the position rules give, when every word is known', () => {
    fc.assert(
      fc.property(delen, (d) => {
        expect(vectorInEenGang(d, volledig)).toBe(bouwZoekvector(d, volledig));
      }),
      { numRuns: 5000 },
    );
  });

  it('with words not yet known: undefined, or null only where the full answer is null too', () => {
    const deels = (w: string): Lexeem => (w.includes('b') ? undefined : volledig(w));
    fc.assert(
      fc.property(delen, (d) => {
        const snel = vectorInEenGang(d, deels);
        const woorden = d.map(([t]) => woordenVan(t));
        const onbekend = woorden.some((w) => w?.some((x) => deels(x) === undefined));
        if (snel === null) expect(bouwZoekvector(d, volledig)).toBeNull();
        else if (onbekend && woorden.every((w) => w !== null)) expect(snel).toBeUndefined();
        else expect(snel).toBe(bouwZoekvector(d, deels));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives up where tsvector would cut positions (256 of one lexeme), also spread over the parts and in the shortest texts that reach it', () => {
    const keer = (n: number, w = 'a') => Array(n).fill(w).join(' ');
    expect(vectorInEenGang([[keer(255), 'B']], volledig)).not.toBeNull();
    expect(vectorInEenGang([[keer(256), 'B']], volledig)).toBeNull();
    // 64 + 64 + 64 + n occurrences spread over the four parts.
    const verspreid = (n: number) =>
      vectorInEenGang(
        ['A', 'B', 'B', 'C'].map((g, i) => [keer(i < 3 ? 64 : n), g as Gewicht] as const),
        volledig,
      );
    expect(verspreid(64)).toBeNull();
    expect(verspreid(63)).not.toBeNull();
    expect(vectorInEenGang([[keer(256, 'tuinen'), 'B']], volledig)).toBe(bouwZoekvector([[keer(256, 'tuinen'), 'B']], volledig));
  });

  it('joins hyphens as regexp_replace does: non-overlapping, left to right', () => {
    expect(vectorInEenGang([['re-integratie werk', 'B']], volledig)).toBe(bouwZoekvector([['re-integratie werk', 'B']], volledig));
    expect(vectorInEenGang([['a-b-c', 'B']], volledig)).toBeNull();
    expect(vectorInEenGang([['ab-cd-ef', 'B']], volledig)).toBe("'abcdef':1B".replace('abcdef', volledig('abcdef') as string));
    expect(vectorInEenGang([['Café-Medewerker.', 'A']], volledig)).toBe(bouwZoekvector([['café-medewerker.', 'A']], volledig));
  });
});
