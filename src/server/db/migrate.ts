import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Plain SQL files `NNNN_name.sql`, applied in order, each in its own transaction. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(`${dir}/${file}`, 'utf8');
      return {
        version: Number.parseInt(file.slice(0, 4), 10),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export function migrationsFingerprint(migrations = loadMigrations()): string {
  return createHash('sha256')
    .update(migrations.map((m) => m.checksum).join(''))
    .digest('hex')
    .slice(0, 16);
}

const LOCK_KEY = 7_361_524; // advisory lock so two processes never migrate at once

export async function migrate(pool: pg.Pool, migrations = loadMigrations()): Promise<{ applied: string[]; version: number }> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migratie (
      versie integer PRIMARY KEY, naam text NOT NULL, checksum text NOT NULL,
      toegepast_op timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ versie: number; checksum: string; naam: string }>(
      'SELECT versie, checksum, naam FROM schema_migratie ORDER BY versie',
    );
    const done = new Map(rows.map((r) => [r.versie, r]));
    const applied: string[] = [];
    for (const m of migrations) {
      const previous = done.get(m.version);
      if (previous) {
        if (previous.checksum !== m.checksum) {
          throw new Error(`Migratie ${m.version}_${m.name} is gewijzigd nadat hij is toegepast (checksum verschilt).`);
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migratie (versie, naam, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migratie ${m.version}_${m.name} mislukt: ${(error as Error).message}`);
      }
      applied.push(`${m.version}_${m.name}`);
    }
    return { applied, version: await schemaVersion(client) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

export async function schemaVersion(client: Pick<pg.Pool, 'query'>): Promise<number> {
  const { rows } = await client.query<{ v: number | null }>('SELECT max(versie)::int AS v FROM schema_migratie');
  return rows[0]?.v ?? 0;
}
