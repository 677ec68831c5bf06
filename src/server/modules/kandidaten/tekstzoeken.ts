/**
 * The text forms of PostgreSQL's tsvector and tsquery, parsed, so the in-process search index uses
 * exactly the lexemes PostgreSQL's Dutch stemmer and unaccent produced (no second stemmer in
 * JavaScript that could disagree). Pure.
 */

/** PostgreSQL's default rank weights for the classes D, C, B, A (ts_rank). */
const KLASSE_GEWICHT: Record<string, number> = { A: 1, B: 0.4, C: 0.2, D: 0.1 };

export interface Lexeem {
  lexeem: string;
  /** Number of positions (term frequency). */
  aantal: number;
  /** The best weight class's rank weight (A 1.0, B 0.4, C 0.2, D 0.1). */
  gewicht: number;
}

/** Reads a quoted lexeme starting at `i` (on the opening quote); returns it and the index after the closing quote. */
function leesCitaat(tekst: string, i: number): [string, number] {
  let uit = '';
  let j = i + 1;
  while (j < tekst.length) {
    const c = tekst[j] as string;
    if (c === '\\') {
      uit += tekst[j + 1] ?? '';
      j += 2;
      continue;
    }
    if (c === "'") {
      if (tekst[j + 1] === "'") {
        uit += "'";
        j += 2;
        continue;
      }
      return [uit, j + 1];
    }
    uit += c;
    j++;
  }
  throw new Error('tsvector/tsquery: citaat niet gesloten');
}

/** `'buit':3B 'werk':1A,5` → lexemes with frequency and best weight. */
export function parseTsvector(tekst: string): Lexeem[] {
  const uit: Lexeem[] = [];
  let i = 0;
  while (i < tekst.length) {
    const c = tekst[i];
    if (c === ' ') {
      i++;
      continue;
    }
    if (c !== "'") throw new Error(`tsvector: onverwacht teken op ${i}`);
    const [lexeem, na] = leesCitaat(tekst, i);
    i = na;
    let aantal = 1;
    let gewicht = KLASSE_GEWICHT.D as number;
    if (tekst[i] === ':') {
      i++;
      aantal = 0;
      gewicht = 0;
      while (i < tekst.length && tekst[i] !== ' ') {
        // a position: digits, then an optional class letter
        while (i < tekst.length && tekst[i]! >= '0' && tekst[i]! <= '9') i++;
        const k = tekst[i];
        let g = KLASSE_GEWICHT.D as number;
        if (k === 'A' || k === 'B' || k === 'C' || k === 'D') {
          g = KLASSE_GEWICHT[k] as number;
          i++;
        }
        aantal++;
        if (g > gewicht) gewicht = g;
        if (tekst[i] === ',') i++;
      }
    }
    uit.push({ lexeem, aantal, gewicht });
  }
  return uit;
}

export type Vraag =
  | { soort: 'term'; lexeem: string }
  | { soort: 'niet'; arg: Vraag }
  | { soort: 'en'; args: Vraag[] }
  | { soort: 'of'; args: Vraag[] }
  /** `<->` / `<N>`: needs positions; the index hands these to PostgreSQL. */
  | { soort: 'frase'; args: Vraag[] };

type Token = { t: 'lex'; v: string } | { t: 'op'; v: '&' | '|' | '!' | '<->' | '(' | ')' };

function tokens(tekst: string): Token[] {
  const uit: Token[] = [];
  let i = 0;
  while (i < tekst.length) {
    const c = tekst[i] as string;
    if (c === ' ') {
      i++;
    } else if (c === "'") {
      const [v, na] = leesCitaat(tekst, i);
      i = na;
      // weights / prefix markers (':A', ':*') do not occur in websearch_to_tsquery output; skip them
      if (tekst[i] === ':') while (i < tekst.length && !/[\s&|)]/.test(tekst[i] as string)) i++;
      uit.push({ t: 'lex', v });
    } else if (c === '<') {
      const eind = tekst.indexOf('>', i);
      if (eind < 0) throw new Error('tsquery: < zonder >');
      uit.push({ t: 'op', v: '<->' });
      i = eind + 1;
    } else if (c === '&' || c === '|' || c === '!' || c === '(' || c === ')') {
      uit.push({ t: 'op', v: c });
      i++;
    } else {
      throw new Error(`tsquery: onverwacht teken '${c}'`);
    }
  }
  return uit;
}

/**
 * Parses the text form of a tsquery (precedence: ! above <-> above & above |).
 * Returns null for an empty query (only stop words).
 */
export function parseTsquery(tekst: string): Vraag | null {
  const ts = tokens(tekst);
  if (ts.length === 0) return null;
  let p = 0;
  const kijk = () => ts[p];
  const isOp = (v: string) => {
    const t = kijk();
    return t?.t === 'op' && t.v === v;
  };
  const of = (): Vraag => {
    const args = [en()];
    while (isOp('|')) {
      p++;
      args.push(en());
    }
    return args.length === 1 ? (args[0] as Vraag) : { soort: 'of', args };
  };
  const en = (): Vraag => {
    const args = [frase()];
    while (isOp('&')) {
      p++;
      args.push(frase());
    }
    return args.length === 1 ? (args[0] as Vraag) : { soort: 'en', args };
  };
  const frase = (): Vraag => {
    const args = [niet()];
    while (isOp('<->')) {
      p++;
      args.push(niet());
    }
    return args.length === 1 ? (args[0] as Vraag) : { soort: 'frase', args };
  };
  const niet = (): Vraag => {
    if (isOp('!')) {
      p++;
      return { soort: 'niet', arg: niet() };
    }
    if (isOp('(')) {
      p++;
      const v = of();
      if (!isOp(')')) throw new Error('tsquery: ) ontbreekt');
      p++;
      return v;
    }
    const t = kijk();
    if (t?.t !== 'lex') throw new Error('tsquery: lexeem verwacht');
    p++;
    return { soort: 'term', lexeem: t.v };
  };
  const v = of();
  if (p !== ts.length) throw new Error('tsquery: tekst na het einde');
  return v;
}

/** Does the query need word positions (a phrase)? */
/**
 * Whether a phrase sits under a negation ("-\"lopende band\""). Reading a phrase as "all its words"
 * widens what it matches, which widens a query only where the phrase is not negated.
 */
export function fraseOnderNiet(v: Vraag, ontkend = false): boolean {
  switch (v.soort) {
    case 'term':
      return false;
    case 'niet':
      return fraseOnderNiet(v.arg, !ontkend);
    case 'frase':
      return ontkend;
    default:
      return v.args.some((a) => fraseOnderNiet(a, ontkend));
  }
}

export function heeftFrase(v: Vraag): boolean {
  switch (v.soort) {
    case 'term':
      return false;
    case 'niet':
      return heeftFrase(v.arg);
    case 'frase':
      return true;
    default:
      return v.args.some(heeftFrase);
  }
}

/** The lexemes that count towards relevance: those not under a NOT. */
export function positieveTermen(v: Vraag, onderNiet = false, uit = new Set<string>()): Set<string> {
  switch (v.soort) {
    case 'term':
      if (!onderNiet) uit.add(v.lexeem);
      break;
    case 'niet':
      positieveTermen(v.arg, !onderNiet, uit);
      break;
    default:
      for (const a of v.args) positieveTermen(a, onderNiet, uit);
  }
  return uit;
}
