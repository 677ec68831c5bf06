/**
 * Bulk delivery, the writer: applies one batch of validated rows for one gemeente in the caller's
 * transaction, set-based (unnest arrays, INSERT … ON CONFLICT (organisatie_id, extern_id) DO UPDATE).
 *
 * Per batch: a handful of reads (the persons, profiles and consents the rows name), the merge in
 * memory (an absent column keeps the stored value, an empty one clears it), then one statement per
 * table for exactly the rows that change, plus their audit rows and timeline entries. A row that
 * changes nothing writes nothing, so delivering the same file twice changes nothing the second time.
 * A dry run does the reads and the merge (so it reports the same problems and counts) and writes nothing.
 */
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../access/policy.js';
import { type AuditEntry, AuditWriter, diff } from '../../audit/audit.js';
import { encrypt, type Keys, lookupHash } from '../../crypto/secrets.js';
import type { Database } from '../../db/schema.js';
import { tijdgeordendId } from '../../lib/ids.js';
import { compleetheid, nieuwPubliekId } from '../kandidaten/profiel.js';
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
}

export interface BatchResultaat {
  /** Rows applied (or, in a dry run, that would be). */
  geaccepteerd: number;
  nieuw: number;
  gewijzigd: number;
  ongewijzigd: number;
  /** Rows refused against the stored data (a BSN of another dossier, a closed dossier). */
  fouten: RijFout[];
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

/** Applies one batch. Rows must be valid (rij.ts) and have distinct extern_ids and BSNs (ImportLezer). */
export async function schrijfBatch(ctx: BatchContext, rijen: readonly ImportRij[], proefdraai: boolean): Promise<BatchResultaat> {
  const uit: BatchResultaat = { geaccepteerd: 0, nieuw: 0, gewijzigd: 0, ongewijzigd: 0, fouten: [] };
  if (rijen.length === 0) return uit;
  const { db, organisatieId } = ctx;
  // Imports of one gemeente take turns (per batch, or per run when it holds the lock throughout), so
  // the reads below stay true until the writes.
  if (!proefdraai && !ctx.runVergrendeld) await sql`SELECT pg_advisory_xact_lock(hashtext(${importSleutel(organisatieId)}))`.execute(db);

  // — Reads: the persons by extern_id, and whoever holds a delivered BSN —
  const bsnHash = new Map<ImportRij, string>();
  for (const r of rijen) if (r.persoon.bsn) bsnHash.set(r, lookupHash(ctx.keys.bsnLookup, r.persoon.bsn));
  const kolommen = sql`id, extern_id, voornaam, tussenvoegsel, achternaam, geboortedatum, email, telefoon, postcode, woonplaats,
                       bsn_hash, bsn_versleuteld, bsn_laatste_cijfers, status`;
  const { rows: bestaand } = await sql<BestaandPersoon>`
    SELECT ${kolommen} FROM persoon WHERE organisatie_id = ${organisatieId} AND extern_id = ANY(${rijen.map((r) => r.externId)}::text[])`.execute(db);
  const opExtern = new Map(bestaand.map((p) => [p.extern_id as string, p]));
  const hashes = [...bsnHash.values()];
  const { rows: houders } =
    hashes.length === 0
      ? { rows: [] as BestaandPersoon[] }
      : await sql<BestaandPersoon>`SELECT ${kolommen} FROM persoon WHERE organisatie_id = ${organisatieId} AND bsn_hash = ANY(${hashes}::text[])`.execute(db);
  const opHash = new Map(houders.map((p) => [p.bsn_hash as string, p]));

  // — Merge: per row the stored person (if any), the final values, and what changed —
  interface Plan {
    rij: ImportRij;
    oud: BestaandPersoon | null;
    /** A dossier without extern_id that holds this BSN: the row takes it over instead of creating a duplicate. */
    overnemen: boolean;
    id: string;
    waarden: Record<PersoonKolom, string | null> & { bsn_hash: string | null; bsn_versleuteld: string | null; bsn_laatste_cijfers: string | null };
    wijzigingen: ReturnType<typeof diff>;
  }
  const plannen: Plan[] = [];
  for (const rij of rijen) {
    let oud = opExtern.get(rij.externId) ?? null;
    let overnemen = false;
    const hash = bsnHash.get(rij);
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
    const waarden = {} as Plan['waarden'];
    for (const k of PERSOON_KOLOMMEN) {
      const geleverd = rij.persoon[k];
      waarden[k] = geleverd !== undefined ? geleverd : ((oud?.[k] as string | null | undefined) ?? null);
    }
    if (rij.persoon.bsn === undefined) {
      waarden.bsn_hash = oud?.bsn_hash ?? null;
      waarden.bsn_versleuteld = oud?.bsn_versleuteld ?? null;
      waarden.bsn_laatste_cijfers = oud?.bsn_laatste_cijfers ?? null;
    } else if (rij.persoon.bsn === null) {
      waarden.bsn_hash = null;
      waarden.bsn_versleuteld = null;
      waarden.bsn_laatste_cijfers = null;
    } else if (oud && oud.bsn_hash === hash) {
      waarden.bsn_hash = oud.bsn_hash;
      waarden.bsn_versleuteld = oud.bsn_versleuteld;
      waarden.bsn_laatste_cijfers = oud.bsn_laatste_cijfers;
    } else {
      waarden.bsn_hash = hash as string;
      waarden.bsn_versleuteld = proefdraai ? null : encrypt(ctx.keys.bsnEncryption, rij.persoon.bsn);
      waarden.bsn_laatste_cijfers = rij.persoon.bsn.slice(-3);
    }
    // The audit row masks the BSN ('[geheim]'); the hash only tells whether it changed.
    const oudeWaarden = oud ? { ...pick(oud, PERSOON_KOLOMMEN), bsn: oud.bsn_hash, extern_id: oud.extern_id } : null;
    const wijzigingen = diff(oudeWaarden, { ...pick(waarden, PERSOON_KOLOMMEN), bsn: waarden.bsn_hash, extern_id: rij.externId });
    plannen.push({ rij, oud, overnemen, id: oud?.id ?? tijdgeordendId(), waarden, wijzigingen });
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

  interface ProfielPlan {
    plan: Plan;
    nieuw: boolean;
    /** The stored public reference (an upsert row needs one even when it updates). */
    publiekId: string | null;
    waarden: ProfielWaarden;
    wijzigingen: ReturnType<typeof diff>;
  }
  const profielPlannen: ProfielPlan[] = [];
  const verlenen: Plan[] = [];
  const intrekken: { plan: Plan; ids: string[] }[] = [];
  for (const plan of plannen) {
    const { rij } = plan;
    const actief = actieveToestemming.get(plan.id) ?? [];
    if (rij.toestemming === true && actief.length === 0) verlenen.push(plan);
    if (rij.toestemming === false && actief.length > 0) intrekken.push({ plan, ids: actief });
    const toestemmingNa = rij.toestemming ?? actief.length > 0;
    const oud = profielen.get(plan.id);
    const geleverd = PROFIEL_VELDEN.some((v) => rij.profiel[v] !== undefined) || rij.toestemming !== undefined;
    if (!oud && !geleverd) continue;
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
      wensen: velden.wensen,
      kwaliteiten: velden.kwaliteiten,
      sectoren: velden.sectoren,
      gewenste_functies: velden.gewensteFuncties,
      opleidingsniveau: velden.opleidingsniveau,
      uren_min: velden.urenMin,
      uren_max: velden.urenMax,
      beschikbaar_vanaf: velden.beschikbaarVanaf,
      werkcondities: velden.werkcondities,
      banenafspraak: velden.banenafspraak,
      compleetheid: compleetheid(velden).score,
      // Published exactly while the consent is active (the dossier is open: closed ones were refused above).
      gepubliceerd: toestemmingNa,
    };
    const oudeWaarden = oud
      ? { ...oud, uren_min: getal(oud.uren_min), uren_max: getal(oud.uren_max), compleetheid: undefined, persoon_id: undefined, publiek_id: undefined }
      : null;
    const { compleetheid: _c, ...vergelijk } = waarden;
    const wijzigingen = diff(oudeWaarden, vergelijk);
    if (!oud || Object.keys(wijzigingen).length > 0) profielPlannen.push({ plan, nieuw: !oud, publiekId: oud?.publiek_id ?? null, waarden, wijzigingen });
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
  const actor = ctx.actor;
  const toelichting = (rij: ImportRij) => `import ${ctx.runId} regel ${rij.regel}`;
  const overnames = plannen.filter((p) => p.overnemen);
  if (overnames.length > 0) {
    await sql`UPDATE persoon p SET extern_id = u.extern_id FROM unnest(${overnames.map((p) => p.id)}::uuid[], ${overnames.map((p) => p.rij.externId)}::text[]) AS u(id, extern_id)
              WHERE p.id = u.id AND p.extern_id IS NULL`.execute(db);
  }
  const personen = [...gewijzigdePersonen];
  if (personen.length > 0) {
    const kol = (k: keyof Plan['waarden']) => personen.map((p) => p.waarden[k]);
    const { rows } = await sql<{ id: string; extern_id: string }>`
      INSERT INTO persoon (id, organisatie_id, extern_id, voornaam, tussenvoegsel, achternaam, geboortedatum, email, telefoon, postcode, woonplaats,
                           bsn_hash, bsn_versleuteld, bsn_laatste_cijfers)
      SELECT id, ${organisatieId}::uuid, extern_id, voornaam, tussenvoegsel, achternaam, geboortedatum, email, telefoon, postcode, woonplaats,
             bsn_hash, bsn_versleuteld, bsn_laatste_cijfers
      FROM unnest(${personen.map((p) => p.id)}::uuid[], ${personen.map((p) => p.rij.externId)}::text[], ${kol('voornaam')}::text[],
                  ${kol('tussenvoegsel')}::text[], ${kol('achternaam')}::text[], ${kol('geboortedatum')}::date[], ${kol('email')}::text[],
                  ${kol('telefoon')}::text[], ${kol('postcode')}::text[], ${kol('woonplaats')}::text[], ${kol('bsn_hash')}::text[],
                  ${kol('bsn_versleuteld')}::text[], ${kol('bsn_laatste_cijfers')}::text[])
           AS u(id, extern_id, voornaam, tussenvoegsel, achternaam, geboortedatum, email, telefoon, postcode, woonplaats, bsn_hash, bsn_versleuteld, bsn_laatste_cijfers)
      ON CONFLICT (organisatie_id, extern_id) WHERE extern_id IS NOT NULL DO UPDATE SET
        voornaam = EXCLUDED.voornaam, tussenvoegsel = EXCLUDED.tussenvoegsel, achternaam = EXCLUDED.achternaam,
        geboortedatum = EXCLUDED.geboortedatum, email = EXCLUDED.email, telefoon = EXCLUDED.telefoon, postcode = EXCLUDED.postcode,
        woonplaats = EXCLUDED.woonplaats, bsn_hash = EXCLUDED.bsn_hash, bsn_versleuteld = EXCLUDED.bsn_versleuteld,
        bsn_laatste_cijfers = EXCLUDED.bsn_laatste_cijfers, versie = persoon.versie + 1, gewijzigd_op = now()
      RETURNING id, extern_id`.execute(db);
    // The stored id wins (a dossier created by hand meanwhile with the same extern_id is updated, not duplicated).
    const ids = new Map(rows.map((r) => [r.extern_id, r.id]));
    for (const p of personen) p.id = ids.get(p.rij.externId) ?? p.id;
  }

  if (profielPlannen.length > 0) {
    const nieuweIds = await uniekePubliekIds(db, profielPlannen.filter((p) => p.nieuw).length, ctx.uitgegevenPubliekIds ?? new Set());
    let n = 0;
    const publiek = profielPlannen.map((p) => p.publiekId ?? (nieuweIds[n++] as string));
    const kol = <K extends keyof ProfielWaarden>(k: K) => profielPlannen.map((p) => p.waarden[k]);
    const lijst = (k: 'sectoren' | 'gewenste_functies' | 'werkcondities') => profielPlannen.map((p) => pgArray(p.waarden[k]));
    // The search vectors, built here from lexemes the database stemmed once per word (zoekvector.ts);
    // null where that is not exact, and the trigger computes those. The trigger keeps a given vector
    // only in a transaction that says so (set here, transaction-local).
    const vectoren = await lexemen.zoekvectoren(
      db,
      profielPlannen.map((p) => profielDelen(p.waarden)),
    );
    await sql`SELECT set_config('passend.zoekvector_aangeleverd', 'aan', true)`.execute(db);
    await sql`
      INSERT INTO kandidaatprofiel (id, organisatie_id, regio_id, persoon_id, publiek_id, extern_id, wensen, kwaliteiten, sectoren, gewenste_functies,
                                    opleidingsniveau, uren_min, uren_max, beschikbaar_vanaf, werkcondities, banenafspraak, compleetheid, gepubliceerd,
                                    zoekvector)
      SELECT id, ${organisatieId}::uuid, ${ctx.regioId}::uuid, persoon_id, publiek_id, extern_id, wensen, kwaliteiten, sectoren::text[],
             gewenste_functies::text[], opleidingsniveau, uren_min, uren_max, beschikbaar_vanaf, werkcondities::text[], banenafspraak, compleetheid, gepubliceerd,
             zoekvector::tsvector
      FROM unnest(${profielPlannen.map(() => tijdgeordendId())}::uuid[], ${profielPlannen.map((p) => p.plan.id)}::uuid[], ${publiek}::text[], ${kol('extern_id')}::text[], ${kol('wensen')}::text[],
                  ${kol('kwaliteiten')}::text[], ${lijst('sectoren')}::text[], ${lijst('gewenste_functies')}::text[], ${kol('opleidingsniveau')}::text[],
                  ${kol('uren_min')}::numeric[], ${kol('uren_max')}::numeric[], ${kol('beschikbaar_vanaf')}::date[], ${lijst('werkcondities')}::text[],
                  ${kol('banenafspraak')}::boolean[], ${kol('compleetheid')}::smallint[], ${kol('gepubliceerd')}::boolean[], ${vectoren}::text[])
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
    await sql`
      INSERT INTO toestemming (id, organisatie_id, persoon_id, doel, verleend_door, vastgelegd_via, toelichting)
      SELECT id, ${organisatieId}::uuid, persoon_id, 'kandidaatprofiel', ${actor.gebruikerId}::uuid, 'schriftelijk', 'Aangeleverd via import'
      FROM unnest(${verlenen.map(() => tijdgeordendId())}::uuid[], ${verlenen.map((p) => p.id)}::uuid[]) AS u(id, persoon_id)`.execute(db);
  }
  if (intrekken.length > 0) {
    await sql`
      UPDATE toestemming SET ingetrokken_op = now(), ingetrokken_door = ${actor.gebruikerId}::uuid, intrekkingsreden = 'Ingetrokken volgens aanlevering (import)'
      WHERE id = ANY(${intrekken.flatMap((i) => i.ids)}::uuid[]) AND ingetrokken_op IS NULL`.execute(db);
  }
  // Publication follows the consent records: recomputed set-based for every person in the batch whose
  // consent changed (the upsert above already wrote the expected value; this changes only a disagreement).
  // A person new in this batch got exactly the value of its consent row in the upsert: nothing to check.
  const toestemmingGewijzigd = [...verlenen, ...intrekken.map((i) => i.plan)].filter((p) => p.oud).map((p) => p.id);
  if (toestemmingGewijzigd.length > 0) await herberekenPublicatieBulk(db, toestemmingGewijzigd);

  // — Audit (every write of personal data) —
  // (No timeline entries: the audit row, the consent record and the run record the delivery.)
  // One audit row per person written in this batch, holding every change to the person, the profile
  // and the consent (old/new, the BSN masked; for a new person the fields delivered): at 250,000 rows
  // one row instead of three or four.
  const perPersoon = new Map<Plan, { wijzigingen: ReturnType<typeof diff> }>();
  const regelVan = (plan: Plan) => {
    let r = perPersoon.get(plan);
    if (!r) {
      r = { wijzigingen: {} };
      perPersoon.set(plan, r);
    }
    return r;
  };
  for (const p of personen) Object.assign(regelVan(p).wijzigingen, p.wijzigingen);
  for (const p of profielPlannen) {
    const r = regelVan(p.plan);
    for (const [veld, w] of Object.entries(p.wijzigingen)) r.wijzigingen[`kandidaatprofiel.${veld}`] = w;
  }
  for (const p of verlenen) {
    const r = regelVan(p);
    r.wijzigingen['toestemming.kandidaatprofiel'] = { oud: null, nieuw: 'verleend (schriftelijk, via import)' };
  }
  for (const { plan } of intrekken) {
    const r = regelVan(plan);
    r.wijzigingen['toestemming.kandidaatprofiel'] = { oud: 'actief', nieuw: 'ingetrokken' };
  }
  const audit: AuditEntry[] = [];
  for (const [plan, r] of perPersoon) {
    audit.push({
      actie: plan.oud ? 'wijzigen' : 'aanmaken',
      resource: 'persoon',
      resourceId: plan.id,
      persoonId: plan.id,
      organisatieId,
      grondslag: 'eigen_gemeente',
      // A person the delivery creates: the row names the fields delivered, not their values. The values
      // are the record's first version and every later change records old and new, so the history
      // stays complete without copying the names, birth dates and contact details of 250,000 people
      // into a log that can never be erased (data minimisation, AVG art. 5(1)(c)). It also halves
      // what a first delivery writes.
      wijzigingen: plan.oud ? r.wijzigingen : { aangeleverd: { oud: null, nieuw: Object.keys(r.wijzigingen).sort() } },
      toelichting: toelichting(plan.rij),
    });
  }
  await new AuditWriter(db, actor, ctx.verzoekId).schrijfBulk(audit);
  return uit;
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

/**
 * `aantal` new public references, unique among themselves, against the stored ones and against those
 * `uitgegeven` already holds (this run's, possibly not committed yet); the new ones are added to it.
 */
async function uniekePubliekIds(db: Kysely<Database>, aantal: number, uitgegeven: Set<string>): Promise<string[]> {
  const ids = new Set<string>();
  const trek = () => {
    let n = nieuwPubliekId();
    while (ids.has(n) || uitgegeven.has(n)) n = nieuwPubliekId();
    return n;
  };
  while (ids.size < aantal) ids.add(trek());
  for (let poging = 0; poging < 10; poging++) {
    const { rows } = await sql<{ publiek_id: string }>`SELECT publiek_id FROM kandidaatprofiel WHERE publiek_id = ANY(${[...ids]}::text[])`.execute(db);
    if (rows.length === 0) break;
    for (const r of rows) {
      ids.delete(r.publiek_id);
      uitgegeven.add(r.publiek_id);
      ids.add(trek());
    }
  }
  for (const id of ids) uitgegeven.add(id);
  return [...ids];
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  const r = {} as Pick<T, K>;
  for (const k of keys) r[k] = o[k];
  return r;
}

function getal(v: string | null | undefined): number | null {
  return v == null ? null : Number(v);
}

/** A text[] literal, so a list of lists travels as one text[] parameter (cast back per row). */
function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
