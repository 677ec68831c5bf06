/**
 * The list/search SQL filter and the per-person policy must agree exactly: for every demo user and
 * every person, "appears in the list" ⇔ beslis(persoon.lezen) allows it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Organisatiesoort, Rol } from '../../shared/codes.js';
import { createTestPlatform, type TestPlatform } from '../testing/harness.js';
import { DataAccess } from './data-access.js';
import { type Actor, beslis } from './policy.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p?.close());

it('agrees with the policy for every demo user × every person', async () => {
  const db = p.services.storage.db;
  const users = await db
    .selectFrom('gebruiker as g')
    .innerJoin('organisatie as o', 'o.id', 'g.organisatie_id')
    .select(['g.id', 'g.gebruikersnaam', 'g.organisatie_id', 'o.soort', 'o.regio_id', 'g.rollen', 'g.persoon_id'])
    .execute();
  const persons = await db.selectFrom('persoon').select('id').execute();
  expect(users.length).toBeGreaterThan(40);
  let allowed = 0;
  for (const u of users) {
    const actor: Actor = {
      gebruikerId: u.id,
      gebruikersnaam: u.gebruikersnaam,
      organisatieId: u.organisatie_id,
      organisatieSoort: u.soort as Organisatiesoort,
      regioId: u.regio_id,
      rollen: u.rollen as Rol[],
      persoonId: u.persoon_id,
      doel: 'beheer',
      via: 'systeem',
    };
    const dal = new DataAccess(db, actor, p.services.keys, null);
    const listed = new Set(
      (
        await db
          .selectFrom('persoon')
          .where((eb) => dal.leesbarePersonen(eb))
          .select('persoon.id')
          .execute()
      ).map((r) => r.id),
    );
    for (const person of persons) {
      const decision = beslis(actor, 'persoon.lezen', await dal.persoonFeiten(person.id));
      expect(listed.has(person.id), `${u.gebruikersnaam} / ${person.id}`).toBe(decision.toegestaan);
      if (decision.toegestaan) allowed++;
    }
  }
  // Sanity: the demo has both visible and invisible pairs.
  expect(allowed).toBeGreaterThan(50);
  expect(allowed).toBeLessThan(users.length * persons.length);
});
