import { z } from 'zod';
import { TRAJECTROUTE_CODES } from '../../../shared/codes.js';
import { IsoDatum } from '../personen/schemas.js';
import { BESCHERMDE_GROND_CODES, FACTOR_CODES, FACTOREN, type Factor, RICHTINGEN } from './afwegingskader.js';
import { vandaag } from '../../../shared/datum.js';

const vrijeTekst = (max: number) => z.string().trim().max(max, `Hoogstens ${max} tekens.`);

function waardeSchema(f: Factor): z.ZodType {
  const s = f.waarde;
  switch (s.soort) {
    case 'schaal':
    case 'getal': {
      const msg = `Kies voor "${f.label}" een heel getal van ${s.min} tot en met ${s.max}.`;
      return z.number({ message: msg }).int(msg).min(s.min, msg).max(s.max, msg);
    }
    case 'janee':
      return z.boolean({ message: `Kies voor "${f.label}" ja of nee.` });
    case 'keuze':
      return z.enum(Object.keys(s.opties) as [string, ...string[]], { message: `Kies voor "${f.label}" een van: ${Object.keys(s.opties).join(', ')}.` });
    case 'route':
      return z.enum(['geen_voorkeur', ...TRAJECTROUTE_CODES], { message: `Kies voor "${f.label}" een route of geen_voorkeur.` });
    case 'gronden':
      return z
        .array(z.enum(BESCHERMDE_GROND_CODES.filter((g) => g !== 'werkgeversweerstand') as [string, ...string[]], { message: 'Onbekende beschermde grond.' }))
        .max(10);
  }
}

/** One value per factor; null or absent is "unknown". Protected grounds that are never recorded accept only null. */
export const Factorwaarden = z.strictObject(
  Object.fromEntries(
    FACTOREN.map((f) => [
      f.code,
      f.vastleggen
        ? waardeSchema(f).nullable().optional()
        : z.null({ message: `${f.label} wordt niet vastgelegd: het is een beschermde grond en telt nooit mee.` }).optional(),
    ]),
  ),
);

export const Toelichtingen = z.partialRecord(z.enum(FACTOR_CODES as [string, ...string[]], { message: 'Onbekend argument.' }), vrijeTekst(2000));

export const NieuweAfweging = z.strictObject({
  factorwaarden: Factorwaarden,
  toelichtingen: Toelichtingen.default({}),
  visieProfessional: vrijeTekst(4000).nullable().optional(),
  /** The person's view as told in the conversation; the person can also record it later. */
  visiePersoon: vrijeTekst(4000).nullable().optional(),
});

export const AdviesVerzoek = z.strictObject({
  gemeenteId: z.uuid({ message: 'Dit is geen geldige id.' }).optional(),
  factorwaarden: Factorwaarden,
  toelichtingen: Toelichtingen.default({}),
  visieProfessional: vrijeTekst(4000).nullable().optional(),
});

export const NieuwBesluit = z.strictObject({
  route: z.enum(TRAJECTROUTE_CODES, { message: 'Kies een van de routes.' }),
  redenen: z
    .string({ message: 'Schrijf op waarom u samen voor deze route kiest.' })
    .trim()
    .min(10, 'Schrijf op waarom u samen voor deze route kiest (minstens 10 tekens).')
    .max(4000, 'Hoogstens 4000 tekens.'),
  persoonEens: z.enum(['ja', 'deels', 'nee'], { message: 'Geef aan of de persoon het eens is met het besluit.' }),
  reactiePersoon: vrijeTekst(4000).nullable().optional(),
  besluitdatum: IsoDatum.refine((d) => d <= vandaag(), 'De datum van het besluit kan niet in de toekomst liggen.').optional(),
});

export const NieuweVisie = z.strictObject({
  visie: z.string({ message: 'Schrijf uw mening op.' }).trim().min(1, 'Schrijf uw mening op.').max(4000, 'Hoogstens 4000 tekens.'),
});

export const Deelnemer = z.strictObject({
  organisatieId: z.uuid({ message: 'Dit is geen geldige id.' }).nullable().optional(),
  /** Free text for a party outside Passend: "Sociaal wijkteam Zwolle-Zuid", "UWV", a provider. */
  organisatie: vrijeTekst(200).nullable().optional(),
  rol: z.string({ message: 'Vul de rol in.' }).trim().min(2, 'Vul de rol in.').max(100, 'Hoogstens 100 tekens.'),
  naam: vrijeTekst(200).nullable().optional(),
});

