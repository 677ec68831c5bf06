/**
 * Bulk delivery, the writer: applies one batch of validated rows for one gemeente in the caller's
 * transaction, set-based (unnest arrays, INSERT … ON CONFLICT (organisatie_id, extern_id) DO UPDATE).
 *
 * Per batch: a handful of reads (the persons, profiles and consents the rows name), the merge in
 * memory (an absent column keeps the stored value, an empty one clears it), then one statement per
 * table for exactly the rows that change, plus their audit rows and timeline entries. A row that
 * changes nothing writes nothing, so delivering the same file twice changes nothing the second time.
 * A dry run does the reads and the merge (so it reports the same problems and counts) and writes nothing.
 *
 * What needs no database is prepared before the transaction (`bereidVoor`, see Voorbereiding), while
 * the batch before is being written; a batch of only new persons (a first delivery) then sends
 * parameters built ahead and checks its references once instead of per row (`verwijzingenPerBatch`).
 */
import { ArrayParameter, alsParameter } from '../../db/parameter.js';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../access/policy.js';
import { type AuditBulk, AuditBulkBouwer, type AuditEntry, AuditWriter, diff, type Wijzigingen } from '../../audit/audit.js';
import { encrypt, type Keys, lookupHash } from '../../crypto/secrets.js';
import type { Database } from '../../db/schema.js';
import { tijdgeordendId } from '../../lib/ids.js';
import { nieuwPubliekId, profielRij } from '../kandidaten/profiel.js';
import { type Gewicht, LexemenCache, profielDelen } from '../kandidaten/zoekvector.js';
import type { ImportRij, RijFout } from './rij.js';

export interface BatchContext {
  /** The batch's transaction. */
  db: Kysely<Database>;
  keys: Keys;
  /** The account the delivery acts as (audit, consent recorded by). */
  actor: Actor;
  organisatieId: string;
  regioId: string;
  runId: string;
  verzoekId: string | null;
  /** The run holds the gemeente's import lock for its whole duration (batches in parallel). */
  runVergrendeld?: boolean;
  /** Public profile codes this run handed out (batches in flight cannot see each other's rows). */
  uitgegevenPubliekIds?: Set<string>;
  /**
   * The session may set session_replication_role (`magVerwijzingenPerBatch`): a batch of only new
   * persons then checks its references once instead of once per row (see `verwijzingenPerBatch`).
   */
  verwijzingenPerBatch?: boolean;
  /**
   * The batch need not wait for its WAL flush (synchronous_commit off, transaction-local): every batch
   * but a run's last — if the machine stops, the run's checkpoint is at most a batch earlier.
   */
  uitgesteldeCommit?: boolean;
  /**
   * Build profiles' search vectors here from cached lexemes (default), or leave them to the table's
   * trigger (see ImportOpties.zoekvectorInNode).
   */
  zoekvectorInNode?: boolean;
}

export interface BatchResultaat {
  /** Rows applied (or, in a dry run, that would be). */
  geaccepteerd: number;
  nieuw: number;
  gewijzigd: number;
  ongewijzigd: number;
  /** Rows refused against the stored data (a BSN of another dossier, a closed dossier). */
  fouten: RijFout[];
  /** The batch was written with the parameters built ahead (only new persons; see Voorbereiding). */
  vooraf: boolean;
}

