/**
 * The instruments of the brede diagnose as data, each with its source and a version:
 * - the leefgebieden (life domains) with a 1–5 self-sufficiency scale, after the structure of the
 *   Zelfredzaamheid-Matrix (ZRM, © GGD Amsterdam; 13-domain version): the domain names and the five
 *   scale names are the ZRM's, the descriptions per level are Passend's own plain-Dutch wording.
 *   The official ZRM matrix text is NOT copied here (it is copyrighted and meant for trained
 *   professionals; its licence terms for software reuse were not found — REFERENCE.md §6);
 * - the participatieladder (VNG/Divosa), rungs 1–6 with their definitions;
 * - a motivation scale 1–5 (Passend's own; there is no standard instrument behind it).
 *
 * Every stored assessment names the instrument version it was made with (`instrument_versie`), so a
 * later change of the instrument keeps old assessments readable with the texts they were made with.
 * Add a new version beside the old one; never change the texts of a version in use.
 */

export type Score = 1 | 2 | 3 | 4 | 5;
export type Sport = 1 | 2 | 3 | 4 | 5 | 6;

export interface Niveau {
  /** How a professional describes this level (plain Dutch, own wording). */
  omschrijving: string;
  /** The same level as the person says it, in the first person, language level B1. */
  ikZin: string;
}

export interface Leefgebied {
  code: string;
  naam: string;
  /** What the domain covers. */
  omschrijving: string;
  /** The question the person answers about themselves (B1). */
  vraag: string;
  niveaus: Record<Score, Niveau>;
}

export interface Instrument {
  versie: string;
  geldigVanaf: string;
  bron: string;
  schaal: Record<Score, { naam: string; ikNaam: string }>;
  leefgebieden: readonly Leefgebied[];
  participatieladder: { bron: string; sporten: Record<Sport, { naam: string; omschrijving: string; ikZin: string }> };
  motivatie: { bron: string; vraag: string; niveaus: Record<Score, Niveau> };
}

const ZRM_BRON =
  'Zelfredzaamheid-Matrix (ZRM), © GGD Amsterdam, versie met 13 leefgebieden (mijnzrm.nl/zrm; instrumentwijzer.nl). Namen van leefgebieden en schaal volgens de ZRM; de omschrijvingen per niveau zijn eigen tekst van Passend.';

const lg = (code: string, naam: string, omschrijving: string, vraag: string, niveaus: [string, string][]): Leefgebied => ({
  code,
  naam,
  omschrijving,
  vraag,
  niveaus: Object.fromEntries(niveaus.map(([o, ik], i) => [i + 1, { omschrijving: o, ikZin: ik }])) as Record<Score, Niveau>,
});

