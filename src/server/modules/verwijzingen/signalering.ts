/**
 * Three months without activity: a person in an open dossier with no timeline event, referral change,
 * diagnosis, plan, consultation or contact for three months gets a 'geen_activiteit' task (seed 001:
 * after three months the chance of work drops sharply). The selection is pure; the sweep creates the
 * tasks idempotently (one open task per person), runs at `passend serve` start, daily, and on demand.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { vandaag } from '../../../shared/datum.js';
import { maakTaak } from '../taken/taken.js';

export const INACTIEF_NA_MAANDEN = 3;
const DAG_MS = 86_400_000;

export interface ActiviteitFeit {
  persoonId: string;
  gemeenteId: string;
  /** Latest activity (or the dossier's creation), ISO timestamp. */
  laatsteActiviteit: string;
  /** The person's klantmanager (if assigned) and that user's organisation: who gets the task. */
  klantmanagerId: string | null;
  klantmanagerOrganisatieId: string | null;
}

/** The moment three months before `nu` (calendar months, UTC). */
export function grensVoor(nu: Date, maanden = INACTIEF_NA_MAANDEN): Date {
  const d = new Date(nu.getTime());
  const dag = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - maanden);
  const laatste = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(dag, laatste));
  return d;
}

/** The persons whose latest activity lies at least three months back. Pure. */
export function selecteerInactieven(feiten: readonly ActiviteitFeit[], nu: Date, maanden = INACTIEF_NA_MAANDEN): ActiviteitFeit[] {
  const grens = grensVoor(nu, maanden).getTime();
  return feiten.filter((f) => Date.parse(f.laatsteActiviteit) <= grens);
}

/** Tables that record activity on a person, if they exist in this installation (modules arrive over time). */
const ACTIVITEITSBRONNEN: { tabel: string; select: string }[] = [
  { tabel: 'tijdlijn_gebeurtenis', select: 'SELECT persoon_id, tijdstip AS t FROM tijdlijn_gebeurtenis' },
  { tabel: 'verwijzing_status', select: 'SELECT v.persoon_id, s.tijdstip AS t FROM verwijzing_status s JOIN verwijzing v ON v.id = s.verwijzing_id' },
  { tabel: 'terugmelding', select: 'SELECT persoon_id, aangemaakt_op AS t FROM terugmelding' },
  { tabel: 'diagnose', select: 'SELECT persoon_id, aangemaakt_op AS t FROM diagnose' },
  { tabel: 'plan_concept', select: 'SELECT persoon_id, gewijzigd_op AS t FROM plan_concept' },
  { tabel: 'plan_reactie', select: 'SELECT persoon_id, aangemaakt_op AS t FROM plan_reactie' },
  { tabel: 'plan_versie', select: 'SELECT persoon_id, vastgesteld_op AS t FROM plan_versie' },
  { tabel: 'afweging', select: 'SELECT persoon_id, aangemaakt_op AS t FROM afweging' },
  { tabel: 'afweging_besluit', select: 'SELECT persoon_id, aangemaakt_op AS t FROM afweging_besluit' },
  { tabel: 'casusoverleg', select: 'SELECT persoon_id, aangemaakt_op AS t FROM casusoverleg' },
  { tabel: 'contactverzoek', select: 'SELECT persoon_id, coalesce(beantwoord_op, aangemaakt_op) AS t FROM contactverzoek' },
  // A professional who handled a task about the person acted on the dossier.
  { tabel: 'taak', select: 'SELECT persoon_id, afgerond_op AS t FROM taak WHERE persoon_id IS NOT NULL AND afgerond_op IS NOT NULL' },
];

