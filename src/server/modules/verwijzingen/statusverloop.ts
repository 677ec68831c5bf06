/**
 * The life of a referral as a pure state machine: which transitions exist, and which party makes each.
 * aangemeld → geaccepteerd | geweigerd | teruggemeld | ingetrokken
 * geaccepteerd → gestart | teruggemeld | ingetrokken
 * gestart → afgerond | teruggemeld | ingetrokken
 * geweigerd, afgerond, teruggemeld, ingetrokken: final (the provider's access ends).
 * No SQL, no HTTP.
 */
import { VERWIJZINGSTATUSSEN, type Verwijzingstatus } from '../../../shared/codes.js';

/** Who acts: the referring gemeente (or the organisation working for it) or the receiving provider. */
export type Partij = 'gemeente' | 'aanbieder';

interface Overgang {
  door: Partij;
  /** The explanation is required (a refusal or a withdrawal must say why). */
  toelichtingVerplicht: boolean;
  /** Only through its own route (a return needs coded reasons). */
  eigenRoute?: 'terugmelding';
}

export const OVERGANGEN: Readonly<Record<Verwijzingstatus, Partial<Record<Verwijzingstatus, Overgang>>>> = {
  aangemeld: {
    geaccepteerd: { door: 'aanbieder', toelichtingVerplicht: false },
    geweigerd: { door: 'aanbieder', toelichtingVerplicht: true },
    teruggemeld: { door: 'aanbieder', toelichtingVerplicht: true, eigenRoute: 'terugmelding' },
    ingetrokken: { door: 'gemeente', toelichtingVerplicht: true },
  },
  geaccepteerd: {
    gestart: { door: 'aanbieder', toelichtingVerplicht: false },
    teruggemeld: { door: 'aanbieder', toelichtingVerplicht: true, eigenRoute: 'terugmelding' },
    ingetrokken: { door: 'gemeente', toelichtingVerplicht: true },
  },
  gestart: {
    afgerond: { door: 'aanbieder', toelichtingVerplicht: false },
    teruggemeld: { door: 'aanbieder', toelichtingVerplicht: true, eigenRoute: 'terugmelding' },
    ingetrokken: { door: 'gemeente', toelichtingVerplicht: true },
  },
  geweigerd: {},
  afgerond: {},
  teruggemeld: {},
  ingetrokken: {},
};

export function isLopend(status: Verwijzingstatus): boolean {
  return VERWIJZINGSTATUSSEN[status].lopend;
}

export type OvergangBesluit =
  | { ok: true; eindigt: boolean }
  | { ok: false; fout: 'conflict' | 'geen_toegang' | 'niet_verwerkbaar'; reden: string; veld?: string };

/**
 * May `partij` move a referral from `van` to `naar` (through `route`)? `conflict` (409) when the
 * transition does not exist from the current status, `geen_toegang` (403) when the other party makes
 * it, `niet_verwerkbaar` (422) when the input is incomplete.
 */
export function beoordeelOvergang(
  van: Verwijzingstatus,
  naar: Verwijzingstatus,
  partij: Partij,
  opties: { toelichting?: string | null; route?: 'status' | 'terugmelding' } = {},
): OvergangBesluit {
  const route = opties.route ?? 'status';
  const overgang = OVERGANGEN[van][naar];
  if (!overgang) {
    const mogelijk = Object.keys(OVERGANGEN[van]) as Verwijzingstatus[];
    return {
      ok: false,
      fout: 'conflict',
      reden:
        mogelijk.length === 0
          ? `Deze verwijzing is ${VERWIJZINGSTATUSSEN[van].label.toLowerCase()} en kan niet meer veranderen.`
          : `Van ${VERWIJZINGSTATUSSEN[van].label.toLowerCase()} kan een verwijzing niet naar ${VERWIJZINGSTATUSSEN[naar].label.toLowerCase()}. Wel naar: ${mogelijk
              .map((s) => VERWIJZINGSTATUSSEN[s].label.toLowerCase())
              .join(', ')}.`,
      veld: 'status',
    };
  }
  if (overgang.door !== partij) {
    return {
      ok: false,
      fout: 'geen_toegang',
      reden: overgang.door === 'aanbieder' ? 'Alleen de aanbieder naar wie is verwezen, zet deze stap.' : 'Alleen de verwijzende gemeente zet deze stap.',
    };
  }
  if (overgang.eigenRoute && overgang.eigenRoute !== route) {
    return { ok: false, fout: 'niet_verwerkbaar', reden: 'Een terugmelding legt u vast met een terugmelding, met een gecodeerde reden.', veld: 'status' };
  }
  if (overgang.toelichtingVerplicht && !(opties.toelichting ?? '').trim()) {
    return { ok: false, fout: 'niet_verwerkbaar', reden: 'Schrijf kort op waarom.', veld: 'toelichting' };
  }
  return { ok: true, eindigt: !isLopend(naar) };
}

/** The next steps a party may take from a status (for the screen's buttons). */
export function mogelijkeStappen(van: Verwijzingstatus, partij: Partij): Verwijzingstatus[] {
  return (Object.entries(OVERGANGEN[van]) as [Verwijzingstatus, Overgang][]).filter(([, o]) => o.door === partij).map(([naar]) => naar);
}