const PERSOON_KOLOMMEN = ['voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'email', 'telefoon', 'postcode', 'woonplaats'] as const;
type PersoonKolom = (typeof PERSOON_KOLOMMEN)[number];

interface BestaandPersoon {
  id: string;
  extern_id: string | null;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string;
  email: string | null;
  telefoon: string | null;
  postcode: string | null;
  woonplaats: string | null;
  bsn_hash: string | null;
  bsn_versleuteld: string | null;
  bsn_laatste_cijfers: string | null;
  status: string;
}

interface BestaandProfiel {
  persoon_id: string;
  publiek_id: string;
  extern_id: string | null;
  wensen: string | null;
  kwaliteiten: string | null;
  sectoren: string[];
  gewenste_functies: string[];
  opleidingsniveau: string | null;
  uren_min: string | null;
  uren_max: string | null;
  beschikbaar_vanaf: string | null;
  werkcondities: string[];
  banenafspraak: boolean;
  gepubliceerd: boolean;
}

interface ProfielWaarden {
  extern_id: string;
  wensen: string | null;
  kwaliteiten: string | null;
  sectoren: string[];
  gewenste_functies: string[];
  opleidingsniveau: string | null;
  uren_min: number | null;
  uren_max: number | null;
  beschikbaar_vanaf: string | null;
  werkcondities: string[];
  banenafspraak: boolean;
  compleetheid: number;
  gepubliceerd: boolean;
}

const PROFIEL_VELDEN = [
  'wensen',
  'kwaliteiten',
  'sectoren',
  'gewensteFuncties',
  'opleidingsniveau',
  'urenMin',
  'urenMax',
  'beschikbaarVanaf',
  'werkcondities',
  'banenafspraak',
] as const;

/** Dutch lexemes per distinct word, stemmed once by the database and kept for the process. */
const lexemen = new LexemenCache();

/** The advisory-lock key under which imports of one gemeente take turns (per batch or per run). */
export const importSleutel = (organisatieId: string) => `passend-import:${organisatieId}`;

/** One row's person as the batch writes it: the final values and what changed against the stored person. */
interface Plan {
  rij: ImportRij;
  oud: BestaandPersoon | null;
  /** A dossier without extern_id that holds this BSN: the row takes it over instead of creating a duplicate. */
  overnemen: boolean;
  id: string;
  waarden: Record<PersoonKolom, string | null> & { bsn_hash: string | null; bsn_versleuteld: string | null; bsn_laatste_cijfers: string | null };
  wijzigingen: ReturnType<typeof diff>;
}

/** One row's profile as the batch writes it (only when it is new or changes). */
interface ProfielPlan {
  plan: Plan;
  nieuw: boolean;
  /** The stored public reference (an upsert row needs one even when it updates). */
  publiekId: string | null;
  /** The id a new profile gets (an update keeps the stored one). */
  id: string;
  waarden: ProfielWaarden;
  wijzigingen: ReturnType<typeof diff>;
  /** The search vector as text; null: the trigger computes it; undefined: a word has yet to be looked up. */
  vector: string | null | undefined;
}

/**
 * What a batch needs that does not depend on the stored data, computed before its transaction — the
 * importer does it while the batch before is being written, so on PGlite (one connection, the database
 * on a thread of its own) Node's share no longer adds to the database's: BSN hashes and encryption,
 * and, for the common case of a batch of only new persons (a first delivery), every statement's
 * parameters, serialised as node-postgres would send them. The transaction uses those when its
 * look-ups find none of the batch's persons stored; otherwise it plans every row against what is.
 *
 * The parameters are built a slice of rows at a time, from plans that are dropped right after: a
 * batch's thousands of rows then stay in memory as a few long strings instead of as objects, which
 * Node's young-generation collector would copy again and again while the batch waits for its turn.
 */
export interface Voorbereiding {
  rijen: readonly ImportRij[];
  /** Per row, in order: the delivered BSN's lookup hash (undefined: none delivered) and its encryption (null in a dry run). */
  bsnHash: (string | undefined)[];
  versleuteld: (string | null)[];
  /** The statements of a batch of only new persons (null in a dry run). */
  alsNieuw: AlsNieuw | null;
}

/** A batch of only new persons, ready to send. */
interface AlsNieuw {
  /** The id each row's person gets, in row order. */
  ids: string[];
  persoon: string[];
  /** The profiles' parameters (rows that deliver profile fields or consent), without public reference and vector. */
  profiel: string[];
  /** A public reference drawn for each profile (checked against the stored ones in the transaction). */
  publiekIds: string[];
  /** The vectors as one parameter; null when a word has yet to be looked up (then `vectorLijst` and `onbekend`). */
  vectoren: string | null;
  vectorLijst: (string | null | undefined)[];
  /** Per profile (index) whose vector needs a word looked up: its parts. */
  onbekend: Map<number, [string, Gewicht][]>;
  toestemmingen: number;
  toestemming: string[];
  audit: AuditBulk;
}

/** Rows prepared between two turns of the event loop (so answers of the batch in flight are handled promptly). */
const PER_BEURT = 250;

/** Prepares `rijen` (see Voorbereiding); needs no connection and yields to the event loop as it goes. */
export async function bereidVoor(
  ctx: Pick<BatchContext, 'keys' | 'actor' | 'organisatieId' | 'runId' | 'uitgegevenPubliekIds' | 'zoekvectorInNode'>,
  rijen: readonly ImportRij[],
  proefdraai: boolean,
): Promise<Voorbereiding> {
  const bsnHash: (string | undefined)[] = [];
  const versleuteld: (string | null)[] = [];
  const bsnVan = (rij: ImportRij) => {
    const bsn = rij.persoon.bsn;
    bsnHash.push(bsn ? lookupHash(ctx.keys.bsnLookup, bsn) : undefined);
    versleuteld.push(bsn && !proefdraai ? encrypt(ctx.keys.bsnEncryption, bsn) : null);
  };
  if (proefdraai) {
    for (const rij of rijen) bsnVan(rij);
    return { rijen, bsnHash, versleuteld, alsNieuw: null };
  }

  const nieuwArray = (n: number) => Array.from({ length: n }, () => new ArrayParameter());
  const persoon = nieuwArray(PERSOON_PARAMETERS);
  const profiel = nieuwArray(PROFIEL_PARAMETERS);
  const toestemming = nieuwArray(2);
  const audit = new AuditBulkBouwer(ctx.actor);
  const ids: string[] = [];
  const vectorLijst: (string | null | undefined)[] = [];
  const onbekend = new Map<number, [string, Gewicht][]>();
  let toestemmingen = 0;
  const sluitDeel = () => {
    for (const a of [...persoon, ...profiel, ...toestemming]) a.deelKlaar();
    audit.deelKlaar();
  };
  for (let i = 0; i < rijen.length; i++) {
    if (i > 0 && i % PER_BEURT === 0) {
      sluitDeel();
      await volgendeBeurt();
    }
    const rij = rijen[i] as ImportRij;
    bsnVan(rij);
    const plan = persoonPlan(rij, null, false, bsnHash[i], versleuteld[i] ?? null);
    ids.push(plan.id);
    persoonParameters(plan, persoon);
    const pp = profielPlan(plan, undefined, 0, ctx.zoekvectorInNode ?? true);
    if (pp) {
      profielParameters(pp, profiel);
      if (pp.vector === undefined) onbekend.set(vectorLijst.length, profielDelen(pp.waarden));
      vectorLijst.push(pp.vector);
    }
    const verlenen = rij.toestemming === true;
    if (verlenen) {
      toestemmingParameters(plan, toestemming);
      toestemmingen++;
    }
    audit.voegToe(auditRegel(ctx, plan, pp, verlenen ? 'verleend' : null));
  }
  const publiekIds = trekPubliekIds(vectorLijst.length, ctx.uitgegevenPubliekIds ?? new Set());
  return {
    rijen,
    bsnHash,
    versleuteld,
    alsNieuw: {
      ids,
      persoon: persoon.map((a) => a.klaar()),
      profiel: profiel.map((a) => a.klaar()),
      publiekIds,
      vectoren: onbekend.size === 0 ? vooraf(vectorLijst) : null,
      vectorLijst: onbekend.size === 0 ? [] : vectorLijst,
      onbekend,
      toestemmingen,
      toestemming: toestemming.map((a) => a.klaar()),
      audit: audit.klaar(),
    },
  };
}

/** A parameter serialised now exactly as node-postgres would when sending it (a string is sent as it is). */
const vooraf = (waarde: unknown): string => alsParameter(waarde) as string;
const volgendeBeurt = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Applies one batch. Rows must be valid (rij.ts) and have distinct extern_ids and BSNs (ImportLezer). */
export async function schrijfBatch(ctx: BatchContext, rijen: readonly ImportRij[], proefdraai: boolean, voorbereid?: Voorbereiding): Promise<BatchResultaat> {
  const uit: BatchResultaat = { geaccepteerd: 0, nieuw: 0, gewijzigd: 0, ongewijzigd: 0, fouten: [], vooraf: false };
  if (rijen.length === 0) return uit;
  const vb = voorbereid?.rijen === rijen ? voorbereid : await bereidVoor(ctx, rijen, proefdraai);
  const { db, organisatieId } = ctx;
  if (!proefdraai) {
    // The batch's settings and lock in one round trip (on PGlite each costs the database thread ~4 ms).
    // The trigger keeps a search vector given here only in a transaction that says so (transaction-local).
    const begin = [sql`set_config('passend.zoekvector_aangeleverd', 'aan', true)`];
    if (ctx.uitgesteldeCommit) begin.push(sql`set_config('synchronous_commit', 'off', true)`);
    // Imports of one gemeente take turns (per batch, or per run when it holds the lock throughout), so
    // the reads below stay true until the writes.
    if (!ctx.runVergrendeld) begin.push(sql`pg_advisory_xact_lock(hashtext(${importSleutel(organisatieId)}))::text`);
    await sql`SELECT ${sql.join(begin)}`.execute(db);
  }

  // — Reads: the persons by extern_id, and whoever holds a delivered BSN (see opzoeken) —
  const { rows: bestaand } = await opzoeken
    .personenOpExternId(
      organisatieId,
      rijen.map((r) => r.externId),
    )
    .execute(db);
  const opExtern = new Map(bestaand.map((p) => [p.extern_id as string, p]));
  const hashes = vb.bsnHash.filter((h): h is string => h !== undefined);
  const { rows: houders } = hashes.length === 0 ? { rows: [] as BestaandPersoon[] } : await opzoeken.personenOpBsnHash(organisatieId, hashes).execute(db);
  const opHash = new Map(houders.map((p) => [p.bsn_hash as string, p]));

  // Only new persons (a first delivery): the statements prepared ahead.
  let geschreven: Map<string, string> | null = null;
  if (vb.alsNieuw && bestaand.length === 0 && houders.length === 0) {
    geschreven = await schrijfAlsNieuw(ctx, vb.alsNieuw);
    if (geschreven === null) {
      uit.geaccepteerd = uit.nieuw = rijen.length;
      uit.vooraf = true;
      return uit;
    }
  }

  // — Merge: per row the stored person (if any), the final values, and what changed —
  const plannen: Plan[] = [];
  for (let i = 0; i < rijen.length; i++) {
    const rij = rijen[i] as ImportRij;
    let oud = opExtern.get(rij.externId) ?? null;
    let overnemen = false;
    const hash = vb.bsnHash[i];
    if (hash) {
      const houder = opHash.get(hash);
      if (houder && houder.id !== oud?.id) {
        if (!oud && houder.extern_id === null) {
          oud = houder;
          overnemen = true;
        } else {
          uit.fouten.push({ regel: rij.regel, veld: 'bsn', reden: 'Dit BSN hoort bij een ander dossier in deze gemeente (met een ander extern_id).' });
          continue;
        }
      }
    }
    if (oud?.status === 'afgesloten') {
      uit.fouten.push({ regel: rij.regel, veld: 'extern_id', reden: 'Dit dossier is afgesloten; de import wijzigt het niet.' });
      continue;
    }
    const plan = persoonPlan(rij, oud, overnemen, hash, vb.versleuteld[i] ?? null);
    // Written already, under the id the database returned (see schrijfAlsNieuw).
    if (geschreven) plan.id = geschreven.get(rij.externId) ?? plan.id;
    plannen.push(plan);
  }

  // — Profiles and consent: the stored state of the persons that exist —
  const bestaandeIds = plannen.filter((p) => p.oud).map((p) => p.id);
  const profielen = new Map<string, BestaandProfiel>();
  const actieveToestemming = new Map<string, string[]>();
  if (bestaandeIds.length > 0) {
    const { rows } = await opzoeken.profielen(bestaandeIds).execute(db);
    for (const r of rows) profielen.set(r.persoon_id, r);
    const { rows: ts } = await opzoeken.actieveToestemmingen(bestaandeIds).execute(db);
    for (const t of ts) actieveToestemming.set(t.persoon_id, [...(actieveToestemming.get(t.persoon_id) ?? []), t.id]);
  }

  const profielPlannen: ProfielPlan[] = [];
  const verlenen: Plan[] = [];
  const intrekken: { plan: Plan; ids: string[] }[] = [];
  for (const plan of plannen) {
    const { rij } = plan;
    const actief = actieveToestemming.get(plan.id) ?? [];
    if (rij.toestemming === true && actief.length === 0) verlenen.push(plan);
    if (rij.toestemming === false && actief.length > 0) intrekken.push({ plan, ids: actief });
    const pp = profielPlan(plan, plan.oud ? profielen.get(plan.id) : undefined, actief.length, ctx.zoekvectorInNode ?? true);
    if (pp) profielPlannen.push(pp);
  }

  // — Counts —
  const gewijzigdePersonen = new Set<Plan>();
  for (const plan of plannen) if (!plan.oud || Object.keys(plan.wijzigingen).length > 0) gewijzigdePersonen.add(plan);
  const gewijzigdePlannen = new Set<Plan>([...gewijzigdePersonen, ...profielPlannen.map((p) => p.plan), ...verlenen, ...intrekken.map((i) => i.plan)]);
  uit.geaccepteerd = plannen.length;
  uit.nieuw = plannen.filter((p) => !p.oud).length;
  uit.gewijzigd = [...gewijzigdePlannen].filter((p) => p.oud).length;
  uit.ongewijzigd = plannen.length - gewijzigdePlannen.size;
  if (proefdraai) return uit;

  // — Writes —
  const overnames = plannen.filter((p) => p.overnemen);
  if (overnames.length > 0) {
    await sql`UPDATE persoon p SET extern_id = u.extern_id FROM unnest(${overnames.map((p) => p.id)}::uuid[], ${overnames.map((p) => p.rij.externId)}::text[]) AS u(id, extern_id)
              WHERE p.id = u.id AND p.extern_id IS NULL`.execute(db);
  }
  const personen = [...gewijzigdePersonen];
  if (personen.length > 0 && geschreven === null) {
    const ids = await schrijfPersonen(db, organisatieId, parameters(personen, PERSOON_PARAMETERS, persoonParameters));
    // The stored id wins (a dossier created by hand meanwhile with the same extern_id is updated, not duplicated).
    for (const p of personen) p.id = ids.get(p.rij.externId) ?? p.id;
  }
  if (profielPlannen.length > 0) {
    const publiek = await publiekIds(db, profielPlannen, ctx.uitgegevenPubliekIds ?? new Set());
    // The search vectors, built from lexemes the database stemmed once per word (zoekvector.ts); null
    // where that is not exact, and the trigger computes those. Words not yet known are looked up now.
    const onbekend = profielPlannen.filter((p) => p.vector === undefined);
    if (onbekend.length > 0) {
      const v = await lexemen.zoekvectoren(
        db,
        onbekend.map((p) => profielDelen(p.waarden)),
      );
      onbekend.forEach((p, i) => {
        p.vector = v[i] ?? null;
      });
    }
    await schrijfProfielen(
      db,
      ctx,
      parameters(profielPlannen, PROFIEL_PARAMETERS, profielParameters),
      vooraf(publiek),
      vooraf(profielPlannen.map((p) => p.vector)),
    );
  }
  if (verlenen.length > 0) await schrijfToestemmingen(db, ctx, parameters(verlenen, 2, toestemmingParameters));
  // Back to per-row checks for whatever else the transaction writes (the run record, its report).
  if (geschreven !== null && ctx.verwijzingenPerBatch === true) await sql`SELECT set_config('session_replication_role', 'origin', true)`.execute(db);
  if (intrekken.length > 0) {
    await sql`
      UPDATE toestemming SET ingetrokken_op = now(), ingetrokken_door = ${ctx.actor.gebruikerId}::uuid, intrekkingsreden = 'Ingetrokken volgens aanlevering (import)'
      WHERE id = ANY(${intrekken.flatMap((i) => i.ids)}::uuid[]) AND ingetrokken_op IS NULL`.execute(db);
  }
  // Publication follows the consent records: recomputed set-based for every person in the batch whose
  // consent changed (the upsert above already wrote the expected value; this changes only a disagreement).
  // A person new in this batch got exactly the value of its consent row in the upsert: nothing to check.
  const toestemmingGewijzigd = [...verlenen, ...intrekken.map((i) => i.plan)].filter((p) => p.oud).map((p) => p.id);
  if (toestemmingGewijzigd.length > 0) await herberekenPublicatieBulk(db, toestemmingGewijzigd);

  // — Audit (every write of personal data) —
  await new AuditWriter(db, ctx.actor, ctx.verzoekId).schrijfBulk(auditRegels(ctx, personen, profielPlannen, verlenen, intrekken));
  return uit;
}

/**
 * The rows `rij` selects for each of `sleutels`, in one statement that probes an index once per key:
 * `unnest(keys) CROSS JOIN LATERAL (… OFFSET 0)` — the OFFSET keeps the planner from turning the
 * subquery into a join it may run as a scan of the whole table. With `= ANY(keys)` it did exactly that
 * once the table had outgrown its statistics (always, during a first delivery) — and after ANALYZE too,
 * costing 2,000 probes above a scan: every batch read every person of the gemeente, which made a large
 * delivery quadratic (≈ 38 ms of server time per batch at 100,000 stored persons instead of ≈ 11).
 */
function perSleutel<R>(sleutels: readonly string[], rij: (sleutel: RawBuilder<string>) => RawBuilder<unknown>): RawBuilder<R> {
  return sql<R>`SELECT r.* FROM unnest(${sleutels}::text[]) AS u(sleutel) CROSS JOIN LATERAL (${rij(sql<string>`u.sleutel`)} OFFSET 0) AS r`;
}

const PERSOON_LEESKOLOMMEN = sql`id, extern_id, voornaam, tussenvoegsel, achternaam, geboortedatum, email, telefoon, postcode, woonplaats,
                                 bsn_hash, bsn_versleuteld, bsn_laatste_cijfers, status`;

/** A batch's look-ups by key, each one index probe per key (see perSleutel; `schrijver.int.test.ts` checks their plans). */
export const opzoeken = {
  personenOpExternId: (organisatieId: string, externIds: readonly string[]) =>
    perSleutel<BestaandPersoon>(
      externIds,
      (s) => sql`SELECT ${PERSOON_LEESKOLOMMEN} FROM persoon WHERE organisatie_id = ${organisatieId} AND extern_id = ${s}`,
    ),
  personenOpBsnHash: (organisatieId: string, hashes: readonly string[]) =>
    perSleutel<BestaandPersoon>(hashes, (s) => sql`SELECT ${PERSOON_LEESKOLOMMEN} FROM persoon WHERE organisatie_id = ${organisatieId} AND bsn_hash = ${s}`),
  profielen: (persoonIds: readonly string[]) =>
    perSleutel<BestaandProfiel>(
      persoonIds,
      (s) => sql`
        SELECT persoon_id, publiek_id, extern_id, wensen, kwaliteiten, sectoren, gewenste_functies, opleidingsniveau, uren_min::text, uren_max::text,
               beschikbaar_vanaf, werkcondities, banenafspraak, gepubliceerd
        FROM kandidaatprofiel WHERE persoon_id = ${s}::uuid`,
    ),
  actieveToestemmingen: (persoonIds: readonly string[]) =>
    perSleutel<{ id: string; persoon_id: string }>(
      persoonIds,
      (s) => sql`SELECT id, persoon_id FROM toestemming WHERE persoon_id = ${s}::uuid AND doel = 'kandidaatprofiel' AND ingetrokken_op IS NULL`,
    ),
};

/**
 * Writes a batch of only new persons with the statements prepared ahead, checking its references once
 * (`verwijzingenPerBatch`) where the session may. Returns null when done; when the person insert met a
 * stored person after all (a dossier with the same extern_id created by hand since the look-up), the
 * persons are written and the ids the database returned (extern_id → id) are handed back, and the
 * caller writes the rest from plans (the prepared profiles, consents and audit rows name other ids).
 */
async function schrijfAlsNieuw(ctx: BatchContext, an: AlsNieuw): Promise<Map<string, string> | null> {
  const { db } = ctx;
  const perBatch = ctx.verwijzingenPerBatch === true;
  if (perBatch) await verwijzingenPerBatch(db, ctx, an.toestemmingen > 0);
  const ids = await schrijfPersonen(db, ctx.organisatieId, an.persoon);
  if (ids.size !== an.ids.length || an.ids.some((id) => !ids.has(id))) {
    // A stored person was updated after all: the rest is checked per row again.
    if (perBatch) await sql`SELECT set_config('session_replication_role', 'origin', true)`.execute(db);
    return new Map([...ids].map(([id, extern]) => [extern, id]));
  }
  if (an.publiekIds.length > 0) {
    const publiek = await publiekIdsVoor(db, an.publiekIds, ctx.uitgegevenPubliekIds ?? new Set());
    let vectoren = an.vectoren;
    if (vectoren === null) {
      const lijst = [...an.vectorLijst];
      const onbekend = [...an.onbekend];
      const v = await lexemen.zoekvectoren(
        db,
        onbekend.map(([, delen]) => delen),
      );
      onbekend.forEach(([i], j) => {
        lijst[i] = v[j] ?? null;
      });
      vectoren = vooraf(lijst);
    }
    await schrijfProfielen(db, ctx, an.profiel, vooraf(publiek), vectoren);
  }
  if (an.toestemmingen > 0) await schrijfToestemmingen(db, ctx, an.toestemming);
  // Back to per-row checks for whatever else the transaction writes (the run record, its report).
  if (perBatch) await sql`SELECT set_config('session_replication_role', 'origin', true)`.execute(db);
  await new AuditWriter(db, ctx.actor, ctx.verzoekId).schrijfBulk(an.audit);
  return null;
}

/** Upserts persons by (gemeente, extern_id); returns id → extern_id of every row written (the stored id where one existed). */
async function schrijfPersonen(db: Kysely<Database>, organisatieId: string, k: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await sql<{ id: string; extern_id: string }>`
    INSERT INTO persoon (id, organisatie_id, extern_id, voornaam, tussenvoegsel, achternaam, geboortedatum, email, telefoon, postcode, woonplaats,
                         bsn_hash, bsn_versleuteld, bsn_laatste_cijfers)
    SELECT id, ${organisatieId}::uuid, extern_id, voornaam, tussenvoegsel, achternaam, geboortedatum, email, telefoon, postcode, woonplaats,
           bsn_hash, bsn_versleuteld, bsn_laatste_cijfers
    FROM unnest(${k[0]}::uuid[], ${k[1]}::text[], ${k[2]}::text[], ${k[3]}::text[], ${k[4]}::text[], ${k[5]}::date[], ${k[6]}::text[],
                ${k[7]}::text[], ${k[8]}::text[], ${k[9]}::text[], ${k[10]}::text[], ${k[11]}::text[], ${k[12]}::text[])
         AS u(id, extern_id, voornaam, tussenvoegsel, achternaam, geboortedatum, email, telefoon, postcode, woonplaats, bsn_hash, bsn_versleuteld, bsn_laatste_cijfers)
    ON CONFLICT (organisatie_id, extern_id) WHERE extern_id IS NOT NULL DO UPDATE SET
      voornaam = EXCLUDED.voornaam, tussenvoegsel = EXCLUDED.tussenvoegsel, achternaam = EXCLUDED.achternaam,
      geboortedatum = EXCLUDED.geboortedatum, email = EXCLUDED.email, telefoon = EXCLUDED.telefoon, postcode = EXCLUDED.postcode,
      woonplaats = EXCLUDED.woonplaats, bsn_hash = EXCLUDED.bsn_hash, bsn_versleuteld = EXCLUDED.bsn_versleuteld,
      bsn_laatste_cijfers = EXCLUDED.bsn_laatste_cijfers, versie = persoon.versie + 1, gewijzigd_op = now()
    RETURNING id, extern_id`.execute(db);
  return new Map(rows.map((r) => [r.id, r.extern_id]));
}

/** Upserts profiles by person; `publiek` and `vectoren` are text[] parameters in the same order. */
async function schrijfProfielen(db: Kysely<Database>, ctx: BatchContext, k: readonly string[], publiek: string, vectoren: string): Promise<void> {
  // The trigger keeps a given vector only in a transaction that says so (set at the batch's start, transaction-local).
  await sql`
    INSERT INTO kandidaatprofiel (id, organisatie_id, regio_id, persoon_id, publiek_id, extern_id, wensen, kwaliteiten, sectoren, gewenste_functies,
                                  opleidingsniveau, uren_min, uren_max, beschikbaar_vanaf, werkcondities, banenafspraak, compleetheid, gepubliceerd,
                                  zoekvector)
    SELECT id, ${ctx.organisatieId}::uuid, ${ctx.regioId}::uuid, persoon_id, publiek_id, extern_id, wensen, kwaliteiten, sectoren::text[],
           gewenste_functies::text[], opleidingsniveau, uren_min, uren_max, beschikbaar_vanaf, werkcondities::text[], banenafspraak, compleetheid, gepubliceerd,
           zoekvector::tsvector
    FROM unnest(${k[0]}::uuid[], ${k[1]}::uuid[], ${publiek}::text[], ${k[2]}::text[], ${k[3]}::text[],
                ${k[4]}::text[], ${k[5]}::text[], ${k[6]}::text[], ${k[7]}::text[],
                ${k[8]}::numeric[], ${k[9]}::numeric[], ${k[10]}::date[], ${k[11]}::text[],
                ${k[12]}::boolean[], ${k[13]}::smallint[], ${k[14]}::boolean[], ${vectoren}::text[])
         AS u(id, persoon_id, publiek_id, extern_id, wensen, kwaliteiten, sectoren, gewenste_functies, opleidingsniveau, uren_min, uren_max,
              beschikbaar_vanaf, werkcondities, banenafspraak, compleetheid, gepubliceerd, zoekvector)
    ON CONFLICT (persoon_id) DO UPDATE SET
      extern_id = EXCLUDED.extern_id, wensen = EXCLUDED.wensen, kwaliteiten = EXCLUDED.kwaliteiten, sectoren = EXCLUDED.sectoren,
      gewenste_functies = EXCLUDED.gewenste_functies, opleidingsniveau = EXCLUDED.opleidingsniveau, uren_min = EXCLUDED.uren_min,
      uren_max = EXCLUDED.uren_max, beschikbaar_vanaf = EXCLUDED.beschikbaar_vanaf, werkcondities = EXCLUDED.werkcondities,
      banenafspraak = EXCLUDED.banenafspraak, compleetheid = EXCLUDED.compleetheid, gepubliceerd = EXCLUDED.gepubliceerd,
      zoekvector = EXCLUDED.zoekvector, versie = kandidaatprofiel.versie + 1, gewijzigd_op = now()`.execute(db);
}

async function schrijfToestemmingen(db: Kysely<Database>, ctx: BatchContext, k: readonly string[]): Promise<void> {
  await sql`
    INSERT INTO toestemming (id, organisatie_id, persoon_id, doel, verleend_door, vastgelegd_via, toelichting)
    SELECT id, ${ctx.organisatieId}::uuid, persoon_id, 'kandidaatprofiel', ${ctx.actor.gebruikerId}::uuid, 'schriftelijk', 'Aangeleverd via import'
    FROM unnest(${k[0]}::uuid[], ${k[1]}::uuid[]) AS u(id, persoon_id)`.execute(db);
}

/**
 * Whether this session may set session_replication_role (a superuser, or since PostgreSQL 15 a role
 * granted `SET ON PARAMETER session_replication_role`); asked once per run. PGlite's session may.
 */
export async function magVerwijzingenPerBatch(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ su: boolean; versie: number }>`
    SELECT current_setting('is_superuser') = 'on' AS su, current_setting('server_version_num')::int AS versie`.execute(db);
  const r = rows[0];
  if (!r) return false;
  if (r.su) return true;
  if (r.versie < 150_000) return false;
  const { rows: recht } = await sql<{ mag: boolean }>`SELECT has_parameter_privilege('session_replication_role', 'SET') AS mag`.execute(db);
  return recht[0]?.mag === true;
}

