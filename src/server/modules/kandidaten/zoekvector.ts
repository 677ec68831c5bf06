/**
 * A profile's search vector, built in Node exactly as the table's trigger builds it in PostgreSQL
 * (`kandidaatprofiel_afleiden`, migration 0014):
 *
 *   setweight(to_tsvector('dutch', kandidaat_zoektekst(functies)), 'A') ||
 *   setweight(to_tsvector('dutch', kandidaat_zoektekst(wensen)), 'B') ||
 *   setweight(to_tsvector('dutch', kandidaat_zoektekst(kwaliteiten)), 'B') ||
 *   setweight(to_tsvector('dutch', kandidaat_zoektekst(sectoren + werkcondities)), 'C')
 *
 * Why: Dutch stemming is most of what writing a profile costs the database (a bulk delivery of 250,000
 * profiles spends ~18% of its time in it on PGlite). Most of it is stemming the same few thousand
 * words again and again. Here each distinct word is stemmed once, by PostgreSQL itself (so the lexemes
 * are the database's own: same snowball stemmer, same stop words), and kept; a text is then split,
 * looked up and numbered in Node.
 *
 * Exact or nothing: only texts whose tokens PostgreSQL's parser provably splits the same way are built
 * here — ASCII letters (and lower-case ones with a common diacritic: é, ë, ï, ç, …) and digits separated by blanks, `_`, `,` or a `.` after a letter that ends a
 * word. Anything else (capitals with a diacritic, other scripts, apostrophes, slashes, a hyphen that is left after joining, a long word,
 * a word PostgreSQL does not turn into exactly one lexeme) returns null, and the trigger computes the
 * vector as before. `zoekvector.int.test.ts` holds the two to each other on generated texts.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

export type Gewicht = 'A' | 'B' | 'C';

/** tsvector limits (PostgreSQL ts_type.h): positions stop at MAXENTRYPOS − 1, one lexeme keeps at most MAXNUMPOS. */
const MAX_POSITIE = 16_383;
const MAX_POSITIES_PER_LEXEEM = 255;
/** Longer words are left to PostgreSQL (its own limit is 2,047 bytes). */
const MAX_WOORDLENGTE = 100;

const ALLEEN_ASCII = /^[\x20-\x7e\t\n\r]*$/;
/** Lower-case letters with a diacritic and what `unaccent` makes of them (unaccent.rules); other non-ASCII text is left to PostgreSQL. */
const ZONDER_ACCENT: Record<string, string> = Object.fromEntries(
  (['àáâãäå', 'a', 'ç', 'c', 'èéêë', 'e', 'ìíîï', 'i', 'ñ', 'n', 'òóôõö', 'o', 'ùúûü', 'u', 'ýÿ', 'y'] as const).flatMap((v, i, a) =>
    i % 2 === 0 ? [...v].map((c) => [c, a[i + 1] as string]) : [],
  ),
);
const ACCENT = /[àáâãäåçèéêëìíîïñòóôõöùúûüýÿ]/g;
/** What is left after lower-casing and joining hyphenated words must be only these. */
const EENVOUDIG = /^[a-z0-9 \t\n\r_,.]*$/;
/** A full stop is a separator only after a letter and before a blank or the end ("tuin. werk"); "tuin.werk" is a host name to the parser. */
const LASTIGE_PUNT = /(?<![a-z])\.|\.(?![ \t\n\r]|$)/;
const WOORD = /[a-z0-9]+/g;

/**
 * The words of one text in the order the parser meets them, after what `kandidaat_zoektekst` does
 * (lower case, accents folded — none here —, a hyphen between two letters or digits dropped), or null
 * when the text is not one this module can number exactly.
 */
export function woordenVan(tekst: string): string[] | null {
  if (!ALLEEN_ASCII.test(tekst)) {
    tekst = tekst.replace(ACCENT, (c) => ZONDER_ACCENT[c] as string);
    if (!ALLEEN_ASCII.test(tekst)) return null;
  }
  // regexp_replace(…, '([[:alnum:]])-([[:alnum:]])', '\1\2', 'g'): non-overlapping, left to right, as here.
  const t = tekst.toLowerCase().replace(/([a-z0-9])-([a-z0-9])/g, '$1$2');
  if (!EENVOUDIG.test(t) || LASTIGE_PUNT.test(t)) return null;
  const woorden = t.match(WOORD) ?? [];
  for (const w of woorden) if (w.length > MAX_WOORDLENGTE) return null;
  return woorden;
}

/**
 * What one word becomes: its lexeme, null for a stop word (it still takes a position), or undefined
 * when unknown (not looked up yet) — `false` when PostgreSQL does not make exactly one lexeme of it.
 */
export type Lexeem = string | null | false | undefined;

/**
 * The tsvector (as its text form) of weighted parts concatenated with `||`, or null when a part is not
 * simple, a word is not (or not yet) known, or a limit of the tsvector type would change the result.
 * `||` shifts the right vector's positions by the highest position stored in the left one, so a part
 * ending in stop words does not move the next part.
 */
