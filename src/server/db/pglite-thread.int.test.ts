/**
 * PGlite on its own worker thread behind the node-postgres adapter: the same answers, errors and
 * transactions as PGlite in-process, and the data on disk survives closing and opening again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from './pool.js';

const mappen: string[] = [];
afterAll(() => {
  for (const m of mappen) fs.rmSync(m, { recursive: true, force: true });
});

async function open(): Promise<{ storage: Storage; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-pglite-thread-'));
  mappen.push(dir);
  return { storage: await openStorage({ dataDir: dir }), dir };
}

describe('PGlite on a worker thread', () => {
  it('answers queries with parameters, reports errors as database errors, and keeps transactions apart', async () => {
    const { storage, dir } = await open();
    try {
      await sql`create extension if not exists unaccent`.execute(storage.db);
      const r = await sql<{
        a: number;
        b: string;
        c: string;
      }>`select ${41}::int + 1 as a, ${'café'}::text as b, to_tsvector('dutch', unaccent('tuinen café'))::text as c`.execute(storage.db);
      expect(r.rows).toEqual([{ a: 42, b: 'café', c: "'caf':2 'tuin':1" }]);
      await expect(sql`select 1/0`.execute(storage.db)).rejects.toMatchObject({ code: '22012' });
      // After an error the connection is usable again.
      expect((await sql<{ x: number }>`select 7 as x`.execute(storage.db)).rows).toEqual([{ x: 7 }]);
      await sql`create table t (a int primary key)`.execute(storage.db);
      await storage.db.transaction().execute(async (tx) => {
        await sql`insert into t select generate_series(1, 1000)`.execute(tx);
      });
      await expect(
        storage.db.transaction().execute(async (tx) => {
          await sql`insert into t values (5000)`.execute(tx);
          await sql`insert into t values (1)`.execute(tx); // duplicate key: the whole transaction rolls back
        }),
      ).rejects.toMatchObject({ code: '23505' });
      expect((await sql<{ n: string }>`select count(*) as n from t`.execute(storage.db)).rows[0]?.n).toBe('1000');
      // A large answer (many protocol messages in one reply).
      const groot = await sql<{ s: string }>`select repeat('x', 100) || g as s from generate_series(1, 20000) g`.execute(storage.db);
      expect(groot.rows).toHaveLength(20000);
      expect(groot.rows[19999]?.s).toBe(`${'x'.repeat(100)}20000`);
    } finally {
      await storage.close();
    }
    const weer = await openStorage({ dataDir: dir });
    try {
      expect((await sql<{ n: string }>`select count(*) as n from t`.execute(weer.db)).rows[0]?.n).toBe('1000');
    } finally {
      await weer.close();
    }
  });
});