/**
 * The foreign keys of a batch of only new persons, checked once for the batch instead of once per row.
 * PostgreSQL checks a foreign key per inserted row: it looks up the referenced row and locks it FOR KEY
 * SHARE until the transaction ends — ~5 checks per delivered row, ~12% of a delivery's time on PGlite.
 * Here every row refers to the same few rows: the gemeente (with its region: the profile's composite
 * key), and the account that records the consent. Those are looked up and locked exactly as the
 * per-row checks would, once; the persons the profiles and consents refer to are inserted by this very
 * transaction (no other session can see, let alone delete them). Then the session skips the per-row
 * checks (session_replication_role = replica, transaction-local); the triggers that derive data or
 * protect the audit log are ALWAYS triggers (migration 0017) and still fire. Unique, check and not-null
 * constraints are not triggers and are always enforced.
 */
async function verwijzingenPerBatch(db: Kysely<Database>, ctx: BatchContext, toestemmingen: boolean): Promise<void> {
  // One round trip: the look-ups with their locks, and the setting (a failed check throws; the
  // transaction, and with it the transaction-local setting, rolls back).
  const { rows } = await sql<{ gemeente: number; account: number }>`
    SELECT (SELECT count(*) FROM (SELECT 1 FROM organisatie WHERE id = ${ctx.organisatieId}::uuid AND regio_id = ${ctx.regioId}::uuid FOR KEY SHARE) o)::int AS gemeente,
           (SELECT count(*) FROM (SELECT 1 FROM gebruiker WHERE id = ${ctx.actor.gebruikerId}::uuid AND ${toestemmingen} FOR KEY SHARE) g)::int AS account,
           set_config('session_replication_role', 'replica', true) AS rol`.execute(db);
  if (rows[0]?.gemeente !== 1 || (toestemmingen && rows[0]?.account !== 1)) {
    throw new Error('De gemeente, haar regio of het account van de aanlevering bestaat niet (meer): de batch verwijst ernaar.');
  }
}

