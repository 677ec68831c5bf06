import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * The responsible professional: a klantmanager assigned to the person whose organisation may handle the
 * request (the gemeente itself or the organisation that works for it). The task goes to that
 * organisation; without one, to the gemeente's worklist for anyone there.
 */
export async function verantwoordelijke(
  db: Kysely<Database>,
  persoonId: string,
  gemeenteId: string,
): Promise<{ gebruikerId: string | null; organisatieId: string }> {
  const r = await db
    .selectFrom('toewijzing as tw')
    .innerJoin('gebruiker as g', 'g.id', 'tw.gebruiker_id')
    .select(['g.id', 'g.organisatie_id'])
    .where('tw.persoon_id', '=', persoonId)
    .where('tw.rol', '=', 'klantmanager')
    .where((w) => w.or([w('tw.tot', 'is', null), w('tw.tot', '>', sql<string>`current_date`)]))
    .where('g.actief', '=', true)
    .where(sql<boolean>`'klantmanager' = ANY(g.rollen)`)
    .where((w) =>
      w.or([
        w('g.organisatie_id', '=', gemeenteId),
        w(
          'g.organisatie_id',
          'in',
          w
            .selectFrom('samenwerking as sw')
            .select('sw.uitvoerder_id')
            .where('sw.organisatie_id', '=', gemeenteId)
            .where('sw.geldig_van', '<=', sql<string>`current_date`)
            .where((v) => v.or([v('sw.geldig_tot', 'is', null), v('sw.geldig_tot', '>=', sql<string>`current_date`)])),
        ),
      ]),
    )
    .orderBy('tw.van', 'desc')
    .executeTakeFirst();
  return r ? { gebruikerId: r.id, organisatieId: r.organisatie_id } : { gebruikerId: null, organisatieId: gemeenteId };
}
