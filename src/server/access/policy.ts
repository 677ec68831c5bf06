/**
 * Pure authorization policy: may this actor do this to this person, and on which basis (grondslag)?
 * Deny by default. No HTTP, no SQL: the data-access layer gathers the facts and asks here.
 */
import type { Doel, Organisatiesoort, Rol } from '../../shared/codes.js';

export interface Actor {
  gebruikerId: string;
  gebruikersnaam: string;
  organisatieId: string;
  organisatieSoort: Organisatiesoort;
  regioId: string;
  rollen: readonly Rol[];
  /** For role inwoner: the person this account is. */
  persoonId: string | null;
  doel: Doel;
  via: 'sessie' | 'api-token' | 'systeem';
}

export const PERSOON_ACTIES = [
  'persoon.lezen',
  'persoon.aanmaken',
  'persoon.wijzigen',
  'persoon.contact_wijzigen',
  'persoon.afsluiten',
  'persoon.bsn_inzien',
  'tijdlijn.lezen',
  'tijdlijn.schrijven',
  'toestemming.lezen',
  'toestemming.beheren',
  'toewijzing.beheren',
  'audit.persoon',
  'jobcoaching.lezen',
  'jobcoaching.beoordelen',
  /** Levels, conditions and dates of the FML profile; enough for matching. */
  'belastbaarheid.lezen',
  /** The medical detail behind it: notes and source documents. */
  'belastbaarheid.medisch_lezen',
  'belastbaarheid.schrijven',
  'loonwaarde.lezen',
  'loonwaarde.meten',
  /** The anonymous kandidaatprofiel as kept in the dossier (with its publication state). */
  'kandidaatprofiel.lezen',
  'kandidaatprofiel.beheren',
] as const;
export type PersoonActie = (typeof PERSOON_ACTIES)[number];

export type Grondslag = 'eigen_gemeente' | 'samenwerking' | 'toewijzing' | 'verwijzing' | 'toestemming' | 'betrokkene';

/** What each role may do to a dossier when it has a full basis (own gemeente or regional cooperation). */
export const ROL_RECHTEN: Record<Rol, readonly PersoonActie[]> = {
  klantmanager: [
    'persoon.lezen',
    'persoon.aanmaken',
    'persoon.wijzigen',
    'persoon.contact_wijzigen',
    'persoon.afsluiten',
    'persoon.bsn_inzien',
    'tijdlijn.lezen',
    'tijdlijn.schrijven',
    'toestemming.lezen',
    'toestemming.beheren',
    'toewijzing.beheren',
    'audit.persoon',
    'jobcoaching.lezen',
    'jobcoaching.beoordelen',
    'belastbaarheid.lezen',
    'loonwaarde.lezen',
    'kandidaatprofiel.lezen',
    'kandidaatprofiel.beheren',
  ],
  arbeidsdeskundige: [
    'persoon.lezen',
    'persoon.aanmaken',
    'persoon.wijzigen',
    'persoon.contact_wijzigen',
    'persoon.bsn_inzien',
    'tijdlijn.lezen',
    'tijdlijn.schrijven',
    'toestemming.lezen',
    'toestemming.beheren',
    'toewijzing.beheren',
    'jobcoaching.lezen',
    'jobcoaching.beoordelen',
    'belastbaarheid.lezen',
    'belastbaarheid.medisch_lezen',
    'belastbaarheid.schrijven',
    'loonwaarde.lezen',
    'loonwaarde.meten',
    'kandidaatprofiel.lezen',
    'kandidaatprofiel.beheren',
  ],
  jobcoach: [
    'persoon.lezen',
    'tijdlijn.lezen',
    'tijdlijn.schrijven',
    'toestemming.lezen',
    'jobcoaching.lezen',
    'belastbaarheid.lezen',
    'loonwaarde.lezen',
    'kandidaatprofiel.lezen',
  ],
  loonwaardedeskundige: [
    'persoon.lezen',
    'tijdlijn.lezen',
    'tijdlijn.schrijven',
    'toestemming.lezen',
    'belastbaarheid.lezen',
    'loonwaarde.lezen',
    'loonwaarde.meten',
  ],
  school: ['persoon.lezen', 'tijdlijn.lezen', 'tijdlijn.schrijven'],
  beleidsmedewerker: [],
  werkgever: [],
  redacteur: [],
  beheerder: [],
  inwoner: [],
};

/** A limited basis (referral, consent) never gives more than this. */
const BEPERKTE_RECHTEN: readonly PersoonActie[] = [
  'persoon.lezen',
  'tijdlijn.lezen',
  'tijdlijn.schrijven',
  'toestemming.lezen',
  'jobcoaching.lezen',
  'belastbaarheid.lezen',
  'loonwaarde.lezen',
  'kandidaatprofiel.lezen',
];
/**
 * An assignment is an explicit work order for this person, so it also allows the professional's own
 * assessment work (an external arbeidsdeskundige records the FML profile, an assigned
 * loonwaardedeskundige measures) — still only within what the role may do.
 */
const TOEWIJZING_RECHTEN: readonly PersoonActie[] = [...BEPERKTE_RECHTEN, 'belastbaarheid.medisch_lezen', 'belastbaarheid.schrijven', 'loonwaarde.meten'];