/** The person `rij` makes of `oud` (null: a new one), with the BSN's hash and its encryption (null in a dry run). */
function persoonPlan(rij: ImportRij, oud: BestaandPersoon | null, overnemen: boolean, hash: string | undefined, versleuteld: string | null): Plan {
  const waarden = {} as Plan['waarden'];
  for (const k of PERSOON_KOLOMMEN) {
    const geleverd = rij.persoon[k];
    waarden[k] = geleverd !== undefined ? geleverd : ((oud?.[k] as string | null | undefined) ?? null);
  }
  const bsn = rij.persoon.bsn;
  if (bsn === undefined) {
    waarden.bsn_hash = oud?.bsn_hash ?? null;
    waarden.bsn_versleuteld = oud?.bsn_versleuteld ?? null;
    waarden.bsn_laatste_cijfers = oud?.bsn_laatste_cijfers ?? null;
  } else if (bsn === null) {
    waarden.bsn_hash = null;
    waarden.bsn_versleuteld = null;
    waarden.bsn_laatste_cijfers = null;
  } else if (oud && oud.bsn_hash === hash) {
    waarden.bsn_hash = oud.bsn_hash;
    waarden.bsn_versleuteld = oud.bsn_versleuteld;
    waarden.bsn_laatste_cijfers = oud.bsn_laatste_cijfers;
  } else {
    waarden.bsn_hash = hash as string;
    waarden.bsn_versleuteld = versleuteld;
    waarden.bsn_laatste_cijfers = bsn.slice(-3);
  }
  // The audit row masks the BSN ('[geheim]'); the hash only tells whether it changed.
  const oudeWaarden = oud ? { ...pick(oud, PERSOON_KOLOMMEN), bsn: oud.bsn_hash, extern_id: oud.extern_id } : null;
  const wijzigingen = diff(oudeWaarden, { ...pick(waarden, PERSOON_KOLOMMEN), bsn: waarden.bsn_hash, extern_id: rij.externId });
  return { rij, oud, overnemen, id: oud?.id ?? tijdgeordendId(), waarden, wijzigingen };
}

