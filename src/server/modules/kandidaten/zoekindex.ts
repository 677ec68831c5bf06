/**
 * In-process search index over the published kandidaatprofielen of one region: the kandidatenportaal's
 * answer at national scale (250,000 profiles) in a few milliseconds, with facet counts.
 *
 * - Text: an inverted index from PostgreSQL's own lexemes (the stored `zoekvector`, Dutch stemming and
 *   accent folding done by PostgreSQL) to posting lists; a query's boolean structure (AND, OR, NOT)
 *   is evaluated on bitsets, 32 profiles per word.
 * - Filters: one typed array per field (gemeente, sectors and work conditions as bit masks, education
 *   level, hours, availability date).
 * - Facets: one pass over the text matches counts, per facet, the profiles that pass every *other*
 *   filter, so choosing a value still shows the alternatives (as the SQL reference does).
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

/** Small code → bit/number dictionaries; masks hold at most 32 codes. */
class Codes {
  readonly nummer = new Map<string, number>();
  readonly codes: string[] = [];
  constructor(private readonly max: number) {}
  van(code: string): number {
    let n = this.nummer.get(code);
    if (n === undefined) {
      n = this.codes.length;
      if (n >= this.max) throw new Error(`zoekindex: meer dan ${this.max} codes`);
      this.nummer.set(code, n);
      this.codes.push(code);
    }
    return n;
  }
  masker(codes: readonly string[]): number {
    let m = 0;
    for (const c of codes) m |= 1 << this.van(c);
    return m >>> 0;
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

function groei<T extends Int32Array | Uint32Array | Float32Array | Uint8Array | Uint16Array | Float64Array>(a: T, nodig: number): T {
  if (nodig <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(nodig, a.length * 2, 16));
  b.set(a);
  return b;
}

export class KandidatenZoekindex {
  private n = 0;
  private readonly slotVan = new Map<string, number>();
  private ids: string[] = [];
  private publiekIds: string[] = [];
  private actief = new Uint8Array(0);
  /** The same, as a bitset (32 slots per word). */
  private actiefBits = new Uint32Array(0);
  private generatie = new Uint32Array(0);
  private gemeente = new Uint16Array(0);
  private sector = new Uint32Array(0);
  private niveau = new Uint8Array(0); // 0 = none, else code number + 1
  private conditie = new Uint32Array(0);
  private urenMin = new Float64Array(0); // NaN = unknown
  private urenMax = new Float64Array(0);
  private beschikbaar = new Int32Array(0);
  private compleetheid = new Uint8Array(0);
  /** Per slot, the lexeme numbers it was indexed under (to age its postings on change). */
  private lexemenVan: (Int32Array | null)[] = [];
  private readonly lexeemNummer = new Map<string, number>();
  private readonly postings: Postings[] = [];
  private readonly gemeenten = new Codes(65_535);
  private readonly sectoren = new Codes(32);
  private readonly niveaus = new Codes(250);
  private readonly condities = new Codes(32);
  /** Number of published profiles. */
  aantalActief = 0;

  get grootte(): number {
    return this.aantalActief;
  }

  /** Adds, replaces or (when not published) hides one profile. */
  zet(p: IndexProfiel): void {
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
    if (this.actief[s]) this.aantalActief--;
    this.actief[s] = p.gepubliceerd ? 1 : 0;
    const bit = 1 << (s & 31);
    this.actiefBits[s >>> 5] = (p.gepubliceerd ? (this.actiefBits[s >>> 5] as number) | bit : (this.actiefBits[s >>> 5] as number) & ~bit) >>> 0;
    if (!p.gepubliceerd) {
      this.lexemenVan[s] = null;
      return;
    }
    this.aantalActief++;
    this.publiekIds[s] = p.publiekId;
    this.gemeente[s] = this.gemeenten.van(p.gemeenteId);
    this.sector[s] = this.sectoren.masker(p.sectoren);
    this.niveau[s] = p.opleidingsniveau === null ? 0 : this.niveaus.van(p.opleidingsniveau) + 1;
    this.conditie[s] = this.condities.masker(p.werkcondities);
    this.urenMin[s] = p.urenMin ?? Number.NaN;
    this.urenMax[s] = p.urenMax ?? Number.NaN;
    this.beschikbaar[s] = p.beschikbaarVanaf ? dag(p.beschikbaarVanaf) : GEEN_DATUM;
    this.compleetheid[s] = p.compleetheid;
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
    this.actief = groei(this.actief, n);
    this.actiefBits = groei(this.actiefBits, (n + 31) >>> 5);
    this.generatie = groei(this.generatie, n);
    this.gemeente = groei(this.gemeente, n);
    this.sector = groei(this.sector, n);
    this.niveau = groei(this.niveau, n);
    this.conditie = groei(this.conditie, n);
    this.urenMin = groei(this.urenMin, n);
    this.urenMax = groei(this.urenMax, n);
    this.beschikbaar = groei(this.beschikbaar, n);
    this.compleetheid = groei(this.compleetheid, n);
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

  /** Bitset (32 slots per word) of the live profiles containing a lexeme; optionally adds its score. */
  private termBits(lexeem: string, woorden: number, scores: Float64Array | null, idfFactor: number): Uint32Array {
    const bits = new Uint32Array(woorden);
    const ln = this.lexeemNummer.get(lexeem);
    if (ln === undefined) return bits;
    const pl = this.postings[ln] as Postings;
    const idf = Math.log(1 + (this.aantalActief - pl.df + 0.5) / (pl.df + 0.5)) * idfFactor;
    for (let i = 0; i < pl.n; i++) {
      const s = pl.slots[i] as number;
      if (pl.generaties[i] !== this.generatie[s]) continue;
      bits[s >>> 5] = ((bits[s >>> 5] as number) | (1 << (s & 31))) >>> 0;
      if (scores) scores[s] = (scores[s] as number) + (pl.scores[i] as number) * idf;
    }
    return bits;
  }

  private evalueer(v: Vraag, woorden: number, scores: Float64Array, positief: Set<string>): Uint32Array {
    switch (v.soort) {
      case 'term':
        return this.termBits(v.lexeem, woorden, positief.has(v.lexeem) ? scores : null, 1);
      case 'niet': {
        const a = this.evalueer(v.arg, woorden, scores, positief);
        for (let w = 0; w < woorden; w++) a[w] = ~(a[w] as number) >>> 0;
        return a;
      }
      case 'en':
      case 'frase': {
        const [eerste, ...rest] = v.args;
        const a = this.evalueer(eerste as Vraag, woorden, scores, positief);
        for (const arg of rest) {
          const b = this.evalueer(arg, woorden, scores, positief);
          for (let w = 0; w < woorden; w++) a[w] = ((a[w] as number) & (b[w] as number)) >>> 0;
        }
        return a;
      }
      case 'of': {
        const [eerste, ...rest] = v.args;
        const a = this.evalueer(eerste as Vraag, woorden, scores, positief);
        for (const arg of rest) {
          const b = this.evalueer(arg, woorden, scores, positief);
          for (let w = 0; w < woorden; w++) a[w] = ((a[w] as number) | (b[w] as number)) >>> 0;
        }
        return a;
      }
    }
  }

  zoek(o: ZoekOpdracht): ZoekUitkomst {
    const woorden = (this.n + 31) >>> 5;
    const scores = new Float64Array(this.n);
    let kandidaten: Uint32Array;
    if (o.vraag) {
      kandidaten = this.evalueer(o.vraag, woorden, scores, positieveTermen(o.vraag));
      if (o.tekstTreffers) {
        // A phrase: PostgreSQL decided which profiles match; keep the scores of the terms.
        kandidaten = new Uint32Array(woorden);
        for (const id of o.tekstTreffers) {
          const s = this.slotVan.get(id);
          if (s !== undefined) kandidaten[s >>> 5] = ((kandidaten[s >>> 5] as number) | (1 << (s & 31))) >>> 0;
        }
      }
    } else {
      kandidaten = new Uint32Array(woorden).fill(0xffffffff);
    }
    for (let w = 0; w < woorden; w++) kandidaten[w] = ((kandidaten[w] as number) & (this.actiefBits[w] as number)) >>> 0;

    // Filters as masks and sets. Facet filters get one bit each in the failure mask.
    const F_SECTOR = 1;
    const F_NIVEAU = 2;
    const F_GEMEENTE = 4;
    const F_CONDITIE = 8;
    const gemeenteToegestaan = o.gemeenten?.length ? new Uint8Array(this.gemeenten.codes.length) : null;
    if (gemeenteToegestaan)
      for (const g of o.gemeenten ?? []) {
        const nr = this.gemeenten.nummer.get(g);
        if (nr !== undefined) gemeenteToegestaan[nr] = 1;
      }
    let sectorMasker = 0;
    for (const c of o.sectoren ?? []) {
      const nr = this.sectoren.nummer.get(c);
      if (nr !== undefined) sectorMasker |= 1 << nr;
    }
    const sectorFilter = (o.sectoren?.length ?? 0) > 0;
    const niveauToegestaan = o.opleidingsniveaus?.length ? new Uint8Array(this.niveaus.codes.length + 1) : null;
    if (niveauToegestaan)
      for (const c of o.opleidingsniveaus ?? []) {
        const nr = this.niveaus.nummer.get(c);
        if (nr !== undefined) niveauToegestaan[nr + 1] = 1;
      }
    let conditieMasker = 0;
    let conditieOnbekend = false;
    for (const c of o.werkcondities ?? []) {
      const nr = this.condities.nummer.get(c);
      if (nr === undefined) conditieOnbekend = true;
      else conditieMasker |= 1 << nr;
    }
    conditieMasker >>>= 0;
    const conditieFilter = (o.werkcondities?.length ?? 0) > 0;
    const urenMin = o.urenMin;
    const urenMax = o.urenMax;
    const vandaag = o.beschikbaarOp ? dag(o.beschikbaarOp) : null;

    const tellers = {
      sectoren: new Int32Array(32),
      condities: new Int32Array(32),
      niveaus: new Int32Array(this.niveaus.codes.length + 1),
      gemeenten: new Int32Array(this.gemeenten.codes.length),
    };
    const k = Math.max(0, o.offset + o.limit);
    const heap = new TopK(k, scores, this.compleetheid, this.publiekIds);
    let totaal = 0;
    for (let w = 0; w < woorden; w++) {
      let bits = kandidaten[w] as number;
      while (bits !== 0) {
        const b = 31 - Math.clz32(bits & -bits);
        bits = (bits & (bits - 1)) >>> 0;
        const s = w * 32 + b;
        // Non-facet filters: failing one excludes the profile from everything.
        if (urenMin !== undefined) {
          const mx = this.urenMax[s] as number;
          if (!Number.isNaN(mx) && mx < urenMin) continue;
        }
        if (urenMax !== undefined) {
          const mn = this.urenMin[s] as number;
          if (!Number.isNaN(mn) && mn > urenMax) continue;
        }
        if (vandaag !== null && (this.beschikbaar[s] as number) > vandaag) continue;
        let faal = 0;
        const sec = this.sector[s] as number;
        if (sectorFilter && (sec & sectorMasker) === 0) faal |= F_SECTOR;
        const niv = this.niveau[s] as number;
        if (niveauToegestaan && !niveauToegestaan[niv]) faal |= F_NIVEAU;
        const gem = this.gemeente[s] as number;
        if (gemeenteToegestaan && !gemeenteToegestaan[gem]) faal |= F_GEMEENTE;
        const con = this.conditie[s] as number;
        if (conditieFilter && (conditieOnbekend || (con & conditieMasker) >>> 0 !== conditieMasker)) faal |= F_CONDITIE;
        if (faal === 0) {
          totaal++;
          heap.voegToe(s);
        } else if ((faal & (faal - 1)) !== 0) {
          continue; // fails two facet filters: counts nowhere
        }
        if (faal === 0 || faal === F_SECTOR) telBits(tellers.sectoren, sec);
        if ((faal === 0 || faal === F_NIVEAU) && niv !== 0) tellers.niveaus[niv] = (tellers.niveaus[niv] as number) + 1;
        if (faal === 0 || faal === F_GEMEENTE) tellers.gemeenten[gem] = (tellers.gemeenten[gem] as number) + 1;
        if (faal === 0 || faal === F_CONDITIE) telBits(tellers.condities, con);
      }
    }
    const facet = (t: Int32Array, codes: readonly string[], verschuiving: number) => {
      const uit: { code: string; aantal: number }[] = [];
      for (let i = verschuiving; i < t.length; i++) if ((t[i] as number) > 0) uit.push({ code: codes[i - verschuiving] as string, aantal: t[i] as number });
      return uit.sort((a, b) => b.aantal - a.aantal || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    };
    const gesorteerd = heap.gesorteerd().slice(o.offset);
    return {
      totaal,
      treffers: gesorteerd.map((s) => ({ id: this.ids[s] as string, relevantie: scores[s] as number })),
      facetten: {
        sectoren: facet(tellers.sectoren.subarray(0, this.sectoren.codes.length), this.sectoren.codes, 0),
        opleidingsniveaus: facet(tellers.niveaus, this.niveaus.codes, 1),
        gemeenten: facet(tellers.gemeenten, this.gemeenten.codes, 0),
        werkcondities: facet(tellers.condities.subarray(0, this.condities.codes.length), this.condities.codes, 0),
      },
    };
  }
}

function telBits(t: Int32Array, masker: number) {
  let m = masker >>> 0;
  while (m !== 0) {
    const b = 31 - Math.clz32(m & -m);
    m = (m & (m - 1)) >>> 0;
    t[b] = (t[b] as number) + 1;
  }
}

/** The best k slots by relevance desc, completeness desc, publiek_id asc (a bounded heap, worst on top). */
class TopK {
  private readonly heap: number[] = [];
  constructor(
    private readonly k: number,
    private readonly scores: Float64Array,
    private readonly compleetheid: Uint8Array,
    private readonly publiekIds: string[],
  ) {}

  /** Is a ranked before b? */
  private voor(a: number, b: number): boolean {
    const sa = this.scores[a] as number;
    const sb = this.scores[b] as number;
    if (sa !== sb) return sa > sb;
    const ca = this.compleetheid[a] as number;
    const cb = this.compleetheid[b] as number;
    if (ca !== cb) return ca > cb;
    return (this.publiekIds[a] as string) < (this.publiekIds[b] as string);
  }

  voegToe(s: number) {
    const h = this.heap;
    if (this.k === 0) return;
    if (h.length < this.k) {
      h.push(s);
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        // worst on top: parent must rank after child
        if (this.voor(h[p] as number, h[i] as number)) {
          [h[p], h[i]] = [h[i] as number, h[p] as number];
          i = p;
        } else break;
      }
      return;
    }
    if (!this.voor(s, h[0] as number)) return;
    h[0] = s;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let slechtst = i;
      if (l < h.length && this.voor(h[slechtst] as number, h[l] as number)) slechtst = l;
      if (r < h.length && this.voor(h[slechtst] as number, h[r] as number)) slechtst = r;
      if (slechtst === i) break;
      [h[slechtst], h[i]] = [h[i] as number, h[slechtst] as number];
      i = slechtst;
    }
  }

  gesorteerd(): number[] {
    return [...this.heap].sort((a, b) => (this.voor(a, b) ? -1 : this.voor(b, a) ? 1 : 0));
  }
}
