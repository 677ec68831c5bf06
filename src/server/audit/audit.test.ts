import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/policy.js';
import { type AuditEntry, AuditBulkBouwer, auditBulk, type Wijzigingen } from './audit.js';

const actor = { gebruikerId: 'g', gebruikersnaam: 'km', organisatieId: 'org', doel: 'beheer' } as Actor;
const regels: AuditEntry[] = Array.from({ length: 7 }, (_, i) => ({
  actie: i % 2 ? 'wijzigen' : 'aanmaken',
  resource: 'persoon',
  resourceId: `p${i}`,
  persoonId: `p${i}`,
  wijzigingen: (i % 3 === 0
    ? { aangeleverd: { oud: null, nieuw: ['voornaam'] } }
    : i === 4
      ? {}
      : { voornaam: { oud: 'a', nieuw: `b "${i}"` } }) as Wijzigingen,
  toelichting: `regel ${i}`,
}));

describe('AuditBulkBouwer', () => {
  it('gives what auditBulk gives for the whole list, wherever its parts end', () => {
    const geheel = auditBulk(actor, regels);
    for (const grenzen of [[], [0], [3], [1, 2, 6], [7]]) {
      const b = new AuditBulkBouwer(actor);
      regels.forEach((r, i) => {
        if (grenzen.includes(i)) b.deelKlaar();
        b.voegToe(r);
      });
      expect(b.klaar()).toEqual(geheel);
    }
    // Shared change records once; rows point into them; an empty record is none.
    const rijen = JSON.parse(geheel.rijen) as { wi: number | null; p: string; o: string }[];
    expect(JSON.parse(geheel.lijst)).toHaveLength(4);
    expect(rijen.map((r) => r.p)).toEqual(regels.map((r) => r.persoonId));
    expect(rijen[0]?.wi).toBe(rijen[3]?.wi);
    expect(rijen[4]?.wi).toBeNull();
    expect(rijen.every((r) => r.o === 'org')).toBe(true);
  });

  it('without rows: an empty list', () => {
    expect(new AuditBulkBouwer(actor).klaar()).toEqual({ lijst: '[]', rijen: '[]', aantal: 0 });
  });
});