/**
 * The profile `plan`'s row makes of the stored one (undefined: none), given how many active consents
 * the person has; null when there is nothing to write (no profile and nothing delivered for one, or no change).
 */
function profielPlan(plan: Plan, oud: BestaandProfiel | undefined, actief: number, zoekvectorInNode: boolean): ProfielPlan | null {
  const { rij } = plan;
  const toestemmingNa = rij.toestemming ?? actief > 0;
  const geleverd = PROFIEL_VELDEN.some((v) => rij.profiel[v] !== undefined) || rij.toestemming !== undefined;
  if (!oud && !geleverd) return null;
  const p = rij.profiel;
  const kies = <T>(nieuw: T | undefined, bestaand: T, standaard: T): T => (nieuw !== undefined ? nieuw : oud ? bestaand : standaard);
  const velden = {
    wensen: kies(p.wensen, oud?.wensen ?? null, null),
    kwaliteiten: kies(p.kwaliteiten, oud?.kwaliteiten ?? null, null),
    sectoren: kies(p.sectoren, oud?.sectoren ?? [], []),
    gewensteFuncties: kies(p.gewensteFuncties, oud?.gewenste_functies ?? [], []),
    opleidingsniveau: kies<string | null>(p.opleidingsniveau, oud?.opleidingsniveau ?? null, null),
    urenMin: kies(p.urenMin, getal(oud?.uren_min), null),
    urenMax: kies(p.urenMax, getal(oud?.uren_max), null),
    beschikbaarVanaf: kies(p.beschikbaarVanaf, oud?.beschikbaar_vanaf ?? null, null),
    werkcondities: kies<string[]>(p.werkcondities, oud?.werkcondities ?? [], []),
    banenafspraak: kies(p.banenafspraak, oud?.banenafspraak ?? false, false),
  };
  const waarden: ProfielWaarden = {
    extern_id: rij.externId,
    ...profielRij(velden),
    // Published exactly while the consent is active (the dossier is open: closed ones are refused).
    gepubliceerd: toestemmingNa,
  };
  const oudeWaarden = oud
    ? { ...oud, uren_min: getal(oud.uren_min), uren_max: getal(oud.uren_max), compleetheid: undefined, persoon_id: undefined, publiek_id: undefined }
    : null;
  const { compleetheid: _c, ...vergelijk } = waarden;
  const wijzigingen = diff(oudeWaarden, vergelijk);
  if (oud && Object.keys(wijzigingen).length === 0) return null;
  const vector = zoekvectorInNode ? lexemen.uitCache([profielDelen(waarden)])[0] : null;
  return { plan, nieuw: !oud, publiekId: oud?.publiek_id ?? null, id: tijdgeordendId(), waarden, wijzigingen, vector };
}

