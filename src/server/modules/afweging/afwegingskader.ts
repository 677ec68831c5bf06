/**
 * The afwegingskader (seed 001, Leiden): a set of arguments that helps a professional and the person
 * judge, together, which route fits — work via re-integratie now, a participatietraject first, advice
 * on beschut werk, or a referral (wijkteam, UWV, zorg). Pure: no SQL, no HTTP.
 *
 * - The argument catalogue is data: per factor its value scale, the routes it argues for or against,
 *   the default weight, the bounds a region allows, and whether it touches an equal-treatment ground.
 * - The output is advice per route with every argument for and against, weighted and explained —
 *   never a decision. The professional and the person decide and record their reasons.
 * - Guardrail: a factor on a protected ground (age, pregnancy, sex, origin, religion, disability as
 *   such, employer reluctance on such grounds, …) never weighs in the score at all. Configuration that
 *   would make it weigh is refused naming the ground; free text that refers to such a ground is flagged
 *   and never read by the calculation.
 */
import { TRAJECTROUTE_CODES, TRAJECTROUTES, type Trajectroute } from '../../../shared/codes.js';

/* ------------------------------------------------------------------------------------------------ */
/* Equal-treatment grounds (REFERENCE.md §7)                                                        */
/* ------------------------------------------------------------------------------------------------ */

export const BESCHERMDE_GRONDEN = {
  leeftijd: { label: 'leeftijd', wet: 'Wet gelijke behandeling op grond van leeftijd bij de arbeid (WGBL)' },
  zwangerschap: {
    label: 'zwangerschap',
    wet: 'Algemene wet gelijke behandeling art. 1 lid 2: onderscheid op grond van geslacht omvat zwangerschap, bevalling en moederschap',
  },
  geslacht: {
    label: 'geslacht of genderidentiteit',
    wet: 'Algemene wet gelijke behandeling art. 1 (geslacht, geslachtskenmerken, genderidentiteit, genderexpressie)',
  },
  herkomst: { label: 'herkomst, ras of nationaliteit', wet: 'Algemene wet gelijke behandeling art. 1 (ras, nationaliteit)' },
  godsdienst: { label: 'godsdienst of levensovertuiging', wet: 'Algemene wet gelijke behandeling art. 1 (godsdienst, levensovertuiging)' },
  handicap: {
    label: 'handicap of chronische ziekte als zodanig',
    wet: 'Wet gelijke behandeling op grond van handicap of chronische ziekte (WGBH/CZ); Grondwet art. 1',
  },
  seksuele_gerichtheid: {
    label: 'seksuele gerichtheid',
    wet: 'Algemene wet gelijke behandeling art. 1 (hetero- of homoseksuele gerichtheid); Grondwet art. 1',
  },
  burgerlijke_staat: { label: 'burgerlijke staat', wet: 'Algemene wet gelijke behandeling art. 1 (burgerlijke staat)' },
  politieke_gezindheid: { label: 'politieke gezindheid', wet: 'Algemene wet gelijke behandeling art. 1 (politieke gezindheid)' },
  werkgeversweerstand: {
    label: 'weerstand van werkgevers op een beschermde grond',
    wet: 'Algemene wet gelijke behandeling art. 5 en 7 (arbeidsbemiddeling, dienstverlening); seed 001: "Weerstand van werkgevers laten we niet meer meewegen"',
  },
} as const;
export type BeschermdeGrond = keyof typeof BESCHERMDE_GRONDEN;
export const BESCHERMDE_GROND_CODES = Object.keys(BESCHERMDE_GRONDEN) as [BeschermdeGrond, ...BeschermdeGrond[]];

/* ------------------------------------------------------------------------------------------------ */
/* The catalogue                                                                                    */
/* ------------------------------------------------------------------------------------------------ */

export const RICHTINGEN = ['voor', 'tegen', 'geen'] as const;
export type Richting = (typeof RICHTINGEN)[number];

/** Absolute limits on a weight; a region narrows them per factor. */
export const GEWICHT_MIN = 0;
export const GEWICHT_MAX = 5;

const ZRM_LABELS = {
  1: 'Acute problematiek',
  2: 'Niet zelfredzaam',
  3: 'Beperkt zelfredzaam',
  4: 'Voldoende zelfredzaam',
  5: 'Volledig zelfredzaam',
} as const;

export type Waardesoort =
  | { soort: 'schaal'; min: number; max: number; labels: Record<number, string> }
  | { soort: 'janee' }
  | { soort: 'keuze'; opties: Record<string, { label: string; signaal: number }> }
  /** One of the routes, or geen_voorkeur: the person's own wish. */
  | { soort: 'route' }
  | { soort: 'getal'; min: number; max: number; eenheid: string }
  /** A list of protected grounds (employer reluctance on these grounds). */
  | { soort: 'gronden' };

/** How strongly an argument applies, from the value: the high or low end of a scale, yes or no. */
export type Signaal = 'hoog' | 'laag' | 'ja' | 'nee';

export interface Effect {
  /** The direction in the catalogue (the region may allow others, the gemeente chooses). */
  richting: Exclude<Richting, 'geen'> | 'geen';
  /** For schaal and janee: which end of the value makes the argument apply. */
  signaal?: Signaal;
  /** Relative share of the factor's weight for this route (default 1). */
  aandeel?: number;
  /** Why this factor argues for or against this route. */
  uitleg: string;
}

export interface Factor {
  code: string;
  label: string;
  /** What the factor means, for the professional (help text next to the field). */
  omschrijving: string;
  /** The question in B1 Dutch, as the person reads it. */
  vraagB1: string;
  waarde: Waardesoort;
  /** Where a value can come from besides entering it. */
  bron: 'invoer' | 'diagnose' | 'dossier';
  /** The diagnose field the value is taken from, when present (leefgebied code or special). */
  diagnoseVeld?: string;
  standaardGewicht: number;
  /** The regional default bounds (a region may set its own within the absolute limits). */
  standaardGrenzen: { minGewicht: number; maxGewicht: number; richtingen: Partial<Record<Trajectroute, readonly Richting[]>> };
  effecten: Partial<Record<Trajectroute, Effect>>;
  /** A factor tied to an equal-treatment ground: never weighs in the score. */
  beschermdeGrond: BeschermdeGrond | null;
  /** False: never recorded (special personal data); shown only to say it never counts. */
  vastleggen: boolean;
  /** Rationale for the default, with its source. */
  onderbouwing: string;
}

const ALLE_ROUTES_GEEN: Partial<Record<Trajectroute, readonly Richting[]>> = {};

function beschermd(code: string, grond: BeschermdeGrond, label: string, omschrijving: string, waarde: Waardesoort, vastleggen: boolean): Factor {
  return {
    code,
    label,
    omschrijving,
    vraagB1: label,
    waarde,
    bron: 'invoer',
    standaardGewicht: 0,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 0, richtingen: ALLE_ROUTES_GEEN },
    effecten: {},
    beschermdeGrond: grond,
    vastleggen,
    onderbouwing: `Beschermde grond (${BESCHERMDE_GRONDEN[grond].label}): telt nooit mee in het advies en kan niet zo worden ingesteld. ${BESCHERMDE_GRONDEN[grond].wet}.`,
  };
}

