/**
 * A profile's and a consent's tenant key is their person's gemeente, and a profile's region that
 * gemeente's region: the database refuses anything else (migration 0016), and a dossier that moves
 * takes its profile and consents along.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../seed/demo.js';
import { createTestPlatform, type TestPlatform } from '../testing/harness.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(() => p.close());

const ZWOLLE = stableId('org:zwolle');
const KAMPEN = stableId('org:kampen');

async function profielVanZwolle() {
  const { rows } = await sql<{ id: string; persoon_id: string; regio_id: string }>`
    SELECT id, persoon_id, regio_id FROM kandidaatprofiel WHERE organisatie_id = ${ZWOLLE} ORDER BY id LIMIT 1`.execute(p.services.storage.db);
  return rows[0] as { id: string; persoon_id: string; regio_id: string };
}

describe('tenant key and parent agree', () => {
  it('refuses a consent under another gemeente than its person', async () => {
    const db = p.services.storage.db;
    const { persoon_id } = await profielVanZwolle();
    const gebruiker = stableId('gebruiker:klantmanager.zwolle');
    const toestemming = (org: string) =>
      sql`INSERT INTO toestemming (id, organisatie_id, persoon_id, doel, verleend_door, vastgelegd_via)
          VALUES (gen_random_uuid(), ${org}, ${persoon_id}, 'test', ${gebruiker}, 'digitaal')`.execute(db);
    await expect(toestemming(KAMPEN)).rejects.toMatchObject({ code: '23503' });
    await expect(toestemming(ZWOLLE)).resolves.toBeDefined();
  });

  it("refuses a profile under another gemeente than its person, or in a region not its gemeente's", async () => {
    const db = p.services.storage.db;
    const profiel = await profielVanZwolle();
    await expect(sql`UPDATE kandidaatprofiel SET organisatie_id = ${KAMPEN} WHERE id = ${profiel.id}`.execute(db)).rejects.toMatchObject({ code: '23503' });
    const andereRegio = stableId('regio:test-elders');
    await sql`INSERT INTO arbeidsmarktregio (id, slug, naam) VALUES (${andereRegio}, 'test-elders', 'Elders')`.execute(db);
    await expect(sql`UPDATE kandidaatprofiel SET regio_id = ${andereRegio} WHERE id = ${profiel.id}`.execute(db)).rejects.toMatchObject({ code: '23503' });
    const { rows } = await sql<{
      organisatie_id: string;
      regio_id: string;
    }>`SELECT organisatie_id, regio_id FROM kandidaatprofiel WHERE id = ${profiel.id}`.execute(db);
    expect(rows[0]).toEqual({ organisatie_id: ZWOLLE, regio_id: profiel.regio_id });
  });

  it('moves the profile and the consents along when the dossier moves to another gemeente of the region', async () => {
    const db = p.services.storage.db;
    const { persoon_id } = await profielVanZwolle();
    await sql`UPDATE persoon SET organisatie_id = ${KAMPEN} WHERE id = ${persoon_id}`.execute(db);
    const { rows: k } = await sql<{ organisatie_id: string }>`SELECT organisatie_id FROM kandidaatprofiel WHERE persoon_id = ${persoon_id}`.execute(db);
    const { rows: t } = await sql<{ organisatie_id: string }>`SELECT DISTINCT organisatie_id FROM toestemming WHERE persoon_id = ${persoon_id}`.execute(db);
    expect(k).toEqual([{ organisatie_id: KAMPEN }]);
    expect(t).toEqual([{ organisatie_id: KAMPEN }]);
  });
});