export const NieuwCasusoverleg = z.strictObject({
  datum: IsoDatum.refine((d) => d <= vandaag(), 'De datum kan niet in de toekomst liggen.'),
  afwegingId: z.uuid({ message: 'Dit is geen geldige id.' }).nullable().optional(),
  deelnemers: z.array(Deelnemer).min(1, 'Noem minstens één deelnemer.').max(30),
  argumenten: z
    .array(
      z.strictObject({
        partij: z.string({ message: 'Wie bracht dit argument in?' }).trim().min(2, 'Wie bracht dit argument in?').max(200),
        route: z.enum(TRAJECTROUTE_CODES, { message: 'Kies een van de routes.' }).nullable().optional(),
        richting: z.enum(['voor', 'tegen'], { message: 'Kies voor of tegen.' }).nullable().optional(),
        tekst: z.string({ message: 'Schrijf het argument op.' }).trim().min(3, 'Schrijf het argument op.').max(2000, 'Hoogstens 2000 tekens.'),
      }),
    )
    .max(50)
    .default([]),
  conclusie: z.string({ message: 'Schrijf de conclusie op.' }).trim().min(3, 'Schrijf de conclusie op.').max(4000, 'Hoogstens 4000 tekens.'),
});

/** A gemeente's weights: loose on purpose, so the domain validation can name a protected ground. */
export const GemeentekaderInvoer = z.strictObject({
  gewichten: z.record(
    z.string().max(60),
    z.strictObject({
      gewicht: z.number({ message: 'Vul een gewicht in.' }).min(-10).max(10),
      richtingen: z.record(z.string().max(60), z.enum(RICHTINGEN, { message: 'Kies voor, tegen of geen.' })).default({}),
    }),
  ),
  onderbouwing: z.record(z.string().max(60), vrijeTekst(2000)).default({}),
  geldigVan: IsoDatum.optional(),
  bron: z.string({ message: 'Vul de bron in.' }).trim().min(3, 'Vul de bron in, bijvoorbeeld de beleidsregel.').max(500),
});

export const RegiogrenzenInvoer = z.strictObject({
  grenzen: z.record(
    z.string().max(60),
    z.strictObject({
      minGewicht: z.number().min(-10).max(10),
      maxGewicht: z.number().min(-10).max(10),
      richtingen: z.record(z.string().max(60), z.array(z.enum(RICHTINGEN, { message: 'Kies voor, tegen of geen.' })).max(3)).default({}),
    }),
  ),
  geldigVan: IsoDatum.optional(),
  bron: z.string({ message: 'Vul de bron in.' }).trim().min(3, 'Vul de bron in.').max(500),
  toelichting: vrijeTekst(4000).nullable().optional(),
});

/* ------------------------------------------------------------------------------------------------ */
/* Responses                                                                                        */
/* ------------------------------------------------------------------------------------------------ */

export const Signalering = z.object({ veld: z.string(), fragment: z.string(), grond: z.string(), grondLabel: z.string(), uitleg: z.string() });

const Argument = z.object({
  factor: z.string(),
  label: z.string(),
  waarde: z.string(),
  bron: z.string(),
  gewicht: z.number(),
  aandeel: z.number(),
  sterkte: z.number(),
  bijdrage: z.number(),
  uitleg: z.string(),
});

export const Advies = z.object({
  label: z.string(),
  catalogusVersie: z.string(),
  routes: z.array(
    z.object({
      route: z.enum(TRAJECTROUTE_CODES),
      label: z.string(),
      voor: z.number(),
      tegen: z.number(),
      netto: z.number(),
      rang: z.number(),
      oordeel: z.enum(['meest_passend', 'passend', 'minder_passend', 'geen_argumenten']),
      argumentenVoor: z.array(Argument),
      argumentenTegen: z.array(Argument),
    }),
  ),
  meestPassend: z.array(z.enum(TRAJECTROUTE_CODES)),
  nietMeegewogen: z.array(
    z.object({ factor: z.string(), label: z.string(), waarde: z.string(), grond: z.string(), grondLabel: z.string(), reden: z.string() }),
  ),
  ontbrekend: z.array(z.object({ factor: z.string(), label: z.string() })),
  aandachtspunten: z.array(z.string()),
  signaleringen: z.array(Signalering),
  toelichting: z.array(z.string()),
});

export const KaderInfo = z.object({
  catalogusVersie: z.string(),
  gemeenteVersie: z.number().nullable(),
  gemeenteGeldigVan: z.string().nullable(),
  regioVersie: z.number().nullable(),
  regioGeldigVan: z.string().nullable(),
  omschrijving: z.string(),
});