export const FACTOREN: readonly Factor[] = [
  {
    code: 'motivatie',
    label: 'Eigen motivatie om te werken',
    omschrijving: 'Hoe graag wil de persoon (weer) aan het werk? Vraag het de persoon zelf; gebruik de eigen woorden uit de brede diagnose.',
    vraagB1: 'Hoe graag wilt u werken?',
    waarde: {
      soort: 'schaal',
      min: 1,
      max: 5,
      labels: {
        1: 'Wil nu niet werken',
        2: 'Twijfelt',
        3: 'Wil wel, weet nog niet hoe',
        4: 'Wil graag werken',
        5: 'Wil heel graag en zo snel mogelijk werken',
      },
    },
    bron: 'diagnose',
    diagnoseVeld: 'motivatie',
    standaardGewicht: 4,
    standaardGrenzen: { minGewicht: 3, maxGewicht: 5, richtingen: { werk_via_reintegratie: ['voor'], participatietraject: ['geen', 'voor'] } },
    effecten: {
      werk_via_reintegratie: { richting: 'voor', signaal: 'hoog', uitleg: 'Wie graag wil werken, krijgt een traject naar werk, ook met belemmeringen.' },
      participatietraject: { richting: 'geen', signaal: 'hoog', aandeel: 0.5, uitleg: 'Motivatie helpt ook bij een participatietraject.' },
    },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing:
      'Seed 001 (Leiden): "De eigen motivatie van mensen om te werken weegt zwaar mee … ook al hebben zij veel belemmeringen." Daarom het hoogste standaardgewicht en een ondergrens van 3. Weinig motivatie telt niet tegen werk: "Als er weinig belemmeringen zijn, maar de deelnemer is niet gemotiveerd, dan verwijst de gemeente toch door."',
  },
  {
    code: 'eigen_wens',
    label: 'Eigen wens van de persoon',
    omschrijving: 'Welke route wil de persoon zelf? De persoon houdt de regie; het besluit nemen u en de persoon samen.',
    vraagB1: 'Welke stap wilt u zelf het liefst zetten?',
    waarde: { soort: 'route' },
    bron: 'invoer',
    standaardGewicht: 3,
    standaardGrenzen: {
      minGewicht: 2,
      maxGewicht: 5,
      richtingen: Object.fromEntries(TRAJECTROUTE_CODES.map((r) => [r, ['voor'] as const])),
    },
    effecten: Object.fromEntries(
      TRAJECTROUTE_CODES.map((r) => [r, { richting: 'voor', uitleg: 'De persoon kiest zelf voor deze route.' } satisfies Effect]),
    ) as Partial<Record<Trajectroute, Effect>>,
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing:
      'Seed 001: "Neem daarover samen met de burger het besluit"; burgers maken zoveel mogelijk hun eigen plan. De wens telt altijd voor, nooit tegen.',
  },
  {
    code: 'participatieladder',
    label: 'Trede op de participatieladder',
    omschrijving: 'Waar staat de persoon nu (VNG/Divosa): 1 geïsoleerd … 6 betaald werk zonder ondersteuning. Uit de brede diagnose.',
    vraagB1: 'Wat doet u nu overdag?',
    waarde: {
      soort: 'schaal',
      min: 1,
      max: 6,
      labels: {
        1: '1 Geïsoleerd',
        2: '2 Sociale contacten buitenshuis',
        3: '3 Georganiseerde activiteiten',
        4: '4 Onbetaald werk (vrijwilligerswerk, stage)',
        5: '5 Betaald werk met ondersteuning',
        6: '6 Betaald werk zonder ondersteuning',
      },
    },
    bron: 'diagnose',
    diagnoseVeld: 'participatieladder',
    standaardGewicht: 2,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 4, richtingen: { werk_via_reintegratie: ['geen', 'voor'], participatietraject: ['geen', 'voor'] } },
    effecten: {
      werk_via_reintegratie: {
        richting: 'voor',
        signaal: 'hoog',
        uitleg: 'Wie al actief is (vrijwilligerswerk, stage, werk), staat dichter bij betaald werk.',
      },
      participatietraject: { richting: 'voor', signaal: 'laag', uitleg: 'Op de onderste treden helpt eerst meedoen: contacten, dagritme, activiteiten.' },
    },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing: 'Participatieladder (VNG/Divosa), REFERENCE.md §6: de trede laat zien hoe ver iemand nu meedoet.',
  },
  {
    code: 'werkervaring',
    label: 'Werkervaring',
    omschrijving: 'Heeft de persoon eerder betaald of onbetaald gewerkt, en hoeveel?',
    vraagB1: 'Heeft u al eens gewerkt?',
    waarde: {
      soort: 'schaal',
      min: 0,
      max: 3,
      labels: { 0: 'Geen', 1: 'Weinig (minder dan een jaar)', 2: 'Enige (een tot vijf jaar)', 3: 'Veel (meer dan vijf jaar)' },
    },
    bron: 'invoer',
    standaardGewicht: 2,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 4, richtingen: { werk_via_reintegratie: ['geen', 'voor'], participatietraject: ['geen', 'voor'] } },
    effecten: {
      werk_via_reintegratie: { richting: 'voor', signaal: 'hoog', uitleg: 'Werkervaring maakt de stap naar werk kleiner.' },
      participatietraject: { richting: 'voor', signaal: 'laag', aandeel: 0.5, uitleg: 'Zonder werkervaring kan een participatietraject ervaring opbouwen.' },
    },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing: 'Werkervaring is een objectieve, veranderbare factor voor de afstand tot werk. Geen ervaring telt niet tegen werk.',
  },
  {
    code: 'belastbaarheid_bekend',
    label: 'Belastbaarheid is bekend',
    omschrijving: 'Is er een belastbaarheidsprofiel (FML) vastgelegd? Dan is bekend welk werk past. Uit het dossier.',
    vraagB1: 'Weten we al welk werk u aankunt?',
    waarde: { soort: 'janee' },
    bron: 'dossier',
    standaardGewicht: 1,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 3, richtingen: { werk_via_reintegratie: ['geen', 'voor'], doorverwijzing_uwv: ['geen', 'voor'] } },
    effecten: {
      werk_via_reintegratie: { richting: 'voor', signaal: 'ja', uitleg: 'Met een bekend profiel kan gericht passend werk worden gezocht.' },
      doorverwijzing_uwv: {
        richting: 'voor',
        signaal: 'nee',
        aandeel: 0.5,
        uitleg: 'Zonder profiel kan een arbeidsdeskundig onderzoek eerst duidelijkheid geven.',
      },
    },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing:
      'Seed 000: zonder arbeidsdeskundige kennis ontstaan mismatches. Een onbekende belastbaarheid is een reden om die eerst te laten vaststellen, niet om werk te onthouden.',
  },
  {
    code: 'ondersteuning_werkplek',
    label: 'Begeleiding op de werkplek',
    omschrijving:
      'Hoeveel begeleiding of aanpassing heeft de persoon nodig om te werken? Bij blijvend intensieve begeleiding die niet van een gewone werkgever te verwachten is, past advies beschut werk (Pwet art. 10b).',
    vraagB1: 'Hoeveel hulp heeft u nodig als u werkt?',
    waarde: {
      soort: 'keuze',
      opties: {
        geen: { label: 'Geen of weinig', signaal: 0 },
        tijdelijk: { label: 'Tijdelijk, bijvoorbeeld een jobcoach bij de start', signaal: 0 },
        langdurig: { label: 'Langdurig, met aanpassingen', signaal: 0.5 },
        blijvend_intensief: { label: 'Blijvend intensief, niet te verwachten van een gewone werkgever', signaal: 1 },
      },
    },
    bron: 'invoer',
    standaardGewicht: 3,
    standaardGrenzen: { minGewicht: 1, maxGewicht: 5, richtingen: { advies_beschut_werk: ['geen', 'voor'] } },
    effecten: {
      advies_beschut_werk: { richting: 'voor', uitleg: 'Blijvend intensieve begeleiding is het criterium voor beschut werk; UWV adviseert.' },
    },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing:
      'Participatiewet art. 10b (beschut werk), REFERENCE.md §4. De behoefte aan begeleiding telt niet tegen werk: jobcoaching en loonkostensubsidie bestaan daarvoor.',
  },
  {
    code: 'uwv_regeling',
    label: 'Mogelijk recht op een UWV-regeling',
    omschrijving: 'Is er mogelijk recht op een uitkering of voorziening van UWV (bijvoorbeeld Wajong of WIA), of is een beoordeling arbeidsvermogen nodig?',
    vraagB1: 'Moet UWV iets voor u beoordelen?',
    waarde: { soort: 'janee' },
    bron: 'invoer',
    standaardGewicht: 3,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 5, richtingen: { doorverwijzing_uwv: ['geen', 'voor'] } },
    effecten: { doorverwijzing_uwv: { richting: 'voor', signaal: 'ja', uitleg: 'UWV moet dit beoordelen of regelen.' } },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing: 'Doelgroepregister en beoordeling arbeidsvermogen zijn UWV-taken (REFERENCE.md §5).',
  },
  {
    code: 'financien',
    label: 'Financiën en schulden',
    omschrijving: 'Zelfredzaamheid op financiën (ZRM 1–5). Problematische schulden vragen eerst schuldhulp. Uit de brede diagnose.',
    vraagB1: 'Hoe gaat het met geld en schulden?',
    waarde: { soort: 'schaal', min: 1, max: 5, labels: ZRM_LABELS },
    bron: 'diagnose',
    diagnoseVeld: 'financien',
    standaardGewicht: 2,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 4, richtingen: { doorverwijzing_wijkteam: ['geen', 'voor'], werk_via_reintegratie: ['geen', 'tegen'] } },
    effecten: {
      doorverwijzing_wijkteam: { richting: 'voor', signaal: 'laag', uitleg: 'Schulden en geldzorgen: het wijkteam of schuldhulp kan eerst helpen.' },
      werk_via_reintegratie: { richting: 'tegen', signaal: 'laag', aandeel: 0.5, uitleg: 'Acute geldzorgen maken het zoeken naar werk nu zwaarder.' },
    },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing:
      'Zelfredzaamheid-Matrix (ZRM), REFERENCE.md §6. Schulden zijn een veel genoemde reden van terugmelding (issue 5); een half gewicht tegen werk, zodat motivatie zwaarder blijft wegen.',
  },
  {
    code: 'huisvesting',
    label: 'Huisvesting',
    omschrijving: 'Zelfredzaamheid op huisvesting (ZRM 1–5). Geen stabiele woonplek vraagt eerst hulp bij wonen. Uit de brede diagnose.',
    vraagB1: 'Heeft u een vaste plek om te wonen?',
    waarde: { soort: 'schaal', min: 1, max: 5, labels: ZRM_LABELS },
    bron: 'diagnose',
    diagnoseVeld: 'huisvesting',
    standaardGewicht: 2,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 4, richtingen: { doorverwijzing_wijkteam: ['geen', 'voor'], werk_via_reintegratie: ['geen', 'tegen'] } },
    effecten: {
      doorverwijzing_wijkteam: { richting: 'voor', signaal: 'laag', uitleg: 'Zonder stabiele woonplek kan het wijkteam eerst helpen.' },
      werk_via_reintegratie: { richting: 'tegen', signaal: 'laag', aandeel: 0.5, uitleg: 'Zonder vaste woonplek is werk volhouden nu lastiger.' },
    },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing: 'ZRM, REFERENCE.md §6. Huisvesting staat in de lijst met redenen van terugmelding (issue 5).',
  },
  {
    code: 'geestelijke_gezondheid',
    label: 'Geestelijke gezondheid',
    omschrijving:
      'Zelfredzaamheid op geestelijke gezondheid (ZRM 1–5). Weegt voor zorg, niet tegen werk: een aandoening als zodanig telt niet (WGBH/CZ). Uit de brede diagnose.',
    vraagB1: 'Hoe gaat het met u, in uw hoofd?',
    waarde: { soort: 'schaal', min: 1, max: 5, labels: ZRM_LABELS },
    bron: 'diagnose',
    diagnoseVeld: 'geestelijke_gezondheid',
    standaardGewicht: 2,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 4, richtingen: { doorverwijzing_zorg: ['geen', 'voor'] } },
    effecten: { doorverwijzing_zorg: { richting: 'voor', signaal: 'laag', uitleg: 'Bij weinig zelfredzaamheid kan zorg of begeleiding eerst helpen.' } },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing: 'ZRM, REFERENCE.md §6. Gezondheid wijst naar zorg; de functionele mogelijkheden staan in het belastbaarheidsprofiel, niet in een diagnose.',
  },
  {
    code: 'lichamelijke_gezondheid',
    label: 'Lichamelijke gezondheid',
    omschrijving: 'Zelfredzaamheid op lichamelijke gezondheid (ZRM 1–5). Weegt voor zorg, niet tegen werk (WGBH/CZ). Uit de brede diagnose.',
    vraagB1: 'Hoe gaat het met uw lichaam?',
    waarde: { soort: 'schaal', min: 1, max: 5, labels: ZRM_LABELS },
    bron: 'diagnose',
    diagnoseVeld: 'lichamelijke_gezondheid',
    standaardGewicht: 1,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 4, richtingen: { doorverwijzing_zorg: ['geen', 'voor'] } },
    effecten: { doorverwijzing_zorg: { richting: 'voor', signaal: 'laag', uitleg: 'Bij weinig zelfredzaamheid kan zorg of behandeling eerst helpen.' } },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing: 'ZRM, REFERENCE.md §6; WGBH/CZ (§7): een beperking als zodanig telt niet tegen werk.',
  },
  {
    code: 'middelengebruik',
    label: 'Middelengebruik',
    omschrijving: 'Zelfredzaamheid op middelengebruik (alcohol, drugs, medicijnen; ZRM 1–5). Uit de brede diagnose.',
    vraagB1: 'Gebruikt u alcohol, drugs of medicijnen op een manier die problemen geeft?',
    waarde: { soort: 'schaal', min: 1, max: 5, labels: ZRM_LABELS },
    bron: 'diagnose',
    diagnoseVeld: 'middelengebruik',
    standaardGewicht: 1,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 4, richtingen: { doorverwijzing_zorg: ['geen', 'voor'], werk_via_reintegratie: ['geen', 'tegen'] } },
    effecten: {
      doorverwijzing_zorg: { richting: 'voor', signaal: 'laag', uitleg: 'Verslavingszorg kan eerst helpen.' },
      werk_via_reintegratie: { richting: 'tegen', signaal: 'laag', aandeel: 0.5, uitleg: 'Acute problemen met middelen maken werk nu minder haalbaar.' },
    },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing: 'ZRM, REFERENCE.md §6.',
  },
  {
    code: 'sociaal_netwerk',
    label: 'Sociaal netwerk',
    omschrijving: 'Zelfredzaamheid op sociaal netwerk (ZRM 1–5): familie, vrienden, buren die steunen. Uit de brede diagnose.',
    vraagB1: 'Zijn er mensen om u heen die u helpen?',
    waarde: { soort: 'schaal', min: 1, max: 5, labels: ZRM_LABELS },
    bron: 'diagnose',
    diagnoseVeld: 'sociaal_netwerk',
    standaardGewicht: 1,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 3, richtingen: { participatietraject: ['geen', 'voor'], doorverwijzing_wijkteam: ['geen', 'voor'] } },
    effecten: {
      participatietraject: { richting: 'voor', signaal: 'laag', uitleg: 'Een participatietraject bouwt contacten en steun op.' },
      doorverwijzing_wijkteam: { richting: 'voor', signaal: 'laag', aandeel: 0.5, uitleg: 'Het wijkteam kan helpen een netwerk op te bouwen.' },
    },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing: 'ZRM, REFERENCE.md §6.',
  },
  {
    code: 'zorgbehoefte',
    label: 'Zorg of behandeling gaat nu voor',
    omschrijving: 'Loopt er zorg of behandeling die nu voorgaat? Dit gaat over het moment (nu of later), niet over een beperking als zodanig.',
    vraagB1: 'Krijgt u nu zorg of behandeling die eerst moet?',
    waarde: { soort: 'janee' },
    bron: 'invoer',
    standaardGewicht: 2,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 4, richtingen: { doorverwijzing_zorg: ['geen', 'voor'], werk_via_reintegratie: ['geen', 'tegen'] } },
    effecten: {
      doorverwijzing_zorg: { richting: 'voor', signaal: 'ja', uitleg: 'De zorg of behandeling gaat nu voor.' },
      werk_via_reintegratie: { richting: 'tegen', signaal: 'ja', aandeel: 0.5, uitleg: 'Tijdens lopende behandeling is werk misschien later beter haalbaar.' },
    },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing: 'Zorgbehoefte staat in de lijst met redenen van terugmelding (issue 5). Half gewicht tegen werk: het gaat om nu of later.',
  },
  {
    code: 'taalvaardigheid',
    label: 'Nederlandse taal',
    omschrijving:
      'Hoe goed spreekt en begrijpt de persoon Nederlands? Weegt voor een taaltraject, nooit tegen werk: taal hangt samen met herkomst, en veel werk vraagt weinig taal.',
    vraagB1: 'Hoe goed spreekt u Nederlands?',
    waarde: {
      soort: 'schaal',
      min: 1,
      max: 3,
      labels: { 1: 'Spreekt weinig Nederlands', 2: 'Redt zich in eenvoudig Nederlands', 3: 'Spreekt en begrijpt Nederlands goed' },
    },
    bron: 'invoer',
    standaardGewicht: 2,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 4, richtingen: { participatietraject: ['geen', 'voor'] } },
    effecten: { participatietraject: { richting: 'voor', signaal: 'laag', uitleg: 'Een taaltraject kan deel zijn van een participatietraject, naast werk.' } },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing:
      'Indirect onderscheid naar herkomst mag alleen met objectieve rechtvaardiging (AWGB, REFERENCE.md §7). Daarom alleen voor taalondersteuning, niet tegen werk.',
  },
  {
    code: 'kinderopvang',
    label: 'Kinderopvang',
    omschrijving: 'Is kinderopvang nodig en geregeld? Niet geregelde opvang is iets om te regelen, geen reden om werk te onthouden.',
    vraagB1: 'Is er opvang voor uw kinderen als u werkt?',
    waarde: {
      soort: 'keuze',
      opties: {
        niet_nodig: { label: 'Niet nodig', signaal: 0 },
        geregeld: { label: 'Nodig en geregeld', signaal: 0 },
        niet_geregeld: { label: 'Nodig, nog niet geregeld', signaal: 1 },
      },
    },
    bron: 'invoer',
    standaardGewicht: 1,
    standaardGrenzen: { minGewicht: 0, maxGewicht: 3, richtingen: { doorverwijzing_wijkteam: ['geen', 'voor'] } },
    effecten: { doorverwijzing_wijkteam: { richting: 'voor', uitleg: 'Het wijkteam kan helpen opvang te regelen.' } },
    beschermdeGrond: null,
    vastleggen: true,
    onderbouwing:
      'Kinderopvang staat in de lijst met redenen van terugmelding (issue 5). Nooit tegen werk: dat zou vooral vrouwen treffen (indirect onderscheid naar geslacht, AWGB).',
  },
  // Protected grounds: in the catalogue so everyone sees that they never count.
  beschermd(
    'leeftijd',
    'leeftijd',
    'Leeftijd',
    'Leeftijd telt nooit mee tegen de persoon. "Dat we zijn motivatie zwaarder laten wegen dan zijn leeftijd, dat is echt een omwenteling voor ons." (seed 001)',
    { soort: 'getal', min: 15, max: 100, eenheid: 'jaar' },
    true,
  ),
  beschermd(
    'zwangerschap',
    'zwangerschap',
    'Zwangerschap',
    'Alleen vastleggen als de persoon dat zelf wil. Zwangerschap telt nooit mee tegen de persoon (AWGB art. 1 lid 2).',
    { soort: 'janee' },
    true,
  ),
  beschermd(
    'arbeidsbeperking',
    'handicap',
    'Arbeidsbeperking of chronische ziekte (als zodanig)',
    'Dat iemand een beperking of chronische ziekte heeft, telt nooit mee tegen de persoon. Wat iemand kan, staat in het belastbaarheidsprofiel; aanpassingen zijn verplicht als ze redelijk zijn (WGBH/CZ).',
    { soort: 'janee' },
    true,
  ),
  beschermd(
    'werkgeversweerstand',
    'werkgeversweerstand',
    'Weerstand van werkgevers op een beschermde grond',
    'Werkgevers zijn terughoudend vanwege bijvoorbeeld leeftijd, zwangerschap of herkomst. Dat telt niet mee; het is een reden om werkgeversdienstverlening in te zetten.',
    { soort: 'gronden' },
    true,
  ),
  beschermd('geslacht', 'geslacht', 'Geslacht of genderidentiteit', 'Wordt niet vastgelegd en telt nooit mee.', { soort: 'janee' }, false),
  beschermd('herkomst', 'herkomst', 'Herkomst, ras of nationaliteit', 'Wordt niet vastgelegd en telt nooit mee.', { soort: 'janee' }, false),
  beschermd(
    'godsdienst',
    'godsdienst',
    'Godsdienst of levensovertuiging',
    'Wordt niet vastgelegd en telt nooit mee (ook niet een hoofddoek of gebedstijden).',
    { soort: 'janee' },
    false,
  ),
  beschermd('seksuele_gerichtheid', 'seksuele_gerichtheid', 'Seksuele gerichtheid', 'Wordt niet vastgelegd en telt nooit mee.', { soort: 'janee' }, false),
  beschermd('burgerlijke_staat', 'burgerlijke_staat', 'Burgerlijke staat', 'Wordt niet vastgelegd en telt nooit mee.', { soort: 'janee' }, false),
];

