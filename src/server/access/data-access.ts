import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Keys } from '../crypto/secrets.js';
import { type AuditEntry, AuditWriter } from '../audit/audit.js';
import { AppError } from '../http/problem.js';
import { type Actor, beslis, type Grondslag, type PersoonActie, type PersoonFeiten, rechtenVanRollen } from './policy.js';

/**
 * The data-access object a request gets: bound to one transaction, one actor and one purpose.
 * Module repositories reach personal data only through it: `vereisPersoon` asks the policy and
 * `audit` writes in the same transaction. Deny by default.
 */
export class DataAccess {
  readonly audit: AuditWriter;
  /** Refused attempts; the route records them after its transaction has rolled back. */
  readonly weigeringen: AuditEntry[] = [];

  constructor(
    readonly db: Kysely<Database>,
    readonly actor: Actor,
    readonly keys: Keys,
    readonly verzoekId: string | null,
  ) {
    this.audit = new AuditWriter(db, actor, verzoekId);
  }

  /** Loads the access facts for one person. Throws niet_gevonden when the person does not exist. */
  async persoonFeiten(persoonId: string): Promise<PersoonFeiten> {
    const row = await this.db
      .selectFrom('persoon')
      .where('persoon.id', '=', persoonId)
      .select((eb) => [
        'persoon.id',
        'persoon.organisatie_id',
        samenwerkingExpr(eb, this.actor).as('samenwerking'),
        toewijzingExpr(eb, this.actor).as('toewijzing'),
        verwijzingExpr(eb, this.actor).as('verwijzing'),
        toestemmingExpr(eb, this.actor).as('toestemming'),
      ])
      .executeTakeFirst();
    if (!row) throw new AppError('niet_gevonden', 'Deze persoon bestaat niet of u heeft er geen toegang toe.');
    return {
      persoonId: row.id,
      gemeenteId: row.organisatie_id,
      samenwerking: Boolean(row.samenwerking),
      toewijzing: Boolean(row.toewijzing),
      verwijzing: Boolean(row.verwijzing),
      toestemming: Boolean(row.toestemming),
    };
  }

  /**
   * Checks one action on one person and returns the basis. A person the actor may not even read is
   * reported as not found, so its existence does not leak.
   */
  async vereisPersoon(persoonId: string, actie: PersoonActie): Promise<{ feiten: PersoonFeiten; grondslag: Grondslag }> {
    const feiten = await this.persoonFeiten(persoonId);
    const besluit = beslis(this.actor, actie, feiten);
    if (besluit.toegestaan) return { feiten, grondslag: besluit.grondslag };
    this.weigeringen.push({ actie: 'geweigerd', resource: 'persoon', resourceId: persoonId, persoonId, organisatieId: feiten.gemeenteId, toelichting: actie });
    if (actie !== 'persoon.lezen' && beslis(this.actor, 'persoon.lezen', feiten).toegestaan) {
      throw new AppError('geen_toegang', besluit.reden);
    }
    throw new AppError('niet_gevonden', 'Deze persoon bestaat niet of u heeft er geen toegang toe.');
  }

  /** Does the actor's organisation act for this gemeente under a current cooperation agreement? */
  async samenwerktVoor(gemeenteId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('samenwerking as sw')
      .select('sw.id')
      .where('sw.organisatie_id', '=', gemeenteId)
      .where('sw.uitvoerder_id', '=', this.actor.organisatieId)
      .where('sw.geldig_van', '<=', sql<string>`current_date`)
      .where((w) => w.or([w('sw.geldig_tot', 'is', null), w('sw.geldig_tot', '>=', sql<string>`current_date`)]))
      .executeTakeFirst();
    return Boolean(row);
  }