/** The activity facts of the open dossiers of these gemeenten (all gemeenten when null). */
export async function activiteitFeiten(db: Kysely<Database>, gemeenten: readonly string[] | null): Promise<ActiviteitFeit[]> {
  if (gemeenten && gemeenten.length === 0) return [];
  const bestaand: string[] = [];
  for (const b of ACTIVITEITSBRONNEN) {
    const r = await sql<{ bestaat: boolean }>`SELECT to_regclass(${`public.${b.tabel}`}) IS NOT NULL AS bestaat`.execute(db);
    if (r.rows[0]?.bestaat) bestaand.push(b.select);
  }
  const unie = sql.raw(bestaand.join('\nUNION ALL\n'));
  const filter = gemeenten ? sql`AND p.organisatie_id IN (${sql.join(gemeenten.map((g) => sql`${g}::uuid`))})` : sql``;
  const r = await sql<{ id: string; organisatie_id: string; laatste: Date | string; km_id: string | null; km_org: string | null }>`
    WITH activiteit AS (SELECT persoon_id, max(t) AS laatste FROM (${unie}) a GROUP BY persoon_id)
    SELECT p.id, p.organisatie_id, greatest(p.aangemaakt_op, a.laatste) AS laatste, km.id AS km_id, km.organisatie_id AS km_org
    FROM persoon p
    LEFT JOIN activiteit a ON a.persoon_id = p.id
    LEFT JOIN LATERAL (
      SELECT g.id, g.organisatie_id FROM toewijzing tw JOIN gebruiker g ON g.id = tw.gebruiker_id
      WHERE tw.persoon_id = p.id AND tw.rol = 'klantmanager' AND (tw.tot IS NULL OR tw.tot > current_date) AND g.actief
      ORDER BY tw.van DESC, g.id LIMIT 1
    ) km ON true
    WHERE p.status <> 'afgesloten' ${filter}`.execute(db);
  return r.rows.map((x) => ({
    persoonId: x.id,
    gemeenteId: x.organisatie_id,
    laatsteActiviteit: new Date(x.laatste).toISOString(),
    klantmanagerId: x.km_id,
    klantmanagerOrganisatieId: x.km_org,
  }));
}

export interface SignaleringUitkomst {
  gecontroleerd: number;
  gesignaleerd: number;
  nieuweTaken: number;
}

/** Creates a 'geen_activiteit' task for each inactive person; never doubles an open one. */
export async function signaleerGeenActiviteit(
  db: Kysely<Database>,
  opties: { gemeenten?: readonly string[] | null; nu?: Date } = {},
): Promise<SignaleringUitkomst> {
  const nu = opties.nu ?? new Date();
  const feiten = await activiteitFeiten(db, opties.gemeenten ?? null);
  const inactief = selecteerInactieven(feiten, nu);
  let nieuweTaken = 0;
  // The Dutch date two weeks on (in UTC it is still the day before for an hour or two after midnight).
  const deadline = vandaag(new Date(nu.getTime() + 14 * DAG_MS));
  for (const f of inactief) {
    const voor = await db
      .selectFrom('taak')
      .select('id')
      .where('soort', '=', 'geen_activiteit')
      .where('bron_id', '=', f.persoonId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (voor) continue;
    await maakTaak(db, {
      organisatieId: f.klantmanagerOrganisatieId ?? f.gemeenteId,
      persoonId: f.persoonId,
      soort: 'geen_activiteit',
      titel: 'Drie maanden geen activiteit: neem contact op',
      omschrijving: `Sinds ${f.laatsteActiviteit.slice(0, 10)} is er in het dossier niets gebeurd (geen gesprek, notitie, verwijzing, diagnose of plan).`,
      bron: { type: 'persoon', id: f.persoonId },
      toegewezenAan: f.klantmanagerId,
      deadline,
    });
    nieuweTaken += 1;
  }
  return { gecontroleerd: feiten.length, gesignaleerd: inactief.length, nieuweTaken };
}

/**
 * Runs the sweep now and then once a day. The timer is unref'd (it never keeps the process alive);
 * `stop` clears it and waits for a run in progress.
 */
export function startDagelijkseSignalering(
  db: Kysely<Database>,
  opties: { intervalMs?: number; log?: (tekst: string) => void } = {},
): { stop: () => Promise<void>; klaar: Promise<void> } {
  const log = opties.log ?? (() => undefined);
  let bezig: Promise<void> = Promise.resolve();
  let gestopt = false;
  const run = () => {
    if (gestopt) return bezig;
    bezig = bezig
      .then(async () => {
        if (gestopt) return;
        const u = await db.transaction().execute((tx) => signaleerGeenActiviteit(tx));
        if (u.nieuweTaken > 0) log(`Signalering: ${u.nieuweTaken} nieuwe taken 'drie maanden geen activiteit'.`);
      })
      .catch((error: unknown) => log(`Signalering mislukt: ${(error as Error).message}`));
    return bezig;
  };
  const klaar = run();
  const timer = setInterval(() => void run(), opties.intervalMs ?? DAG_MS);
  timer.unref();
  return {
    klaar,
    async stop() {
      gestopt = true;
      clearInterval(timer);
      await bezig;
    },
  };
}