export function bouwZoekvector(delen: readonly (readonly [tekst: string, gewicht: Gewicht])[], lexeem: (woord: string) => Lexeem): string | null {
  return uitWoorden(gesplitst(delen), lexeem);
}

type GesplitstDeel = readonly [woorden: readonly string[] | null, gewicht: Gewicht];
const gesplitst = (delen: readonly (readonly [string, Gewicht])[]): GesplitstDeel[] => delen.map(([t, g]) => [woordenVan(t), g]);

/** Positions per lexeme of the vector being built (one vector at a time: reused, not allocated per profile). */
const positiesPerLexeem = new Map<string, number>();

/**
 * The vector's text form with one entry per position (`'werk':1A 'tuin':2B 'werk':3C`): PostgreSQL's
 * tsvector input sorts the entries and merges a lexeme's positions itself, so the stored vector is the
 * one grouped text would give — built here without a list per lexeme (a bulk delivery builds 250,000).
 */
function uitWoorden(delen: readonly GesplitstDeel[], lexeem: (woord: string) => Lexeem): string | null {
  positiesPerLexeem.clear();
  // Joined at the end: one flat string (built with += it would be a tree of pieces, kept as long as the vector is).
  const uit: string[] = [];
  let verschuiving = 0;
  for (const [woorden, gewicht] of delen) {
    if (woorden === null) return null;
    let hoogste = 0;
    for (let i = 0; i < woorden.length; i++) {
      const l = lexeem(woorden[i] as string);
      if (l === undefined || l === false) return null;
      if (l === null) continue;
      const positie = verschuiving + i + 1;
      if (positie > MAX_POSITIE) return null;
      hoogste = i + 1;
      const aantal = (positiesPerLexeem.get(l) ?? 0) + 1;
      if (aantal > MAX_POSITIES_PER_LEXEEM) return null;
      positiesPerLexeem.set(l, aantal);
      uit.push(`'${l}':${positie}${gewicht}`);
    }
    verschuiving += hoogste;
  }
  return uit.join(' ');
}

/** `ZONDER_ACCENT` by character code (0: none). */
const ZONDER_ACCENT_CODE = new Uint8Array(256);
for (const [c, z] of Object.entries(ZONDER_ACCENT)) ZONDER_ACCENT_CODE[c.charCodeAt(0)] = z.charCodeAt(0);

