/**
 * One table maps every error code to its HTTP status and Dutch title.
 * Errors leave the API as application/problem+json (RFC 9457).
 */
export const FOUTCODES = {
  ongeldige_invoer: { status: 400, titel: 'De invoer is niet geldig.' },
  ongeldige_json: { status: 400, titel: 'De verzonden gegevens zijn geen geldige JSON.' },
  ongeldig_bsn: { status: 400, titel: 'Het BSN is niet geldig (11-proef).' },
  niet_ingelogd: { status: 401, titel: 'U bent niet ingelogd.' },
  inloggen_mislukt: { status: 401, titel: 'Gebruikersnaam of wachtwoord is onjuist.' },
  csrf_ongeldig: { status: 403, titel: 'Het beveiligingstoken (CSRF) ontbreekt of klopt niet.' },
  geen_toegang: { status: 403, titel: 'U heeft geen toegang tot deze gegevens.' },
  niet_gevonden: { status: 404, titel: 'Niet gevonden.' },
  methode_niet_toegestaan: { status: 405, titel: 'Deze methode is niet toegestaan.' },
  conflict: { status: 409, titel: 'Dit conflicteert met bestaande gegevens.' },
  versieconflict: { status: 412, titel: 'Iemand anders heeft dit intussen gewijzigd.' },
  te_groot: { status: 413, titel: 'De verzonden gegevens zijn te groot.' },
  mediatype_niet_ondersteund: { status: 415, titel: 'Dit gegevensformaat wordt niet ondersteund.' },
  niet_verwerkbaar: { status: 422, titel: 'De gegevens kunnen niet worden verwerkt.' },
  te_veel_pogingen: { status: 429, titel: 'Te veel pogingen. Probeer het later opnieuw.' },
  interne_fout: { status: 500, titel: 'Er ging iets mis aan onze kant.' },
  niet_beschikbaar: { status: 503, titel: 'De dienst is tijdelijk niet beschikbaar.' },
} as const;
export type Foutcode = keyof typeof FOUTCODES;

export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export class AppError extends Error {
  readonly code: Foutcode;
  readonly detail: string | undefined;
  readonly invalidParams: InvalidParam[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: Foutcode, detail?: string, extra?: { invalidParams?: InvalidParam[]; headers?: Record<string, string> }) {
    super(detail ?? FOUTCODES[code].titel);
    this.code = code;
    this.detail = detail;
    this.invalidParams = extra?.invalidParams;
    this.headers = extra?.headers;
  }

  get status(): number {
    return FOUTCODES[this.code].status;
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: Foutcode;
  invalidParams?: InvalidParam[];
}

export function toProblem(code: Foutcode, detail?: string, instance?: string, invalidParams?: InvalidParam[]): Problem {
  const entry = FOUTCODES[code];
  return {
    type: `https://passend.nl/problemen/${code.replace(/_/g, '-')}`,
    title: entry.titel,
    status: entry.status,
    code,
    ...(detail ? { detail } : {}),
    ...(instance ? { instance } : {}),
    ...(invalidParams && invalidParams.length > 0 ? { invalidParams } : {}),
  };
}