export const FACTOR_BY_CODE: ReadonlyMap<string, Factor> = new Map(FACTOREN.map((f) => [f.code, f]));
export const FACTOR_CODES = FACTOREN.map((f) => f.code);
export const CATALOGUS_VERSIE = '2026.1';

/* ------------------------------------------------------------------------------------------------ */
/* Configuration: region bounds, the gemeente's weights                                             */
/* ------------------------------------------------------------------------------------------------ */

export interface FactorGrens {
  minGewicht: number;
  maxGewicht: number;
  /** Per route the directions a gemeente may choose. */
  richtingen: Partial<Record<Trajectroute, readonly Richting[]>>;
}
export type Regiogrenzen = Record<string, FactorGrens>;

export interface FactorInstelling {
  gewicht: number;
  richtingen: Partial<Record<Trajectroute, Richting>>;
}
export type Gemeentekader = Record<string, FactorInstelling>;

export function standaardRegiogrenzen(): Regiogrenzen {
  return Object.fromEntries(FACTOREN.map((f) => [f.code, structuredClone(f.standaardGrenzen) as FactorGrens]));
}

export function standaardGemeentekader(): Gemeentekader {
  return Object.fromEntries(
    FACTOREN.map((f) => [
      f.code,
      {
        gewicht: f.standaardGewicht,
        richtingen: Object.fromEntries(Object.entries(f.effecten).map(([r, e]) => [r, e.richting])) as Partial<Record<Trajectroute, Richting>>,
      },
    ]),
  );
}

