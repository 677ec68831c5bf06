import { describe, expect, it } from 'vitest';
import type { Rol } from '../../shared/codes.js';
import { type Actor, beslis, magInOrganisatie, magPersoonAanmaken, PERSOON_ACTIES, type PersoonFeiten, ROL_RECHTEN } from './policy.js';

const ZWOLLE = 'org-zwolle';
const KAMPEN = 'org-kampen';
const actor = (rollen: Rol[], organisatieId = ZWOLLE, persoonId: string | null = null): Actor => ({
  gebruikerId: 'u1',
  gebruikersnaam: 'test',
  organisatieId,
  organisatieSoort: 'gemeente',
  regioId: 'r',
  rollen,
  persoonId,
  doel: 'uitvoering_participatiewet',
  via: 'sessie',
});
const feiten = (over: Partial<PersoonFeiten> = {}): PersoonFeiten => ({
  persoonId: 'p1',
  gemeenteId: ZWOLLE,
  samenwerking: false,
  toewijzing: false,
  verwijzing: false,
  toestemming: false,
  ...over,
});

describe('access policy (deny by default)', () => {
  it('lets a klantmanager of the gemeente do everything its role allows to its own persons, on basis eigen_gemeente — and nothing else', () => {
    for (const a of PERSOON_ACTIES) {
      const verwacht = ROL_RECHTEN.klantmanager.includes(a)
        ? { toegestaan: true, grondslag: 'eigen_gemeente' }
        : { toegestaan: false, reden: expect.any(String) };
      expect(beslis(actor(['klantmanager']), a, feiten()), a).toEqual(verwacht);
    }
    // Recording FML levels, reading the medical notes and measuring loonwaarde are specialist work.
    for (const a of ['belastbaarheid.schrijven', 'belastbaarheid.medisch_lezen', 'loonwaarde.meten'] as const) {
      expect(beslis(actor(['klantmanager']), a, feiten()).toegestaan).toBe(false);
      expect(beslis(actor(['arbeidsdeskundige']), a, feiten()).toegestaan).toBe(true);
    }
  });
  it('lets an assigned external arbeidsdeskundige record belastbaarheid, but consent alone does not', () => {
    const extern = actor(['arbeidsdeskundige'], KAMPEN);
    expect(beslis(extern, 'belastbaarheid.schrijven', feiten({ toewijzing: true }))).toEqual({ toegestaan: true, grondslag: 'toewijzing' });
    expect(beslis(extern, 'belastbaarheid.schrijven', feiten({ toestemming: true })).toegestaan).toBe(false);
    expect(beslis(extern, 'belastbaarheid.lezen', feiten({ toestemming: true }))).toEqual({ toegestaan: true, grondslag: 'toestemming' });
  });
  it('refuses a klantmanager of another gemeente anything without a basis', () => {
    for (const a of PERSOON_ACTIES) expect(beslis(actor(['klantmanager'], KAMPEN), a, feiten()).toegestaan).toBe(false);
  });
  it('gives regional cooperation the full rights of the role', () => {
    expect(beslis(actor(['klantmanager'], KAMPEN), 'persoon.wijzigen', feiten({ samenwerking: true }))).toEqual({
      toegestaan: true,
      grondslag: 'samenwerking',
    });
  });
  it('limits assignment, referral and consent to reading and writing the timeline', () => {
    for (const basis of ['toewijzing', 'verwijzing', 'toestemming'] as const) {
      const f = feiten({ [basis]: true });
      const jobcoach = actor(['klantmanager'], 'org-jobcoach');
      expect(beslis(jobcoach, 'persoon.lezen', f)).toEqual({ toegestaan: true, grondslag: basis });
      expect(beslis(jobcoach, 'tijdlijn.schrijven', f).toegestaan).toBe(true);
      for (const a of ['persoon.wijzigen', 'persoon.afsluiten', 'persoon.bsn_inzien', 'toestemming.beheren', 'toewijzing.beheren', 'audit.persoon'] as const) {
        expect(beslis(jobcoach, a, f).toegestaan, `${basis} ${a}`).toBe(false);
      }
    }
  });
  it('never gives roles without dossier rights access, even in their own gemeente', () => {
    for (const rol of ['beleidsmedewerker', 'werkgever', 'redacteur', 'beheerder'] as const) {
      for (const a of PERSOON_ACTIES) expect(beslis(actor([rol]), a, feiten({ toewijzing: true, toestemming: true })).toegestaan, `${rol} ${a}`).toBe(false);
    }
  });
  it('lets an inwoner read their own dossier, change contact details and manage consent, and nothing else', () => {
    const self = actor(['inwoner'], ZWOLLE, 'p1');
    expect(beslis(self, 'persoon.lezen', feiten())).toEqual({ toegestaan: true, grondslag: 'betrokkene' });
    expect(beslis(self, 'persoon.contact_wijzigen', feiten()).toegestaan).toBe(true);
    expect(beslis(self, 'toestemming.beheren', feiten()).toegestaan).toBe(true);
    expect(beslis(self, 'audit.persoon', feiten()).toegestaan).toBe(true);
    expect(beslis(self, 'persoon.wijzigen', feiten()).toegestaan).toBe(false);
    expect(beslis(self, 'persoon.bsn_inzien', feiten()).toegestaan).toBe(false);
    expect(beslis(self, 'persoon.afsluiten', feiten()).toegestaan).toBe(false);
    // Another person in the same gemeente: nothing.
    for (const a of PERSOON_ACTIES) expect(beslis(self, a, feiten({ persoonId: 'p2' })).toegestaan).toBe(false);
  });
  it('allows creating a dossier only for the own gemeente or one it cooperates for', () => {
    expect(magPersoonAanmaken(actor(['klantmanager']), ZWOLLE, false).toegestaan).toBe(true);
    expect(magPersoonAanmaken(actor(['klantmanager']), KAMPEN, false).toegestaan).toBe(false);
    expect(magPersoonAanmaken(actor(['klantmanager']), KAMPEN, true).toegestaan).toBe(true);
    expect(magPersoonAanmaken(actor(['jobcoach']), ZWOLLE, false).toegestaan).toBe(false);
  });
  it('allows user management and the audit log only to a beheerder, only in their own organisation', () => {
    expect(magInOrganisatie(actor(['beheerder']), 'gebruiker.beheren', ZWOLLE).toegestaan).toBe(true);
    expect(magInOrganisatie(actor(['beheerder']), 'audit.lezen', KAMPEN).toegestaan).toBe(false);
    expect(magInOrganisatie(actor(['klantmanager']), 'audit.lezen', ZWOLLE).toegestaan).toBe(false);
  });
});
