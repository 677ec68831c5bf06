import { createContext, useContext } from 'react';
import { ROLLEN, type Rol } from '../../shared/codes.js';
import type { Gebruiker, Sessie } from '../api/types.js';

export interface SessieContext {
  sessie: Sessie;
  uitloggen(): Promise<void>;
}

export const SessieCtx = createContext<SessieContext | null>(null);

export function useSessie(): SessieContext {
  const ctx = useContext(SessieCtx);
  if (!ctx) throw new Error('useSessie buiten de ingelogde app');
  return ctx;
}

export function heeftRol(g: Gebruiker, ...rollen: Rol[]): boolean {
  return g.rollen.some((r) => rollen.includes(r));
}

export function isProfessional(g: Gebruiker): boolean {
  return g.rollen.some((r) => ROLLEN[r].professional);
}

export function isInwoner(g: Gebruiker): boolean {
  return g.rollen.includes('inwoner');
}

export function magDossierAanmaken(g: Gebruiker): boolean {
  return heeftRol(g, 'klantmanager', 'arbeidsdeskundige');
}

/** The loonkostensubsidie calculator is for the professionals who advise on or decide about it. */
export function magLoonkostensubsidieBerekenen(g: Gebruiker): boolean {
  return heeftRol(g, 'klantmanager', 'arbeidsdeskundige', 'loonwaardedeskundige', 'jobcoach', 'beleidsmedewerker');
}

/** A gemeente's own policy (jobcoaching bounds) is set by its beleidsmedewerker or beheerder. */
/** A gemeente's weights in the afwegingskader are set by its beleidsmedewerker (policy `afwegingskader.beheren`). */
export function magAfwegingskaderBeheren(g: Gebruiker): boolean {
  return g.organisatie.soort === 'gemeente' && heeftRol(g, 'beleidsmedewerker');
}

export function magGemeenteBeleidBeheren(g: Gebruiker): boolean {
  return g.organisatie.soort === 'gemeente' && heeftRol(g, 'beleidsmedewerker', 'beheerder');
}

/** A gemeente's own functions (CSV import) are managed by these roles (policy `functies.beheren`). */
/** Bulk delivery of persons and kandidaatprofielen (server policy import.uitvoeren). */
export function magImporteren(g: Gebruiker): boolean {
  return g.organisatie.soort === 'gemeente' && heeftRol(g, 'klantmanager', 'beheerder');
}

export function magFunctiesBeheren(g: Gebruiker): boolean {
  return g.organisatie.soort === 'gemeente' && heeftRol(g, 'klantmanager', 'arbeidsdeskundige', 'beleidsmedewerker', 'beheerder');
}

/** Reverse matching (candidates for a function) needs belastbaarheid rights. */
export function magKandidatenZoeken(g: Gebruiker): boolean {
  return heeftRol(g, 'klantmanager', 'arbeidsdeskundige', 'jobcoach', 'loonwaardedeskundige');
}

/** The published, anonymous kandidaatprofielen of the region (server policy KANDIDATEN_ZOEKERS). */
export function magKandidaatprofielenZoeken(g: Gebruiker): boolean {
  return heeftRol(g, 'werkgever', 'klantmanager', 'arbeidsdeskundige', 'jobcoach');
}

/** The function catalogue: the professionals who match people to work, and those who manage own functions. */
export function magFunctiecatalogusZien(g: Gebruiker): boolean {
  return magKandidatenZoeken(g) || magFunctiesBeheren(g);
}

/** The policy dashboard (server policy dashboard.lezen): counts only, never a person. */
export function magBeleidsdashboardZien(g: Gebruiker): boolean {
  return heeftRol(g, 'beleidsmedewerker', 'klantmanager');
}

/** Referrals: a provider's incoming ones, a gemeente's outgoing ones (server policy verwijzing.lezen). */
export function magVerwijzingenZien(g: Gebruiker): boolean {
  return heeftRol(g, 'klantmanager', 'arbeidsdeskundige', 'jobcoach');
}

/** The region's list of return reasons: everyone who refers, returns or reads the dashboard. */
export function magTerugmeldredenenZien(g: Gebruiker): boolean {
  return magVerwijzingenZien(g) || heeftRol(g, 'beleidsmedewerker', 'beheerder');
}

/** Vacancies (server policy magVacaturesBeheren): an employer, or a gemeente's professionals for its own. */
export function magVacaturesBeheren(g: Gebruiker): boolean {
  return heeftRol(g, 'werkgever') || (g.organisatie.soort === 'gemeente' && heeftRol(g, 'klantmanager', 'arbeidsdeskundige', 'jobcoach'));
}

/** The worklist (GET /taken): every professional with dossier rights. */
export function magWerklijstZien(g: Gebruiker): boolean {
  return isProfessional(g);
}

/** Contact requests: the employer's own, and the professionals who answer them (policy contactverzoek.beantwoorden). */
export function magContactverzoekenZien(g: Gebruiker): boolean {
  return heeftRol(g, 'werkgever', 'klantmanager', 'arbeidsdeskundige');
}

/** The worklist of incomplete kandidaatprofielen (policy kandidaatprofiel.beheren). */
export function magOnvolledigeProfielenZien(g: Gebruiker): boolean {
  return heeftRol(g, 'klantmanager', 'arbeidsdeskundige');
}

/** Response times of contact requests (server CONTACTVERZOEK_STATISTIEK). */
export function magReactietijdenZien(g: Gebruiker): boolean {
  return heeftRol(g, 'beleidsmedewerker', 'klantmanager', 'werkgever');
}
