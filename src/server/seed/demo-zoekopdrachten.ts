import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { stableId } from '../lib/ids.js';
import { functieId } from '../modules/functies/repository.js';

/**
 * Demo saved search and vacancy for the employer Bakkerij Van der Veen, so "Mijn zoekopdrachten" and
 * "Vacatures" have something to show. Idempotent (stable ids); fictitious.
 */
export async function seedDemoZoekopdrachten(tx: Kysely<Database>, regioId: string, orgId: (slug: string) => string): Promise<void> {
  const bakkerij = orgId('bakkerij-van-der-veen');
  const werkgever = stableId('gebruiker:werkgever.bakkerij-van-der-veen');
  await tx
    .insertInto('opgeslagen_zoekopdracht')
    .values({
      id: stableId('zoekopdracht:bakkerij:winkel'),
      organisatie_id: bakkerij,
      regio_id: regioId,
      gebruiker_id: werkgever,
      naam: 'Winkel en horeca in de regio',
      filters: JSON.stringify({ sectoren: 'detailhandel,horeca', urenMax: '32' }),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await tx
    .insertInto('vacature')
    .values({
      id: stableId('vacature:bakkerij:verkoop'),
      organisatie_id: bakkerij,
      regio_id: regioId,
      titel: 'Verkoopmedewerker bakkerij (ochtenden)',
      omschrijving:
        'In onze winkel in Zwolle help je klanten aan de toonbank, snijd en verpak je brood en rekenen klanten bij jou af. Je werkt in een vast team; zware kratten tillen doen collega’s.',
      functie_id: functieId(regioId, null, 'verkoopmedewerker-bakkerij'),
      // Lighter lifting than the catalogue function: the heavy crates are carried by colleagues.
      belasting_aanpassingen: JSON.stringify({ 'IV.13': 4 }),
      uren_min: 16,
      uren_max: 24,
      sector: 'detailhandel',
      gemeente_id: orgId('zwolle'),
      status: 'open',
      aangemaakt_door: werkgever,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
