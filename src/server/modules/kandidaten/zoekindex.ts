/**
 * In-process search index over the published kandidaatprofielen of one region: the kandidatenportaal's
 * answer at national scale (250,000 profiles) in a few milliseconds, with facet counts.
 *
 * - Text: an inverted index from PostgreSQL's own lexemes (the stored `zoekvector`, Dutch stemming and
 *   accent folding done by PostgreSQL) to posting lists; a query's boolean structure (AND, OR, NOT)
 *   is evaluated on bitsets, 32 profiles per word.
 * - Filters: per code (gemeente, sector, education level, work condition) a bitset of the profiles with it;
 *   hours and availability as typed arrays, scanned into a bitset when filtered on.
 * - Facets: popcounts of (matches AND code bitset), per facet with every *other* filter applied,
 *   so choosing a value still shows the alternatives (as the SQL reference does).
 * - Ranking: BM25-like — per matched query term its best weight class (A 1.0, B 0.4, C 0.2, D 0.1, as
 *   PostgreSQL's ts_rank) × (1 + ln tf) × idf; ties by completeness, then publiek_id.
 *
 * Pure: no SQL. `zoekindex-sync.ts` keeps it in step with the database; a test holds it to the SQL
 * reference (same matches, totals and facet counts).
 */
import { type Lexeem, positieveTermen, type Vraag } from './tekstzoeken.js';

export interface IndexProfiel {
  id: string;
  publiekId: string;
  gemeenteId: string;
  gepubliceerd: boolean;
  sectoren: readonly string[];
  opleidingsniveau: string | null;
  werkcondities: readonly string[];
  urenMin: number | null;
  urenMax: number | null;
  /** ISO date or null. */
  beschikbaarVanaf: string | null;
  compleetheid: number;
  lexemen: readonly Lexeem[];
}

export const FACETTEN = ['sectoren', 'opleidingsniveaus', 'gemeenten', 'werkcondities'] as const;
export type FacetNaam = (typeof FACETTEN)[number];

export interface Zoekfilters {
  gemeenten?: readonly string[] | undefined;
  sectoren?: readonly string[] | undefined;
  opleidingsniveaus?: readonly string[] | undefined;
  werkcondities?: readonly string[] | undefined;
  urenMin?: number | undefined;
  urenMax?: number | undefined;
  /** ISO date of "today" when only profiles available now are wanted. */
  beschikbaarOp?: string | undefined;
}

export interface ZoekOpdracht extends Zoekfilters {
  /** Parsed tsquery, or null for no text. */
  vraag: Vraag | null;
  /** For phrase queries: the profile ids PostgreSQL found (positions are not indexed here). */
  tekstTreffers?: ReadonlySet<string> | undefined;
  limit: number;
  offset: number;
}

export interface ZoekUitkomst {
  totaal: number;
  treffers: { id: string; relevantie: number }[];
  facetten: Record<FacetNaam, { code: string; aantal: number }[]>;
}

/** Days since 1970-01-01 for an ISO date. */
const dag = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);
const GEEN_DATUM = 2_147_483_647;

/** Bits set in a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function groei<T extends Int32Array | Uint32Array | Float32Array | Uint8Array | Uint16Array | Float64Array>(a: T, nodig: number): T {
  if (nodig <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(nodig, a.length * 2, 16));
  b.set(a);
  return b;
}

/**
 * A code dimension (gemeente, sector, education level, work condition): code ↔ number, and per code a
 * bitset of the profiles that have it.
 */
class Dimensie {
  readonly nummer = new Map<string, number>();
  readonly codes: string[] = [];
  bits: Uint32Array[] = [];
  constructor(private woorden: number) {}

