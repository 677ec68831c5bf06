import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/problem.js';

/**
 * Login throttling kept in the database, so it holds across restarts and processes:
 * at most 5 failed attempts per username and 30 per IP address in 15 minutes.
 */
export const THROTTLE = { windowMinutes: 15, perUser: 5, perIp: 30 } as const;

export async function vereisNietGeblokkeerd(db: Kysely<Database>, gebruikersnaam: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
  const row = await db
    .selectFrom('inlogpoging')
    .where('gelukt', '=', false)
    .where('tijdstip', '>', since)
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('gebruikersnaam', '=', gebruikersnaam).as('per_gebruiker'),
      eb.fn.countAll<number>().filterWhere('ip', '=', ip).as('per_ip'),
    ])
    .executeTakeFirstOrThrow();
  if (Number(row.per_gebruiker) >= THROTTLE.perUser || Number(row.per_ip) >= THROTTLE.perIp) {
    throw new AppError('te_veel_pogingen', `Te veel mislukte pogingen. Wacht ${THROTTLE.windowMinutes} minuten en probeer het opnieuw.`, {
      headers: { 'retry-after': String(THROTTLE.windowMinutes * 60) },
    });
  }
}

export async function registreerPoging(db: Kysely<Database>, gebruikersnaam: string, ip: string, gelukt: boolean): Promise<void> {
  await db.insertInto('inlogpoging').values({ gebruikersnaam, ip, gelukt }).execute();
  if (gelukt) {
    // A successful login clears this user's failures.
    await db.deleteFrom('inlogpoging').where('gebruikersnaam', '=', gebruikersnaam).where('gelukt', '=', false).execute();
  }
}
