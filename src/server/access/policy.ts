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
  /** Handle an employer's contact request about this person: read it, talk to the candidate, record the answer. */
  'contactverzoek.beantwoorden',
  /** The afwegingskader: factor values, the advice per route, the joint decision, case consultations. */
  'afweging.lezen',
  'afweging.schrijven',
  /** The person records their own view on an afweging. */
  'afweging.eigen_visie',
  /** Brede diagnose (leefgebieden, participatieladder, motivation). Writing the person's own view is for the person (or with them). */
  'diagnose.lezen',
  'diagnose.schrijven',
  /** The eigen plan: read it; write the draft, respond and agree. */
  'plan.lezen',
  'plan.schrijven',
  /** A person's referrals (verwijzingen) with their status history and returns. */
  'verwijzing.lezen',
  /** Refer, and withdraw a referral (the referring gemeente). */
  'verwijzing.beheren',
  /** Accept, refuse, start, complete a referral (the receiving provider). */
  'verwijzing.behandelen',
  /** Return the person with coded reasons (the receiving provider). */
  'verwijzing.terugmelden',
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
    'contactverzoek.beantwoorden',
    'afweging.lezen',
    'afweging.schrijven',
    'diagnose.lezen',
    'diagnose.schrijven',
    'plan.lezen',
    'plan.schrijven',
    'verwijzing.lezen',
    'verwijzing.beheren',
    'verwijzing.behandelen',
    'verwijzing.terugmelden',
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
    'contactverzoek.beantwoorden',
    'afweging.lezen',
    'afweging.schrijven',
    'diagnose.lezen',
    'plan.lezen',
    'verwijzing.lezen',
    'verwijzing.behandelen',
    'verwijzing.terugmelden',
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
    'diagnose.lezen',
    'plan.lezen',
    'verwijzing.lezen',
    'verwijzing.behandelen',
    'verwijzing.terugmelden',
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
/**
 * A referral basis also lets the receiving provider handle that referral: accept, start, complete and
 * return the person with coded reasons (the module checks it is the provider of that very referral).
 */
const VERWIJZING_RECHTEN: readonly PersoonActie[] = ['verwijzing.lezen', 'verwijzing.behandelen', 'verwijzing.terugmelden'];
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
  'afweging.lezen',
  'afweging.eigen_visie',
  // Own brede diagnose and eigen plan: the routes allow only the person's own view, and agreeing as the person.
  'diagnose.lezen',
  'diagnose.schrijven',
  'plan.lezen',
  'plan.schrijven',
  'verwijzing.lezen',
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
  if (feiten.verwijzing && VERWIJZING_RECHTEN.includes(actie)) return { toegestaan: true, grondslag: 'verwijzing' };
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
export const ORGANISATIE_ACTIES = [
  'gebruiker.beheren',
  'audit.lezen',
  'beleid.beheren',
  'functies.beheren',
  'import.uitvoeren',
  'afwegingskader.beheren',
  'afwegingskader.regio_beheren',
  'dashboard.lezen',
  'terugmeldredenen.beheren',
  'signalering.uitvoeren',
] as const;
export type OrganisatieActie = (typeof ORGANISATIE_ACTIES)[number];

const ORGANISATIE_ROLLEN: Record<OrganisatieActie, readonly Rol[]> = {
  'gebruiker.beheren': ['beheerder'],
  'audit.lezen': ['beheerder'],
  'beleid.beheren': ['beleidsmedewerker', 'beheerder'],
  /** A gemeente's own functions (e.g. from local vacancies). */
  'functies.beheren': ['arbeidsdeskundige', 'klantmanager', 'beleidsmedewerker', 'beheerder'],
  /** Bulk delivery of persons and kandidaatprofielen for the own gemeente (the answer holds counts and line/field/reason only). */
  'import.uitvoeren': ['klantmanager', 'beheerder'],
  /** A gemeente's weights in the afwegingskader, within the region's bounds: its policy officer. */
  'afwegingskader.beheren': ['beleidsmedewerker'],
  /** The region's bounds on those weights: the organisation that maintains them (the centrumgemeente). */
  'afwegingskader.regio_beheren': ['beleidsmedewerker', 'beheerder'],
  /** The policy dashboard: counts only, never a person; small groups suppressed. */
  'dashboard.lezen': ['beleidsmedewerker', 'klantmanager'],
  /** The region's list of return reasons: the maintaining organisation (the centrumgemeente). */
  'terugmeldredenen.beheren': ['beleidsmedewerker', 'beheerder'],
  /** Run the three-months-without-activity sweep on demand (it also runs daily). */
  'signalering.uitvoeren': ['klantmanager', 'beheerder'],
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

/**
 * Who keeps vacancies (matched against the published candidates): an employer for its own
 * organisation, and the professionals of a gemeente for the gemeente's own vacancies.
 */
export const VACATURE_BEHEERDERS: readonly Rol[] = ['werkgever', 'klantmanager', 'arbeidsdeskundige', 'jobcoach'];

export function magVacaturesBeheren(actor: Actor): Besluit {
  if (actor.rollen.includes('werkgever')) return { toegestaan: true, grondslag: 'eigen_gemeente' };
  if (actor.organisatieSoort === 'gemeente' && actor.rollen.some((r) => VACATURE_BEHEERDERS.includes(r))) {
    return { toegestaan: true, grondslag: 'eigen_gemeente' };
  }
  return { toegestaan: false, reden: 'Alleen werkgevers en de professionals van een gemeente beheren vacatures.' };
}

/** Who may ask for contact on a published profile: an employer, for its own organisation. */
export function magContactAanvragen(actor: Actor): Besluit {
  return actor.rollen.includes('werkgever') && actor.organisatieSoort === 'werkgever'
    ? { toegestaan: true, grondslag: 'eigen_gemeente' }
    : { toegestaan: false, reden: 'Alleen een werkgever vraagt contact aan met een kandidaat.' };
}

/**
 * Who sees the response times of contactverzoeken: per gemeente for policy and case workers,
 * the regional total only for employers. Small groups are suppressed for everyone.
 */
export const CONTACTVERZOEK_STATISTIEK: Partial<Record<Rol, 'per_gemeente' | 'regio'>> = {
  beleidsmedewerker: 'per_gemeente',
  klantmanager: 'per_gemeente',
  werkgever: 'regio',
};