/** A character code as the text is compared after lower-casing and folding accents (`kandidaat_zoektekst`). */
const gevouwen = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c >= 0xe0 && c <= 0xff && ZONDER_ACCENT_CODE[c] !== 0 ? (ZONDER_ACCENT_CODE[c] as number) : c);
const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * What `woordenVan` + `uitWoorden` make of a profile's parts, in one pass over each text and without
 * the intermediate strings and lists (a bulk delivery builds 250,000 vectors on the import's hot path):
 * the vector, null where it cannot be exact, or undefined where a word has yet to be looked up.
 * `zoekvector.test.ts` holds the two to each other on generated texts.
 */
export function vectorInEenGang(delen: readonly (readonly [string, Gewicht])[], lexeem: (woord: string) => Lexeem): string | null | undefined {
  // A lexeme can only pass the limit of positions in texts of at least that many words (two characters
  // each, with a separator): only then are they counted.
  let lengte = 0;
  for (const [tekst] of delen) lengte += tekst.length + 1;
  const tellen = lengte >= 2 * MAX_POSITIES_PER_LEXEEM;
  positiesPerLexeem.clear();
  const uit: string[] = [];
  let onbekend = false;
  let verschuiving = 0;
  for (const [tekst, gewicht] of delen) {
    let index = 0; // words so far in this part (stop words count)
    let hoogste = 0;
    let vorige = 32; // the previous character of the text as folded (a blank before the start)
    let rechtsVanKoppeling = false; // the previous character was the right side of a joined hyphen
    let begin = -1; // where the current word starts in `tekst`; -1: not in a word
    let letterlijk = true; // the current word is `tekst.slice(begin, i)` as it is (no case, accent or hyphen to undo)
    const n = tekst.length;
    for (let i = 0; i <= n; i++) {
      const ruwe = i < n ? tekst.charCodeAt(i) : 32;
      const c = gevouwen(ruwe);
      if (isAlnum(c)) {
        if (begin < 0) {
          begin = i;
          letterlijk = true;
        }
        if (c !== ruwe) letterlijk = false;
        vorige = c;
        rechtsVanKoppeling = false;
        continue;
      }
      if (c === 45 /* - */) {
        // regexp_replace(…, '([[:alnum:]])-([[:alnum:]])', '\1\2', 'g'): non-overlapping, left to right.
        const volgende = i + 1 < n ? gevouwen(tekst.charCodeAt(i + 1)) : 0;
        if (begin >= 0 && !rechtsVanKoppeling && isAlnum(vorige) && isAlnum(volgende)) {
          letterlijk = false;
          // The next character is the match's right side (taken here): it cannot start another join.
          vorige = volgende;
          i++;
          rechtsVanKoppeling = true;
          continue;
        }
        return null;
      }
      // Not a word character: the word (if any) ends here.
      if (begin >= 0) {
        const ruw = tekst.slice(begin, i);
        const woord = letterlijk
          ? ruw
          : ruw
              .toLowerCase()
              .replace(ACCENT, (x) => ZONDER_ACCENT[x] as string)
              .replaceAll('-', '');
        begin = -1;
        if (woord.length > MAX_WOORDLENGTE) return null;
        const l = lexeem(woord);
        index++;
        if (l === false) return null;
        if (l === undefined) onbekend = true;
        else if (l !== null && !onbekend) {
          const positie = verschuiving + index;
          if (positie > MAX_POSITIE) return null;
          hoogste = index;
          if (tellen) {
            const aantal = (positiesPerLexeem.get(l) ?? 0) + 1;
            if (aantal > MAX_POSITIES_PER_LEXEEM) return null;
            positiesPerLexeem.set(l, aantal);
          }
          uit.push(`'${l}':${positie}${gewicht}`);
        } else if (l !== null) hoogste = index;
      }
      if (i === n) break;
      if (c === 46 /* . */) {
        // A full stop separates only after a letter and before a blank or the end ("tuin.werk" is a host name to the parser).
        const volgende = i + 1 < n ? tekst.charCodeAt(i + 1) : 32;
        if (!(vorige >= 97 && vorige <= 122) || !isBlank(volgende)) return null;
      } else if (!(isBlank(c) || c === 95 /* _ */ || c === 44) /* , */) return null;
      vorige = c;
      rechtsVanKoppeling = false;
    }
    verschuiving += hoogste;
  }
  return onbekend ? undefined : uit.join(' ');
}

/** The four weighted parts of a profile, as the trigger forms them. */
export function profielDelen(p: {
  gewenste_functies: readonly string[];
  wensen: string | null;
  kwaliteiten: string | null;
  sectoren: readonly string[];
  werkcondities: readonly string[];
}): [string, Gewicht][] {
  return [
    [p.gewenste_functies.join(' '), 'A'],
    [p.wensen ?? '', 'B'],
    [p.kwaliteiten ?? '', 'B'],
    // array_to_string(sectoren, ' ') || ' ' || replace(array_to_string(werkcondities, ' '), '_', ' ')
    [`${p.sectoren.join(' ')} ${p.werkcondities.join(' ').replaceAll('_', ' ')}`, 'C'],
  ];
}

/** PostgreSQL's answer for one word: `'lexeme':1`, empty for a stop word, anything else is not one lexeme. */
export function lexeemUitVector(vector: string): string | null | false {
  if (vector === '') return null;
  const m = /^'([a-z0-9]+)':1$/.exec(vector);
  return m ? (m[1] as string) : false;
}

/**
 * Words stemmed by the database, kept for the process (the Dutch text search configuration is part of
 * the migrations; it does not change under a running process). Bounded: starts over past `max` words.
 */
export class LexemenCache {
  private readonly woorden = new Map<string, string | null | false>();

  constructor(private readonly max = 200_000) {}

  get = (woord: string): Lexeem => this.woorden.get(woord);

  /** Looks up, in one statement, the words of these texts that are not known yet. */
  aanvullen(db: Kysely<Database>, teksten: Iterable<string>): Promise<void> {
    return this.vul(db, Array.from(teksten, woordenVan));
  }

  /**
   * The search vectors of many profiles from the words known so far, without asking the database: a
   * vector (or null where it cannot be exact), or undefined where a word has yet to be looked up (then
   * `zoekvectoren` gives it). Lets a caller build most vectors before it has a connection.
   */
  uitCache(profielen: readonly (readonly (readonly [string, Gewicht])[])[]): (string | null | undefined)[] {
    return profielen.map((p) => vectorInEenGang(p, this.get));
  }

  /** The search vectors of many profiles (parts as `profielDelen` forms them): each text split once, unknown words looked up in one statement. */
  async zoekvectoren(db: Kysely<Database>, profielen: readonly (readonly (readonly [string, Gewicht])[])[]): Promise<(string | null)[]> {
    const delen = profielen.map(gesplitst);
    await this.vul(
      db,
      delen.flatMap((d) => d.map(([woorden]) => woorden)),
    );
    return delen.map((d) => uitWoorden(d, this.get));
  }

  private async vul(db: Kysely<Database>, woordlijsten: readonly (readonly string[] | null)[]): Promise<void> {
    const onbekend = new Set<string>();
    for (const woorden of woordlijsten) if (woorden) for (const w of woorden) if (!this.woorden.has(w)) onbekend.add(w);
    if (onbekend.size === 0) return;
    if (this.woorden.size + onbekend.size > this.max) this.woorden.clear();
    const { rows } = await sql<{ w: string; v: string }>`
      SELECT w, to_tsvector('dutch', kandidaat_zoektekst(w))::text AS v FROM unnest(${[...onbekend]}::text[]) AS w`.execute(db);
    for (const r of rows) this.woorden.set(r.w, lexeemUitVector(r.v));
  }
}