/** One refusal, with the field and — for the guardrail — the protected ground it names. */
export interface Schending {
  veld: string;
  code: 'onbekende_factor' | 'onbekende_route' | 'buiten_grenzen' | 'richting_niet_toegestaan' | 'beschermde_grond' | 'ongeldige_waarde' | 'niet_vastleggen';
  reden: string;
  grond?: BeschermdeGrond;
}

function grondReden(f: Factor, wat: string): string {
  const g = BESCHERMDE_GRONDEN[f.beschermdeGrond!];
  return `${f.label} is een beschermde grond (${g.label}): ${wat} ${g.wet}.`;
}

const isRoute = (r: string): r is Trajectroute => (TRAJECTROUTE_CODES as readonly string[]).includes(r);

/**
 * Validates region bounds. Refused: unknown factors or routes, bounds outside the absolute limits,
 * and any bound that would let a protected ground weigh (a weight above 0, or a direction other than
 * "geen") — with the ground named.
 */
export function valideerRegiogrenzen(grenzen: Record<string, Partial<FactorGrens>>): Schending[] {
  const fouten: Schending[] = [];
  for (const [code, g] of Object.entries(grenzen)) {
    const f = FACTOR_BY_CODE.get(code);
    const veld = `grenzen.${code}`;
    if (!f) {
      fouten.push({ veld, code: 'onbekende_factor', reden: `Onbekend argument: ${code}.` });
      continue;
    }
    const min = g.minGewicht ?? 0;
    const max = g.maxGewicht ?? 0;
    if (f.beschermdeGrond) {
      const tegen = Object.values(g.richtingen ?? {}).some((rs) => rs?.includes('tegen'));
      const voor = Object.values(g.richtingen ?? {}).some((rs) => rs?.includes('voor'));
      if (tegen || voor || min !== 0 || max !== 0) {
        fouten.push({
          veld,
          code: 'beschermde_grond',
          grond: f.beschermdeGrond,
          reden: grondReden(
            f,
            tegen || min < 0 ? 'dit argument mag nooit tegen de persoon wegen.' : 'dit argument telt niet mee in het advies en kan geen gewicht krijgen.',
          ),
        });
      }
      continue;
    }
    if (!(min >= GEWICHT_MIN && max <= GEWICHT_MAX && min <= max)) {
      fouten.push({
        veld,
        code: 'buiten_grenzen',
        reden: `Kies grenzen van ${GEWICHT_MIN} tot en met ${GEWICHT_MAX}, met de ondergrens niet boven de bovengrens.`,
      });
    }
    for (const [route, rs] of Object.entries(g.richtingen ?? {})) {
      const rveld = `${veld}.richtingen.${route}`;
      if (!isRoute(route)) {
        fouten.push({ veld: rveld, code: 'onbekende_route', reden: `Onbekende route: ${route}.` });
        continue;
      }
      if (!f.effecten[route]) {
        fouten.push({ veld: rveld, code: 'richting_niet_toegestaan', reden: `${f.label} zegt niets over de route "${TRAJECTROUTES[route].label}".` });
        continue;
      }
      if (!rs || rs.length === 0) fouten.push({ veld: rveld, code: 'richting_niet_toegestaan', reden: 'Sta minstens één richting toe.' });
    }
  }
  return fouten;
}

