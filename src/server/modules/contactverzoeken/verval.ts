/**
 * Open contact requests lapse when the candidate's profile is no longer published (consent withdrawn,
 * dossier closed) — checked periodically, not only when a professional happens to open the request.
 * Per lapsed request, in the caller's transaction: status `verlopen`, the professional's task closed as
 * `vervallen`, the employer told with the neutral message (never why), and an audit row.
 */
import { type Kysely, sql } from 'kysely';
import { type AuditEntry, AuditWriter } from '../../audit/audit.js';
import type { Database } from '../../db/schema.js';
import { periodiek } from '../../lib/periodiek.js';
import { rondTakenAf } from '../taken/taken.js';
import { NEUTRALE_BOODSCHAP } from './verzoek.js';

interface Verzoek {
  id: string;
  status: string;
  persoon_id: string;
  organisatie_id: string;
  werkgever_organisatie_id: string;
  werkgever_gebruiker_id: string;
  publiek_id: string;
}

/** Tells the employer's user that there is an answer (in-app notification; the text never says why). */
export async function meldWerkgever(
  db: Kysely<Database>,
  r: Pick<Verzoek, 'id' | 'werkgever_organisatie_id' | 'werkgever_gebruiker_id' | 'publiek_id'>,
  status: 'ja' | 'nee' | 'verlopen',
) {
  await db
    .insertInto('melding')
    .values({
      organisatie_id: r.werkgever_organisatie_id,
      gebruiker_id: r.werkgever_gebruiker_id,
      soort: 'contactverzoek_beantwoord',
      titel: `Antwoord op uw contactverzoek over ${r.publiek_id}`,
      tekst: status === 'ja' ? 'De kandidaat wil graag kennismaken. U ziet de contactgegevens bij het verzoek.' : NEUTRALE_BOODSCHAP,
      link: `/contactverzoeken/${r.id}`,
      bron_id: r.id,
    })
    .onConflict((oc) => oc.columns(['soort', 'bron_id']).where('gelezen_op', 'is', null).where('bron_id', 'is not', null).doNothing())
    .execute();
}

/**
 * Lets the given open requests lapse (the one place that does it: the periodic check below, and the
 * professional opening a request whose profile was withdrawn). `door`: the user who noticed, or null.
 */
export async function laatVerlopen(
  db: Kysely<Database>,
  verzoeken: readonly Verzoek[],
  audit: AuditWriter,
  door: string | null,
  grondslag: string,
  toelichting: string | null = null,
): Promise<void> {
  if (verzoeken.length === 0) return;
  await db
    .updateTable('contactverzoek')
    .set({ status: 'verlopen', verlopen_op: sql<Date>`now()` })
    .where(
      'id',
      'in',
      verzoeken.map((v) => v.id),
    )
    .execute();
  for (const v of verzoeken) {
    await rondTakenAf(db, { soort: 'contactverzoek', bronId: v.id }, door, 'Vervallen: het profiel is niet meer gepubliceerd.', 'vervallen');
    await meldWerkgever(db, v, 'verlopen');
  }
  await audit.schrijfBulk(
    verzoeken.map(
      (v): AuditEntry => ({
        actie: 'wijzigen',
        resource: 'contactverzoek',
        resourceId: v.id,
        persoonId: v.persoon_id,
        organisatieId: v.organisatie_id,
        grondslag,
        wijzigingen: { status: { oud: v.status, nieuw: 'verlopen' } },
        toelichting,
      }),
    ),
  );
}

export async function laatVervallenVerzoekenVerlopen(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const vervallen = await tx
      .selectFrom('contactverzoek as c')
      .innerJoin('kandidaatprofiel as k', 'k.id', 'c.kandidaatprofiel_id')
      .select(['c.id', 'c.status', 'c.persoon_id', 'c.organisatie_id', 'c.werkgever_organisatie_id', 'c.werkgever_gebruiker_id', 'k.publiek_id'])
      .where('c.status', 'in', ['nieuw', 'in_behandeling'])
      .where('k.gepubliceerd', '=', false)
      .forUpdate('c')
      .skipLocked()
      .execute();
    await laatVerlopen(
      tx,
      vervallen,
      new AuditWriter(tx, null, null),
      null,
      'eigen_gemeente',
      'Vervallen: het profiel is niet meer gepubliceerd (periodieke controle).',
    );
    return vervallen.length;
  });
}

/** Checks every few minutes in the background (started by `passend serve`). */
export function startVervalControle(db: Kysely<Database>, opties: { intervalMs?: number; log?: (e: unknown) => void } = {}): { stop(): Promise<void> } {
  return periodiek(() => laatVervallenVerzoekenVerlopen(db), opties.intervalMs ?? 5 * 60_000, opties.log);
}
