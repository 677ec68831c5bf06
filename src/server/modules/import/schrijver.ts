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
import { alsParameter } from '../../db/parameter.js';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../access/policy.js';
import { type AuditBulk, type AuditEntry, AuditWriter, auditBulk, diff, type Wijzigingen } from '../../audit/audit.js';
import { encrypt, type Keys, lookupHash } from '../../crypto/secrets.js';
import type { Database } from '../../db/schema.js';
import { tijdgeordendId } from '../../lib/ids.js';
import { nieuwPubliekId, profielRij } from '../kandidaten/profiel.js';
import { LexemenCache, profielDelen } from '../kandidaten/zoekvector.js';
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
   * trigger. Worth it where the database thread is the bottleneck (PGlite); on PostgreSQL, where the
   * import is bound by Node's main thread, the server stems faster than Node builds (see ImportOpties).
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
 * each row's plans as if nothing of it were stored, and, for the common case of a batch of only new
 * persons, every statement's parameters already serialised as node-postgres would (`prepareValue`).
 * The transaction uses a row's prepared plan when the look-ups find nothing stored for it, and the
 * prepared parameters only when that holds for every row; otherwise it builds them from the plans.
 */
export interface Voorbereiding {
  rijen: readonly ImportRij[];
  bsnHash: Map<ImportRij, string>;
  /** Per row: its plans if nothing of it is stored (the profile plan null: no profile to write). */
  alsNieuw: Map<ImportRij, { plan: Plan; profiel: ProfielPlan | null; verlenen: boolean }>;
  /** Public references drawn for the new profiles (checked against the stored ones in the transaction). */
  publiekIds: string[];
  /** Statement parameters for a batch of only new persons (null in a dry run). */
  kolommen: {
    persoon: string[];
    profiel: string[];
    /** Null when a vector still needs a word looked up (the transaction builds the column then). */
    vectoren: string | null;
    toestemming: string[];
    audit: AuditBulk;
  } | null;
}

/** Rows prepared between two turns of the event loop (so answers of the batch in flight are handled promptly). */
const PER_BEURT = 250;