/**
 * Validates a gemeente's weights against the region's bounds. A protected ground can get no weight and
 * no direction at all: a direction "tegen" or a negative weight is refused as weighing against the
 * person, any other weight as steering the advice on that ground.
 */
export function valideerGemeentekader(kader: Record<string, Partial<FactorInstelling>>, grenzen: Regiogrenzen): Schending[] {
  const fouten: Schending[] = [];
  for (const [code, inst] of Object.entries(kader)) {
    const f = FACTOR_BY_CODE.get(code);
    const veld = `gewichten.${code}`;
    if (!f) {
      fouten.push({ veld, code: 'onbekende_factor', reden: `Onbekend argument: ${code}.` });
      continue;
    }
    const gewicht = inst.gewicht ?? 0;
    const richtingen = Object.entries(inst.richtingen ?? {});
    if (f.beschermdeGrond) {
      const tegen = gewicht < 0 || richtingen.some(([, r]) => r === 'tegen');
      const iets = gewicht !== 0 || richtingen.some(([, r]) => r !== 'geen');
      if (tegen || iets) {
        fouten.push({
          veld,
          code: 'beschermde_grond',
          grond: f.beschermdeGrond,
          reden: grondReden(
            f,
            tegen ? 'dit argument mag nooit tegen de persoon wegen.' : 'dit argument telt niet mee in het advies en kan geen gewicht krijgen.',
          ),
        });
      }
      continue;
    }
    const g = grenzen[code] ?? f.standaardGrenzen;
    if (!Number.isFinite(gewicht) || gewicht < g.minGewicht || gewicht > g.maxGewicht) {
      fouten.push({
        veld: `${veld}.gewicht`,
        code: 'buiten_grenzen',
        reden: `Het gewicht van "${f.label}" moet van ${g.minGewicht} tot en met ${g.maxGewicht} zijn (grenzen van de regio).`,
      });
    }
    for (const [route, r] of richtingen) {
      const rveld = `${veld}.richtingen.${route}`;
      if (!isRoute(route)) {
        fouten.push({ veld: rveld, code: 'onbekende_route', reden: `Onbekende route: ${route}.` });
        continue;
      }
      const toegestaan = g.richtingen[route] ?? [];
      if (!f.effecten[route] || !toegestaan.includes(r)) {
        fouten.push({
          veld: rveld,
          code: 'richting_niet_toegestaan',
          reden: `De regio staat voor "${f.label}" bij "${TRAJECTROUTES[route].label}" alleen toe: ${toegestaan.length > 0 ? toegestaan.join(', ') : 'geen'}.`,
        });
      }
    }
  }
  return fouten;
}

