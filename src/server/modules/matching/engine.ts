/**
 * The matching engine: belastbaarheid (what a person can) against belasting (what a function asks),
 * in process, over column-major typed arrays. Pure: no SQL, no HTTP. `sync.ts` keeps it in step with
 * the database; `reference.ts` is the plain implementation a property test holds it to.
 *
 * Semantics (REFERENCE.md §1.2–1.3; see fml-catalogus.ts):
 * - Ordinal item: a person's level p (0 = normaal, higher = more limited); a function's level f is the
 *   most limited level at which it can still be done (items a function does not load are absent: anyone
 *   can). Mismatch when p > f. "Op de grens" (near the limit) when p = f > 0: the person can just do it,
 *   the arbeidsdeskundige should look at it (CBBS's signalering).
 * - Conditions item: the person needs some conditions; the function names the ones it cannot offer.
 *   Each needed condition the function cannot offer is a mismatch.
 * - A recorded workplace adaptation for (person, item) — for one function or any — lifts that item's
 *   mismatch; the result says so.
 *
 * Speed: persons are stored column-major: one Uint8Array per ordinal item, and bit-sliced — per item
 * and level L ≥ 1 a bitset of the persons at level ≥ L, per condition a bitset of the persons who need
 * it. Ranking persons for a function is then word-wise OR/AND over 32 persons at a time (mismatch =
 * OR of "level ≥ f+1" over the items it loads; on the limit = "≥ f and not ≥ f+1"), a popcount for the
 * total and a scan that stops as soon as the page is full. Functions are few (hundreds): stored
 * row-major and scanned per person.
 */
import { FML_ITEMS, type FmlItem } from '../belastbaarheid/fml-catalogus.js';

export interface Catalogus {
  readonly ordinaal: readonly { code: string; max: number }[];
  readonly voorwaarden: readonly { code: string; bits: ReadonlyMap<string, number> }[];
  readonly ordIndex: ReadonlyMap<string, number>;
  readonly vwIndex: ReadonlyMap<string, number>;
}

export function compileCatalogus(items: readonly FmlItem[] = FML_ITEMS): Catalogus {
  const ordinaal: { code: string; max: number }[] = [];
  const voorwaarden: { code: string; bits: Map<string, number> }[] = [];
  for (const item of items) {
    if (item.soort === 'ordinaal') ordinaal.push({ code: item.code, max: item.niveaus.length - 1 });
    else {
      const codes = Object.keys(item.voorwaarden);
      if (codes.length > 16) throw new Error(`Te veel voorwaarden voor ${item.code}`);
      voorwaarden.push({ code: item.code, bits: new Map(codes.map((c, i) => [c, i])) });
    }
  }
  return {
    ordinaal,
    voorwaarden,
    ordIndex: new Map(ordinaal.map((o, i) => [o.code, i])),
    vwIndex: new Map(voorwaarden.map((v, i) => [v.code, i])),
  };
}

/** A person's current profile: ordinal levels (absent = 0) and needed conditions (absent = none). */
export interface Profiel {
  niveaus: Readonly<Record<string, number>>;
  voorwaarden: Readonly<Record<string, readonly string[]>>;
}

/** What a function asks: ordinal level per item it loads, or the conditions it cannot offer. */
export type Belasting = Readonly<Record<string, number | readonly string[]>>;

export interface Aanpassing {
  /** null: applies to any function. */
  functieId: string | null;
  item: string;
}

export interface PersoonInvoer {
  id: string;
  gemeenteId: string;
  /** Open dossier (not afgesloten). */
  actief: boolean;
  /** null: no belastbaarheid recorded yet — never ranked for a function. */
  profiel: Profiel | null;
  aanpassingen: readonly Aanpassing[];
}

export interface FunctieInvoer {
  id: string;
  naam: string;
  groep: string;
  /** Rank of the minimum education level (OPLEIDINGSNIVEAUS[..].rang). */
  opleidingsrang: number;
  urenMin: number;
  urenMax: number;
  /** null: the regional catalogue; else the gemeente whose own function it is. */
  organisatieId: string | null;
  actief: boolean;
  taken: readonly string[];
  belasting: Belasting;
  /** Adaptations recorded for this function apply too (a vacancy built on a catalogue function). */
  aanpassingenVan?: string | null;
}

