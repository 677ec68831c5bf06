/**
 * The batch writer's fast path: a batch of only new persons is written with statement parameters built
 * before its transaction and with its references checked once per batch (session_replication_role =
 * replica after locking the gemeente and the account). It must write exactly what the general path
 * writes, still refuse what a foreign key would refuse, and leave no trigger behind.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/policy.js';
import type { Database } from '../../db/schema.js';
import { stableId } from '../../seed/demo.js';
import { createTestPlatform, type TestPlatform } from '../../testing/harness.js';
import { type ImportRij, valideerRij } from './rij.js';
import { type BatchContext, bereidVoor, magVerwijzingenPerBatch, opzoeken, schrijfBatch } from './schrijver.js';

const ZWOLLE = stableId('org:zwolle');
const REGIO = stableId('regio:regio-zwolle');

let p: TestPlatform;
let actor: Actor;
beforeAll(async () => {
  p = await createTestPlatform();
  const km = await p.services.storage.db.selectFrom('gebruiker').select('id').where('gebruikersnaam', '=', 'klantmanager.zwolle').executeTakeFirstOrThrow();
  actor = {
    gebruikerId: km.id,
    gebruikersnaam: 'klantmanager.zwolle',
    organisatieId: ZWOLLE,
    organisatieSoort: 'gemeente',
    regioId: REGIO,
    rollen: ['klantmanager'],
    persoonId: null,
    doel: 'uitvoering_participatiewet',
    via: 'systeem',
  };
});
afterAll(async () => p?.close());

/** Rows as the reader makes them: every field the template has, some empty, words known and unknown. */
function rijen(prefix: string, n: number): ImportRij[] {
  return Array.from({ length: n }, (_, i) => {
    const r = valideerRij(i + 2, {
      extern_id: `${prefix}-${i}`,
      voornaam: `Voor${i}`,
      tussenvoegsel: i % 3 === 0 ? 'van der' : '',
      achternaam: `Achter "${i}" \\ ${prefix}`,
      geboortedatum: '1988-03-04',
      email: i % 2 ? `p${i}@voorbeeld.invalid` : '',
      woonplaats: 'Zwolle',
      wensen: i % 4 === 0 ? '' : `Ik werk graag buiten, in de tuin ${i} of met dieren; zelden "binnen".`,
      kwaliteiten: `Zorgvuldig${prefix.toLowerCase()}${i} en geduldig`,
      sectoren: i % 2 ? 'groen|logistiek' : 'groen',
      gewenste_functies: 'Hovenier|Magazijn, medewerker',
      opleidingsniveau: i % 5 === 0 ? '' : 'mbo2',
      uren_min: '16',
      uren_max: i % 3 ? '24' : '',
      beschikbaar_vanaf: '2026-02-01',
      werkcondities: i % 2 ? 'werkt_graag_buiten' : '',
      banenafspraak: i % 2 ? 'ja' : 'nee',
      toestemming_kandidaatprofiel: i % 7 === 0 ? 'nee' : 'ja',
    });
    if (!('rij' in r)) throw new Error(JSON.stringify(r.fouten));
    return r.rij;
  });
}

const context = (db: Kysely<Database>, over: Partial<BatchContext> = {}): BatchContext => ({
  db,
  keys: p.services.keys,
  actor,
  organisatieId: ZWOLLE,
  regioId: REGIO,
  runId: randomUUID(),
  verzoekId: null,
  verwijzingenPerBatch: true,
  ...over,
});

