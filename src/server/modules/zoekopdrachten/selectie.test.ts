import { describe, expect, it } from 'vitest';
import { beslisMelding, leesFilters, meldingTitel, naarQuery, ZoekFilters, type ZoekopdrachtStand } from './selectie.js';

const t = (min: number) => new Date(Date.UTC(2026, 10, 23, 12, min));
const stand = (over: Partial<ZoekopdrachtStand>): ZoekopdrachtStand => ({
  naam: 'Groen in Zwolle',
  aantalNieuw: 0,
  nieuwste: null,
  gemeldTot: null,
  ongelezen: null,
  ...over,
});

describe('beslisMelding: at most one unread notification, a new one only for a new batch', () => {
  it('nothing new, nothing unread: nothing', () => {
    expect(beslisMelding(stand({}))).toEqual({ soort: 'niets' });
  });

  it('a first batch makes one notification naming the count and the search', () => {
    const b = beslisMelding(stand({ aantalNieuw: 3, nieuwste: t(5) }));
    expect(b).toEqual({ soort: 'nieuw', titel: "3 nieuwe kandidaten voor 'Groen in Zwolle'", gemeldTot: t(5) });
  });

  it('the same batch again (sweep runs twice) while unread: nothing', () => {
    const eerste = beslisMelding(stand({ aantalNieuw: 3, nieuwste: t(5) }));
    if (eerste.soort !== 'nieuw') throw new Error('expected nieuw');
    const tweede = beslisMelding(stand({ aantalNieuw: 3, nieuwste: t(5), gemeldTot: eerste.gemeldTot, ongelezen: { titel: eerste.titel } }));
    expect(tweede).toEqual({ soort: 'niets' });
  });

  it('the same batch after the notification was read (results not looked at): no second notification', () => {
    expect(beslisMelding(stand({ aantalNieuw: 3, nieuwste: t(5), gemeldTot: t(5) }))).toEqual({ soort: 'niets' });
  });

  it('a newer batch after reading: a new notification with the count of everything not yet seen', () => {
    const b = beslisMelding(stand({ aantalNieuw: 4, nieuwste: t(9), gemeldTot: t(5) }));
    expect(b).toEqual({ soort: 'nieuw', titel: "4 nieuwe kandidaten voor 'Groen in Zwolle'", gemeldTot: t(9) });
  });

  it('a newer batch while one is unread: the unread one is updated, never a second', () => {
    const b = beslisMelding(stand({ aantalNieuw: 5, nieuwste: t(9), gemeldTot: t(5), ongelezen: { titel: meldingTitel('Groen in Zwolle', 3) } }));
    expect(b).toEqual({ soort: 'bijwerken', titel: "5 nieuwe kandidaten voor 'Groen in Zwolle'", gemeldTot: t(9) });
  });

  it('fewer new (a profile withdrawn) while unread: the count is corrected, the batch mark stays', () => {
    const b = beslisMelding(stand({ aantalNieuw: 2, nieuwste: t(4), gemeldTot: t(5), ongelezen: { titel: meldingTitel('Groen in Zwolle', 3) } }));
    expect(b).toEqual({ soort: 'bijwerken', titel: "2 nieuwe kandidaten voor 'Groen in Zwolle'", gemeldTot: t(5) });
  });

  it('nothing new any more while unread (seen elsewhere, or withdrawn): the unread one is removed', () => {
    expect(beslisMelding(stand({ aantalNieuw: 0, gemeldTot: t(5), ongelezen: { titel: meldingTitel('Groen in Zwolle', 3) } }))).toEqual({ soort: 'intrekken' });
  });

  it('one new candidate reads as singular', () => {
    expect(meldingTitel('Horeca', 1)).toBe("1 nieuwe kandidaat voor 'Horeca'");
  });
});

describe('stored filters are exactly what the search accepts', () => {
  it('normalises to the query-string form and reads back to the same search', () => {
    const invoer = ZoekFilters.parse({ q: ' buiten werken ', sectoren: 'groen, groen,horeca', urenMin: '16', beschikbaarNu: 'ja' });
    const opgeslagen = naarQuery(invoer);
    expect(opgeslagen).toEqual({ q: 'buiten werken', sectoren: 'groen,horeca', urenMin: '16', beschikbaarNu: 'ja' });
    const terug = leesFilters(opgeslagen, { limit: 5, offset: 0 });
    expect(terug).toMatchObject({ q: 'buiten werken', sectoren: ['groen', 'horeca'], urenMin: 16, beschikbaarNu: 'ja', limit: 5, offset: 0 });
  });

  it('refuses what the search refuses', () => {
    expect(ZoekFilters.safeParse({ sectoren: 'geen-sector' }).success).toBe(false);
    expect(ZoekFilters.safeParse({ onbekend: 'x' }).success).toBe(false);
    expect(ZoekFilters.safeParse({ urenMin: '61' }).success).toBe(false);
    expect(ZoekFilters.safeParse({ limit: '10' }).success).toBe(false); // paging is not part of a saved search
  });

  it('stored filters that no longer pass are not run', () => {
    expect(leesFilters({ sectoren: 'bestaat-niet' })).toBeNull();
    expect(leesFilters(null)).toBeNull();
    expect(leesFilters(['groen'])).toBeNull();
  });
});
