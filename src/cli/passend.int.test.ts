import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, PASSEND_SECRET: 'cli-test-secret-0123456789-abcdefghijklmnop', DATABASE_URL: '' };
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/passend.ts', ...args], { env, timeout: 120_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('passend CLI on PGlite', () => {
  it('migrate applies the migrations and reports the schema version; a second run applies nothing', async () => {
    const first = await cli('migrate');
    expect(first.stdout).toContain('Toegepast: 1_foundation');
    expect(first.stdout).toMatch(/Schemaversie: \d+ \(pglite\)/);
    const second = await cli('migrate');
    expect(second.stdout).toContain('Geen nieuwe migraties.');
  });

  it('seed --demo is idempotent and lists the demo logins', async () => {
    const first = await cli('seed', '--demo');
    expect(first.stdout).toContain('Demodata geladen');
    expect(first.stdout).toContain('klantmanager.zwolle');
    expect(first.stdout).toContain('passend-demo');
    const second = await cli('seed', '--demo');
    expect(second.stdout).toContain('was al aanwezig');
  });

  it('user add creates a user who can then be given a token; bad input exits non-zero', async () => {
    const added = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/passend.ts',
        'user',
        'add',
        '--organisatie',
        'kampen',
        '--gebruikersnaam',
        'nieuwe.klantmanager',
        '--naam',
        'Nieuwe Klantmanager',
        '--rol',
        'klantmanager',
      ],
      {
        env: { ...env, PASSEND_WACHTWOORD: 'een-lang-genoeg-wachtwoord' },
      },
    );
    expect(added.stdout).toContain('Gebruiker nieuwe.klantmanager toegevoegd.');
    const token = await cli('token', 'add', '--gebruikersnaam', 'nieuwe.klantmanager', '--naam', 'test');
    expect(token.stdout).toMatch(/pas_[\w-]{20,}/);
    await expect(cli('user', 'add', '--organisatie', 'kampen', '--gebruikersnaam', 'x.y', '--naam', 'X', '--rol', 'koning')).rejects.toMatchObject({ code: 2 });
    await expect(cli('user', 'add', '--organisatie', 'bestaat-niet', '--gebruikersnaam', 'x.y', '--naam', 'X', '--rol', 'klantmanager')).rejects.toMatchObject({
      code: 2,
    });
    await expect(cli('onzin')).rejects.toMatchObject({ code: 2 });
  });
});