export const INSTRUMENT_2026_1: Instrument = {
  versie: '2026.1',
  geldigVanaf: '2026-01-01',
  bron: ZRM_BRON,
  schaal: {
    1: { naam: 'Acute problematiek', ikNaam: 'Het gaat heel slecht' },
    2: { naam: 'Niet zelfredzaam', ikNaam: 'Het gaat slecht' },
    3: { naam: 'Beperkt zelfredzaam', ikNaam: 'Het gaat met hulp' },
    4: { naam: 'Voldoende zelfredzaam', ikNaam: 'Het gaat goed' },
    5: { naam: 'Volledig zelfredzaam', ikNaam: 'Het gaat heel goed' },
  },
  leefgebieden: [
    lg('financien', 'Financiën', 'Inkomen, vaste lasten, schulden en het beheer van geld.', 'Hoe gaat het met uw geld?', [
      [
        'Schulden groeien en zijn niet meer te overzien; huur, energie of eten kunnen niet betaald worden.',
        'Ik heb grote geldzorgen. Ik kan de huur of de boodschappen niet betalen.',
      ],
      [
        'Te weinig inkomen voor de vaste lasten, of schulden zonder afspraken; geldzaken worden niet zelf geregeld.',
        'Ik kom niet rond. Ik heb schulden en nog geen afspraken om ze te betalen.',
      ],
      [
        'Er is inkomen; schulden groeien niet meer en er is hulp of een regeling, zoals schuldhulp of bewind.',
        'Ik krijg hulp met geld. Mijn schulden worden niet groter.',
      ],
      [
        'Vaste lasten en levensonderhoud worden betaald; schulden zijn geregeld en worden afgelost.',
        'Ik kan mijn rekeningen betalen. Als ik schulden heb, betaal ik ze af volgens afspraak.',
      ],
      ['Het inkomen is genoeg en wordt zelf goed beheerd; geen problematische schulden.', 'Ik regel mijn geld zelf en dat gaat goed.'],
    ]),
    lg(
      'werk_opleiding',
      'Werk en opleiding',
      'Betaald werk, stage, vrijwilligerswerk in de richting van werk, en opleiding.',
      'Hoe gaat het met werk of leren?',
      [
        ['Geen werk of opleiding en nu geen zicht op een eerste stap.', 'Ik heb geen werk en ik leer niets. Ik weet niet hoe ik moet beginnen.'],
        ['Geen werk of opleiding; er zijn wel wensen of ideeën, maar nog geen stappen.', 'Ik heb geen werk of opleiding. Ik denk er wel over na.'],
        [
          'Zoekt actief werk of een opleiding, of doet een werkervaringsplek, stage of traject.',
          'Ik ben bezig: ik zoek werk, ik leer iets of ik doe een stage.',
        ],
        [
          'Heeft betaald werk (ook tijdelijk of deeltijd) of volgt een opleiding, soms met steun.',
          'Ik heb werk of ik volg een opleiding. Soms heb ik daar hulp bij.',
        ],
        ['Heeft passend en stabiel werk, of volgt zelfstandig een opleiding die past.', 'Ik heb werk of een opleiding die bij mij past. Dat gaat goed.'],
      ],
    ),
    lg('tijdsbesteding', 'Tijdsbesteding', 'Dagritme en de invulling van de dag en de week.', 'Hoe ziet uw dag eruit?', [
      [
        'Geen dagritme; slapen en wakker zijn lopen door elkaar en de dag heeft geen invulling.',
        'Ik heb geen ritme. Mijn dagen zijn leeg en ik slaap vaak overdag.',
      ],
      ['Weinig invulling van de dag; nauwelijks activiteiten buiten huis.', 'Ik doe weinig op een dag. Ik kom bijna niet buiten.'],
      ['Enige structuur en een paar vaste activiteiten; de dag voelt nog vaak leeg.', 'Ik heb een paar vaste dingen in de week. Vaak verveel ik me nog.'],
      ['Een redelijk ritme met activiteiten die de persoon zelf plant.', 'Ik heb een goed ritme. Ik plan zelf wat ik doe.'],
      ['Een vol en zinvol dagritme dat de persoon zelf kiest en volhoudt.', 'Mijn dagen zijn goed gevuld met dingen die ik belangrijk vind.'],
    ]),
    lg('huisvesting', 'Huisvesting', 'Een eigen, veilige en betaalbare woonplek.', 'Hoe woont u?', [
      ['Geen woonplek of uitzetting dreigt direct; slaapt buiten of in de nachtopvang.', 'Ik heb geen huis. Of ik moet heel snel mijn huis uit.'],
      [
        'Tijdelijke of onveilige woonplek (bij anderen, in de opvang) of een grote huurachterstand met dreigende uitzetting.',
        'Ik woon tijdelijk ergens, bijvoorbeeld bij vrienden. Of ik ben bang dat ik mijn huis kwijtraak.',
      ],
      [
        'Een woonplek, maar niet passend of niet zeker, zoals begeleid wonen of een huurachterstand met een regeling.',
        'Ik heb een woonplek, maar die past niet goed of is niet zeker.',
      ],
      ['Een passende en veilige woning; soms hulp bij woonzaken.', 'Ik heb een goede woning. Soms heb ik hulp nodig met wonen.'],
      ['Een passende, veilige en betaalbare woning die de persoon zelf onderhoudt.', 'Ik woon goed en ik regel alles rond mijn huis zelf.'],
    ]),
    lg('huiselijke_relaties', 'Huiselijke relaties', 'De relaties met partner, kinderen en huisgenoten; veiligheid thuis.', 'Hoe gaat het thuis?', [
      ['Geweld, ernstige dreiging of verwaarlozing thuis; het is niet veilig.', 'Thuis is het niet veilig. Er is geweld of ik ben bang.'],
      ['Veel spanning en ruzie thuis; de relaties staan het dagelijks leven in de weg.', 'Thuis is er vaak ruzie of spanning. Dat kost mij veel energie.'],
      ['Spanning thuis, maar die wordt besproken of er is hulp bij.', 'Thuis gaat het soms moeilijk. We praten erover, of ik krijg hulp.'],
      ['De relaties thuis zijn meestal goed; problemen worden zelf opgelost.', 'Thuis gaat het meestal goed. Problemen los ik samen met mijn huisgenoten op.'],
      ['Steunende relaties thuis, of bewust en zonder problemen alleen wonend.', 'Thuis gaat het goed. Ik voel mij gesteund, of ik woon graag alleen.'],
    ]),
    lg(
      'geestelijke_gezondheid',
      'Geestelijke gezondheid',
      'Psychische klachten zoals somberheid, angst, stress, en de zorg daarvoor.',
      'Hoe voelt u zich van binnen?',
      [
        ['Ernstige psychische klachten met gevaar voor zichzelf of anderen; crisis.', 'Het gaat psychisch heel slecht met mij. Ik heb nu direct hulp nodig.'],
        [
          'Psychische klachten die het dagelijks leven sterk beperken; geen of te weinig behandeling.',
          'Ik heb veel last van somberheid, angst of stress. Ik krijg er geen goede hulp voor.',
        ],
        [
          'Psychische klachten met behandeling of begeleiding; het dagelijks leven lukt deels.',
          'Ik heb psychische klachten, maar ik krijg hulp. Veel dingen lukken wel.',
        ],
        ['Klachten zijn onder controle; de persoon weet wat helpt en doet dat.', 'Ik heb soms klachten, maar ik weet wat mij helpt.'],
        ['Geen psychische klachten die het dagelijks leven of werk beperken.', 'Ik voel mij psychisch goed.'],
      ],
    ),
    lg('lichamelijke_gezondheid', 'Lichamelijke gezondheid', 'Lichamelijke klachten, ziekte en de zorg daarvoor.', 'Hoe gaat het met uw lichaam?', [
      ['Ernstige lichamelijke klachten of ziekte zonder de zorg die nodig is; direct gevaar.', 'Ik ben erg ziek en ik krijg niet de zorg die ik nodig heb.'],
      [
        'Lichamelijke klachten die het dagelijks leven sterk beperken; zorg ontbreekt of wordt niet gebruikt.',
        'Mijn lichaam geeft veel klachten. Ik ga niet of te weinig naar de dokter.',
      ],
      [
        'Lichamelijke klachten met behandeling; er blijven beperkingen in het dagelijks leven.',
        'Ik heb lichamelijke klachten en ik ben onder behandeling. Sommige dingen gaan moeilijk.',
      ],
      ['Klachten zijn onder controle; de persoon regelt zelf de zorg die nodig is.', 'Mijn klachten zijn onder controle. Ik regel zelf mijn zorg.'],
      ['Goede lichamelijke gezondheid; geen beperkingen in het dagelijks leven.', 'Ik voel mij lichamelijk gezond.'],
    ]),
    lg('middelengebruik', 'Middelengebruik', 'Gebruik van alcohol, drugs of medicijnen, en gokken.', 'Hoe gaat het met alcohol, drugs, medicijnen of gokken?', [
      [
        'Gebruik met ernstige gevolgen voor gezondheid of veiligheid, zonder hulp.',
        'Ik gebruik veel alcohol, drugs of medicijnen, of ik gok veel. Dat is gevaarlijk voor mij.',
      ],
      [
        'Gebruik dat het dagelijks leven duidelijk verstoort (geld, relaties, dagritme).',
        'Mijn gebruik zorgt voor problemen, bijvoorbeeld met geld of met mensen om mij heen.',
      ],
      ['Gebruik met problemen, maar de persoon werkt eraan met hulp of behandeling.', 'Ik gebruik nog, maar ik werk eraan en ik krijg hulp.'],
      ['Gebruik onder controle, of gestopt met steun; weinig gevolgen.', 'Ik heb mijn gebruik onder controle, of ik ben gestopt.'],
      ['Geen problematisch gebruik.', 'Ik heb geen problemen met alcohol, drugs, medicijnen of gokken.'],
    ]),
    lg(
      'basale_adl',
      'Basale ADL (zelfverzorging)',
      'De eigen verzorging: eten, drinken, wassen, aankleden, naar het toilet gaan.',
      'Hoe gaat het met uzelf verzorgen?',
      [
        ['Eten, drinken, wassen of aankleden lukt niet; de gezondheid is in gevaar.', 'Het lukt mij niet om mijzelf te verzorgen, zoals eten en wassen.'],
        ['Zelfverzorging lukt vaak niet; hulp is nodig maar ontbreekt.', 'Mijzelf verzorgen lukt vaak niet. Ik heb hulp nodig, maar die is er niet.'],
        ['Zelfverzorging lukt met vaste hulp of met hulpmiddelen.', 'Mijzelf verzorgen lukt met hulp of met hulpmiddelen.'],
        ['Zelfverzorging lukt grotendeels zelf, soms met een hulpmiddel.', 'Ik verzorg mijzelf bijna helemaal zelf.'],
        ['Helemaal zelfstandig in de eigen verzorging.', 'Ik verzorg mijzelf helemaal zelf.'],
      ],
    ),
    lg(
      'instrumentele_adl',
      'Instrumentele ADL (huishouden en regelzaken)',
      'Huishouden, boodschappen, koken, post en administratie, reizen.',
      'Hoe gaat het met het huishouden en regelen?',
      [
        [
          'Huishouden, boodschappen of post worden niet gedaan; dat leidt tot gevaar of grote problemen.',
          'Het huishouden, de boodschappen en de post lukken mij niet. Dat geeft grote problemen.',
        ],
        ['Veel praktische taken lukken niet; hulp ontbreekt.', 'Veel dingen in huis lukken mij niet, zoals koken, schoonmaken of post lezen.'],
        ['Praktische taken lukken met hulp van anderen of van een organisatie.', 'Het huishouden en regelen lukt mij met hulp van anderen.'],
        ['Praktische taken lukken grotendeels zelf; soms advies of hulp.', 'Ik doe het huishouden en het regelen bijna allemaal zelf.'],
        ['Helemaal zelfstandig in huishouden, boodschappen, post en reizen.', 'Ik doe het huishouden, de boodschappen, de post en het reizen helemaal zelf.'],
      ],
    ),
    lg('sociaal_netwerk', 'Sociaal netwerk', 'Familie, vrienden, buren en anderen om op terug te vallen.', 'Wie zijn er voor u?', [
      ['Geen contacten, of alleen contacten die schaden; sterk geïsoleerd.', 'Ik heb niemand. Of de mensen om mij heen zijn slecht voor mij.'],
      ['Weinig contacten; niemand om op terug te vallen.', 'Ik heb weinig contact met anderen. Ik kan bij niemand terecht.'],
      ['Enkele contacten, maar weinig steun bij problemen.', 'Ik ken wel mensen, maar bij problemen helpen ze mij weinig.'],
      ['Genoeg contacten; er is meestal steun als dat nodig is.', 'Ik heb genoeg mensen om mij heen. Meestal helpen ze mij als het nodig is.'],
      ['Een stevig netwerk van familie, vrienden of buren dat steunt.', 'Ik heb fijne mensen om mij heen die mij steunen.'],
    ]),
    lg(
      'maatschappelijke_participatie',
      'Maatschappelijke participatie',
      'Meedoen in de buurt en de samenleving, en de weg weten naar voorzieningen.',
      'Hoe doet u mee in de buurt en de samenleving?',
      [
        [
          'Doet nergens aan mee en mist basisvoorzieningen, zoals een identiteitsbewijs of een zorgverzekering.',
          'Ik doe nergens aan mee. Ik heb ook geen ID of zorgverzekering.',
        ],
        ['Doet nauwelijks mee en vindt de weg naar voorzieningen niet.', 'Ik doe bijna nergens aan mee. Ik weet niet waar ik hulp kan vragen.'],
        ['Doet soms mee (buurthuis, club) of kent de voorzieningen, met hulp.', 'Ik doe soms mee, bijvoorbeeld in de buurt of bij een club.'],
        ['Doet regelmatig mee en vindt zelf de weg naar voorzieningen.', 'Ik doe regelmatig mee en ik weet zelf waar ik hulp kan vragen.'],
        [
          'Doet actief mee in de samenleving, bijvoorbeeld als vrijwilliger of in een vereniging.',
          'Ik doe actief mee, bijvoorbeeld als vrijwilliger of bij een vereniging.',
        ],
      ],
    ),
    lg('justitie', 'Justitie', 'Contact met politie en justitie, straffen en boetes.', 'Heeft u te maken met politie of justitie?', [
      [
        'Recente of herhaalde strafbare feiten, of een lopende zaak met grote gevolgen, zonder begeleiding.',
        'Ik heb nu grote problemen met politie of justitie.',
      ],
      ['Een lopende zaak, boete of straf die het dagelijks leven verstoort.', 'Ik heb een zaak, een boete of een straf. Dat zit mij in de weg.'],
      [
        'Een zaak of straf loopt, met begeleiding (bijvoorbeeld reclassering); afspraken worden nagekomen.',
        'Ik heb nog een zaak of straf, maar ik krijg begeleiding en ik houd mij aan de afspraken.',
      ],
      ['Geen nieuwe feiten; eerdere zaken zijn (bijna) afgerond.', 'Ik heb vroeger problemen gehad met justitie. Dat is (bijna) klaar.'],
      ['Geen contact met politie of justitie als verdachte.', 'Ik heb geen problemen met politie of justitie.'],
    ]),
  ],
  participatieladder: {
    bron: 'Participatieladder (VNG/Divosa); definities volgens arbeidsdeskundigen.nl/akc/kennis/map/document/4402 en disk-eindhoven.nl/informatie/participatieladder.html',
    sporten: {
      1: {
        naam: 'Geïsoleerd',
        omschrijving: 'Weinig of geen contact met mensen buiten het eigen huishouden.',
        ikZin: 'Ik heb bijna geen contact met mensen buiten mijn huis.',
      },
      2: {
        naam: 'Sociale contacten buitenshuis',
        omschrijving: 'Minstens één keer per week contact met mensen buiten het eigen huishouden.',
        ikZin: 'Ik zie minstens één keer per week mensen buiten mijn huis.',
      },
      3: {
        naam: 'Deelname aan georganiseerde activiteiten',
        omschrijving: 'Minstens één keer per week een georganiseerde activiteit (club, cursus, dagbesteding), zonder verantwoordelijkheid voor anderen.',
        ikZin: 'Ik doe elke week mee aan een activiteit, zoals een club, een cursus of dagbesteding.',
      },
      4: {
        naam: 'Onbetaald werk',
        omschrijving: 'Vrijwilligerswerk of een stage met een eigen taak en verantwoordelijkheid.',
        ikZin: 'Ik doe vrijwilligerswerk of een stage. Ik heb daar een eigen taak.',
      },
      5: {
        naam: 'Betaald werk met ondersteuning',
        omschrijving: 'Betaald werk met ondersteuning: loonkostensubsidie, aanvullende uitkering, jobcoach, Wsw of een BBL-opleiding.',
        ikZin: 'Ik heb betaald werk, met hulp. Bijvoorbeeld een jobcoach of een aanvulling op mijn loon.',
      },
      6: {
        naam: 'Betaald werk zonder ondersteuning',
        omschrijving: 'Betaald werk zonder ondersteuning, ook als zelfstandige (zzp).',
        ikZin: 'Ik heb betaald werk zonder hulp. Dat kan ook werk voor mijzelf zijn.',
      },
    },
  },
  motivatie: {
    bron: 'Eigen schaal van Passend (geen landelijk instrument); motivatie weegt zwaar bij de keuze van een traject (seed 001, gemeente Leiden).',
    vraag: 'Hoe graag wilt u (weer) aan het werk, of werken aan uw situatie?',
    niveaus: {
      1: { omschrijving: 'Wil nu niet aan werk of een traject denken.', ikZin: 'Ik wil nu niet over werk nadenken.' },
      2: { omschrijving: 'Twijfelt en ziet vooral bezwaren.', ikZin: 'Ik twijfel. Ik zie vooral wat er moeilijk is.' },
      3: { omschrijving: 'Wil wel, maar weet nog niet goed hoe.', ikZin: 'Ik wil wel, maar ik weet nog niet hoe.' },
      4: { omschrijving: 'Wil graag en zet zelf al eerste stappen.', ikZin: 'Ik wil graag en ik doe er zelf al iets voor.' },
      5: { omschrijving: 'Zeer gemotiveerd en gaat er helemaal voor.', ikZin: 'Ik wil heel graag en ik ga ervoor.' },
    },
  },
};

/** Every version ever used, keyed by version; old assessments are read with their own version. */
export const INSTRUMENTEN: Readonly<Record<string, Instrument>> = { [INSTRUMENT_2026_1.versie]: INSTRUMENT_2026_1 };
/** The version new assessments are made with. */
export const HUIDIG_INSTRUMENT: Instrument = INSTRUMENT_2026_1;

export const SCORES: readonly Score[] = [1, 2, 3, 4, 5];
export const SPORTEN: readonly Sport[] = [1, 2, 3, 4, 5, 6];

export function instrument(versie: string): Instrument | undefined {
  return INSTRUMENTEN[versie];
}

/** The name of a leefgebied in the given version, else in the newest version that knows the code. */
export function leefgebiedNaam(code: string, versie?: string): string {
  const eigen = versie ? INSTRUMENTEN[versie]?.leefgebieden.find((l) => l.code === code) : undefined;
  if (eigen) return eigen.naam;
  for (const i of Object.values(INSTRUMENTEN).reverse()) {
    const l = i.leefgebieden.find((x) => x.code === code);
    if (l) return l.naam;
  }
  return code;
}
