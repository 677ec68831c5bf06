import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { genereer } from './import.js';
import { deriveKeys } from '../src/server/crypto/secrets.js';
import { migrate } from '../src/server/db/migrate.js';
import { openStorage } from '../src/server/db/pool.js';
import { importeer } from '../src/server/modules/import/pijplijn.js';
import { profiel } from '../src/server/modules/import/schrijver.js';
const n = Number(process.env.N ?? 10000);
const kind = process.env.KIND ?? 'postgresql';
const bestand = `/tmp/prof/imp-${n}.csv`;
if (!fs.existsSync(bestand)) await genereer(bestand, n);
let databaseUrl: string | undefined;
const naam = `passend_prof_${Date.now()}`;
if (kind === 'postgresql') {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
  await admin.connect(); await admin.query(`CREATE DATABASE ${naam}`); await admin.end();
  databaseUrl = `postgres://postgres@127.0.0.1:5432/${naam}`;
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prof-'));
const storage = await openStorage({ databaseUrl, dataDir });
await migrate(storage.pool);
await sql`INSERT INTO arbeidsmarktregio (id, slug, naam) VALUES ('00000000-0000-0000-0000-000000000001', 'bench', 'B')`.execute(storage.db);
await sql`INSERT INTO organisatie (id, regio_id, slug, naam, soort) VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'bench', 'G', 'gemeente')`.execute(storage.db);
await sql`INSERT INTO gebruiker (id, organisatie_id, gebruikersnaam, naam, rollen) VALUES ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000002', 'beheerder.bench', 'B', '{beheerder}')`.execute(storage.db);
const t0 = performance.now();
const s = await importeer(fs.createReadStream(bestand), { db: storage.db, keys: deriveKeys('x'.repeat(40)), actor: { gebruikerId: '00000000-0000-0000-0000-000000000003', gebruikersnaam: 'b', organisatieId: '00000000-0000-0000-0000-000000000002', organisatieSoort: 'gemeente', regioId: '00000000-0000-0000-0000-000000000001', rollen: ['beheerder'], persoonId: null, doel: 'beheer', via: 'systeem' }, gestartVia: 'cli', organisatieId: '00000000-0000-0000-0000-000000000002', proefdraai: false, batchGrootte: Number(process.env.BATCH ?? 2000) });
const tot = performance.now() - t0;
console.log(kind, n, s.status, s.geaccepteerd, `${Math.round(tot)} ms`, `${Math.round(n / (tot / 1000))} rows/s`);
for (const [k, v] of Object.entries(profiel).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(16)} ${Math.round(v)} ms`);
await storage.close();
if (databaseUrl) { const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' }); await c.connect(); await c.query(`DROP DATABASE ${naam} WITH (FORCE)`); await c.end(); }
fs.rmSync(dataDir, { recursive: true, force: true });
