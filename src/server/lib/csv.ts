/**
 * RFC 4180 CSV, streaming: feed chunks, get complete records with the line number they start on.
 * Handles quoted fields with delimiters, doubled quotes and line breaks, CRLF and LF, a UTF-8 BOM.
 * The delimiter is detected from the header line (';' as Dutch spreadsheets write it, or ',').
 * Memory is bounded by the longest record, never by the file.
 */
export interface CsvRecord {
  /** 1-based line number where the record starts. */
  regel: number;
  velden: string[];
  /** The record ended inside an unclosed quote (only at end of input). */
  onafgesloten?: boolean;
}

export class CsvParser {
  private scheiding: string | null;
  private veld = '';
  private velden: string[] = [];
  private inQuotes = false;
  /** Just saw a quote inside a quoted field: either the closing quote or the first of a doubled one. */
  private quoteGezien = false;
  private regel = 1;
  private startRegel = 1;
  private begin = true;
  private vorigeCR = false;
  private recordHeeftInhoud = false;
  private gewoon: RegExp | null = null;

  constructor(opties: { scheiding?: ',' | ';' | '\t' } = {}) {
    this.scheiding = opties.scheiding ?? null;
  }

  feed(chunk: string): CsvRecord[] {
    let tekst = chunk;
    if (this.begin) {
      if (tekst.charCodeAt(0) === 0xfeff) tekst = tekst.slice(1);
      if (tekst.length > 0) this.begin = false;
    }
    if (this.scheiding === null) {
      const eersteRegel = tekst.split(/\r?\n/, 1)[0] ?? '';
      const puntkomma = (eersteRegel.match(/;/g) ?? []).length;
      const komma = (eersteRegel.match(/,/g) ?? []).length;
      const tab = (eersteRegel.match(/\t/g) ?? []).length;
      this.scheiding = tab > puntkomma && tab > komma ? '\t' : puntkomma >= komma && puntkomma > 0 ? ';' : ',';
    }
    const sep = this.scheiding;
    const uit: CsvRecord[] = [];
    // Runs of ordinary characters are copied with one slice (found with a sticky-free global regex),
    // not character by character: a 250,000-row delivery goes through here.
    const gewoon = this.gewoon ?? new RegExp(`[${sep === '\t' ? '\\t' : sep}\r\n]`, 'g');
    this.gewoon = gewoon;
    const inQuote = /["\r\n]/g;
    let i = 0;
    while (i < tekst.length) {
      const c = tekst[i] as string;
      if (this.vorigeCR) {
        this.vorigeCR = false;
        if (c === '\n') {
          i++;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quoteGezien) {
          this.quoteGezien = false;
          if (c === '"') {
            this.veld += '"';
            i++;
            continue;
          }
          this.inQuotes = false;
          // fall through: c is handled as outside quotes
        } else {
          inQuote.lastIndex = i;
          const m = inQuote.exec(tekst);
          const j = m ? m.index : tekst.length;
          if (j > i) this.veld += tekst.slice(i, j);
          if (j >= tekst.length) break;
          if (tekst[j] === '"') this.quoteGezien = true;
          else {
            this.regel++;
            if (tekst[j] === '\r') this.vorigeCR = true;
            this.veld += '\n';
          }
          i = j + 1;
          continue;
        }
      }
      if (c === '"' && this.veld.length === 0) {
        this.inQuotes = true;
        this.recordHeeftInhoud = true;
        i++;
        continue;
      }
      if (c === sep) {
        this.velden.push(this.veld);
        this.veld = '';
        this.recordHeeftInhoud = true;
        i++;
        continue;
      }
      if (c === '\n' || c === '\r') {
        if (c === '\r') this.vorigeCR = true;
        this.sluitRecord(uit);
        this.regel++;
        this.startRegel = this.regel;
        i++;
        continue;
      }
      // An ordinary character (a quote inside an unquoted field is one too): copy the whole run.
      gewoon.lastIndex = i + 1;
      const m = gewoon.exec(tekst);
      const j = m ? m.index : tekst.length;
      this.veld += tekst.slice(i, j);
      this.recordHeeftInhoud = true;
      i = j;
    }
    return uit;
  }

  end(): CsvRecord[] {
    const uit: CsvRecord[] = [];
    if (this.inQuotes && !this.quoteGezien) {
      this.velden.push(this.veld);
      uit.push({ regel: this.startRegel, velden: this.velden, onafgesloten: true });
      this.velden = [];
      this.veld = '';
      this.inQuotes = false;
      return uit;
    }
    this.inQuotes = false;
    this.quoteGezien = false;
    this.sluitRecord(uit);
    return uit;
  }

  private sluitRecord(uit: CsvRecord[]): void {
    if (this.recordHeeftInhoud || this.velden.length > 0 || this.veld.length > 0) {
      this.velden.push(this.veld);
      uit.push({ regel: this.startRegel, velden: this.velden });
    }
    this.velden = [];
    this.veld = '';
    this.recordHeeftInhoud = false;
  }
}

export function parseCsv(tekst: string, opties?: { scheiding?: ',' | ';' | '\t' }): CsvRecord[] {
  const p = new CsvParser(opties);
  return [...p.feed(tekst), ...p.end()];
}

/** One CSV field, quoted when needed. Cells that a spreadsheet would run as a formula are prefixed with '. */
export function csvVeld(waarde: string | number | null | undefined, scheiding = ';'): string {
  if (waarde === null || waarde === undefined) return '';
  let s = String(waarde);
  if (/^[=+\-@\t\r]/.test(s) && typeof waarde === 'string') s = `'${s}`;
  return s.includes(scheiding) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRegel(waarden: readonly (string | number | null | undefined)[], scheiding = ';'): string {
  return `${waarden.map((w) => csvVeld(w, scheiding)).join(scheiding)}\r\n`;
}
