/**
 * Streaming readers for a delivery: CSV (RFC 4180, the template), a JSON array of objects, or JSON
 * Lines. Text comes in chunks; records come out with their line number. Memory is bounded by the
 * longest record, never by the file.
 */
import { CsvParser } from '../../lib/csv.js';
import { ImportLezer, type ImportRij, type RijFout } from './rij.js';

export type Uitkomst = { rij: ImportRij } | { fouten: RijFout[] };

/** Splits a JSON array `[ {...}, {...} ]` into its top-level items, chunk by chunk. */
export class JsonArraySplitter {
  private diepte = 0;
  private inString = false;
  private escape = false;
  private item = '';
  private regel = 1;
  private itemRegel = 1;
  private begonnen = false;
  private klaar = false;

  /** Items completed in this chunk: the JSON text and the line it starts on; or a structural error. */
  feed(chunk: string): { regel: number; tekst: string }[] | { fout: string; regel: number } {
    const uit: { regel: number; tekst: string }[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as string;
      if (c === '\n') this.regel++;
      if (!this.begonnen) {
        if (c === '[') this.begonnen = true;
        else if (!/\s|\uFEFF/.test(c)) return { fout: 'Het bestand begint niet met een JSON-lijst ([).', regel: this.regel };
        continue;
      }
      if (this.diepte === 0) {
        if (this.klaar) {
          if (!/\s/.test(c)) return { fout: 'Tekst na het einde van de JSON-lijst.', regel: this.regel };
          continue;
        }
        if (/[\s,]/.test(c)) continue;
        if (c === ']') {
          this.klaar = true;
          continue;
        }
        this.itemRegel = this.regel;
        this.item = '';
      }
      this.item += c;
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === '\\') this.escape = true;
        else if (c === '"') this.inString = false;
        if (this.diepte === 0) {
          // a top-level string item: completes at its closing quote
          if (!this.inString) this.sluit(uit);
        }
        continue;
      }
      if (c === '"') {
        this.inString = true;
        continue;
      }
      if (c === '{' || c === '[') this.diepte++;
      else if (c === '}' || c === ']') {
        this.diepte--;
        if (this.diepte === 0) this.sluit(uit);
      } else if (this.diepte === 0 && /[\s,]/.test(chunk[i + 1] ?? ' ')) {
        // a top-level scalar item (number, true, null): ends before the next separator
        this.sluit(uit);
      }
    }
    return uit;
  }

  private sluit(uit: { regel: number; tekst: string }[]) {
    uit.push({ regel: this.itemRegel, tekst: this.item });
    this.item = '';
  }

  /** Problems at the end of input (an unclosed list). */
  end(): { fout: string; regel: number } | null {
    if (!this.begonnen) return { fout: 'Het bestand is leeg.', regel: 0 };
    if (!this.klaar) return { fout: 'De JSON-lijst wordt niet gesloten (]); het bestand is afgebroken?', regel: this.regel };
    return null;
  }
}

export type Formaat = 'csv' | 'json' | 'jsonl';

/** The format from the first non-blank character: '[' JSON array, '{' JSON Lines, anything else CSV. */
export function herkenFormaat(begin: string): Formaat {
  const c = begin.replace(/^[\s\uFEFF]+/, '')[0];
  return c === '[' ? 'json' : c === '{' ? 'jsonl' : 'csv';
}

/**
 * One delivery, read incrementally. `feed` text chunks and get validated rows or problems back.
 * `fataal` is set when the file cannot be used at all (bad header, not JSON): nothing further is read.
 */
export class ImportStroom {
  readonly lezer = new ImportLezer();
  formaat: Formaat | null = null;
  fataal: RijFout[] | null = null;
  /** Data rows seen (records, items, lines). */
  regels = 0;
  private csv: CsvParser | null = null;
  private kopGelezen = false;
  private json: JsonArraySplitter | null = null;
  private jsonlRest = '';
  private jsonlRegel = 0;
  private begin = '';

  feed(chunk: string): Uitkomst[] {
    if (this.fataal) return [];
    if (this.formaat === null) {
      this.begin += chunk;
      if (this.begin.trim().replace(/^\uFEFF/, '') === '') return [];
      const formaat = herkenFormaat(this.begin);
      // The CSV parser detects the delimiter from the header line: hand it the whole first line.
      if (formaat === 'csv' && !this.begin.includes('\n') && this.begin.length < 1_000_000) return [];
      this.formaat = formaat;
      chunk = this.begin;
      this.begin = '';
    }
    return this.verwerk(chunk, false);
  }

  end(): Uitkomst[] {
    if (this.fataal) return [];
    if (this.formaat === null) {
      if (this.begin.trim().replace(/^\uFEFF/, '') === '') {
        this.fataal = [{ regel: 0, veld: '(bestand)', reden: 'Het bestand is leeg.' }];
        return [];
      }
      this.formaat = herkenFormaat(this.begin);
      const eerst = this.verwerk(this.begin, false);
      return [...eerst, ...this.verwerk('', true)];
    }
    return this.verwerk('', true);
  }

  private verwerk(chunk: string, einde: boolean): Uitkomst[] {
    const uit: Uitkomst[] = [];
    if (this.formaat === 'csv') {
      this.csv ??= new CsvParser();
      const records = einde ? this.csv.end() : this.csv.feed(chunk);
      for (const rec of records) {
        if (!this.kopGelezen) {
          this.kopGelezen = true;
          const fouten = this.lezer.kopregel(rec.velden);
          if (fouten.length > 0) {
            this.fataal = fouten;
            return uit;
          }
          continue;
        }
        this.regels++;
        uit.push(this.lezer.csvRecord(rec));
      }
      if (einde && !this.kopGelezen) this.fataal = [{ regel: 0, veld: '(bestand)', reden: 'Het bestand is leeg.' }];
      return uit;
    }
    if (this.formaat === 'json') {
      this.json ??= new JsonArraySplitter();
      const items = einde ? [] : this.json.feed(chunk);
      if (!Array.isArray(items)) {
        this.fataal = [{ regel: 0, veld: '(bestand)', reden: `${items.fout} (regel ${items.regel})` }];
        return uit;
      }
      // A JSON list is numbered by item (1 = the first), not by line: minified JSON — what most
      // systems send — has every item on line 1, and a report and a checkpoint need a unique position.
      for (const it of items) uit.push(this.jsonItem(this.regels + 1, it.tekst));
      if (einde) {
        const f = this.json.end();
        if (f) {
          if (this.regels === 0) this.fataal = [{ regel: 0, veld: '(bestand)', reden: f.fout }];
          else uit.push({ fouten: [{ regel: this.regels + 1, veld: '(bestand)', reden: f.fout }] });
        }
      }
      return uit;
    }
    // JSON Lines: one object per line.
    const tekst = this.jsonlRest + chunk;
    const regels = tekst.split(/\r?\n/);
    this.jsonlRest = einde ? '' : (regels.pop() ?? '');
    for (const r of regels) {
      this.jsonlRegel++;
      if (r.trim() === '') continue;
      uit.push(this.jsonItem(this.jsonlRegel, r));
    }
    return uit;
  }

  private jsonItem(regel: number, tekst: string): Uitkomst {
    this.regels++;
    let item: unknown;
    try {
      item = JSON.parse(tekst);
    } catch {
      return { fouten: [{ regel, veld: '(regel)', reden: 'Geen geldige JSON.' }] };
    }
    return this.lezer.jsonItem(regel, item);
  }
}
