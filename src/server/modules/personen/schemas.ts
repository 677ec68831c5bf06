import { z } from 'zod';
import { isValidBsn, normalizeBsn } from '../../../shared/bsn.js';
import {
  PERSOONSTATUS_CODES,
  ROL_CODES,
  TIJDLIJN_SOORTEN,
  TOESTEMMINGSDOEL_CODES,
  VASTGELEGD_VIA,
  HANDMATIGE_TIJDLIJN_SOORTEN,
  OPLEIDINGSNIVEAU_CODES,
} from '../../../shared/codes.js';
import { PERSOON_ACTIES } from '../../access/policy.js';

const tekst = (max: number) => z.string().trim().min(1, 'Vul dit veld in.').max(max, `Hoogstens ${max} tekens.`);
const optioneleTekst = (max: number) => z.string().trim().max(max, `Hoogstens ${max} tekens.`).nullable().optional();

export const IsoDatum = z.iso.date({ message: 'Gebruik een datum als JJJJ-MM-DD.' });

const Geboortedatum = IsoDatum.refine((d) => {
  const date = new Date(`${d}T00:00:00Z`);
  const now = new Date();
  return date <= now && now.getUTCFullYear() - date.getUTCFullYear() <= 120;
}, 'De geboortedatum moet in het verleden liggen en realistisch zijn.');

export const Bsn = z.string().trim().transform(normalizeBsn).refine(isValidBsn, 'Dit BSN voldoet niet aan de 11-proef.');

const Postcode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase().replace(/\s+/g, ''))
  .refine((v) => /^[1-9]\d{3}[A-Z]{2}$/.test(v), 'Gebruik een postcode als 1234AB.');

const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Dit is geen geldig e-mailadres.' }));
const Telefoon = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, 'Dit is geen geldig telefoonnummer.');

export const Id = z.uuid({ message: 'Dit is geen geldige id.' });
export const PersoonParams = z.strictObject({ persoonId: Id });

const contactVelden = {
  email: Email.nullable().optional(),
  telefoon: Telefoon.nullable().optional(),
  straat: optioneleTekst(200),
  huisnummer: optioneleTekst(20),
  postcode: Postcode.nullable().optional(),
  woonplaats: optioneleTekst(100),
};
export const CONTACT_VELDEN = Object.keys(contactVelden) as (keyof typeof contactVelden)[];

export const NieuwPersoon = z.strictObject({
  voornaam: tekst(100),
  tussenvoegsel: optioneleTekst(30),
  achternaam: tekst(100),
  geboortedatum: Geboortedatum,
  bsn: Bsn.nullable().optional(),
  gemeenteId: Id,
  externId: optioneleTekst(100),
  status: z.enum(PERSOONSTATUS_CODES).exclude(['afgesloten']).optional(),
  opleidingsniveau: z.enum(OPLEIDINGSNIVEAU_CODES).nullable().optional(),
  ...contactVelden,
});
export type NieuwPersoonInput = z.infer<typeof NieuwPersoon>;

export const WijzigPersoon = z
  .strictObject({
    voornaam: tekst(100).optional(),
    tussenvoegsel: optioneleTekst(30),
    achternaam: tekst(100).optional(),
    geboortedatum: Geboortedatum.optional(),
    bsn: Bsn.nullable().optional(),
    externId: optioneleTekst(100),
    status: z.enum(PERSOONSTATUS_CODES).exclude(['afgesloten']).optional(),
    /** Highest education level reached (for matching: functions asking more are left out). */
    opleidingsniveau: z.enum(OPLEIDINGSNIVEAU_CODES).nullable().optional(),
    /** The function the person would like to do (for "related functions that do fit"). */
    gewensteFunctieId: Id.nullable().optional(),
    /** Optimistic locking: the version the client last saw. */
    versie: z.number().int().positive().optional(),
    ...contactVelden,
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'versie'), 'Geef minstens één veld om te wijzigen.');
export type WijzigPersoonInput = z.infer<typeof WijzigPersoon>;

export const Afsluiten = z.strictObject({ reden: tekst(1000) });

export const Zoekvraag = z.strictObject({
  zoek: z.string().trim().max(100).optional(),
  status: z.enum(PERSOONSTATUS_CODES).optional(),
  gemeenteId: Id.optional(),
  pagina: z.coerce.number().int().min(1).max(100_000).default(1),
  paginaGrootte: z.coerce.number().int().min(1).max(100).default(20),
});
export type ZoekvraagInput = z.infer<typeof Zoekvraag>;

