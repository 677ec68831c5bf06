import type { Kysely } from 'kysely';
import type { Rol } from '../../../shared/codes.js';
import type { Database } from '../../db/schema.js';
import type { GebruikerDto } from './schemas.js';

export function gebruikerQuery(db: Kysely<Database>) {
  return db
    .selectFrom('gebruiker as g')
    .innerJoin('organisatie as o', 'o.id', 'g.organisatie_id')
    .select([
      'g.id',
      'g.gebruikersnaam',
      'g.naam',
      'g.email',
      'g.rollen',
      'g.actief',
      'g.persoon_id',
      'g.wachtwoord_hash',
      'o.id as org_id',
      'o.slug as org_slug',
      'o.naam as org_naam',
      'o.soort as org_soort',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof gebruikerQuery>['executeTakeFirstOrThrow']>>;

export function presentGebruiker(row: Row): GebruikerDto {
  return {
    id: row.id,
    gebruikersnaam: row.gebruikersnaam,
    naam: row.naam,
    email: row.email,
    rollen: row.rollen as Rol[],
    actief: row.actief,
    persoonId: row.persoon_id,
    organisatie: { id: row.org_id, slug: row.org_slug, naam: row.org_naam, soort: row.org_soort as GebruikerDto['organisatie']['soort'] },
  };
}
