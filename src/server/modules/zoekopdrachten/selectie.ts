/**
 * Saved searches: what is stored, and when a sweep notifies. Pure: no SQL, no HTTP.
 *
 * "New" for a saved search = a published profile that matches its filters and whose `nieuw_sinds`
 * (set by a database trigger when it became published, or when what an employer sees changed while
 * published) lies after the moment the user last looked (`gezien_tot`).
 * A sweep makes at most one unread notification per saved search, and a new one only for a new batch:
 * profiles newer than the newest one already notified about (`gemeld_tot`).
 */
import type { z } from 'zod';
import { Zoekvraag, type ZoekvraagInput } from '../kandidaten/routes.js';

/** The search's own query schema without paging: a saved search can hold nothing the search would refuse. */
export const ZoekFilters = Zoekvraag.omit({ limit: true, offset: true });
export type ZoekFiltersInvoer = z.input<typeof ZoekFilters>;

/** Canonical query-string form of validated filters: what is stored and what the web app links to. */
export function naarQuery(q: z.output<typeof ZoekFilters>): Record<string, string> {
  const uit: Record<string, string> = {};
  if (q.q) uit.q = q.q;
  for (const k of ['gemeenten', 'sectoren', 'opleidingsniveaus', 'werkcondities'] as const) {
    const lijst = q[k];
    if (lijst && lijst.length > 0) uit[k] = [...new Set(lijst)].join(',');
  }
  if (q.urenMin !== undefined) uit.urenMin = String(q.urenMin);
  if (q.urenMax !== undefined) uit.urenMax = String(q.urenMax);
  if (q.beschikbaarNu === 'ja') uit.beschikbaarNu = 'ja';
  return uit;
}

/**
 * Stored filters → the search's input, validated again (the schema may have become stricter since
 * they were saved). null when they no longer pass: such a search is skipped, never run half.
 */
export function leesFilters(opgeslagen: unknown, paging: { limit: number; offset: number } = { limit: 20, offset: 0 }): ZoekvraagInput | null {
  if (!opgeslagen || typeof opgeslagen !== 'object' || Array.isArray(opgeslagen)) return null;
  const r = Zoekvraag.safeParse({ ...(opgeslagen as Record<string, unknown>), limit: String(paging.limit), offset: String(paging.offset) });
  return r.success ? r.data : null;
}

export function meldingTitel(naam: string, aantal: number): string {
  return `${aantal} ${aantal === 1 ? 'nieuwe kandidaat' : 'nieuwe kandidaten'} voor '${naam}'`;
}

export interface ZoekopdrachtStand {
  naam: string;
  /** Matching published profiles with nieuw_sinds after gezien_tot (up to the sweep's now). */
  aantalNieuw: number;
  /** The newest nieuw_sinds among them; null when there are none. */
  nieuwste: Date | null;
  /** The newest nieuw_sinds a notification was already made for. */
  gemeldTot: Date | null;
  /** The unread notification of this search, if any. */
  ongelezen: { titel: string } | null;
}

export type MeldingBesluit =
  | { soort: 'niets' }
  /** Make a notification: a batch nobody was told about yet. */
  | { soort: 'nieuw'; titel: string; gemeldTot: Date }
  /** Update the unread notification's count (still one unread notification). */
  | { soort: 'bijwerken'; titel: string; gemeldTot: Date }
  /** Nothing new any more (seen, or the profiles were withdrawn): remove the unread notification. */
  | { soort: 'intrekken' };

export function beslisMelding(s: ZoekopdrachtStand): MeldingBesluit {
  if (s.aantalNieuw <= 0 || s.nieuwste === null) return s.ongelezen ? { soort: 'intrekken' } : { soort: 'niets' };
  const titel = meldingTitel(s.naam, s.aantalNieuw);
  const nieuweBatch = s.gemeldTot === null || s.nieuwste.getTime() > s.gemeldTot.getTime();
  if (s.ongelezen) {
    if (s.ongelezen.titel !== titel || nieuweBatch) {
      return { soort: 'bijwerken', titel, gemeldTot: nieuweBatch ? s.nieuwste : (s.gemeldTot as Date) };
    }
    return { soort: 'niets' };
  }
  return nieuweBatch ? { soort: 'nieuw', titel, gemeldTot: s.nieuwste } : { soort: 'niets' };
}

/** The link a notification carries: the saved search's new results in the web app. */
export function meldingLink(zoekopdrachtId: string): string {
  return `/zoekopdrachten/${zoekopdrachtId}?alleenNieuw=ja`;
}