export interface Beoordeling {
  /** Items (and conditions) where the person cannot do what the function asks, after adaptations. */
  mismatches: number;
  /** Items where the person is exactly at the function's limit. */
  opDeGrens: number;
  /** Mismatches lifted by a recorded adaptation. */
  aangepast: number;
}

export interface PersonenVraag {
  /** Gemeenten whose persons may be ranked (the actor's full bases). */
  gemeenten: ReadonlySet<string>;
  /** Further persons the actor may read on a personal basis (assignment, referral, consent). */
  extraPersonen?: ReadonlySet<string>;
  offset: number;
  limit: number;
}

export interface PersonenAntwoord {
  /** Persons that fit (no mismatch), among those the actor may see. */
  totaal: number;
  resultaten: { persoonId: string; opDeGrens: number; aangepast: number }[];
}

export interface FunctiesVraag {
  /** Only functions of the regional catalogue and these organisations' own functions. */
  organisaties: ReadonlySet<string>;
  maxOpleidingsrang?: number;
  /** The person's wished hours: the function's typical range must overlap [urenMin, urenMax]. */
  urenMin?: number;
  urenMax?: number;
  groep?: string;
  /** Also list functions that do not fit (after those that do). */
  inclusiefNietPassend?: boolean;
  offset: number;
  limit: number;
}

export interface FunctiesAntwoord {
  totaal: number;
  resultaten: ({ functieId: string } & Beoordeling)[];
}

export class MatchingEngine {
  readonly cat: Catalogus;
  private readonly K: number;
  private readonly V: number;

  // Persons, column-major.
  private cap = 0;
  private n = 0;
  private persoonIds: string[] = [];
  private persoonIndex = new Map<string, number>();
  /** 1 = active dossier with a profile: may be ranked. */
  private rangbaar = new Uint8Array(0);
  private heeftProfiel = new Uint8Array(0);
  private actief = new Uint8Array(0);
  private gemeente = new Uint16Array(0);
  private niveaus: Uint8Array[] = [];
  private condities: Uint16Array[] = [];
  /** Words of 32 persons. */
  private words = 0;
  /** drempel[k][L] (L ≥ 1): bit j set iff person j's level on item k is ≥ L. */
  private drempel: Uint32Array[][] = [];
  /** nodig[v][b]: bit j set iff person j needs condition b of conditions item v. */
  private nodig: Uint32Array[][] = [];
  private aanpassingen = new Map<number, readonly Aanpassing[]>();
  private gemeenteIds: string[] = [];
  private gemeenteIndex = new Map<string, number>();
  // Scratch for ranking persons (bitsets).
  private misW = new Uint32Array(0);
  private grensW = new Uint32Array(0);
  /** Bumped on every person change; invalidates the cached exclusion masks. */
  private personenVersie = 0;
  /** Per set of visible gemeenten: bit set where a person cannot be ranked (not rankable, not visible, or beyond n). */
  private uitsluitingCache = new Map<string, { versie: number; n: number; masker: Uint32Array }>();

  // Functions, row-major.
  private functieIds: string[] = [];
  private functieIndex = new Map<string, number>();
  private functies: (FunctieInvoer | undefined)[] = [];
  private fNiveaus = new Uint8Array(0);
  private fMaskers = new Uint16Array(0);
  private fCap = 0;

  constructor(cat: Catalogus = compileCatalogus()) {
    this.cat = cat;
    this.K = cat.ordinaal.length;
    this.V = cat.voorwaarden.length;
    this.groei(1024);
    this.groeiFuncties(64);
  }

  get aantalPersonen(): number {
    return this.n;
  }
  get aantalFuncties(): number {
    return this.functieIds.length;
  }