/** The person insert's parameters (its unnest order): id, extern_id, the person's columns, the BSN's three. */
const PERSOON_PARAMETERS = 13;
function persoonParameters(p: Plan, k: readonly ArrayParameter[]): void {
  const w = p.waarden;
  const waarden = [p.id, p.rij.externId, w.voornaam, w.tussenvoegsel, w.achternaam, w.geboortedatum, w.email, w.telefoon, w.postcode, w.woonplaats];
  for (let i = 0; i < waarden.length; i++) k[i]?.voegToe(waarden[i]);
  k[10]?.voegToe(w.bsn_hash);
  k[11]?.voegToe(w.bsn_versleuteld);
  k[12]?.voegToe(w.bsn_laatste_cijfers);
}

/** The profile insert's parameters (its unnest order), without the public reference and the vector. */
const PROFIEL_PARAMETERS = 15;
function profielParameters(p: ProfielPlan, k: readonly ArrayParameter[]): void {
  const w = p.waarden;
  // A text[] literal per row, so a list of lists travels as one text[] parameter (cast back per row).
  const waarden = [
    p.id,
    p.plan.id,
    w.extern_id,
    w.wensen,
    w.kwaliteiten,
    vooraf(w.sectoren),
    vooraf(w.gewenste_functies),
    w.opleidingsniveau,
    w.uren_min,
    w.uren_max,
    w.beschikbaar_vanaf,
    vooraf(w.werkcondities),
    w.banenafspraak,
    w.compleetheid,
    w.gepubliceerd,
  ];
  for (let i = 0; i < waarden.length; i++) k[i]?.voegToe(waarden[i]);
}

