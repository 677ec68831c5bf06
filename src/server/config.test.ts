import { describe, expect, it } from 'vitest';
import { loadConfig, opslagOpties } from './config.js';

describe('DATABASE_POOL_SIZE', () => {
  it('defaults to 10 connections and reaches the storage options', () => {
    const c = loadConfig({});
    expect(c.databasePoolSize).toBe(10);
    expect(opslagOpties({ ...c, databaseUrl: 'postgres://x/y' })).toMatchObject({ databaseUrl: 'postgres://x/y', poolSize: 10 });
  });
  it('takes a larger pool for a server with many simultaneous deliveries', () => {
    expect(opslagOpties(loadConfig({ DATABASE_POOL_SIZE: '24' })).poolSize).toBe(24);
  });
  it('refuses a pool without connections or a value that is no number, at start-up', () => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: 'veel' })).toThrow(/Ongeldige waarde voor DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/PORT/);
  });
});