/** What a batch stored for the rows of `prefix`, without what differs by construction (ids, drawn codes, times, the prefix). */
async function opgeslagen(db: Kysely<Database>, prefix: string) {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT replace(p.extern_id, ${prefix}, '') AS extern, p.voornaam, p.tussenvoegsel, replace(p.achternaam, ${prefix}, '') AS achternaam, p.geboortedatum, p.email,
           p.woonplaats, p.bsn_hash IS NULL AS zonder_bsn, p.status, p.versie,
           k.wensen, replace(k.kwaliteiten, lower(${prefix}), '') AS kwaliteiten, k.sectoren, k.gewenste_functies, k.opleidingsniveau, k.uren_min::text,
           k.uren_max::text, k.beschikbaar_vanaf, k.werkcondities, k.banenafspraak, k.compleetheid, k.gepubliceerd, k.regio_id, k.organisatie_id,
           k.zoekvector::text = kandidaat_zoekvector(k.gewenste_functies, k.wensen, k.kwaliteiten, k.sectoren, k.werkcondities)::text AS vector_klopt,
           (SELECT json_agg(json_build_object('doel', t.doel, 'door', t.verleend_door, 'via', t.vastgelegd_via, 'ingetrokken', t.ingetrokken_op IS NOT NULL))
              FROM toestemming t WHERE t.persoon_id = p.id AND t.organisatie_id = p.organisatie_id) AS toestemmingen,
           (SELECT json_agg(json_build_object('actie', a.actie, 'resource', a.resource, 'id', a.resource_id = p.id::text, 'wijzigingen', a.wijzigingen,
                                              'door', a.gebruiker_id, 'org', a.organisatie_id))
              FROM audit_log a WHERE a.persoon_id = p.id) AS audit
    FROM persoon p LEFT JOIN kandidaatprofiel k ON k.persoon_id = p.id AND k.organisatie_id = p.organisatie_id
    WHERE p.extern_id LIKE ${`${prefix}-%`} ORDER BY p.aangemaakt_op, p.extern_id`.execute(db);
  return rows.sort((a, b) => String(a.extern).localeCompare(String(b.extern)));
}

describe('a batch of only new persons', () => {
  it('writes exactly what the general path writes, with its parameters built ahead and its references checked once', async () => {
    const db = p.services.storage.db;
    const snel = rijen('VA', 60);
    const gewoon = rijen('VB', 60);
    const uitkomst = await db.transaction().execute(async (tx) => {
      const ctx = context(tx);
      const r = await schrijfBatch(ctx, snel, false, await bereidVoor(ctx, snel, false));
      // The session checks per row again after the batch (the run record is written in the same transaction).
      const { rows } = await sql<{ rol: string }>`SELECT current_setting('session_replication_role') AS rol`.execute(tx);
      return { ...r, rol: rows[0]?.rol };
    });
    expect(uitkomst).toMatchObject({ geaccepteerd: 60, nieuw: 60, vooraf: true, rol: 'origin' });
    const algemeen = await db.transaction().execute(async (tx) => {
      const ctx = context(tx, { verwijzingenPerBatch: false });
      const vb = await bereidVoor(ctx, gewoon, false);
      vb.alsNieuw = null;
      return schrijfBatch(ctx, gewoon, false, vb);
    });
    expect(algemeen).toMatchObject({ geaccepteerd: 60, nieuw: 60, vooraf: false });
    // As on PostgreSQL: the search vectors left to the table's trigger.
    const trigger = rijen('VD', 60);
    const viaTrigger = await db.transaction().execute(async (tx) => {
      const ctx = context(tx, { zoekvectorInNode: false });
      return schrijfBatch(ctx, trigger, false, await bereidVoor(ctx, trigger, false));
    });
    expect(viaTrigger).toMatchObject({ geaccepteerd: 60, nieuw: 60, vooraf: true });
    const a = await opgeslagen(db, 'VA');
    const b = await opgeslagen(db, 'VB');
    expect(await opgeslagen(db, 'VD')).toEqual(a);
    expect(a).toHaveLength(60);
    expect(a.every((r) => r.vector_klopt === true && Array.isArray(r.audit) && r.audit.length === 1)).toBe(true);
    expect(a.filter((r) => r.toestemmingen !== null)).toHaveLength(60 - Math.ceil(60 / 7));
    expect(a).toEqual(b);
  });

  it('still refuses what a foreign key refuses: a consent recorded by an account that does not exist writes nothing', async () => {
    const db = p.services.storage.db;
    const wees = rijen('VC', 5);
    const spook = { ...actor, gebruikerId: randomUUID() };
    for (const perBatch of [true, false]) {
      await expect(
        db.transaction().execute(async (tx) => {
          const ctx = context(tx, { actor: spook, verwijzingenPerBatch: perBatch });
          return schrijfBatch(ctx, wees, false, await bereidVoor(ctx, wees, false));
        }),
      ).rejects.toThrow(perBatch ? /account van de aanlevering bestaat niet/ : /foreign key|verleend_door/);
    }
    expect(await opgeslagen(db, 'VC')).toEqual([]);
  });

  it('a dossier created by hand meanwhile (same extern_id, committed while the batch waited) is updated, and the rest follows its id', async () => {
    // Needs a second session that commits while the batch's insert waits for it: PostgreSQL only.
    if (p.services.storage.kind !== 'postgresql') return;
    const db = p.services.storage.db;
    const rows = rijen('VR', 5);
    const handmatig = randomUUID();
    const ander = await p.services.storage.pool.connect();
    try {
      await ander.query('BEGIN');
      await ander.query(
        `INSERT INTO persoon (id, organisatie_id, extern_id, voornaam, achternaam, geboortedatum) VALUES ($1, $2, 'VR-2', 'Handmatig', 'Persoon', '1980-01-01')`,
        [handmatig, ZWOLLE],
      );
      // The batch's look-ups cannot see the uncommitted dossier; its insert waits for it.
      const schrijven = db.transaction().execute(async (tx) => {
        const ctx = context(tx);
        const r = await schrijfBatch(ctx, rows, false, await bereidVoor(ctx, rows, false));
        const { rows: rol } = await sql<{ rol: string }>`SELECT current_setting('session_replication_role') AS rol`.execute(tx);
        return { ...r, rol: rol[0]?.rol };
      });
      for (let i = 0; i < 100; i++) {
        const { rows: wacht } = await ander.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        if (wacht[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await ander.query('COMMIT');
      expect(await schrijven).toMatchObject({ geaccepteerd: 5, nieuw: 5, vooraf: false, rol: 'origin' });
    } finally {
      ander.release();
    }
    const opgeslagenRijen = await opgeslagen(db, 'VR');
    expect(opgeslagenRijen).toHaveLength(5);
    const { rows: vr2 } = await sql<{ id: string; voornaam: string; versie: number; profiel: string; toestemming: string; audit: string }>`
      SELECT p.id, p.voornaam, p.versie, (SELECT k.persoon_id FROM kandidaatprofiel k WHERE k.persoon_id = p.id) AS profiel,
             (SELECT t.persoon_id FROM toestemming t WHERE t.persoon_id = p.id) AS toestemming,
             (SELECT a.persoon_id FROM audit_log a WHERE a.persoon_id = p.id AND a.toelichting LIKE 'import %') AS audit
      FROM persoon p WHERE p.extern_id = 'VR-2'`.execute(db);
    // One dossier: the one made by hand, updated by the delivery; its profile, consent and audit row name it.
    expect(vr2).toEqual([{ id: handmatig, voornaam: 'Voor2', versie: 2, profiel: handmatig, toestemming: handmatig, audit: handmatig }]);
    // The other rows are complete too.
    expect(opgeslagenRijen.every((r) => r.vector_klopt === true && Array.isArray(r.audit) && r.audit.length === 1)).toBe(true);
  });

  it('leaves no trigger out: every trigger on the tables it writes fires in a replica session too', async () => {
    const db = p.services.storage.db;
    const { rows } = await sql<{ tabel: string; naam: string }>`
      SELECT tgrelid::regclass::text AS tabel, tgname AS naam FROM pg_trigger
      WHERE tgrelid::regclass::text IN ('persoon', 'kandidaatprofiel', 'toestemming', 'audit_log') AND NOT tgisinternal AND tgenabled <> 'A'`.execute(db);
    expect(rows).toEqual([]);
    // The audit log stays append-only in such a session.
    await expect(
      db.transaction().execute(async (tx) => {
        await sql`SELECT set_config('session_replication_role', 'replica', true)`.execute(tx);
        await sql`UPDATE audit_log SET actie = 'wijzigen' WHERE id = (SELECT min(id) FROM audit_log)`.execute(tx);
      }),
    ).rejects.toThrow();
  });

  it('checks references once only where the database user may set session_replication_role (a superuser, or granted it)', async () => {
    const db = p.services.storage.db;
    // The test database's user is a superuser (PGlite's always is).
    expect(await magVerwijzingenPerBatch(db)).toBe(true);
    if (p.services.storage.kind !== 'postgresql') return;
    const rol = `passend_test_${randomUUID().slice(0, 8)}`;
    await sql.raw(`CREATE ROLE ${rol} NOLOGIN`).execute(db);
    try {
      const als = (fn: (tx: Kysely<Database>) => Promise<boolean>) =>
        db.transaction().execute(async (tx) => {
          await sql.raw(`SET LOCAL ROLE ${rol}`).execute(tx);
          return fn(tx);
        });
      expect(await als(magVerwijzingenPerBatch)).toBe(false);
      await sql.raw(`GRANT SET ON PARAMETER session_replication_role TO ${rol}`).execute(db);
      expect(await als(magVerwijzingenPerBatch)).toBe(true);
      await sql.raw(`REVOKE SET ON PARAMETER session_replication_role FROM ${rol}`).execute(db);
    } finally {
      await sql.raw(`DROP ROLE ${rol}`).execute(db);
    }
  });
});

describe('the look-ups of a batch', () => {
  it('probe an index once per key, also in a large gemeente with fresh statistics (where = ANY(keys) made the planner scan it)', async () => {
    const db = p.services.storage.db;
    await sql`
      INSERT INTO persoon (id, organisatie_id, extern_id, voornaam, achternaam, geboortedatum, bsn_hash)
      SELECT gen_random_uuid(), ${ZWOLLE}::uuid, 'PLAN-' || i, 'Voor', 'Achter' || i, '1980-01-01', md5(i::text) || md5(i::text)
      FROM generate_series(1, 20000) AS i`.execute(db);
    // Their profiles and consents, so those tables are large too.
    await sql`
      INSERT INTO kandidaatprofiel (id, organisatie_id, regio_id, persoon_id, publiek_id, extern_id, wensen)
      SELECT gen_random_uuid(), ${ZWOLLE}::uuid, ${REGIO}::uuid, p.id, 'P-' || p.extern_id, p.extern_id, 'werk'
      FROM persoon p WHERE p.extern_id LIKE 'PLAN-%'`.execute(db);
    await sql`
      INSERT INTO toestemming (id, organisatie_id, persoon_id, doel, verleend_door, vastgelegd_via)
      SELECT gen_random_uuid(), ${ZWOLLE}::uuid, p.id, 'kandidaatprofiel', ${actor.gebruikerId}::uuid, 'schriftelijk'
      FROM persoon p WHERE p.extern_id LIKE 'PLAN-%'`.execute(db);
    await sql`ANALYZE persoon, kandidaatprofiel, toestemming`.execute(db);
    const externIds = Array.from({ length: 2000 }, (_, i) => `PLAN-${i * 13}`);
    const { rows: ids } = await sql<{ id: string }>`SELECT id FROM persoon WHERE extern_id = ANY(${externIds.slice(0, 500)}::text[])`.execute(db);
    const persoonIds = [...ids.map((r) => r.id), ...Array.from({ length: 1500 }, () => randomUUID())];
    const plannen = {
      externId: opzoeken.personenOpExternId(ZWOLLE, externIds),
      bsnHash: opzoeken.personenOpBsnHash(
        ZWOLLE,
        externIds.map((e) => e.replace('PLAN-', 'x').padEnd(64, '0')),
      ),
      profielen: opzoeken.profielen(persoonIds),
      toestemmingen: opzoeken.actieveToestemmingen(persoonIds),
    };
    for (const [naam, q] of Object.entries(plannen)) {
      const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${q}`.execute(db);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      // A nested loop over the keys, each probing an index on the key; never a scan of the table.
      expect(plan, naam).toMatch(/Nested Loop/);
      expect(plan, naam).toMatch(/(Index Cond|Recheck Cond): .*u\.sleutel/);
      expect(plan, naam).not.toMatch(/Seq Scan on (persoon|kandidaatprofiel|toestemming)/);
    }
    // And they find what is there.
    const { rows: gevonden } = await plannen.externId.execute(db);
    expect(gevonden.map((r) => r.extern_id).sort()).toEqual(externIds.filter((e) => Number(e.slice(5)) >= 1 && Number(e.slice(5)) <= 20000).sort());
    const { rows: toestemmingen } = await plannen.toestemmingen.execute(db);
    expect(toestemmingen).toHaveLength(ids.length);
  });
});