const GemeenteKort = z.object({ id: z.uuid(), naam: z.string() });

export const PersoonSamenvatting = z.object({
  id: z.uuid(),
  voornaam: z.string(),
  tussenvoegsel: z.string().nullable(),
  achternaam: z.string(),
  geboortedatum: z.string(),
  woonplaats: z.string().nullable(),
  status: z.enum(PERSOONSTATUS_CODES),
  gemeente: GemeenteKort,
  gewijzigdOp: z.string(),
});

export const Pagina = <T extends z.ZodType>(item: T) =>
  z.object({ resultaten: z.array(item), totaal: z.number().int(), pagina: z.number().int(), paginaGrootte: z.number().int() });

export const Toewijzing = z.object({
  id: z.uuid(),
  rol: z.enum(ROL_CODES),
  van: z.string(),
  gebruiker: z.object({ id: z.uuid(), naam: z.string(), organisatie: z.string() }),
});

export const PersoonDetail = PersoonSamenvatting.extend({
  externId: z.string().nullable(),
  bsnGemaskeerd: z.string().nullable(),
  email: z.string().nullable(),
  telefoon: z.string().nullable(),
  straat: z.string().nullable(),
  huisnummer: z.string().nullable(),
  postcode: z.string().nullable(),
  afsluitreden: z.string().nullable(),
  afgeslotenOp: z.string().nullable(),
  aangemaaktOp: z.string(),
  versie: z.number().int(),
  opleidingsniveau: z.enum(OPLEIDINGSNIVEAU_CODES).nullable(),
  gewensteFunctie: z.object({ id: z.uuid(), naam: z.string() }).nullable(),
  toewijzingen: z.array(Toewijzing),
  /** The basis on which the viewer sees this dossier, and what the viewer may do. */
  grondslag: z.string(),
  rechten: z.array(z.enum(PERSOON_ACTIES)),
});
export type PersoonDetailDto = z.infer<typeof PersoonDetail>;

export const TijdlijnGebeurtenis = z.object({
  id: z.uuid(),
  soort: z.enum(Object.keys(TIJDLIJN_SOORTEN) as [keyof typeof TIJDLIJN_SOORTEN]),
  titel: z.string(),
  tekst: z.string().nullable(),
  auteur: z.string().nullable(),
  organisatie: z.string().nullable(),
  tijdstip: z.string(),
});

export const NieuweTijdlijnGebeurtenis = z.strictObject({
  soort: z.enum(HANDMATIGE_TIJDLIJN_SOORTEN),
  titel: tekst(200),
  tekst: optioneleTekst(10_000),
});

export const Toestemming = z.object({
  id: z.uuid(),
  doel: z.enum(TOESTEMMINGSDOEL_CODES),
  ontvanger: z.object({ id: z.uuid(), naam: z.string() }).nullable(),
  vastgelegdVia: z.enum(VASTGELEGD_VIA),
  toelichting: z.string().nullable(),
  verleendOp: z.string(),
  verleendDoor: z.string(),
  ingetrokkenOp: z.string().nullable(),
  ingetrokkenDoor: z.string().nullable(),
  intrekkingsreden: z.string().nullable(),
  actief: z.boolean(),
});

export const NieuweToestemming = z.strictObject({
  doel: z.enum(TOESTEMMINGSDOEL_CODES),
  ontvangerId: Id.nullable().optional(),
  vastgelegdVia: z.enum(VASTGELEGD_VIA),
  toelichting: optioneleTekst(2000),
});

export const Intrekken = z.strictObject({ reden: optioneleTekst(2000) });

export const NieuweToewijzing = z.strictObject({ gebruikerId: Id, rol: z.enum(ROL_CODES) });

export { AuditRij as AuditRegel } from '../../audit/presenter.js';

/**
 * A valid example body for the generated access tests. Placeholders in braces are filled in by the
 * test: {gemeenteId} with the target gemeente, {eigenGebruikerId} with the acting user's id.
 */
export const NieuwePersoonVoorbeeld = {
  voornaam: 'Sanne',
  achternaam: 'de Vries',
  geboortedatum: '1998-04-12',
  bsn: '111222333',
  gemeenteId: '{gemeenteId}',
  woonplaats: 'Zwolle',
};
