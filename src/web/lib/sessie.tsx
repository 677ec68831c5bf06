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
