import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, csvRegel, parseCsv } from './csv.js';

describe('CSV', () => {
  it('parses quotes, doubled quotes, delimiters and line breaks inside fields, with line numbers', () => {
    const tekst = '\uFEFFcode;naam;taken\r\nmetselaar;"Metselaar; ervaren";"a\r\nb"\r\nx;"zei ""ja""";\n\nlaatste;z;q';
    expect(parseCsv(tekst)).toEqual([
      { regel: 1, velden: ['code', 'naam', 'taken'] },
      { regel: 2, velden: ['metselaar', 'Metselaar; ervaren', 'a\nb'] },
      { regel: 4, velden: ['x', 'zei "ja"', ''] },
      { regel: 6, velden: ['laatste', 'z', 'q'] },
    ]);
  });

  it('detects a comma delimiter and reports an unclosed quote at the end', () => {
    expect(parseCsv('a,b\n1,"open')).toEqual([
      { regel: 1, velden: ['a', 'b'] },
      { regel: 2, velden: ['1', 'open'], onafgesloten: true },
    ]);
  });

  it('gives the same records whatever the chunk boundaries, and round-trips what csvRegel writes (property)', () => {
    const veld = fc.string({ unit: fc.constantFrom('a', 'b', ';', '"', '\n', '\r\n', ' ', 'é', ','), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(fc.array(veld, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 20 }),
        (rijen, knippen) => {
          const breedte = rijen[0]?.length ?? 2;
          const gelijk = rijen.map((r) => Array.from({ length: breedte }, (_, i) => r[i] ?? ''));
          const header = Array.from({ length: breedte }, (_, i) => `k${i}`);
          const tekst = [header, ...gelijk].map((r) => csvRegel(r)).join('');
          const p = new CsvParser({ scheiding: ';' });
          const uit = [];
          let pos = 0;
          for (const k of knippen) {
            uit.push(...p.feed(tekst.slice(pos, pos + k)));
            pos += k;
          }
          uit.push(...p.feed(tekst.slice(pos)), ...p.end());
          // Cells a spreadsheet would run as a formula are written with a leading quote.
          const verwacht = gelijk.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replace(/\r\n/g, '\n').replace(/\r/g, '\n')));
          expect(uit.slice(1).map((r) => r.velden)).toEqual(verwacht);
        },
      ),
      { numRuns: 300 },
    );
  });
});