  van(code: string): number {
    let n = this.nummer.get(code);
    if (n === undefined) {
      n = this.codes.length;
      this.nummer.set(code, n);
      this.codes.push(code);
      this.bits.push(new Uint32Array(this.woorden));
    }
    return n;
  }
  /** Every bitset gets exactly `woorden` words (also those of codes seen later). */
  groei(woorden: number) {
    this.woorden = woorden;
    this.bits = this.bits.map((b) => {
      const nieuw = new Uint32Array(woorden);
      nieuw.set(b);
      return nieuw;
    });
  }
  zet(code: string, s: number, aan: boolean) {
    const b = this.bits[this.van(code)] as Uint32Array;
    const bit = 1 << (s & 31);
    b[s >>> 5] = (aan ? (b[s >>> 5] as number) | bit : (b[s >>> 5] as number) & ~bit) >>> 0;
  }
  /** OR of the codes' bitsets (unknown codes add nothing). */
  of(codes: readonly string[], woorden: number): Uint32Array {
    const uit = new Uint32Array(woorden);
    for (const c of codes) {
      const n = this.nummer.get(c);
      if (n === undefined) continue;
      const b = this.bits[n] as Uint32Array;
      for (let w = 0; w < woorden; w++) uit[w] = ((uit[w] as number) | (b[w] as number)) >>> 0;
    }
    return uit;
  }
  /** AND of the codes' bitsets (an unknown code matches nothing). */
  en(codes: readonly string[], woorden: number): Uint32Array {
    const uit = new Uint32Array(woorden).fill(0xffffffff);
    for (const c of codes) {
      const n = this.nummer.get(c);
      if (n === undefined) return new Uint32Array(woorden);
      const b = this.bits[n] as Uint32Array;
      for (let w = 0; w < woorden; w++) uit[w] = ((uit[w] as number) & (b[w] as number)) >>> 0;
    }
    return uit;
  }
  /** Per code, how many profiles in `basis` have it (codes with zero left out), most first. */
  tel(basis: Uint32Array, woorden: number): { code: string; aantal: number }[] {
    // Only the words where the base has profiles, gathered once into dense arrays.
    const index = new Int32Array(woorden);
    const waarde = new Uint32Array(woorden);
    let m = 0;
    for (let w = 0; w < woorden; w++) {
      const x = basis[w] as number;
      if (x !== 0) {
        index[m] = w;
        waarde[m] = x;
        m++;
      }
    }
    const uit: { code: string; aantal: number }[] = [];
    for (let n = 0; n < this.bits.length; n++) {
      const b = this.bits[n] as Uint32Array;
      let aantal = 0;
      for (let i = 0; i < m; i++) aantal += popcount(((waarde[i] as number) & (b[index[i] as number] as number)) >>> 0);
      if (aantal > 0) uit.push({ code: this.codes[n] as string, aantal });
    }
    return uit.sort((a, b) => b.aantal - a.aantal || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}

interface Postings {
  slots: Int32Array;
  generaties: Uint32Array;
  scores: Float32Array;
  n: number;
  /** Entries whose profile changed since (skipped, compacted when they pile up). */
  verouderd: number;
  /** Live document frequency. */
  df: number;
}

/**
 * The ordering key after relevance: completeness (higher first), then publiek_id (lower first) by its
 * first 7 characters (6 bits each, ASCII order from the space to the underscore); exact ties fall back
 * to comparing the strings.
 */
function statischeSleutel(compleetheid: number, publiekId: string): number {
  let k = 0;
  for (let i = 0; i < 7; i++) k = k * 64 + Math.max(0, Math.min(63, (publiekId.charCodeAt(i) || 32) - 32));
  return compleetheid * 2 ** 42 + (2 ** 42 - 1 - k);
}

export class KandidatenZoekindex {
  private n = 0;
  private woorden = 0;
  private readonly slotVan = new Map<string, number>();
  private ids: string[] = [];
  private publiekIds: string[] = [];
  private actiefBits = new Uint32Array(0);
  private generatie = new Uint32Array(0);
  private sectorVan: (readonly string[])[] = [];
  private niveauVan: (string | null)[] = [];
  private gemeenteVan: string[] = [];
  private conditieVan: (readonly string[])[] = [];
  private urenMin = new Float64Array(0); // NaN = unknown
  private urenMax = new Float64Array(0);
  private beschikbaar = new Int32Array(0);
  private statisch = new Float64Array(0);
  /** Per slot, the lexeme numbers it was indexed under (to age its postings on change). */
  private lexemenVan: (Int32Array | null)[] = [];
  private readonly lexeemNummer = new Map<string, number>();
  private readonly postings: Postings[] = [];
  private readonly gemeenten = new Dimensie(0);
  private readonly sectoren = new Dimensie(0);
  private readonly niveaus = new Dimensie(0);
  private readonly condities = new Dimensie(0);
  /** Number of published profiles. */
  aantalActief = 0;
  private scoreBuffer = new Float64Array(0);
  /** Goes up with every change; a cached answer is valid only for the version it was computed at. */
  versie = 0;

  /** Adds, replaces or (when not published) hides one profile. */
  zet(p: IndexProfiel): void {
    this.versie++;
    let s = this.slotVan.get(p.id);
    if (s === undefined) {
      if (!p.gepubliceerd) return;
      s = this.n++;
      this.slotVan.set(p.id, s);
      this.reserveer(this.n);
      this.ids[s] = p.id;
    } else {
      this.verouder(s);
    }
    const bit = 1 << (s & 31);
    const w = s >>> 5;
    const wasActief = ((this.actiefBits[w] as number) & bit) !== 0;
    if (wasActief) {
      this.aantalActief--;
      this.actiefBits[w] = ((this.actiefBits[w] as number) & ~bit) >>> 0;
      for (const c of this.sectorVan[s] ?? []) this.sectoren.zet(c, s, false);
      for (const c of this.conditieVan[s] ?? []) this.condities.zet(c, s, false);
      const niv = this.niveauVan[s];
      if (niv) this.niveaus.zet(niv, s, false);
      this.gemeenten.zet(this.gemeenteVan[s] as string, s, false);
    }
    if (!p.gepubliceerd) {
      this.lexemenVan[s] = null;
      return;
    }
    this.aantalActief++;
    this.actiefBits[w] = ((this.actiefBits[w] as number) | bit) >>> 0;
    this.publiekIds[s] = p.publiekId;
    this.gemeenteVan[s] = p.gemeenteId;
    this.gemeenten.zet(p.gemeenteId, s, true);
    const sectoren = [...new Set(p.sectoren)];
    this.sectorVan[s] = sectoren;
    for (const c of sectoren) this.sectoren.zet(c, s, true);
    this.niveauVan[s] = p.opleidingsniveau;
    if (p.opleidingsniveau) this.niveaus.zet(p.opleidingsniveau, s, true);
    const condities = [...new Set(p.werkcondities)];
    this.conditieVan[s] = condities;
    for (const c of condities) this.condities.zet(c, s, true);
    this.urenMin[s] = p.urenMin ?? Number.NaN;
    this.urenMax[s] = p.urenMax ?? Number.NaN;
    this.beschikbaar[s] = p.beschikbaarVanaf ? dag(p.beschikbaarVanaf) : GEEN_DATUM;
    this.statisch[s] = statischeSleutel(p.compleetheid, p.publiekId);
    const gen = this.generatie[s] as number;
    const nummers = new Int32Array(p.lexemen.length);
    for (const [i, l] of p.lexemen.entries()) {
      let ln = this.lexeemNummer.get(l.lexeem);
      if (ln === undefined) {
        ln = this.postings.length;
        this.lexeemNummer.set(l.lexeem, ln);
        this.postings.push({ slots: new Int32Array(4), generaties: new Uint32Array(4), scores: new Float32Array(4), n: 0, verouderd: 0, df: 0 });
      }
      nummers[i] = ln;
      const pl = this.postings[ln] as Postings;
      pl.slots = groei(pl.slots, pl.n + 1);
      pl.generaties = groei(pl.generaties, pl.n + 1);
      pl.scores = groei(pl.scores, pl.n + 1);
      pl.slots[pl.n] = s;
      pl.generaties[pl.n] = gen;
      pl.scores[pl.n] = l.gewicht * (1 + Math.log(Math.max(1, l.aantal)));
      pl.n++;
      pl.df++;
    }
    this.lexemenVan[s] = nummers;
  }

  private reserveer(n: number) {
    this.generatie = groei(this.generatie, n);
    this.urenMin = groei(this.urenMin, n);
    this.urenMax = groei(this.urenMax, n);
    this.beschikbaar = groei(this.beschikbaar, n);
    this.statisch = groei(this.statisch, n);
    const woorden = (n + 31) >>> 5;
    if (woorden > this.actiefBits.length) {
      const cap = Math.max(woorden, this.actiefBits.length * 2, 16);
      const bits = new Uint32Array(cap);
      bits.set(this.actiefBits);
      this.actiefBits = bits;
      for (const d of [this.gemeenten, this.sectoren, this.niveaus, this.condities]) d.groei(cap);
    }
    this.woorden = woorden;
  }

  /** The slot's current postings become stale: bump its generation, compact lists that need it. */
  private verouder(s: number) {
    const oud = this.lexemenVan[s];
    this.generatie[s] = ((this.generatie[s] as number) + 1) >>> 0;
    if (!oud) return;
    for (const ln of oud) {
      const pl = this.postings[ln] as Postings;
      pl.verouderd++;
      pl.df--;
      if (pl.verouderd > 8 && pl.verouderd * 4 > pl.n) this.compacteer(pl);
    }
  }

  private compacteer(pl: Postings) {
    let j = 0;
    for (let i = 0; i < pl.n; i++) {
      const s = pl.slots[i] as number;
      if (pl.generaties[i] !== this.generatie[s]) continue;
      pl.slots[j] = s;
      pl.generaties[j] = pl.generaties[i] as number;
      pl.scores[j] = pl.scores[i] as number;
      j++;
    }
    pl.n = j;
    pl.verouderd = 0;
  }

  /** Bitset of the live profiles containing a lexeme; adds its score when `scores` is given. */
  private termBits(lexeem: string, scores: Float64Array | null): Uint32Array {
    const bits = new Uint32Array(this.woorden);
    const ln = this.lexeemNummer.get(lexeem);
    if (ln === undefined) return bits;
    const pl = this.postings[ln] as Postings;
    const idf = Math.log(1 + (this.aantalActief - pl.df + 0.5) / (pl.df + 0.5));
    const { slots, generaties, scores: ps } = pl;
    const generatie = this.generatie;
    for (let i = 0; i < pl.n; i++) {
      const s = slots[i] as number;
      if (generaties[i] !== generatie[s]) continue;
      bits[s >>> 5] = ((bits[s >>> 5] as number) | (1 << (s & 31))) >>> 0;
      if (scores) scores[s] = (scores[s] as number) + (ps[i] as number) * idf;
    }
    return bits;
  }

  private evalueer(v: Vraag, scores: Float64Array, positief: Set<string>): Uint32Array {
    const W = this.woorden;
    switch (v.soort) {
      case 'term':
        return this.termBits(v.lexeem, positief.has(v.lexeem) ? scores : null);
      case 'niet': {
        const a = this.evalueer(v.arg, scores, positief);
        for (let w = 0; w < W; w++) a[w] = ~(a[w] as number) >>> 0;
        return a;
      }
      case 'en':
      case 'frase': {
        const [eerste, ...rest] = v.args;
        const a = this.evalueer(eerste as Vraag, scores, positief);
        for (const arg of rest) {
          const b = this.evalueer(arg, scores, positief);
          for (let w = 0; w < W; w++) a[w] = ((a[w] as number) & (b[w] as number)) >>> 0;
        }
        return a;
      }
      case 'of': {
        const [eerste, ...rest] = v.args;
        const a = this.evalueer(eerste as Vraag, scores, positief);
        for (const arg of rest) {
          const b = this.evalueer(arg, scores, positief);
          for (let w = 0; w < W; w++) a[w] = ((a[w] as number) | (b[w] as number)) >>> 0;
        }
        return a;
      }
    }
  }

  /**
   * Bitset of the profiles whose value passes a bound, from one scan of a typed array. One plain loop
   * per comparison (no callback per profile): at 250,000 profiles a callback costs more than the test.
   * `ondergrens`: not below `grens` (a missing value, NaN, passes); `bovengrens`: not above it (NaN
   * passes); `uiterlijk`: at most `grens` (a missing date is stored as the largest value and fails).
   */
  /** Range filters computed at this index version (employers use a handful of bounds): key → bitset. */
  private readonly scans = new Map<string, { versie: number; bits: Uint32Array }>();

  private scan(veld: 'urenMin' | 'urenMax' | 'beschikbaar', soort: 'ondergrens' | 'bovengrens' | 'uiterlijk', grens: number): Uint32Array {
    const sleutel = `${veld}:${soort}:${grens}`;
    const bewaard = this.scans.get(sleutel);
    if (bewaard && bewaard.versie === this.versie && bewaard.bits.length === this.woorden) return bewaard.bits;
    const uit = this.scanVolledig(this[veld], soort, grens);
    if (this.scans.size >= 64) this.scans.delete(this.scans.keys().next().value as string);
    this.scans.set(sleutel, { versie: this.versie, bits: uit });
    return uit;
  }

  private scanVolledig(waarden: Float64Array | Int32Array, soort: 'ondergrens' | 'bovengrens' | 'uiterlijk', grens: number): Uint32Array {
    const uit = new Uint32Array(this.woorden);
    const n = this.n;
    // Word at a time: 32 tests into a register, one store (no read-modify-write per profile).
    for (let w = 0, s0 = 0; s0 < n; w++, s0 += 32) {
      const eind = Math.min(32, n - s0);
      let bits = 0;
      if (soort === 'ondergrens') {
        for (let b = 0; b < eind; b++) if (!((waarden[s0 + b] as number) < grens)) bits |= 1 << b;
      } else if (soort === 'bovengrens') {
        for (let b = 0; b < eind; b++) if (!((waarden[s0 + b] as number) > grens)) bits |= 1 << b;
      } else {
        for (let b = 0; b < eind; b++) if ((waarden[s0 + b] as number) <= grens) bits |= 1 << b;
      }
      uit[w] = bits >>> 0;
    }
    return uit;
  }

  /**
   * The live profiles that can match `vraag`, reading a phrase as "all its words" (the index keeps no
   * word positions): a superset of the real matches, for PostgreSQL to check the phrase on. At most
   * `max` ids; null when there are more.
   */
  kandidaten(vraag: Vraag, max: number): string[] | null {
    const W = this.woorden;
    const bits = this.evalueer(vraag, this.scoreBuffer, new Set());
    const uit: string[] = [];
    for (let w = 0; w < W; w++) {
      let b = ((bits[w] as number) & (this.actiefBits[w] as number)) >>> 0;
      while (b !== 0) {
        if (uit.length === max) return null;
        const i = 31 - Math.clz32(b & -b);
        b = (b & (b - 1)) >>> 0;
        uit.push(this.ids[w * 32 + i] as string);
      }
    }
    return uit;
  }

  zoek(o: ZoekOpdracht): ZoekUitkomst {
    const W = this.woorden;
    if (this.scoreBuffer.length < this.n) this.scoreBuffer = new Float64Array(Math.max(this.n, this.scoreBuffer.length * 2));
    const scores = this.scoreBuffer;
    scores.fill(0, 0, this.n);
    // 1. Text and the filters that are not facets: the base every count starts from.
    let basis: Uint32Array;
    if (o.vraag) {
      basis = this.evalueer(o.vraag, scores, positieveTermen(o.vraag));
      if (o.tekstTreffers) {
        // A phrase: PostgreSQL decided which profiles match; the terms' scores still rank them.
        basis = new Uint32Array(W);
        for (const id of o.tekstTreffers) {
          const s = this.slotVan.get(id);
          if (s !== undefined) basis[s >>> 5] = ((basis[s >>> 5] as number) | (1 << (s & 31))) >>> 0;
        }
      }
      for (let w = 0; w < W; w++) basis[w] = ((basis[w] as number) & (this.actiefBits[w] as number)) >>> 0;
    } else {
      basis = this.actiefBits.slice(0, W);
    }
    const en = (b: Uint32Array) => {
      for (let w = 0; w < W; w++) basis[w] = ((basis[w] as number) & (b[w] as number)) >>> 0;
    };
    const { urenMin, urenMax } = o;
    if (urenMin !== undefined) en(this.scan('urenMax', 'ondergrens', urenMin));
    if (urenMax !== undefined) en(this.scan('urenMin', 'bovengrens', urenMax));
    if (o.beschikbaarOp) {
      const vandaag = dag(o.beschikbaarOp);
      en(this.scan('beschikbaar', 'uiterlijk', vandaag));
    }
    // 2. The facet filters, each a bitset (null = not filtered).
    const filter: Record<FacetNaam, Uint32Array | null> = {
      sectoren: o.sectoren?.length ? this.sectoren.of(o.sectoren, W) : null,
      opleidingsniveaus: o.opleidingsniveaus?.length ? this.niveaus.of(o.opleidingsniveaus, W) : null,
      gemeenten: o.gemeenten?.length ? this.gemeenten.of(o.gemeenten, W) : null,
      werkcondities: o.werkcondities?.length ? this.condities.en(o.werkcondities, W) : null,
    };
    /** The base with every facet filter except `zonder` applied. */
    const met = (zonder: FacetNaam | null) => {
      const uit = basis.slice();
      for (const f of FACETTEN) {
        const b = filter[f];
        if (f === zonder || !b) continue;
        for (let w = 0; w < W; w++) uit[w] = ((uit[w] as number) & (b[w] as number)) >>> 0;
      }
      return uit;
    };
    const treffers = met(null);
    let totaal = 0;
    for (let w = 0; w < W; w++) totaal += popcount(treffers[w] as number);
    // 3. Facets: each counted with the other filters applied, so choosing a value still shows the alternatives.
    const facetten = {
      sectoren: this.sectoren.tel(filter.sectoren ? met('sectoren') : treffers, W),
      opleidingsniveaus: this.niveaus.tel(filter.opleidingsniveaus ? met('opleidingsniveaus') : treffers, W),
      gemeenten: this.gemeenten.tel(filter.gemeenten ? met('gemeenten') : treffers, W),
      werkcondities: this.condities.tel(filter.werkcondities ? met('werkcondities') : treffers, W),
    };
    // 4. The page: the best offset + limit by relevance, completeness, publiek_id.
    const heap = new TopK(o.offset + o.limit, scores, this.statisch, this.publiekIds);
    const statisch = this.statisch;
    // Most profiles rank below the current k-th: reject them against the heap's worst without a call.
    let grensScore = Number.NEGATIVE_INFINITY;
    let grensStatisch = Number.NEGATIVE_INFINITY;
    for (let w = 0; w < W; w++) {
      let bits = treffers[w] as number;
      while (bits !== 0) {
        const b = 31 - Math.clz32(bits & -bits);
        bits = (bits & (bits - 1)) >>> 0;
        const s = w * 32 + b;
        const sc = scores[s] as number;
        if (sc < grensScore || (sc === grensScore && (statisch[s] as number) < grensStatisch)) continue;
        if (heap.voegToe(s)) {
          const slechtste = heap.slechtste();
          grensScore = scores[slechtste] as number;
          grensStatisch = statisch[slechtste] as number;
        }
      }
    }
    return {
      totaal,
      treffers: heap
        .gesorteerd()
        .slice(o.offset)
        .map((s) => ({ id: this.ids[s] as string, relevantie: scores[s] as number })),
      facetten,
    };
  }
}

/** The best k slots by relevance desc, then the static key desc, then publiek_id asc (a bounded heap, worst on top). */
class TopK {
  private readonly heap: number[] = [];
  constructor(
    private readonly k: number,
    private readonly scores: Float64Array,
    private readonly statisch: Float64Array,
    private readonly publiekIds: string[],
  ) {}

  /** Is a ranked before b? */
  private voor(a: number, b: number): boolean {
    const sa = this.scores[a] as number;
    const sb = this.scores[b] as number;
    if (sa !== sb) return sa > sb;
    const ka = this.statisch[a] as number;
    const kb = this.statisch[b] as number;
    if (ka !== kb) return ka > kb;
    return (this.publiekIds[a] as string) < (this.publiekIds[b] as string);
  }

  /** The worst of the best k so far (the heap's top). */
  slechtste(): number {
    return this.heap[0] as number;
  }

  /** Offers a slot; returns true when the heap is full (so its worst is a valid bar). */
  voegToe(s: number): boolean {
    const h = this.heap;
    if (this.k === 0) return false;
    if (h.length < this.k) {
      h.push(s);
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (this.voor(h[p] as number, h[i] as number)) {
          const t = h[p] as number;
          h[p] = h[i] as number;
          h[i] = t;
          i = p;
        } else break;
      }
      return h.length === this.k;
    }
    if (!this.voor(s, h[0] as number)) return true;
    h[0] = s;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let slechtst = i;
      if (l < h.length && this.voor(h[slechtst] as number, h[l] as number)) slechtst = l;
      if (r < h.length && this.voor(h[slechtst] as number, h[r] as number)) slechtst = r;
      if (slechtst === i) break;
      const t = h[slechtst] as number;
      h[slechtst] = h[i] as number;
      h[i] = t;
      i = slechtst;
    }
    return true;
  }

  gesorteerd(): number[] {
    return [...this.heap].sort((a, b) => (this.voor(a, b) ? -1 : this.voor(b, a) ? 1 : 0));
  }
}
