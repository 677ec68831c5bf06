import { isValidBsn, normalizeBsn } from '../../shared/bsn.js';
import type { PersoonDetail } from '../api/types.js';

/** Form values of a dossier: every field as a string, '' for empty. */
export interface PersoonWaarden {
  voornaam: string;
  tussenvoegsel: string;
  achternaam: string;
  geboortedatum: string;
  bsn: string;
  gemeenteId: string;
  status: string;
  email: string;
  telefoon: string;
  straat: string;
  huisnummer: string;
  postcode: string;
  woonplaats: string;
}

export const LEEG: PersoonWaarden = {
  voornaam: '',
  tussenvoegsel: '',
  achternaam: '',
  geboortedatum: '',
  bsn: '',
  gemeenteId: '',
  status: '',
  email: '',
  telefoon: '',
  straat: '',
  huisnummer: '',
  postcode: '',
  woonplaats: '',
};

export const LABELS: Record<keyof PersoonWaarden | 'versie', string> = {
  voornaam: 'Voornaam',
  tussenvoegsel: 'Tussenvoegsel',
  achternaam: 'Achternaam',
  geboortedatum: 'Geboortedatum',
  bsn: 'BSN',
  gemeenteId: 'Gemeente',
  status: 'Status',
  email: 'E-mailadres',
  telefoon: 'Telefoonnummer',
  straat: 'Straat',
  huisnummer: 'Huisnummer',
  postcode: 'Postcode',
  woonplaats: 'Woonplaats',
  versie: 'Versie',
};

export const CONTACT_VELDEN = ['email', 'telefoon', 'straat', 'huisnummer', 'postcode', 'woonplaats'] as const;

export function uitDetail(p: PersoonDetail): PersoonWaarden {
  return {
    voornaam: p.voornaam,
    tussenvoegsel: p.tussenvoegsel ?? '',
    achternaam: p.achternaam,
    geboortedatum: p.geboortedatum,
    bsn: '',
    gemeenteId: p.gemeente.id,
    status: p.status,
    email: p.email ?? '',
    telefoon: p.telefoon ?? '',
    straat: p.straat ?? '',
    huisnummer: p.huisnummer ?? '',
    postcode: p.postcode ?? '',
    woonplaats: p.woonplaats ?? '',
  };
}

/** Client-side checks that mirror the server's zod schema; the server stays the authority. */
export function controleer(w: PersoonWaarden, velden: readonly (keyof PersoonWaarden)[]): Record<string, string> {
  const f: Record<string, string> = {};
  const heeft = (k: keyof PersoonWaarden) => velden.includes(k);
  if (heeft('voornaam') && !w.voornaam.trim()) f.voornaam = 'Vul de voornaam in.';
  if (heeft('achternaam') && !w.achternaam.trim()) f.achternaam = 'Vul de achternaam in.';
  if (heeft('geboortedatum')) {
    if (!w.geboortedatum) f.geboortedatum = 'Vul de geboortedatum in.';
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(w.geboortedatum) || new Date(`${w.geboortedatum}T00:00:00Z`) > new Date())
      f.geboortedatum = 'De geboortedatum moet in het verleden liggen.';
  }
  if (heeft('bsn') && w.bsn.trim()) {
    const bsn = normalizeBsn(w.bsn.trim());
    if (!/^\d{9}$/.test(bsn) || !isValidBsn(bsn)) f.bsn = 'Dit BSN klopt niet. Een BSN heeft 9 cijfers en voldoet aan de 11-proef.';
  }
  if (heeft('gemeenteId') && !w.gemeenteId) f.gemeenteId = 'Kies een gemeente.';
  if (heeft('email') && w.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(w.email.trim())) f.email = 'Vul een e-mailadres in zoals naam@voorbeeld.nl.';
  if (heeft('telefoon') && w.telefoon.trim() && !/^\+?[0-9 ()-]{6,20}$/.test(w.telefoon.trim()))
    f.telefoon = 'Vul een telefoonnummer in, bijvoorbeeld 0612345678.';
  if (heeft('postcode') && w.postcode.trim() && !/^[1-9]\d{3}\s?[A-Za-z]{2}$/.test(w.postcode.trim())) f.postcode = 'Vul een postcode in zoals 1234 AB.';
  return f;
}

const leegIsNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** Body for POST /api/v1/personen. */
export function nieuwBody(w: PersoonWaarden): Record<string, unknown> {
  const body: Record<string, unknown> = {
    voornaam: w.voornaam.trim(),
    achternaam: w.achternaam.trim(),
    geboortedatum: w.geboortedatum,
    gemeenteId: w.gemeenteId,
  };
  for (const k of ['tussenvoegsel', 'email', 'telefoon', 'straat', 'huisnummer', 'postcode', 'woonplaats'] as const) {
    const v = leegIsNull(w[k]);
    if (v !== null) body[k] = v;
  }
  if (w.bsn.trim()) body.bsn = normalizeBsn(w.bsn.trim());
  if (w.status) body.status = w.status;
  return body;
}

/** Body for PATCH: only fields that changed (empty becomes null), limited to the editable fields. */
export function wijzigBody(oud: PersoonWaarden, nieuw: PersoonWaarden, velden: readonly (keyof PersoonWaarden)[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const k of velden) {
    if (k === 'gemeenteId') continue;
    if (k === 'bsn') {
      if (nieuw.bsn.trim()) body.bsn = normalizeBsn(nieuw.bsn.trim());
      continue;
    }
    if (nieuw[k].trim() === oud[k].trim()) continue;
    if (k === 'voornaam' || k === 'achternaam' || k === 'geboortedatum' || k === 'status') body[k] = nieuw[k].trim();
    else body[k] = leegIsNull(nieuw[k]);
  }
  return body;
}