/** What the person may do in their own dossier. */
const BETROKKENE_RECHTEN: readonly PersoonActie[] = [
  'persoon.lezen',
  'persoon.contact_wijzigen',
  'tijdlijn.lezen',
  'toestemming.lezen',
  'toestemming.beheren',
  'audit.persoon',
  'jobcoaching.lezen',
  'belastbaarheid.lezen',
  'belastbaarheid.medisch_lezen',
  'loonwaarde.lezen',
  'kandidaatprofiel.lezen',
  'kandidaatprofiel.beheren',
];

/** The facts about one person that decide access; gathered in SQL by the data-access layer. */
export interface PersoonFeiten {
  persoonId: string;
  gemeenteId: string;
  /** The actor's organisation acts for this gemeente under a regional cooperation agreement. */
  samenwerking: boolean;
  /** The actor is assigned to this person. */
  toewijzing: boolean;
  /** The person was referred to the actor's organisation. */
  verwijzing: boolean;
  /** The person consented to sharing with the actor's organisation. */
  toestemming: boolean;
}

export type Besluit = { toegestaan: true; grondslag: Grondslag } | { toegestaan: false; reden: string };

export function rechtenVanRollen(rollen: readonly Rol[]): Set<PersoonActie> {
  const rechten = new Set<PersoonActie>();
  for (const rol of rollen) for (const r of ROL_RECHTEN[rol] ?? []) rechten.add(r);
  return rechten;
}

/** Decide one action on one person. Checks bases from strongest to weakest; the first that allows wins. */
export function beslis(actor: Actor, actie: PersoonActie, feiten: PersoonFeiten): Besluit {
  if (actor.rollen.includes('inwoner') && actor.persoonId === feiten.persoonId && BETROKKENE_RECHTEN.includes(actie)) {
    return { toegestaan: true, grondslag: 'betrokkene' };
  }
  const rechten = rechtenVanRollen(actor.rollen);
  if (!rechten.has(actie)) {
    return { toegestaan: false, reden: 'Uw rol geeft geen recht op deze handeling.' };
  }
  if (actor.organisatieId === feiten.gemeenteId) return { toegestaan: true, grondslag: 'eigen_gemeente' };
  if (feiten.samenwerking) return { toegestaan: true, grondslag: 'samenwerking' };
  if (feiten.toewijzing && TOEWIJZING_RECHTEN.includes(actie)) return { toegestaan: true, grondslag: 'toewijzing' };
  if (BEPERKTE_RECHTEN.includes(actie)) {
    if (feiten.verwijzing) return { toegestaan: true, grondslag: 'verwijzing' };
    if (feiten.toestemming) return { toegestaan: true, grondslag: 'toestemming' };
  }
  return { toegestaan: false, reden: 'Er is geen vastgelegde grondslag om deze persoon in te zien of te wijzigen.' };
}

/** May the actor create a person whose responsible gemeente is `gemeenteId`? */
export function magPersoonAanmaken(actor: Actor, gemeenteId: string, samenwerking: boolean): Besluit {
  if (!rechtenVanRollen(actor.rollen).has('persoon.aanmaken')) {
    return { toegestaan: false, reden: 'Uw rol geeft geen recht om een dossier aan te maken.' };
  }
  if (actor.organisatieId === gemeenteId) return { toegestaan: true, grondslag: 'eigen_gemeente' };
  if (samenwerking) return { toegestaan: true, grondslag: 'samenwerking' };
  return { toegestaan: false, reden: 'U kunt alleen dossiers aanmaken voor uw eigen gemeente of een gemeente waarvoor u werkt.' };
}

/** Organisation-level actions (no person involved). */
export const ORGANISATIE_ACTIES = ['gebruiker.beheren', 'audit.lezen', 'beleid.beheren', 'functies.beheren'] as const;
export type OrganisatieActie = (typeof ORGANISATIE_ACTIES)[number];

const ORGANISATIE_ROLLEN: Record<OrganisatieActie, readonly Rol[]> = {
  'gebruiker.beheren': ['beheerder'],
  'audit.lezen': ['beheerder'],
  'beleid.beheren': ['beleidsmedewerker', 'beheerder'],
  /** A gemeente's own functions (e.g. from local vacancies). */
  'functies.beheren': ['arbeidsdeskundige', 'klantmanager', 'beleidsmedewerker', 'beheerder'],
};

export function magInOrganisatie(actor: Actor, actie: OrganisatieActie, organisatieId: string): Besluit {
  const rollen = ORGANISATIE_ROLLEN[actie];
  if (!actor.rollen.some((r) => rollen.includes(r))) return { toegestaan: false, reden: `Alleen een ${rollen.join(' of ')} mag dit.` };
  if (actor.organisatieId !== organisatieId) return { toegestaan: false, reden: 'Dit mag alleen binnen uw eigen organisatie.' };
  return { toegestaan: true, grondslag: 'eigen_gemeente' };
}

/** Who may search the published, anonymous kandidaatprofielen of their region. */
export const KANDIDATEN_ZOEKERS: readonly Rol[] = ['werkgever', 'klantmanager', 'arbeidsdeskundige', 'jobcoach'];

export function magKandidatenZoeken(actor: Actor): Besluit {
  return actor.rollen.some((r) => KANDIDATEN_ZOEKERS.includes(r))
    ? { toegestaan: true, grondslag: 'eigen_gemeente' }
    : { toegestaan: false, reden: 'Alleen werkgevers en professionals in werk en re-integratie zoeken kandidaten.' };
}
