import pg from 'pg';
import { migrate } from '../src/server/db/migrate.js';
import { openStorage } from '../src/server/db/pool.js';
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
await admin.connect(); await admin.query('DROP DATABASE IF EXISTS passend_auditprof'); await admin.query('CREATE DATABASE passend_auditprof'); await admin.end();
const s = await openStorage({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/passend_auditprof' });
await migrate(s.pool);
const c = await s.pool.connect();
const n = 10000;
const json = JSON.stringify({ voornaam: { oud: null, nieuw: 'Sanne' }, achternaam: { oud: null, nieuw: 'de Vries' }, geboortedatum: { oud: null, nieuw: '1990-01-01' }, email: { oud: null, nieuw: 'x@y.nl' }, 'kandidaatprofiel.wensen': { oud: null, nieuw: 'werken graag buiten mensen team vast uren dagen week helpen winkel' }, 'kandidaatprofiel.sectoren': { oud: null, nieuw: ['groen'] } });
for (const [label, w] of [['null', null], ['json', json]] as const) {
  for (let k = 0; k < 2; k++) {
  await c.query('BEGIN');
  const t = performance.now();
  await c.query(`INSERT INTO audit_log (organisatie_id, gebruiker_id, gebruiker_naam, actor_organisatie_id, persoon_id, actie, resource, resource_id, doel, grondslag, wijzigingen, verzoek_id, toelichting)
    SELECT gen_random_uuid(), gen_random_uuid(), 'x', gen_random_uuid(), gen_random_uuid(), 'aanmaken', 'persoon', 'r', 'beheer', 'eigen_gemeente', $1::jsonb, null, 'import x regel ' || i FROM generate_series(1, $2) i`, [w, n]);
  console.log(label, Math.round(performance.now() - t), 'ms');
  await c.query('COMMIT');
  }
}
c.release(); await s.close();