  /** Gemeenten where the actor has a full basis: its own organisation and those it works for by agreement. */
  async gemeentenMetVolledigeGrondslag(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('organisatie as o')
      .select('o.id')
      .where('o.soort', '=', 'gemeente')
      .where((eb) => eb.or([eb('o.id', '=', this.actor.organisatieId), eb('o.id', 'in', samenwerkingsGemeenten(this.db, this.actor))]))
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * SQL filter with exactly the persons the actor may read: the list/search counterpart of `beslis`.
   * Uncorrelated IN-subqueries (evaluated once per query, then hashed) keep it fast on large tables;
   * a test proves it agrees with the per-person policy for every demo user and person.
   */
  leesbarePersonen(eb: ExpressionBuilder<Database, 'persoon'>): Expression<SqlBool> {
    const actor = this.actor;
    const ors: Expression<SqlBool>[] = [];
    if (actor.rollen.includes('inwoner') && actor.persoonId) ors.push(eb('persoon.id', '=', actor.persoonId));
    if (rechtenVanRollen(actor.rollen).has('persoon.lezen')) {
      ors.push(eb('persoon.organisatie_id', '=', actor.organisatieId));
      ors.push(eb('persoon.organisatie_id', 'in', samenwerkingsGemeenten(this.db, actor)));
      ors.push(
        eb(
          'persoon.id',
          'in',
          eb
            .selectFrom('toewijzing as tw')
            .select('tw.persoon_id')
            .where('tw.gebruiker_id', '=', actor.gebruikerId)
            .where((w) => w.or([w('tw.tot', 'is', null), w('tw.tot', '>', sql<string>`current_date`)])),
        ),
      );
      ors.push(
        eb(
          'persoon.id',
          'in',
          eb
            .selectFrom('grondslag as gs')
            .select('gs.persoon_id')
            .where('gs.ontvanger_id', '=', actor.organisatieId)
            .where('gs.van', '<=', sql<string>`current_date`)
            .where((w) => w.or([w('gs.tot', 'is', null), w('gs.tot', '>', sql<string>`current_date`)])),
        ),
      );
      ors.push(
        eb(
          'persoon.id',
          'in',
          eb
            .selectFrom('toestemming as ts')
            .select('ts.persoon_id')
            .where('ts.ontvanger_id', '=', actor.organisatieId)
            .where('ts.doel', '=', 'gegevens_delen')
            .where('ts.ingetrokken_op', 'is', null),
        ),
      );
    }
    return ors.length === 0 ? sql<SqlBool>`false` : eb.or(ors);
  }
}

// The basis expressions, shared by the single-person facts and the list filter so both agree.
/** The gemeenten the actor's organisation currently works for under a cooperation agreement (subquery). */
function samenwerkingsGemeenten(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom('samenwerking as sw')
    .select('sw.organisatie_id')
    .where('sw.uitvoerder_id', '=', actor.organisatieId)
    .where('sw.geldig_van', '<=', sql<string>`current_date`)
    .where((w) => w.or([w('sw.geldig_tot', 'is', null), w('sw.geldig_tot', '>=', sql<string>`current_date`)]));
}

function samenwerkingExpr(eb: ExpressionBuilder<Database, 'persoon'>, actor: Actor) {
  return eb.exists(
    eb
      .selectFrom('samenwerking as sw')
      .select(sql.lit(1).as('x'))
      .whereRef('sw.organisatie_id', '=', 'persoon.organisatie_id')
      .where('sw.uitvoerder_id', '=', actor.organisatieId)
      .where('sw.geldig_van', '<=', sql<string>`current_date`)
      .where((w) => w.or([w('sw.geldig_tot', 'is', null), w('sw.geldig_tot', '>=', sql<string>`current_date`)])),
  );
}

function toewijzingExpr(eb: ExpressionBuilder<Database, 'persoon'>, actor: Actor) {
  return eb.exists(
    eb
      .selectFrom('toewijzing as tw')
      .select(sql.lit(1).as('x'))
      .whereRef('tw.persoon_id', '=', 'persoon.id')
      .where('tw.gebruiker_id', '=', actor.gebruikerId)
      // `tot` is exclusive: an assignment ended today no longer counts.
      .where((w) => w.or([w('tw.tot', 'is', null), w('tw.tot', '>', sql<string>`current_date`)])),
  );
}

function verwijzingExpr(eb: ExpressionBuilder<Database, 'persoon'>, actor: Actor) {
  return eb.exists(
    eb
      .selectFrom('grondslag as gs')
      .select(sql.lit(1).as('x'))
      .whereRef('gs.persoon_id', '=', 'persoon.id')
      .where('gs.ontvanger_id', '=', actor.organisatieId)
      .where('gs.van', '<=', sql<string>`current_date`)
      .where((w) => w.or([w('gs.tot', 'is', null), w('gs.tot', '>', sql<string>`current_date`)])),
  );
}

function toestemmingExpr(eb: ExpressionBuilder<Database, 'persoon'>, actor: Actor) {
  return eb.exists(
    eb
      .selectFrom('toestemming as ts')
      .select(sql.lit(1).as('x'))
      .whereRef('ts.persoon_id', '=', 'persoon.id')
      .where('ts.ontvanger_id', '=', actor.organisatieId)
      .where('ts.doel', '=', 'gegevens_delen')
      .where('ts.ingetrokken_op', 'is', null),
  );
}
