import { z } from 'zod';
import { TERUGMELDREDEN_CATEGORIE_CODES, TRAJECTROUTE_CODES, VERWIJZINGSTATUS_CODES } from '../../../shared/codes.js';
import { stableId } from '../../lib/ids.js';
import { Id, IsoDatum } from '../personen/schemas.js';
import { MAXIMAAL_AANTAL_REDENEN } from './redenen.js';

const Code = z.object({ code: z.string(), label: z.string() });

export const Terugmeldreden = z.object({
  id: z.uuid(),
  code: z.string(),
  label: z.string(),
  omschrijving: z.string().nullable(),
  categorie: z.enum(TERUGMELDREDEN_CATEGORIE_CODES),
  toelichtingVerplicht: z.boolean(),
  versie: z.number().int(),
  geldigVan: z.string(),
  geldigTot: z.string().nullable(),
  geldig: z.boolean(),
  gebruikt: z.boolean(),
  bron: z.string().nullable(),
});

export const Redenlijst = z.object({
  beheerder: z.object({ id: z.uuid(), naam: z.string() }).nullable(),
  magBeheren: z.boolean(),
  redenen: z.array(Terugmeldreden),
});

export const NieuweReden = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,49}$/, 'Gebruik kleine letters, cijfers en _ (2 tot 50 tekens), beginnend met een letter.'),
  label: z.string().trim().min(2, 'Geef de reden een naam.').max(120),
  omschrijving: z.string().trim().max(1000).nullable().optional(),
  categorie: z.enum(TERUGMELDREDEN_CATEGORIE_CODES, { message: 'Kies positief, negatief of neutraal.' }),
  toelichtingVerplicht: z.boolean().optional(),
  geldigVan: IsoDatum.optional(),
});

export const WijzigReden = z
  .strictObject({
    label: z.string().trim().min(2).max(120).optional(),
    omschrijving: z.string().trim().max(1000).nullable().optional(),
    categorie: z.enum(TERUGMELDREDEN_CATEGORIE_CODES).optional(),
    toelichtingVerplicht: z.boolean().optional(),
    /** Retire the reason from this date (exclusive); null puts it back in use. */
    geldigTot: IsoDatum.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Geef minstens één wijziging.');

export const RedenParams = z.strictObject({ redenId: Id });

export const StatusWijziging = z.object({
  van: z.enum(VERWIJZINGSTATUS_CODES).nullable(),
  naar: z.enum(VERWIJZINGSTATUS_CODES),
  toelichting: z.string().nullable(),
  door: z.string().nullable(),
  doorOrganisatie: z.string().nullable(),
  tijdstip: z.string(),
});

export const Terugmelding = z.object({
  id: z.uuid(),
  datum: z.string(),
  toelichting: z.string(),
  door: z.string().nullable(),
  redenen: z.array(z.object({ code: z.string(), label: z.string(), categorie: z.enum(TERUGMELDREDEN_CATEGORIE_CODES), primair: z.boolean() })),
  vervolgtaakId: z.uuid().nullable(),
});

export const Verwijzing = z.object({
  id: z.uuid(),
  persoonId: z.uuid(),
  aanbieder: z.object({ id: z.uuid(), naam: z.string() }),
  route: Code,
  doel: z.string(),
  startdatum: z.string(),
  status: Code,
  lopend: z.boolean(),
  versie: z.number().int(),
  aangemaaktOp: z.string(),
  geschiedenis: z.array(StatusWijziging),
  terugmelding: Terugmelding.nullable(),
  /** The steps the signed-in user may take now (status codes; 'teruggemeld' through the return form). */
  stappen: z.array(z.enum(VERWIJZINGSTATUS_CODES)),
});

export const VerwijzingInLijst = z.object({
  id: z.uuid(),
  persoon: z.object({ id: z.uuid(), naam: z.string() }),
  gemeente: z.object({ id: z.uuid(), naam: z.string() }),
  aanbieder: z.object({ id: z.uuid(), naam: z.string() }),
  route: Code,
  doel: z.string(),
  startdatum: z.string(),
  status: Code,
  gewijzigdOp: z.string(),
});

export const VerwijzingParams = z.strictObject({ persoonId: Id, verwijzingId: Id });

export const NieuweVerwijzing = z.strictObject({
  aanbiederId: Id,
  route: z.enum(TRAJECTROUTE_CODES, { message: 'Kies een route.' }),
  doel: z.string().trim().min(2, 'Schrijf op waarvoor u verwijst.').max(2000),
  startdatum: IsoDatum,
});

/** The provider that the generated access tests refer to: not one of their "outside" users. */
export const VOORBEELD_AANBIEDER = stableId('org:jobcoach-ijsselvallei');

export const NieuweStatus = z.strictObject({
  status: z.enum(VERWIJZINGSTATUS_CODES, { message: 'Kies een geldige status.' }),
  toelichting: z.string().trim().max(4000).nullable().optional(),
  /** Optional optimistic lock: the version the user saw. */
  versie: z.number().int().min(1).optional(),
});

export const NieuweTerugmelding = z.strictObject({
  redenen: z
    .array(
      z.strictObject({
        code: z.string().trim().min(1).max(50),
        primair: z.boolean().optional(),
      }),
      { message: 'Kies minstens één reden uit de lijst.' },
    )
    .min(1, 'Kies minstens één reden uit de lijst. Alleen een toelichting is niet genoeg.')
    .max(MAXIMAAL_AANTAL_REDENEN, `Kies hoogstens ${MAXIMAAL_AANTAL_REDENEN} redenen.`),
  toelichting: z.string().trim().min(2, 'Licht de terugmelding toe.').max(4000),
});

export const VerwijzingenVraag = z.strictObject({
  status: z.enum(['lopend', 'alle']).default('lopend'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