/**
 * The configuration a calculation uses: the gemeente's settings where they fit the region's current
 * bounds, else the catalogue default brought within them. Protected grounds are always neutral.
 * Returns the notes for every setting that had to be adjusted.
 */
export function effectiefKader(gemeente: Gemeentekader | null, grenzen: Regiogrenzen): { kader: Gemeentekader; aanpassingen: string[] } {
  const kader: Gemeentekader = {};
  const aanpassingen: string[] = [];
  for (const f of FACTOREN) {
    if (f.beschermdeGrond) {
      kader[f.code] = { gewicht: 0, richtingen: {} };
      continue;
    }
    const g = grenzen[f.code] ?? f.standaardGrenzen;
    const eigen = gemeente?.[f.code];
    let gewicht = eigen?.gewicht ?? f.standaardGewicht;
    if (gewicht < g.minGewicht || gewicht > g.maxGewicht) {
      const nieuw = Math.min(g.maxGewicht, Math.max(g.minGewicht, gewicht));
      if (eigen) aanpassingen.push(`${f.label}: gewicht ${gewicht} valt buiten de grenzen van de regio en is ${nieuw} gebruikt.`);
      gewicht = nieuw;
    }
    const richtingen: Partial<Record<Trajectroute, Richting>> = {};
    for (const [route, e] of Object.entries(f.effecten) as [Trajectroute, Effect][]) {
      const toegestaan = g.richtingen[route] ?? [];
      const gewenst = eigen?.richtingen[route] ?? e.richting;
      if (toegestaan.includes(gewenst)) richtingen[route] = gewenst;
      else {
        const terug = toegestaan.includes(e.richting) ? e.richting : 'geen';
        if (eigen?.richtingen[route])
          aanpassingen.push(`${f.label} bij ${TRAJECTROUTES[route].label}: richting "${gewenst}" mag niet meer en is "${terug}" gebruikt.`);
        richtingen[route] = terug;
      }
    }
    kader[f.code] = { gewicht, richtingen };
  }
  return { kader, aanpassingen };
}

/* ------------------------------------------------------------------------------------------------ */
/* Factor values for one person                                                                     */
/* ------------------------------------------------------------------------------------------------ */

export type Factorwaarde = number | boolean | string | string[] | null;
export type Factorwaarden = Record<string, Factorwaarde>;
export type Waardebron = 'invoer' | 'diagnose' | 'dossier';

/** Checks every value against its factor's scale. A protected ground that is never recorded is refused. */
export function valideerFactorwaarden(waarden: Factorwaarden): Schending[] {
  const fouten: Schending[] = [];
  for (const [code, w] of Object.entries(waarden)) {
    const veld = `factorwaarden.${code}`;
    const f = FACTOR_BY_CODE.get(code);
    if (!f) {
      fouten.push({ veld, code: 'onbekende_factor', reden: `Onbekend argument: ${code}.` });
      continue;
    }
    if (!f.vastleggen) {
      if (w !== null) {
        fouten.push({
          veld,
          code: 'niet_vastleggen',
          grond: f.beschermdeGrond ?? undefined,
          reden: `${f.label} wordt niet vastgelegd: het is een beschermde grond en telt nooit mee.`,
        });
      }
      continue;
    }
    if (w === null) continue;
    const fout = waardeFout(f, w);
    if (fout) fouten.push({ veld, code: 'ongeldige_waarde', reden: fout });
  }
  return fouten;
}

function waardeFout(f: Factor, w: Factorwaarde): string | null {
  const s = f.waarde;
  switch (s.soort) {
    case 'schaal':
      return typeof w === 'number' && Number.isInteger(w) && w >= s.min && w <= s.max
        ? null
        : `Kies voor "${f.label}" een heel getal van ${s.min} tot en met ${s.max}.`;
    case 'getal':
      return typeof w === 'number' && Number.isInteger(w) && w >= s.min && w <= s.max
        ? null
        : `Vul voor "${f.label}" een heel getal in van ${s.min} tot en met ${s.max}.`;
    case 'janee':
      return typeof w === 'boolean' ? null : `Kies voor "${f.label}" ja of nee.`;
    case 'keuze':
      return typeof w === 'string' && Object.hasOwn(s.opties, w) ? null : `Kies voor "${f.label}" een van: ${Object.keys(s.opties).join(', ')}.`;
    case 'route':
      return typeof w === 'string' && (w === 'geen_voorkeur' || isRoute(w)) ? null : `Kies voor "${f.label}" een route of geen_voorkeur.`;
    case 'gronden':
      return Array.isArray(w) && w.every((g) => (BESCHERMDE_GROND_CODES as readonly string[]).includes(g) && g !== 'werkgeversweerstand')
        ? null
        : `Kies voor "${f.label}" een of meer beschermde gronden.`;
  }
}

/** The value as a person reads it. */
export function toonWaarde(f: Factor, w: Factorwaarde): string {
  if (w === null) return 'Onbekend';
  const s = f.waarde;
  switch (s.soort) {
    case 'schaal':
      return s.labels[w as number] ?? String(w);
    case 'getal':
      return `${w} ${s.eenheid}`;
    case 'janee':
      return w ? 'Ja' : 'Nee';
    case 'keuze':
      return s.opties[w as string]?.label ?? String(w);
    case 'route':
      return w === 'geen_voorkeur' ? 'Nog geen voorkeur' : (TRAJECTROUTES[w as Trajectroute]?.label ?? String(w));
    case 'gronden':
      return (w as string[]).length === 0 ? 'Geen' : (w as string[]).map((g) => BESCHERMDE_GRONDEN[g as BeschermdeGrond]?.label ?? g).join(', ');
  }
}