export const Besluit = z.object({
  id: z.uuid(),
  afwegingId: z.uuid(),
  route: z.enum(TRAJECTROUTE_CODES),
  routeLabel: z.string(),
  redenen: z.string(),
  persoonEens: z.enum(['ja', 'deels', 'nee']),
  reactiePersoon: z.string().nullable(),
  volgtAdvies: z.boolean(),
  besluitdatum: z.string(),
  vastgelegdDoor: z.string(),
  aangemaaktOp: z.string(),
  signaleringen: z.array(Signalering),
});

export const Afweging = z.object({
  id: z.uuid(),
  aangemaaktOp: z.string(),
  auteur: z.string(),
  factorwaarden: z.array(
    z.object({
      factor: z.string(),
      label: z.string(),
      waarde: z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]).nullable(),
      waardeTekst: z.string(),
      bron: z.string(),
      toelichting: z.string().nullable(),
      beschermdeGrond: z.string().nullable(),
    }),
  ),
  advies: Advies,
  kader: KaderInfo,
  visieProfessional: z.string().nullable(),
  visiePersoon: z.string().nullable(),
  visiePersoonOp: z.string().nullable(),
  visiePersoonDoor: z.string().nullable(),
  signaleringen: z.array(Signalering),
  besluiten: z.array(Besluit),
});

export const AfwegingenOverzicht = z.object({
  persoonId: z.uuid(),
  magSchrijven: z.boolean(),
  magEigenVisie: z.boolean(),
  afwegingen: z.array(Afweging),
  laatsteBesluit: Besluit.nullable(),
});

export const Voorinvulling = z.object({
  waarden: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]).nullable()),
  bronnen: z.record(z.string(), z.string()),
  herkomst: z.array(z.string()),
});

export const Casusoverleg = z.object({
  id: z.uuid(),
  afwegingId: z.uuid().nullable(),
  datum: z.string(),
  deelnemers: z.array(
    z.object({ organisatieId: z.string().nullable(), organisatie: z.string(), rol: z.string(), naam: z.string().nullable(), extern: z.boolean() }),
  ),
  argumenten: z.array(
    z.object({ partij: z.string(), route: z.string().nullable(), routeLabel: z.string().nullable(), richting: z.string().nullable(), tekst: z.string() }),
  ),
  conclusie: z.string(),
  signaleringen: z.array(Signalering),
  vastgelegdDoor: z.string(),
  aangemaaktOp: z.string(),
});

const Richtingen = z.array(z.enum(RICHTINGEN));

export const ArgumentenOverzicht = z.object({
  catalogusVersie: z.string(),
  routes: z.array(z.object({ code: z.string(), label: z.string(), soort: z.string() })),
  beschermdeGronden: z.array(z.object({ code: z.string(), label: z.string(), wet: z.string() })),
  factoren: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      omschrijving: z.string(),
      vraagB1: z.string(),
      waarde: z.object({
        soort: z.string(),
        min: z.number().optional(),
        max: z.number().optional(),
        eenheid: z.string().optional(),
        opties: z.array(z.object({ code: z.string(), label: z.string() })),
      }),
      bron: z.string(),
      beschermdeGrond: z.string().nullable(),
      grondLabel: z.string().nullable(),
      vastleggen: z.boolean(),
      onderbouwing: z.string(),
      standaardGewicht: z.number(),
      effecten: z.array(
        z.object({ route: z.string(), routeLabel: z.string(), richting: z.string(), signaal: z.string().nullable(), aandeel: z.number(), uitleg: z.string() }),
      ),
      grens: z.object({ minGewicht: z.number(), maxGewicht: z.number(), richtingen: z.record(z.string(), Richtingen) }),
      instelling: z.object({ gewicht: z.number(), richtingen: z.record(z.string(), z.enum(RICHTINGEN)) }),
      onderbouwingGemeente: z.string().nullable(),
    }),
  ),
  regio: z.object({
    versie: z.number().nullable(),
    geldigVan: z.string().nullable(),
    bron: z.string(),
    toelichting: z.string().nullable(),
    beheerder: z.object({ id: z.string(), naam: z.string() }).nullable(),
    magBeheren: z.boolean(),
  }),
  gemeente: z
    .object({
      id: z.string(),
      naam: z.string(),
      versie: z.number().nullable(),
      geldigVan: z.string().nullable(),
      bron: z.string(),
      gewijzigdOp: z.string().nullable(),
      magBeheren: z.boolean(),
    })
    .nullable(),
  aanpassingen: z.array(z.string()),
});