  private groei(min: number): void {
    if (min <= this.cap) return;
    const cap = Math.max(min, this.cap * 2);
    const grow8 = (a: Uint8Array) => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    };
    const grow16 = (a: Uint16Array) => {
      const b = new Uint16Array(cap);
      b.set(a);
      return b;
    };
    this.rangbaar = grow8(this.rangbaar);
    this.heeftProfiel = grow8(this.heeftProfiel);
    this.actief = grow8(this.actief);
    this.gemeente = grow16(this.gemeente);
    this.niveaus = this.cat.ordinaal.map((_, k) => grow8(this.niveaus[k] ?? new Uint8Array(0)));
    this.condities = this.cat.voorwaarden.map((_, v) => grow16(this.condities[v] ?? new Uint16Array(0)));
    const words = Math.ceil(cap / 32);
    const growW = (a: Uint32Array | undefined) => {
      const b = new Uint32Array(words);
      if (a) b.set(a);
      return b;
    };
    this.drempel = this.cat.ordinaal.map((o, k) => Array.from({ length: o.max + 1 }, (_, l) => growW(this.drempel[k]?.[l])));
    this.nodig = this.cat.voorwaarden.map((v, vi) => Array.from({ length: v.bits.size }, (_, b) => growW(this.nodig[vi]?.[b])));
    this.misW = new Uint32Array(words);
    this.grensW = new Uint32Array(words);
    this.words = words;
    this.cap = cap;
  }

  /** Reserve room for `n` persons up front (bulk load). */
  reserveer(n: number): void {
    this.groei(n);
  }

  private gemeenteNr(id: string): number {
    let g = this.gemeenteIndex.get(id);
    if (g === undefined) {
      g = this.gemeenteIds.length;
      if (g > 0xffff) throw new Error('Te veel gemeenten');
      this.gemeenteIds.push(id);
      this.gemeenteIndex.set(id, g);
    }
    return g;
  }

  /** Insert or replace a person. Unknown item codes in the profile are ignored (another catalogue version). */
  zetPersoon(p: PersoonInvoer): void {
    this.personenVersie++;
    let j = this.persoonIndex.get(p.id);
    if (j === undefined) {
      j = this.n++;
      this.groei(this.n);
      this.persoonIds[j] = p.id;
      this.persoonIndex.set(p.id, j);
    }
    this.gemeente[j] = this.gemeenteNr(p.gemeenteId);
    this.actief[j] = p.actief ? 1 : 0;
    this.heeftProfiel[j] = p.profiel ? 1 : 0;
    this.rangbaar[j] = p.actief && p.profiel ? 1 : 0;
    for (let k = 0; k < this.K; k++) {
      const o = this.cat.ordinaal[k] as { code: string; max: number };
      const nieuw = Math.min(Math.max(p.profiel?.niveaus[o.code] ?? 0, 0), o.max);
      const col = this.niveaus[k] as Uint8Array;
      const oud = col[j] as number;
      if (oud === nieuw) continue;
      col[j] = nieuw;
      const w = j >>> 5;
      const bit = 1 << (j & 31);
      const lagen = this.drempel[k] as Uint32Array[];
      for (let l = 1; l <= o.max; l++) {
        const laag = lagen[l] as Uint32Array;
        laag[w] = nieuw >= l ? (laag[w] as number) | bit : (laag[w] as number) & ~bit;
      }
    }
    for (let v = 0; v < this.V; v++) {
      const item = this.cat.voorwaarden[v] as Catalogus['voorwaarden'][number];
      let nieuw = 0;
      for (const c of p.profiel?.voorwaarden[item.code] ?? []) {
        const bit = item.bits.get(c);
        if (bit !== undefined) nieuw |= 1 << bit;
      }
      const col = this.condities[v] as Uint16Array;
      const oud = col[j] as number;
      if (oud === nieuw) continue;
      const lagen = this.nodig[v] as Uint32Array[];
      const w = j >>> 5;
      const bit = 1 << (j & 31);
      for (let b = 0; b < lagen.length; b++) {
        const laag = lagen[b] as Uint32Array;
        laag[w] = (nieuw >> b) & 1 ? (laag[w] as number) | bit : (laag[w] as number) & ~bit;
      }
      col[j] = nieuw;
    }
    if (p.aanpassingen.length > 0) this.aanpassingen.set(j, p.aanpassingen.slice());
    else this.aanpassingen.delete(j);
  }

  /** A removed person keeps its slot (ids are stable) but is never ranked again. */
  verwijderPersoon(id: string): void {
    const j = this.persoonIndex.get(id);
    if (j === undefined) return;
    this.zetPersoon({ id, gemeenteId: this.gemeenteIds[this.gemeente[j] as number] as string, actief: false, profiel: null, aanpassingen: [] });
  }

  heeftPersoon(id: string): boolean {
    const j = this.persoonIndex.get(id);
    return j !== undefined && (this.actief[j] === 1 || this.heeftProfiel[j] === 1);
  }

  /** The person's current profile as the engine holds it (for explanations and tests). */
  profielVan(id: string): Profiel | null {
    const j = this.persoonIndex.get(id);
    if (j === undefined || !this.heeftProfiel[j]) return null;
    const niveaus: Record<string, number> = {};
    const voorwaarden: Record<string, string[]> = {};
    this.cat.ordinaal.forEach((o, k) => {
      const l = (this.niveaus[k] as Uint8Array)[j] as number;
      if (l > 0) niveaus[o.code] = l;
    });
    this.cat.voorwaarden.forEach((item, v) => {
      const m = (this.condities[v] as Uint16Array)[j] as number;
      if (m) voorwaarden[item.code] = [...item.bits].filter(([, b]) => (m >> b) & 1).map(([c]) => c);
    });
    return { niveaus, voorwaarden };
  }

  aanpassingenVan(id: string): readonly Aanpassing[] {
    const j = this.persoonIndex.get(id);
    return j === undefined ? [] : (this.aanpassingen.get(j) ?? []);
  }

  private groeiFuncties(min: number): void {
    if (min <= this.fCap) return;
    const cap = Math.max(min, this.fCap * 2);
    const n = new Uint8Array(cap * this.K);
    n.set(this.fNiveaus);
    const m = new Uint16Array(cap * this.V);
    m.set(this.fMaskers);
    this.fNiveaus = n;
    this.fMaskers = m;
    this.fCap = cap;
  }

  zetFunctie(f: FunctieInvoer): void {
    let i = this.functieIndex.get(f.id);
    if (i === undefined) {
      i = this.functieIds.length;
      this.groeiFuncties(i + 1);
      this.functieIds.push(f.id);
      this.functieIndex.set(f.id, i);
    }
    this.functies[i] = f;
    this.rangen = null;
    for (let k = 0; k < this.K; k++) {
      const o = this.cat.ordinaal[k] as { code: string; max: number };
      const b = f.belasting[o.code];
      this.fNiveaus[i * this.K + k] = typeof b === 'number' ? Math.min(Math.max(b, 0), o.max) : o.max;
    }
    for (let v = 0; v < this.V; v++) {
      const item = this.cat.voorwaarden[v] as Catalogus['voorwaarden'][number];
      const b = f.belasting[item.code];
      let m = 0;
      if (Array.isArray(b)) {
        for (const c of b) {
          const bit = item.bits.get(c);
          if (bit !== undefined) m |= 1 << bit;
        }
      }
      this.fMaskers[i * this.V + v] = m;
    }
  }

  verwijderFunctie(id: string): void {
    const i = this.functieIndex.get(id);
    const f = i === undefined ? undefined : this.functies[i];
    if (f) this.zetFunctie({ ...f, actief: false });
  }

  functie(id: string): FunctieInvoer | undefined {
    const i = this.functieIndex.get(id);
    return i === undefined ? undefined : this.functies[i];
  }

  /** All functions the engine holds (active or not). */
  alleFuncties(): readonly FunctieInvoer[] {
    return this.functies.filter((f): f is FunctieInvoer => f !== undefined);
  }

  /** Judge one person against one function, honouring adaptations. */
  beoordeel(persoonId: string, functieId: string): Beoordeling | null {
    const j = this.persoonIndex.get(persoonId);
    const i = this.functieIndex.get(functieId);
    if (j === undefined || i === undefined) return null;
    return this.beoordeelIndex(j, i);
  }

  private beoordeelIndex(j: number, i: number): Beoordeling {
    const aanp = this.aanpassingen.get(j);
    const fid = this.functieIds[i];
    const basis = this.functies[i]?.aanpassingenVan ?? null;
    let mismatches = 0;
    let opDeGrens = 0;
    let aangepast = 0;
    const K = this.K;
    for (let k = 0; k < K; k++) {
      const p = (this.niveaus[k] as Uint8Array)[j] as number;
      const f = this.fNiveaus[i * K + k] as number;
      if (p > f) {
        if (aanp && heeftAanpassing(aanp, fid as string, (this.cat.ordinaal[k] as { code: string }).code, basis)) aangepast++;
        else mismatches++;
      } else if (p === f && f > 0 && f < (this.cat.ordinaal[k] as { max: number }).max) opDeGrens++;
    }
    for (let v = 0; v < this.V; v++) {
      const overlap = ((this.condities[v] as Uint16Array)[j] as number) & (this.fMaskers[i * this.V + v] as number);
      if (!overlap) continue;
      const n = popcount(overlap);
      if (aanp && heeftAanpassing(aanp, fid as string, (this.cat.voorwaarden[v] as { code: string }).code, basis)) aangepast += n;
      else mismatches += n;
    }
    return { mismatches, opDeGrens, aangepast };
  }

  /** Bit set where a person is not rankable, not in one of `gemeenten`, or beyond n; cached per gemeente set. */
  private uitsluitingVoor(gemeenten: ReadonlySet<string>): Uint32Array {
    const sleutel = [...gemeenten].sort().join(',');
    const hit = this.uitsluitingCache.get(sleutel);
    if (hit && hit.versie === this.personenVersie && hit.n === this.n && hit.masker.length === this.words) return hit.masker;
    const toegestaan = new Uint8Array(this.gemeenteIds.length + 1);
    for (const g of gemeenten) {
      const nr = this.gemeenteIndex.get(g);
      if (nr !== undefined) toegestaan[nr] = 1;
    }
    const masker = new Uint32Array(this.words).fill(0xffffffff);
    for (let j = 0; j < this.n; j++) {
      if (this.rangbaar[j] === 1 && toegestaan[this.gemeente[j] as number] === 1) masker[j >>> 5] = (masker[j >>> 5] as number) & ~(1 << (j & 31));
    }
    if (this.uitsluitingCache.size >= 16) this.uitsluitingCache.delete(this.uitsluitingCache.keys().next().value as string);
    this.uitsluitingCache.set(sleutel, { versie: this.personenVersie, n: this.n, masker });
    return masker;
  }

  /**
   * Rank the persons that fit one function: no mismatch (after adaptations), fewest items on the
   * limit first, then in a stable order. Only active dossiers with a recorded profile, and only
   * persons the caller says the actor may see.
   */
  rangschikPersonen(functieId: string, vraag: PersonenVraag): PersonenAntwoord {
    const i = this.functieIndex.get(functieId);
    if (i === undefined) return { totaal: 0, resultaten: [] };
    const K = this.K;
    const W = this.words;
    const mis = this.misW;
    const grens = this.grensW;
    // mis: bit set = out (excluded, or some item does not fit). grens: bit set = on the limit somewhere.
    mis.set(this.uitsluitingVoor(vraag.gemeenten));
    grens.fill(0);
    const extra = new Set<number>();
    for (const id of vraag.extraPersonen ?? []) {
      const j = this.persoonIndex.get(id);
      if (j === undefined || this.rangbaar[j] !== 1) continue;
      extra.add(j);
      mis[j >>> 5] = (mis[j >>> 5] as number) & ~(1 << (j & 31));
    }
    const opGrensItems: number[] = [];
    for (let k = 0; k < K; k++) {
      const f = this.fNiveaus[i * K + k] as number;
      const max = (this.cat.ordinaal[k] as { max: number }).max;
      if (f >= max) continue;
      const lagen = this.drempel[k] as Uint32Array[];
      const boven = lagen[f + 1] as Uint32Array;
      for (let w = 0; w < W; w++) mis[w] = (mis[w] as number) | (boven[w] as number);
      if (f > 0) {
        opGrensItems.push(k);
        const op = lagen[f] as Uint32Array;
        for (let w = 0; w < W; w++) grens[w] = (grens[w] as number) | ((op[w] as number) & ~(boven[w] as number));
      }
    }
    for (let v = 0; v < this.V; v++) {
      const masker = this.fMaskers[i * this.V + v] as number;
      if (!masker) continue;
      const lagen = this.nodig[v] as Uint32Array[];
      for (let b = 0; b < lagen.length; b++) {
        if (!((masker >> b) & 1)) continue;
        const laag = lagen[b] as Uint32Array;
        for (let w = 0; w < W; w++) mis[w] = (mis[w] as number) | (laag[w] as number);
      }
    }
    // Adaptations are rare: judge those persons exactly.
    const exact = new Map<number, Beoordeling>();
    const basis = this.functies[i]?.aanpassingenVan ?? null;
    for (const [j, aanp] of this.aanpassingen) {
      if (!aanp.some((a) => a.functieId === null || a.functieId === functieId || (basis !== null && a.functieId === basis))) continue;
      const b = this.beoordeelIndex(j, i);
      exact.set(j, b);
      const zichtbaar = this.rangbaar[j] === 1 && (extra.has(j) || ((this.uitsluitingVoor(vraag.gemeenten)[j >>> 5] as number) & (1 << (j & 31))) === 0);
      const bit = 1 << (j & 31);
      mis[j >>> 5] = b.mismatches === 0 && zichtbaar ? (mis[j >>> 5] as number) & ~bit : (mis[j >>> 5] as number) | bit;
      grens[j >>> 5] = b.opDeGrens > 0 ? (grens[j >>> 5] as number) | bit : (grens[j >>> 5] as number) & ~bit;
    }

    let totaal = 0;
    let zonderGrens = 0;
    for (let w = 0; w < W; w++) {
      const past = ~(mis[w] as number);
      totaal += popcount32(past);
      zonderGrens += popcount32(past & ~(grens[w] as number));
    }
    const gewenst = vraag.offset + vraag.limit;
    const persoonIds = this.persoonIds;
    const resultaat = (j: number, g: number) => ({ persoonId: persoonIds[j] as string, opDeGrens: g, aangepast: exact.get(j)?.aangepast ?? 0 });

    if (gewenst <= zonderGrens) {
      // The page lies within the persons without any item on the limit: take them in order, stop early.
      const gevonden: number[] = [];
      for (let w = 0; w < W && gevonden.length < gewenst; w++) {
        let bits = ~(mis[w] as number) & ~(grens[w] as number);
        while (bits !== 0 && gevonden.length < gewenst) {
          const laag = bits & -bits;
          gevonden.push((w << 5) + (31 - Math.clz32(laag)));
          bits ^= laag;
        }
      }
      return { totaal, resultaten: gevonden.slice(vraag.offset).map((j) => resultaat(j, 0)) };
    }
    // Deeper pages: count the items on the limit exactly for the fitting persons that have any.
    const emmers = new Map<number, number[]>();
    emmers.set(0, []);
    for (let w = 0; w < W; w++) {
      let bits = ~(mis[w] as number);
      while (bits !== 0) {
        const laag = bits & -bits;
        bits ^= laag;
        const j = (w << 5) + (31 - Math.clz32(laag));
        let g = 0;
        if (((grens[w] as number) & laag) !== 0) {
          const e = exact.get(j);
          if (e) g = e.opDeGrens;
          else for (const k of opGrensItems) if ((this.niveaus[k] as Uint8Array)[j] === (this.fNiveaus[i * K + k] as number)) g++;
        }
        let emmer = emmers.get(g);
        if (!emmer) {
          emmer = [];
          emmers.set(g, emmer);
        }
        emmer.push(j);
      }
    }
    const volgorde = [...emmers.keys()].sort((a, b) => a - b);
    const alle: { j: number; g: number }[] = [];
    for (const g of volgorde) {
      for (const j of emmers.get(g) as number[]) {
        alle.push({ j, g });
        if (alle.length >= gewenst) break;
      }
      if (alle.length >= gewenst) break;
    }
    return { totaal, resultaten: alle.slice(vraag.offset).map(({ j, g }) => resultaat(j, g)) };
  }

  /**
   * Rank functions for one person: fitting ones first (fewest items on the limit first), then — when
   * asked — the others by number of mismatches; ties by name.
   */
  rangschikFuncties(persoonId: string, vraag: FunctiesVraag): FunctiesAntwoord {
    const j = this.persoonIndex.get(persoonId);
    if (j === undefined) return { totaal: 0, resultaten: [] };
    const rang = this.naamRangen();
    // Only the person's limited items can mismatch or sit on a limit: gather them once.
    const K = this.K;
    const V = this.V;
    const itemsK: number[] = [];
    const niveausK: number[] = [];
    const maxK: number[] = [];
    for (let k = 0; k < K; k++) {
      const p = (this.niveaus[k] as Uint8Array)[j] as number;
      if (p > 0) {
        itemsK.push(k);
        niveausK.push(p);
        maxK.push((this.cat.ordinaal[k] as { max: number }).max);
      }
    }
    const condV: number[] = [];
    for (let v = 0; v < V; v++) condV.push((this.condities[v] as Uint16Array)[j] as number);
    const metAanpassingen = this.aanpassingen.has(j);
    const fN = this.fNiveaus;
    const fM = this.fMaskers;
    // One number per candidate: mismatches, items on the limit, name rank — sorted as plain numbers.
    const sleutels: number[] = [];
    const beoordelingen = new Map<number, Beoordeling>();
    for (let i = 0; i < this.functieIds.length; i++) {
      const f = this.functies[i];
      if (!f?.actief) continue;
      if (f.organisatieId !== null && !vraag.organisaties.has(f.organisatieId)) continue;
      if (vraag.maxOpleidingsrang !== undefined && f.opleidingsrang > vraag.maxOpleidingsrang) continue;
      if (vraag.urenMin !== undefined && f.urenMax < vraag.urenMin) continue;
      if (vraag.urenMax !== undefined && f.urenMin > vraag.urenMax) continue;
      if (vraag.groep !== undefined && f.groep !== vraag.groep) continue;
      let b: Beoordeling;
      if (metAanpassingen) b = this.beoordeelIndex(j, i);
      else {
        let mismatches = 0;
        let opDeGrens = 0;
        for (let x = 0; x < itemsK.length; x++) {
          const pv = niveausK[x] as number;
          const fv = fN[i * K + (itemsK[x] as number)] as number;
          if (pv > fv) mismatches++;
          else if (pv === fv && fv < (maxK[x] as number)) opDeGrens++;
        }
        for (let v = 0; v < V; v++) {
          const overlap = (condV[v] as number) & (fM[i * V + v] as number);
          if (overlap) mismatches += popcount(overlap);
        }
        b = { mismatches, opDeGrens, aangepast: 0 };
      }
      if (b.mismatches > 0 && !vraag.inclusiefNietPassend) continue;
      beoordelingen.set(i, b);
      sleutels.push((b.mismatches * 256 + b.opDeGrens) * 2 ** 24 + (rang[i] as number));
    }
    sleutels.sort((a, b) => a - b);
    const perRang = this.functieOpRang as Int32Array;
    return {
      totaal: sleutels.length,
      resultaten: sleutels.slice(vraag.offset, vraag.offset + vraag.limit).map((k) => {
        const i = perRang[k % 2 ** 24] as number;
        return { functieId: this.functieIds[i] as string, ...(beoordelingen.get(i) as Beoordeling) };
      }),
    };
  }

  private rangen: Int32Array | null = null;
  private functieOpRang: Int32Array | null = null;

  /** Each function's place in name order (Dutch collation, then id); recomputed after a change. */
  private naamRangen(): Int32Array {
    if (this.rangen) return this.rangen;
    const volgorde = this.functieIds.map((_, i) => i);
    volgorde.sort((a, b) => {
      const fa = this.functies[a] as FunctieInvoer;
      const fb = this.functies[b] as FunctieInvoer;
      return vergelijkNaam(fa.naam, fb.naam) || (fa.id < fb.id ? -1 : 1);
    });
    this.rangen = new Int32Array(volgorde.length);
    this.functieOpRang = Int32Array.from(volgorde);
    volgorde.forEach((i, r) => {
      (this.rangen as Int32Array)[i] = r;
    });
    return this.rangen;
  }
}

const collator = new Intl.Collator('nl', { sensitivity: 'base' });
export function vergelijkNaam(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Number of set bits in a 32-bit word. */
function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function heeftAanpassing(aanp: readonly Aanpassing[], functieId: string, item: string, basis: string | null = null): boolean {
  for (const a of aanp) if (a.item === item && (a.functieId === null || a.functieId === functieId || (basis !== null && a.functieId === basis))) return true;
  return false;
}

function popcount(x: number): number {
  let n = 0;
  let y = x;
  while (y) {
    y &= y - 1;
    n++;
  }
  return n;
}
