import { type Kysely, sql } from 'kysely';
import type { AuditActie } from '../../shared/codes.js';
import type { Actor } from '../access/policy.js';
import type { Database } from '../db/schema.js';

export interface AuditEntry {
  actie: AuditActie;
  resource: string;
  resourceId?: string | null;
  persoonId?: string | null;
  /** Tenant key: the person's gemeente; defaults to the actor's organisation. */
  organisatieId?: string | null;
  grondslag?: string | null;
  wijzigingen?: Wijzigingen | null;
  toelichting?: string | null;
}

export type Wijzigingen = Record<string, { oud: unknown; nieuw: unknown }>;

/** Audit rows ready to write in one statement (`AuditWriter.bulk`). */
export interface AuditBulk {
  lijst: string;
  rijen: string;
  aantal: number;
}

/** Fields whose values never enter the audit log; a change shows as "[gewijzigd]". */
const GEHEIME_VELDEN = new Set(['bsn', 'wachtwoord', 'wachtwoord_hash', 'bsn_versleuteld', 'bsn_hash']);

/** Old/new per changed field, as the ZGW audittrail records writes. */
export function diff(oud: Record<string, unknown> | null, nieuw: Record<string, unknown>): Wijzigingen {
  const result: Wijzigingen = {};
  for (const veld in nieuw) {
    const waarde = nieuw[veld];
    if (waarde === undefined) continue;
    // Nothing before (a creation): every value that is not null is a change (no comparison needed).
    if (!oud && waarde === null) continue;
    const vorige = oud ? oud[veld] : null;
    if (oud && JSON.stringify(vorige ?? null) === JSON.stringify(waarde ?? null)) continue;
    result[veld] = GEHEIME_VELDEN.has(veld)
      ? { oud: vorige == null ? null : '[geheim]', nieuw: waarde == null ? null : '[geheim]' }
      : { oud: vorige ?? null, nieuw: waarde ?? null };
  }
  return result;
}

/**
 * Writes audit rows in the caller's transaction, so a change and its audit commit or roll back together.
 * The table is append-only: there is no update or delete path here, and a trigger refuses them.
 */
export class AuditWriter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor | null,
    private readonly verzoekId: string | null,
  ) {}

  async schrijf(entries: AuditEntry | AuditEntry[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    await this.db
      .insertInto('audit_log')
      .values(list.map((e) => this.rij(e)))
      .execute();
  }

  /**
   * The audit row for `e`, to insert as part of a read in one statement (a data-modifying CTE:
   * `db.with('audit', (q) => q.insertInto('audit_log').values(writer.rij(e))).selectFrom(…)`), so a
   * busy read and its audit row cost one round trip. The statement is atomic: both or neither.
   */
  rij(e: AuditEntry) {
    return {
      organisatie_id: e.organisatieId ?? this.actor?.organisatieId ?? null,
      gebruiker_id: this.actor?.gebruikerId ?? null,
      gebruiker_naam: this.actor?.gebruikersnaam ?? null,
      actor_organisatie_id: this.actor?.organisatieId ?? null,
      persoon_id: e.persoonId ?? null,
      actie: e.actie,
      resource: e.resource,
      resource_id: e.resourceId ?? null,
      doel: this.actor?.doel ?? 'beheer',
      grondslag: e.grondslag ?? null,
      wijzigingen: e.wijzigingen && Object.keys(e.wijzigingen).length > 0 ? JSON.stringify(e.wijzigingen) : null,
      verzoek_id: this.verzoekId,
      toelichting: e.toelichting ?? null,
    };
  }

  /**
   * The same rows for bulk writes (an import batch writes thousands): one INSERT … SELECT from one
   * JSON document (see `auditBulk`), so the statement has a fixed number of parameters however many rows it holds.
   */
  async schrijfBulk(entries: readonly AuditEntry[] | AuditBulk): Promise<void> {
    const bulk = 'rijen' in entries ? entries : auditBulk(this.actor, entries);
    if (bulk.aantal === 0) return;
    await sql`
      WITH w AS (SELECT ${bulk.lijst}::jsonb AS lijst)
      INSERT INTO audit_log (organisatie_id, gebruiker_id, gebruiker_naam, actor_organisatie_id, persoon_id, actie, resource, resource_id,
                             doel, grondslag, wijzigingen, verzoek_id, toelichting)
      SELECT u.o, ${this.actor?.gebruikerId ?? null}::uuid, ${this.actor?.gebruikersnaam ?? null}::text, ${this.actor?.organisatieId ?? null}::uuid,
             u.p, u.a, u.r, u.ri, ${this.actor?.doel ?? 'beheer'}::text, u.g, w.lijst -> u.wi, ${this.verzoekId}::text, u.t
      FROM w, json_to_recordset(${bulk.rijen}::json) AS u(o uuid, p uuid, a text, r text, ri text, g text, wi int, t text)`.execute(this.db);
  }
}

/**
 * schrijfBulk's parameters: all rows as one JSON document (serialised natively, parsed once by the
 * database). A change record that several rows share (an import's new persons all name the same
 * delivered fields) is sent and parsed once: rows point into a list of distinct records. Needs no
 * connection, so a caller can build it ahead (the importer does, while the batch before is written).
 */
export function auditBulk(actor: Actor | null, entries: readonly AuditEntry[]): AuditBulk {
  const bouwer = new AuditBulkBouwer(actor);
  for (const e of entries) bouwer.voegToe(e);
  return bouwer.klaar();
}

/**
 * `auditBulk` a part at a time: `deelKlaar` turns the rows added so far into JSON text, so a caller
 * building thousands of rows ahead does not keep them as objects until the statement is sent. A
 * change record must not change once added (the same object is serialised once).
 */
export class AuditBulkBouwer {
  private readonly wijzigingen: string[] = [];
  private readonly nummer = new Map<string, number>();
  /** The same record object added again (an import shares one per combination of delivered fields) is not serialised again. */
  private readonly perObject = new Map<Wijzigingen, number>();
  private readonly delen: string[] = [];
  private deel: object[] = [];
  private aantal = 0;

  constructor(private readonly actor: Actor | null) {}

  voegToe(e: AuditEntry): void {
    let wi: number | null = null;
    const record = e.wijzigingen;
    if (record) {
      wi = this.perObject.get(record) ?? null;
      if (wi === null && Object.keys(record).length > 0) {
        const w = JSON.stringify(record);
        wi = this.nummer.get(w) ?? null;
        if (wi === null) {
          wi = this.wijzigingen.push(w) - 1;
          this.nummer.set(w, wi);
        }
        this.perObject.set(record, wi);
      }
    }
    this.deel.push({
      o: e.organisatieId ?? this.actor?.organisatieId ?? null,
      p: e.persoonId ?? null,
      a: e.actie,
      r: e.resource,
      ri: e.resourceId ?? null,
      g: e.grondslag ?? null,
      wi,
      t: e.toelichting ?? null,
    });
    this.aantal++;
  }

  deelKlaar(): void {
    if (this.deel.length === 0) return;
    this.delen.push(JSON.stringify(this.deel).slice(1, -1));
    this.deel = [];
  }

  klaar(): AuditBulk {
    this.deelKlaar();
    return { lijst: `[${this.wijzigingen.join(',')}]`, rijen: `[${this.delen.join(',')}]`, aantal: this.aantal };
  }
}