/** How strongly the argument applies (0–1) for this route, from the value. */
export function signaalSterkte(f: Factor, w: Factorwaarde, route: Trajectroute): number {
  if (w === null) return 0;
  const e = f.effecten[route];
  if (!e) return 0;
  const s = f.waarde;
  switch (s.soort) {
    case 'schaal': {
      const fractie = ((w as number) - s.min) / (s.max - s.min);
      return e.signaal === 'laag' ? 1 - fractie : fractie;
    }
    case 'janee':
      return (e.signaal === 'nee' ? !w : Boolean(w)) ? 1 : 0;
    case 'keuze':
      return s.opties[w as string]?.signaal ?? 0;
    case 'route':
      return w === route ? 1 : 0;
    default:
      return 0;
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Free text: the protected-ground detector                                                         */
/* ------------------------------------------------------------------------------------------------ */

/**
 * Phrases that refer to a protected ground, as data. Matched on lower-cased text without accents, on
 * word boundaries. A hit is a flag for the professional, never a change to the advice.
 */
export const DETECTIE_PATRONEN: readonly { grond: BeschermdeGrond; patroon: RegExp }[] = [
  { grond: 'leeftijd', patroon: /\bte (oud|jong)\b/ },
  { grond: 'leeftijd', patroon: /\b\d{2} ?-? ?jarige?n?\b/ },
  { grond: 'leeftijd', patroon: /\b(vijftig|zestig|zeventig)[- ]?plussers?\b|\b[5-7]\d ?\+/ },
  { grond: 'leeftijd', patroon: /\b(op leeftijd|leeftijd|oudere werknemers?|ouderen|bejaard\w*|pensioen\w*|aow\w*)\b/ },
  { grond: 'leeftijd', patroon: /\b(al|pas|bijna|ruim|over de) \d{2} (jaar|jr)\b/ },
  { grond: 'leeftijd', patroon: /\b(man|vrouw|iemand|persoon|kandidaat) van \d{2}\b/ },
  { grond: 'zwangerschap', patroon: /\b(zwanger\w*|in verwachting|bevalling|bevallen|kinderwens|moederschap\w*|verlof na de bevalling)\b/ },
  { grond: 'geslacht', patroon: /\b(mannenwerk|vrouwenwerk|geslacht|gender\w*|transgender\w*|als (een )?(vrouw|man)|omdat (ze|hij) een (vrouw|man) is)\b/ },
  {
    grond: 'herkomst',
    patroon:
      /\b(allochto\w*|buitenlander\w*|buitenlandse (achtergrond|afkomst|naam)|afkomst\w*|herkomst\w*|nationaliteit\w*|huidskleur|donkere huid|migratieachtergrond|etnisch\w*|niet-westers\w*|ras)\b/,
  },
  {
    grond: 'godsdienst',
    patroon:
      /\b(hoofddoek\w*|sluier|boerka|nikab|keppel|tulband|moslim\w*|islam\w*|ramadan|gebedstijd\w*|bidden|religie\w*|religieu\w*|geloof|gelovig\w*|godsdienst\w*)\b/,
  },
  {
    grond: 'handicap',
    patroon: /\b(gehandicapt\w*|invalide|mongool|debiel|zwakzinnig\w*|vanwege (zijn|haar|de) (handicap|beperking|ziekte|diagnose)|met een handicap)\b/,
  },
  { grond: 'seksuele_gerichtheid', patroon: /\b(homo\w*|lesbisch\w*|lesbienne\w*|biseksu\w*|seksuele (gerichtheid|voorkeur))\b/ },
  { grond: 'burgerlijke_staat', patroon: /\b(getrouwd|ongehuwd|gescheiden|burgerlijke staat)\b/ },
  { grond: 'politieke_gezindheid', patroon: /\b(politieke (voorkeur|gezindheid|overtuiging))\b/ },
  {
    grond: 'werkgeversweerstand',
    patroon:
      /\b(werkgevers? (wil|willen|neemt|nemen|zit|zitten|ziet|zien|staat|staan) (geen|niet|niemand)\w*|geen werkgever (die|wil|neemt)|werkgevers? (is|zijn) (terughoudend|huiverig)|niet aantrekkelijk voor werkgevers|niet bemiddelbaar|onbemiddelbaar)\b/,
  },
];

export interface Signalering {
  veld: string;
  fragment: string;
  grond: BeschermdeGrond;
  grondLabel: string;
  uitleg: string;
}

export function normaliseer(tekst: string): string {
  return tekst
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Flags every phrase in the text that refers to a protected ground. */
export function detecteerBeschermdeGronden(tekst: string, veld: string): Signalering[] {
  const genormaliseerd = normaliseer(tekst);
  const hits: Signalering[] = [];
  const gezien = new Set<string>();
  for (const { grond, patroon } of DETECTIE_PATRONEN) {
    const re = new RegExp(patroon.source, 'gu');
    for (const m of genormaliseerd.matchAll(re)) {
      // NFD normalisation keeps positions only for text without combining marks; show the normalised fragment.
      const fragment = m[0].trim();
      const sleutel = `${grond}:${fragment}`;
      if (gezien.has(sleutel)) continue;
      gezien.add(sleutel);
      hits.push({
        veld,
        fragment,
        grond,
        grondLabel: BESCHERMDE_GRONDEN[grond].label,
        uitleg: `"${fragment}" verwijst naar ${BESCHERMDE_GRONDEN[grond].label}. Dat mag nooit tegen de persoon wegen (${BESCHERMDE_GRONDEN[grond].wet}). De tekst is bewaard met deze markering en verandert het advies niet.`,
      });
    }
  }
  return hits;
}

export function signaleerTeksten(teksten: readonly { veld: string; tekst: string | null | undefined }[]): Signalering[] {
  return teksten.flatMap((t) => (t.tekst ? detecteerBeschermdeGronden(t.tekst, t.veld) : []));
}

/* ------------------------------------------------------------------------------------------------ */
/* The advice                                                                                       */
/* ------------------------------------------------------------------------------------------------ */

export const ADVIES_LABEL = 'Advies, geen besluit';

export interface Argument {
  factor: string;
  label: string;
  waarde: string;
  bron: Waardebron;
  gewicht: number;
  aandeel: number;
  /** How strongly the argument applies, 0–1. */
  sterkte: number;
  /** Signed: positive argues for the route, negative against. */
  bijdrage: number;
  uitleg: string;
}

export type Oordeel = 'meest_passend' | 'passend' | 'minder_passend' | 'geen_argumenten';

export interface RouteAdvies {
  route: Trajectroute;
  label: string;
  voor: number;
  tegen: number;
  netto: number;
  rang: number;
  oordeel: Oordeel;
  argumentenVoor: Argument[];
  argumentenTegen: Argument[];
}

export interface NietMeegewogen {
  factor: string;
  label: string;
  waarde: string;
  grond: BeschermdeGrond;
  grondLabel: string;
  reden: string;
}

export interface Advies {
  label: typeof ADVIES_LABEL;
  catalogusVersie: string;
  routes: RouteAdvies[];
  meestPassend: Trajectroute[];
  nietMeegewogen: NietMeegewogen[];
  ontbrekend: { factor: string; label: string }[];
  aandachtspunten: string[];
  signaleringen: Signalering[];
  toelichting: string[];
}

export interface AdviesInvoer {
  waarden: Factorwaarden;
  bronnen?: Partial<Record<string, Waardebron>>;
  kader: Gemeentekader;
  /** Free text (notes, explanations); only read by the detector, never by the calculation. */
  teksten?: readonly { veld: string; tekst: string | null | undefined }[];
  /** Notes about the configuration (e.g. settings brought within the region's bounds). */
  kaderAanpassingen?: readonly string[];
}

export class OngeldigeFactorwaarden extends Error {
  constructor(readonly schendingen: Schending[]) {
    super(schendingen.map((s) => s.reden).join(' '));
  }
}

const rond = (x: number) => Math.round(x * 100) / 100;

/**
 * Computes the advice. Scores come only from factors that are not on a protected ground, each as
 * direction × weight × share × strength; free text is only flagged. Throws OngeldigeFactorwaarden.
 */
export function berekenAdvies(invoer: AdviesInvoer): Advies {
  const fouten = valideerFactorwaarden(invoer.waarden);
  if (fouten.length > 0) throw new OngeldigeFactorwaarden(fouten);
  const routes: RouteAdvies[] = TRAJECTROUTE_CODES.map((route) => ({
    route,
    label: TRAJECTROUTES[route].label,
    voor: 0,
    tegen: 0,
    netto: 0,
    rang: 0,
    oordeel: 'geen_argumenten' as Oordeel,
    argumentenVoor: [],
    argumentenTegen: [],
  }));
  const nietMeegewogen: NietMeegewogen[] = [];
  const ontbrekend: { factor: string; label: string }[] = [];
  const aandachtspunten: string[] = [];

  for (const f of FACTOREN) {
    const w = invoer.waarden[f.code] ?? null;
    if (f.beschermdeGrond) {
      // The guardrail: never part of any score, whatever the configuration says.
      if (w !== null && f.vastleggen) {
        nietMeegewogen.push({
          factor: f.code,
          label: f.label,
          waarde: toonWaarde(f, w),
          grond: f.beschermdeGrond,
          grondLabel: BESCHERMDE_GRONDEN[f.beschermdeGrond].label,
          reden: `Telt niet mee: ${BESCHERMDE_GRONDEN[f.beschermdeGrond].label} is een beschermde grond en mag nooit tegen de persoon wegen.`,
        });
        if (f.code === 'werkgeversweerstand' && Array.isArray(w) && w.length > 0) {
          aandachtspunten.push(
            'Werkgevers zijn mogelijk terughoudend. Dat telt niet mee in het advies; zet werkgeversdienstverlening in om werkgevers te overtuigen en te ondersteunen.',
          );
        }
      }
      continue;
    }
    if (w === null) {
      ontbrekend.push({ factor: f.code, label: f.label });
      continue;
    }
    const instelling = invoer.kader[f.code];
    if (!instelling) continue;
    for (const ra of routes) {
      const e = f.effecten[ra.route];
      const richting = instelling.richtingen[ra.route] ?? 'geen';
      if (!e || richting === 'geen' || instelling.gewicht <= 0) continue;
      const sterkte = signaalSterkte(f, w, ra.route);
      if (sterkte <= 0) continue;
      const aandeel = e.aandeel ?? 1;
      const grootte = rond(instelling.gewicht * aandeel * sterkte);
      if (grootte === 0) continue;
      const arg: Argument = {
        factor: f.code,
        label: f.label,
        waarde: toonWaarde(f, w),
        bron: invoer.bronnen?.[f.code] ?? 'invoer',
        gewicht: instelling.gewicht,
        aandeel,
        sterkte: rond(sterkte),
        bijdrage: richting === 'voor' ? grootte : -grootte,
        uitleg: richting === e.richting ? e.uitleg : `Volgens het beleid van de gemeente weegt dit ${richting === 'voor' ? 'voor' : 'tegen'} deze route.`,
      };
      if (richting === 'voor') {
        ra.voor = rond(ra.voor + grootte);
        ra.argumentenVoor.push(arg);
      } else {
        ra.tegen = rond(ra.tegen + grootte);
        ra.argumentenTegen.push(arg);
      }
    }
  }

  for (const ra of routes) {
    ra.netto = rond(ra.voor - ra.tegen);
    ra.argumentenVoor.sort((a, b) => b.bijdrage - a.bijdrage);
    ra.argumentenTegen.sort((a, b) => a.bijdrage - b.bijdrage);
  }
  const gesorteerd = [...routes].sort((a, b) => b.netto - a.netto || TRAJECTROUTE_CODES.indexOf(a.route) - TRAJECTROUTE_CODES.indexOf(b.route));
  const hoogste = gesorteerd[0]!.netto;
  let rang = 0;
  let vorige = Number.NaN;
  for (const [i, ra] of gesorteerd.entries()) {
    if (ra.netto !== vorige) rang = i + 1;
    vorige = ra.netto;
    ra.rang = rang;
    ra.oordeel =
      ra.voor === 0 && ra.tegen === 0 ? 'geen_argumenten' : ra.netto === hoogste && hoogste > 0 ? 'meest_passend' : ra.netto > 0 ? 'passend' : 'minder_passend';
  }

  const toelichting = [
    'Dit is een advies, geen besluit. De professional en de persoon besluiten samen en schrijven op waarom.',
    'Elk argument telt als richting × gewicht × aandeel × hoe sterk het geldt (0 tot 1). Het gewicht stelt de gemeente in binnen de grenzen van de regio.',
    'Leeftijd, zwangerschap, geslacht, herkomst, godsdienst, een beperking als zodanig en weerstand van werkgevers op zulke gronden tellen nooit mee.',
    ...(invoer.kaderAanpassingen ?? []),
  ];
  if (ontbrekend.length > 0)
    toelichting.push(`Nog onbekend: ${ontbrekend.map((o) => o.label.toLowerCase()).join(', ')}. Deze argumenten tellen (nog) niet mee.`);

  return {
    label: ADVIES_LABEL,
    catalogusVersie: CATALOGUS_VERSIE,
    routes: gesorteerd,
    meestPassend: hoogste > 0 ? gesorteerd.filter((r) => r.netto === hoogste).map((r) => r.route) : [],
    nietMeegewogen,
    ontbrekend,
    aandachtspunten,
    signaleringen: signaleerTeksten(invoer.teksten ?? []),
    toelichting,
  };
}