/** Prepares `rijen` (see Voorbereiding); needs no connection and yields to the event loop as it goes. */
export async function bereidVoor(
  ctx: Pick<BatchContext, 'keys' | 'actor' | 'organisatieId' | 'runId' | 'uitgegevenPubliekIds' | 'zoekvectorInNode'>,
  rijen: readonly ImportRij[],
  proefdraai: boolean,
): Promise<Voorbereiding> {
  const bsnHash = new Map<ImportRij, string>();
  const alsNieuw: Voorbereiding['alsNieuw'] = new Map();
  for (let i = 0; i < rijen.length; i++) {
    if (i > 0 && i % PER_BEURT === 0) await volgendeBeurt();
    const rij = rijen[i] as ImportRij;
    const bsn = rij.persoon.bsn;
    const hash = bsn ? lookupHash(ctx.keys.bsnLookup, bsn) : undefined;
    if (hash) bsnHash.set(rij, hash);
    const versleuteld = bsn && !proefdraai ? encrypt(ctx.keys.bsnEncryption, bsn) : null;
    const plan = persoonPlan(rij, null, false, hash, versleuteld);
    alsNieuw.set(rij, { plan, profiel: profielPlan(plan, undefined, 0, ctx.zoekvectorInNode ?? true), verlenen: rij.toestemming === true });
  }
  const nieuw = [...alsNieuw.values()];
  const profielPlannen = nieuw.flatMap((n) => (n.profiel ? [n.profiel] : []));
  if (proefdraai) return { rijen, bsnHash, alsNieuw, publiekIds: [], kolommen: null };
  const publiekIds = trekPubliekIds(profielPlannen.length, ctx.uitgegevenPubliekIds ?? new Set());
  await volgendeBeurt();
  const personen = nieuw.map((n) => n.plan);
  const persoon = persoonKolommen(personen).map(vooraf);
  await volgendeBeurt();
  const profiel = profielKolommen(profielPlannen).map(vooraf);
  const vectoren = profielPlannen.some((p) => p.vector === undefined) ? null : vooraf(profielPlannen.map((p) => p.vector));
  await volgendeBeurt();
  const verlenen = nieuw.filter((n) => n.verlenen).map((n) => n.plan);
  const toestemming = toestemmingKolommen(verlenen).map(vooraf);
  const audit = auditBulk(ctx.actor, auditRegels(ctx, personen, profielPlannen, verlenen, []));
  return { rijen, bsnHash, alsNieuw, publiekIds, kolommen: { persoon, profiel, vectoren, toestemming, audit } };
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

  // — Reads: the persons by extern_id, and whoever holds a delivered BSN —
  const kolommen = sql`id, extern_id, voornaam, tussenvoegsel, achternaam, geboortedatum, email, telefoon, postcode, woonplaats,
                       bsn_hash, bsn_versleuteld, bsn_laatste_cijfers, status`;
  const { rows: bestaand } = await sql<BestaandPersoon>`
    SELECT ${kolommen} FROM persoon WHERE organisatie_id = ${organisatieId} AND extern_id = ANY(${rijen.map((r) => r.externId)}::text[])`.execute(db);
  const opExtern = new Map(bestaand.map((p) => [p.extern_id as string, p]));
  const hashes = [...vb.bsnHash.values()];
  const { rows: houders } =
    hashes.length === 0
      ? { rows: [] as BestaandPersoon[] }
      : await sql<BestaandPersoon>`SELECT ${kolommen} FROM persoon WHERE organisatie_id = ${organisatieId} AND bsn_hash = ANY(${hashes}::text[])`.execute(db);
  const opHash = new Map(houders.map((p) => [p.bsn_hash as string, p]));

  // — Merge: per row the stored person (if any), the final values, and what changed —
  const plannen: Plan[] = [];
  for (const rij of rijen) {
    let oud = opExtern.get(rij.externId) ?? null;
    let overnemen = false;
    const hash = vb.bsnHash.get(rij);
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
    const nieuw = vb.alsNieuw.get(rij) as { plan: Plan };
    plannen.push(oud ? persoonPlan(rij, oud, overnemen, hash, nieuw.plan.waarden.bsn_versleuteld) : nieuw.plan);
  }

  // — Profiles and consent: the stored state of the persons that exist —
  const bestaandeIds = plannen.filter((p) => p.oud).map((p) => p.id);
  const profielen = new Map<string, BestaandProfiel>();
  const actieveToestemming = new Map<string, string[]>();
  if (bestaandeIds.length > 0) {
    const { rows } = await sql<BestaandProfiel>`
      SELECT persoon_id, publiek_id, extern_id, wensen, kwaliteiten, sectoren, gewenste_functies, opleidingsniveau, uren_min::text, uren_max::text,
             beschikbaar_vanaf, werkcondities, banenafspraak, gepubliceerd
      FROM kandidaatprofiel WHERE persoon_id = ANY(${bestaandeIds}::uuid[])`.execute(db);
    for (const r of rows) profielen.set(r.persoon_id, r);
    const { rows: ts } = await sql<{ id: string; persoon_id: string }>`
      SELECT id, persoon_id FROM toestemming
      WHERE persoon_id = ANY(${bestaandeIds}::uuid[]) AND doel = 'kandidaatprofiel' AND ingetrokken_op IS NULL`.execute(db);
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
    const pp = plan.oud ? profielPlan(plan, profielen.get(plan.id), actief.length, ctx.zoekvectorInNode ?? true) : (vb.alsNieuw.get(rij)?.profiel ?? null);
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
  // Only new persons (a first delivery): the statements' parameters were built ahead, from these same plans.
  let gebouwd = uit.nieuw === rijen.length ? vb.kolommen : null;
  const overnames = plannen.filter((p) => p.overnemen);
  if (overnames.length > 0) {
    await sql`UPDATE persoon p SET extern_id = u.extern_id FROM unnest(${overnames.map((p) => p.id)}::uuid[], ${overnames.map((p) => p.rij.externId)}::text[]) AS u(id, extern_id)
              WHERE p.id = u.id AND p.extern_id IS NULL`.execute(db);
  }
  const personen = [...gewijzigdePersonen];
  const perBatch = gebouwd !== null && ctx.verwijzingenPerBatch === true;
  if (perBatch) await verwijzingenPerBatch(db, ctx, verlenen.length > 0);
  if (personen.length > 0) {
    const k = gebouwd?.persoon ?? persoonKolommen(personen);
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
    // The stored id wins (a dossier created by hand meanwhile with the same extern_id is updated, not duplicated).
    const ids = new Map(rows.map((r) => [r.extern_id, r.id]));
    for (const p of personen) {
      const id = ids.get(p.rij.externId) ?? p.id;
      if (id === p.id) continue;
      p.id = id;
      // The parameters built ahead name the id this batch drew: build the rest from the plans.
      gebouwd = null;
    }
    // A stored person was updated after all: the rest is checked per row again.
    if (perBatch && gebouwd === null) await sql`SELECT set_config('session_replication_role', 'origin', true)`.execute(db);
  }

  if (profielPlannen.length > 0) {
    const publiek = await publiekIds(db, profielPlannen, vb.publiekIds, ctx.uitgegevenPubliekIds ?? new Set());
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
    const k = gebouwd?.profiel ?? profielKolommen(profielPlannen);
    const vectoren = gebouwd?.vectoren ?? profielPlannen.map((p) => p.vector);
    // The trigger keeps a given vector only in a transaction that says so (set here, transaction-local).
    await sql`
      INSERT INTO kandidaatprofiel (id, organisatie_id, regio_id, persoon_id, publiek_id, extern_id, wensen, kwaliteiten, sectoren, gewenste_functies,
                                    opleidingsniveau, uren_min, uren_max, beschikbaar_vanaf, werkcondities, banenafspraak, compleetheid, gepubliceerd,
                                    zoekvector)
      SELECT id, ${organisatieId}::uuid, ${ctx.regioId}::uuid, persoon_id, publiek_id, extern_id, wensen, kwaliteiten, sectoren::text[],
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

  if (verlenen.length > 0) {
    const k = gebouwd?.toestemming ?? toestemmingKolommen(verlenen);
    await sql`
      INSERT INTO toestemming (id, organisatie_id, persoon_id, doel, verleend_door, vastgelegd_via, toelichting)
      SELECT id, ${organisatieId}::uuid, persoon_id, 'kandidaatprofiel', ${ctx.actor.gebruikerId}::uuid, 'schriftelijk', 'Aangeleverd via import'
      FROM unnest(${k[0]}::uuid[], ${k[1]}::uuid[]) AS u(id, persoon_id)`.execute(db);
  }
  // Back to per-row checks for whatever else the transaction writes (the run record, its report).
  if (perBatch && gebouwd !== null) await sql`SELECT set_config('session_replication_role', 'origin', true)`.execute(db);
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
  await new AuditWriter(db, ctx.actor, ctx.verzoekId).schrijfBulk(gebouwd?.audit ?? auditRegels(ctx, personen, profielPlannen, verlenen, intrekken));
  uit.vooraf = gebouwd !== null;
  return uit;
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

/** The person insert's column arrays, in its unnest order. */
function persoonKolommen(personen: readonly Plan[]): unknown[] {
  const kol = (k: keyof Plan['waarden']) => personen.map((p) => p.waarden[k]);
  return [
    personen.map((p) => p.id),
    personen.map((p) => p.rij.externId),
    kol('voornaam'),
    kol('tussenvoegsel'),
    kol('achternaam'),
    kol('geboortedatum'),
    kol('email'),
    kol('telefoon'),
    kol('postcode'),
    kol('woonplaats'),
    kol('bsn_hash'),
    kol('bsn_versleuteld'),
    kol('bsn_laatste_cijfers'),
  ];
}

/** The profile insert's column arrays, in its unnest order, without the public reference and the vector. */
function profielKolommen(profielPlannen: readonly ProfielPlan[]): unknown[] {
  const kol = <K extends keyof ProfielWaarden>(k: K) => profielPlannen.map((p) => p.waarden[k]);
  // A text[] literal per row, so a list of lists travels as one text[] parameter (cast back per row).
  const lijst = (k: 'sectoren' | 'gewenste_functies' | 'werkcondities') => profielPlannen.map((p) => vooraf(p.waarden[k]));
  return [
    profielPlannen.map((p) => p.id),
    profielPlannen.map((p) => p.plan.id),
    kol('extern_id'),
    kol('wensen'),
    kol('kwaliteiten'),
    lijst('sectoren'),
    lijst('gewenste_functies'),
    kol('opleidingsniveau'),
    kol('uren_min'),
    kol('uren_max'),
    kol('beschikbaar_vanaf'),
    lijst('werkcondities'),
    kol('banenafspraak'),
    kol('compleetheid'),
    kol('gepubliceerd'),
  ];
}

/** The consent insert's column arrays: a new consent id per person. */
function toestemmingKolommen(verlenen: readonly Plan[]): unknown[] {
  return [verlenen.map(() => tijdgeordendId()), verlenen.map((p) => p.id)];
}

/**
 * One audit row per person written in this batch, holding every change to the person, the profile
 * and the consent (old/new, the BSN masked; for a new person the fields delivered): at 250,000 rows
 * one row instead of three or four. (No timeline entries: the audit row, the consent record and the
 * run record the delivery.)
 */
function auditRegels(
  ctx: Pick<BatchContext, 'organisatieId' | 'runId'>,
  personen: readonly Plan[],
  profielPlannen: readonly ProfielPlan[],
  verlenen: readonly Plan[],
  intrekken: readonly { plan: Plan }[],
): AuditEntry[] {
  const perPersoon = new Map<Plan, ReturnType<typeof diff>>();
  const van = (plan: Plan) => {
    let w = perPersoon.get(plan);
    if (!w) {
      w = {};
      perPersoon.set(plan, w);
    }
    return w;
  };
  for (const p of personen) Object.assign(van(p), p.wijzigingen);
  for (const p of profielPlannen) {
    const w = van(p.plan);
    for (const veld in p.wijzigingen) w[`kandidaatprofiel.${veld}`] = p.wijzigingen[veld] as Wijzigingen[string];
  }
  for (const p of verlenen) van(p)['toestemming.kandidaatprofiel'] = { oud: null, nieuw: 'verleend (schriftelijk, via import)' };
  for (const { plan } of intrekken) van(plan)['toestemming.kandidaatprofiel'] = { oud: 'actief', nieuw: 'ingetrokken' };
  const audit: AuditEntry[] = [];
  for (const [plan, wijzigingen] of perPersoon) {
    audit.push({
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
      wijzigingen: plan.oud ? wijzigingen : { aangeleverd: { oud: null, nieuw: Object.keys(wijzigingen).sort() } },
      toelichting: `import ${ctx.runId} regel ${plan.rij.regel}`,
    });
  }
  return audit;
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
 * The public reference of each profile plan: the stored one for an existing profile, else one drawn
 * ahead (`voorraad`, more drawn when it runs out), checked against the stored ones (not yet committed
 * ones of this run are in `uitgegeven`): a reference taken meanwhile is replaced by a fresh one.
 */
async function publiekIds(db: Kysely<Database>, plannen: readonly ProfielPlan[], voorraad: readonly string[], uitgegeven: Set<string>): Promise<string[]> {
  const nodig = plannen.filter((p) => p.publiekId === null).length;
  const nieuw = [...voorraad.slice(0, nodig), ...trekPubliekIds(Math.max(0, nodig - voorraad.length), uitgegeven)];
  for (let poging = 0; poging < 10 && nieuw.length > 0; poging++) {
    const { rows } = await sql<{ publiek_id: string }>`SELECT publiek_id FROM kandidaatprofiel WHERE publiek_id = ANY(${nieuw}::text[])`.execute(db);
    if (rows.length === 0) break;
    const bezet = new Set(rows.map((r) => r.publiek_id));
    const vervanging = trekPubliekIds(bezet.size, uitgegeven);
    for (let i = 0; i < nieuw.length; i++) if (bezet.has(nieuw[i] as string)) nieuw[i] = vervanging.pop() as string;
  }
  let n = 0;
  return plannen.map((p) => p.publiekId ?? (nieuw[n++] as string));
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  const r = {} as Pick<T, K>;
  for (const k of keys) r[k] = o[k];
  return r;
}

function getal(v: string | null | undefined): number | null {
  return v == null ? null : Number(v);
}