/** The consent insert's parameters: a new consent id, the person. */
function toestemmingParameters(p: Plan, k: readonly ArrayParameter[]): void {
  k[0]?.voegToe(tijdgeordendId());
  k[1]?.voegToe(p.id);
}

/** A statement's parameters for `plannen`, built by `voeg` per plan. */
function parameters<T>(plannen: readonly T[], aantal: number, voeg: (p: T, k: readonly ArrayParameter[]) => void): string[] {
  const k = Array.from({ length: aantal }, () => new ArrayParameter());
  for (const p of plannen) voeg(p, k);
  return k.map((a) => a.klaar());
}

/** Everything a batch changes of one person: the person's fields, the profile's (prefixed), the consent. */
function wijzigingenVan(plan: Plan, profiel: ProfielPlan | null | undefined, toestemming: 'verleend' | 'ingetrokken' | null): Wijzigingen {
  const w: Wijzigingen = { ...plan.wijzigingen };
  if (profiel) for (const veld in profiel.wijzigingen) w[`kandidaatprofiel.${veld}`] = profiel.wijzigingen[veld] as Wijzigingen[string];
  if (toestemming === 'verleend') w['toestemming.kandidaatprofiel'] = { oud: null, nieuw: 'verleend (schriftelijk, via import)' };
  if (toestemming === 'ingetrokken') w['toestemming.kandidaatprofiel'] = { oud: 'actief', nieuw: 'ingetrokken' };
  return w;
}

/**
 * The one audit row of a person written in a batch, holding every change to the person, the profile
 * and the consent (old/new, the BSN masked; for a new person the fields delivered): at 250,000 rows
 * one row instead of three or four. (No timeline entries: the audit row, the consent record and the
 * run record the delivery.)
 */
function auditRegel(
  ctx: Pick<BatchContext, 'organisatieId' | 'runId'>,
  plan: Plan,
  profiel: ProfielPlan | null | undefined,
  toestemming: 'verleend' | 'ingetrokken' | null,
): AuditEntry {
  return {
    actie: plan.oud ? 'wijzigen' : 'aanmaken',
    resource: 'persoon',
    resourceId: plan.id,
    persoonId: plan.id,
    organisatieId: ctx.organisatieId,
    grondslag: 'eigen_gemeente',
    // A person the delivery creates: the row names the fields delivered, not their values. The values
    // are the record's first version and every later change records old and new, so the history
    // stays complete without copying the names, birth dates and contact details of 250,000 people
    // into a log that can never be erased (data minimisation, AVG art. 5(1)(c)). It also halves
    // what a first delivery writes.
    wijzigingen: plan.oud ? wijzigingenVan(plan, profiel, toestemming) : aangeleverd(plan, profiel, toestemming),
    toelichting: `import ${ctx.runId} regel ${plan.rij.regel}`,
  };
}

/** A new person's audit record — the names of the fields delivered — shared by every person with the same combination. */
const aangeleverdPerCombinatie = new Map<string, Wijzigingen>();
function aangeleverd(plan: Plan, profiel: ProfielPlan | null | undefined, toestemming: 'verleend' | 'ingetrokken' | null): Wijzigingen {
  let sleutel = toestemming ?? '';
  for (const veld in plan.wijzigingen) sleutel += `,${veld}`;
  if (profiel) {
    sleutel += '|';
    for (const veld in profiel.wijzigingen) sleutel += `,${veld}`;
  }
  let w = aangeleverdPerCombinatie.get(sleutel);
  if (w === undefined) {
    w = { aangeleverd: { oud: null, nieuw: Object.keys(wijzigingenVan(plan, profiel, toestemming)).sort() } };
    if (aangeleverdPerCombinatie.size < 10_000) aangeleverdPerCombinatie.set(sleutel, w);
  }
  return w;
}

/** The audit rows of a batch written from plans: one per person that anything happened to, in the order of `personen` first. */
function auditRegels(
  ctx: Pick<BatchContext, 'organisatieId' | 'runId'>,
  personen: readonly Plan[],
  profielPlannen: readonly ProfielPlan[],
  verlenen: readonly Plan[],
  intrekken: readonly { plan: Plan }[],
): AuditEntry[] {
  const profielVan = new Map(profielPlannen.map((p) => [p.plan, p]));
  const toestemmingVan = new Map<Plan, 'verleend' | 'ingetrokken'>([
    ...verlenen.map((p) => [p, 'verleend'] as const),
    ...intrekken.map((i) => [i.plan, 'ingetrokken'] as const),
  ]);
  const betrokken = new Set<Plan>([...personen, ...profielVan.keys(), ...toestemmingVan.keys()]);
  return [...betrokken].map((plan) => auditRegel(ctx, plan, profielVan.get(plan), toestemmingVan.get(plan) ?? null));
}

/** Set-based counterpart of herberekenPublicatie: only profiles whose flag disagrees with the consent records change. */
export async function herberekenPublicatieBulk(db: Kysely<Database>, persoonIds: readonly string[]): Promise<void> {
  await sql`
    UPDATE kandidaatprofiel k SET gepubliceerd = v.moet
    FROM (SELECT k2.id, (EXISTS (SELECT 1 FROM toestemming t WHERE t.persoon_id = k2.persoon_id AND t.doel = 'kandidaatprofiel' AND t.ingetrokken_op IS NULL)
                         AND EXISTS (SELECT 1 FROM persoon p WHERE p.id = k2.persoon_id AND p.status <> 'afgesloten')) AS moet
          FROM kandidaatprofiel k2 WHERE k2.persoon_id = ANY(${persoonIds}::uuid[])) v
    WHERE k.id = v.id AND k.gepubliceerd IS DISTINCT FROM v.moet`.execute(db);
}

/** `aantal` new public references, unique among themselves and against `uitgegeven` (this run's), to which they are added. */
function trekPubliekIds(aantal: number, uitgegeven: Set<string>): string[] {
  const ids: string[] = [];
  while (ids.length < aantal) {
    const n = nieuwPubliekId();
    if (uitgegeven.has(n)) continue;
    uitgegeven.add(n);
    ids.push(n);
  }
  return ids;
}

/**
 * The public reference of each profile plan: the stored one for an existing profile, else a new one
 * (`publiekIdsVoor`).
 */
async function publiekIds(db: Kysely<Database>, plannen: readonly ProfielPlan[], uitgegeven: Set<string>): Promise<string[]> {
  const nieuw = await publiekIdsVoor(db, trekPubliekIds(plannen.filter((p) => p.publiekId === null).length, uitgegeven), uitgegeven);
  let n = 0;
  return plannen.map((p) => p.publiekId ?? (nieuw[n++] as string));
}

/**
 * References drawn ahead, checked against the stored ones (not yet committed ones of this run are in
 * `uitgegeven`): a reference taken meanwhile is replaced by a fresh one.
 */
async function publiekIdsVoor(db: Kysely<Database>, voorraad: readonly string[], uitgegeven: Set<string>): Promise<string[]> {
  const nieuw = [...voorraad];
  for (let poging = 0; poging < 10 && nieuw.length > 0; poging++) {
    const { rows } = await sql<{ publiek_id: string }>`SELECT publiek_id FROM kandidaatprofiel WHERE publiek_id = ANY(${nieuw}::text[])`.execute(db);
    if (rows.length === 0) break;
    const bezet = new Set(rows.map((r) => r.publiek_id));
    const vervanging = trekPubliekIds(bezet.size, uitgegeven);
    for (let i = 0; i < nieuw.length; i++) if (bezet.has(nieuw[i] as string)) nieuw[i] = vervanging.pop() as string;
  }
  return nieuw;
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  const r = {} as Pick<T, K>;
  for (const k of keys) r[k] = o[k];
  return r;
}

function getal(v: string | null | undefined): number | null {
  return v == null ? null : Number(v);
}
