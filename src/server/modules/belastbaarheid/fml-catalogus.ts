/**
 * FML item catalogue (Functionele Mogelijkhedenlijst), versioned data — not code. [REFERENCE.md §1.2]
 *
 * Two kinds of item:
 * - `ordinaal`: levels 0..n, 0 = normaal, each higher level a stronger limitation. A person's level
 *   says what they can; a function's level says the most limited level at which the function can
 *   still be done. Mismatch when person level > function level.
 * - `voorwaarden`: a set of conditions the person needs (e.g. "geen deadlines"); a function lists the
 *   conditions it cannot offer. Mismatch when they overlap.
 * Level texts are paraphrased from a public FML report template (recent revision; its date was not
 * verified) and are to be checked against the official UWV text before production use.
 */
export interface OrdinaalItem {
  code: string;
  rubriek: Rubriek;
  naam: string;
  soort: 'ordinaal';
  niveaus: readonly string[]; // index = level; [0] is always 'Normaal'
}
export interface VoorwaardenItem {
  code: string;
  rubriek: Rubriek;
  naam: string;
  soort: 'voorwaarden';
  voorwaarden: Readonly<Record<string, string>>;
}
export type FmlItem = OrdinaalItem | VoorwaardenItem;

export const RUBRIEKEN = {
  I: 'Persoonlijk functioneren',
  II: 'Sociaal functioneren',
  III: 'Aanpassing aan fysieke omgevingseisen',
  IV: 'Dynamische handelingen',
  V: 'Statische houdingen',
  VI: 'Werktijden',
} as const;
export type Rubriek = keyof typeof RUBRIEKEN;

const o = (code: string, rubriek: Rubriek, naam: string, niveaus: string[]): OrdinaalItem => ({
  code,
  rubriek,
  naam,
  soort: 'ordinaal',
  niveaus: ['Normaal', ...niveaus],
});
const v = (code: string, rubriek: Rubriek, naam: string, voorwaarden: Record<string, string>): VoorwaardenItem => ({
  code,
  rubriek,
  naam,
  soort: 'voorwaarden',
  voorwaarden,
});
const beperkt = ['Beperkt'];

export const FML_CATALOGUS_VERSIE = 'fml-2026.1';

export const FML_ITEMS: readonly FmlItem[] = [
  // I Persoonlijk functioneren
  o('I.1', 'I', 'Aandacht vasthouden', ['Kan aandacht ongeveer een half uur vasthouden', 'Kan aandacht ongeveer 5 minuten vasthouden']),
  o('I.2', 'I', 'Aandacht verdelen', ['Kan aandacht verdelen over enkele bronnen (zoals in het openbaar vervoer)', 'Kan aandacht nauwelijks verdelen']),
  o('I.3', 'I', 'Herinneren', ['Heeft geheugensteuntjes nodig', 'Kan geheugenproblemen niet compenseren']),
  o('I.4', 'I', 'Inzicht in eigen kunnen', ['Overschat de eigen mogelijkheden', 'Overschat de eigen beperkingen']),
  v('I.5', 'I', 'Doelmatig handelen', {
    laat_starten: 'Begint laat aan taken',
    onlogische_volgorde: 'Werkt in een onlogische volgorde',
    geen_controle: 'Controleert eigen werk niet',
    stopt_niet: 'Stopt niet op tijd',
    overig: 'Overige beperking',
  }),
  v('I.6', 'I', 'Zelfstandig handelen', {
    initiatief: 'Neemt weinig initiatief',
    doelen: 'Stelt moeilijk doelen',
    opties: 'Ziet weinig mogelijkheden',
    keuze: 'Kiest moeilijk',
    fouten_opmerken: 'Merkt fouten moeilijk op',
    omschakelen: 'Schakelt moeilijk om',
    volhouden: 'Houdt moeilijk vol',
    hulp_vragen: 'Vraagt moeilijk om hulp',
    overig: 'Overige beperking',
  }),
  o('I.7', 'I', 'Handelingstempo', ['Duidelijk vertraagd']),
  v('I.8', 'I', 'Specifieke voorwaarden', {
    weinig_afleiding: 'Werk met weinig afleiding',
    voorspelbaar: 'Voorspelbare werksituatie',
    weinig_onderbrekingen: 'Weinig onderbrekingen',
    geen_deadlines: 'Geen deadlines of productiepieken',
    geen_hoog_tempo: 'Geen hoog handelingstempo',
    geen_persoonlijk_risico: 'Geen persoonlijk risico',
    overig: 'Overige voorwaarde',
  }),
  o('I.9', 'I', 'Zelfstandigheid', ['Werkt met vaste werkwijzen', 'Alleen volledig voorgestructureerd werk']),
  // II Sociaal functioneren
  o('II.1', 'II', 'Zien', beperkt),
  o('II.2', 'II', 'Horen', beperkt),
  o('II.3', 'II', 'Spreken', beperkt),
  o('II.4', 'II', 'Schrijven', beperkt),
  o('II.5', 'II', 'Lezen', beperkt),
  o('II.6', 'II', 'Omgaan met emotionele problemen van anderen', ['Licht beperkt', 'Beperkt', 'Sterk beperkt', 'Niet mogelijk']),
  o('II.7', 'II', 'Uiten van eigen gevoelens', ['Licht beperkt', 'Beperkt', 'Sterk beperkt']),
  o('II.8', 'II', 'Omgaan met conflicten', ['Alleen telefonisch of schriftelijk', 'Kan niet met conflicten omgaan']),
  o('II.9', 'II', 'Samenwerken', ['Alleen aan een afgescheiden deeltaak', 'Kan niet samenwerken']),
  o('II.10', 'II', 'Vervoer naar het werk', beperkt),
  o('II.11', 'II', 'Beroepsmatig vervoer', beperkt),
  v('II.12', 'II', 'Voorwaarden sociaal functioneren', {
    weinig_klantcontact: 'Weinig klantcontact',
    weinig_patientcontact: 'Weinig patiëntcontact',
    collega_terugvallen: 'Collega om op terug te vallen',
    geen_direct_contact_collegas: 'Geen direct contact met collega’s',
    geen_leidinggeven: 'Geen leidinggevende taken',
    overig: 'Overige voorwaarde',
  }),
  // III Aanpassing aan fysieke omgevingseisen
  o('III.1', 'III', 'Hitte of koude (boven 35 °C of onder −15 °C)', beperkt),
  o('III.2', 'III', 'Tocht', beperkt),
  o('III.3', 'III', 'Huidcontact (vocht, vuil, middelen)', beperkt),
  o('III.4', 'III', 'Beschermende middelen dragen', beperkt),
  o('III.5', 'III', 'Stof, rook, gassen en dampen', beperkt),
  o('III.6', 'III', 'Geluid', beperkt),
  o('III.7', 'III', 'Trillingen', beperkt),
  o('III.8', 'III', 'Overige omgevingseisen (allergie, infectiegevoeligheid, huidbarrière)', beperkt),
  // IV Dynamische handelingen
  o('IV.3', 'IV', 'Hand- en vingergebruik', ['Licht beperkt', 'Beperkt (geen fijne motoriek of repeterend werk)']),
  o('IV.4', 'IV', 'Toetsenbord en muis', ['Ongeveer 4 uur per dag', 'Ongeveer 1 uur per dag', 'Minder dan een half uur per dag']),
  o('IV.6', 'IV', 'Schroefbewegingen', beperkt),
  o('IV.7', 'IV', 'Reiken', ['Ongeveer 60 cm', 'Ongeveer 50 cm']),
  o('IV.8', 'IV', 'Frequent reiken', ['Ongeveer 600 keer per uur', 'Ongeveer 300 keer per uur']),
  o('IV.9', 'IV', 'Buigen', ['Ongeveer 60 graden', 'Ongeveer 45 graden']),
  o('IV.10', 'IV', 'Frequent buigen', ['Ongeveer 300 keer per uur', 'Ongeveer 150 keer per uur', 'Ongeveer 50 keer per uur']),
  o('IV.11', 'IV', 'Torderen (draaien van de romp)', beperkt),
  o('IV.12', 'IV', 'Duwen of trekken', ['Ongeveer 150 N', 'Ongeveer 100 N']),
  o('IV.13', 'IV', 'Tillen', [
    'Ongeveer 15 kg (tot 10 keer per uur)',
    'Ongeveer 10 kg (tot 10 keer per uur)',
    'Ongeveer 5 kg (tot 50 keer per uur)',
    'Ongeveer 2 kg (tot 100 keer per uur)',
  ]),
  o('IV.14', 'IV', 'Dragen', ['Ongeveer 15 kg (tot 4 minuten)', 'Ongeveer 10 kg (tot 2 minuten)', 'Ongeveer 5 kg (tot 1 minuut)', 'Ongeveer 2 kg']),
  o('IV.15', 'IV', 'Hoofdbewegingen', ['Beperkt', 'Nauwelijks']),
  o('IV.16', 'IV', 'Lopen', ['Ongeveer 30 minuten achter elkaar', 'Ongeveer 15 minuten', 'Minder dan 5 minuten']),
  o('IV.17', 'IV', 'Lopen tijdens het werk', ['Ongeveer 4 uur per dag', 'Ongeveer 1 uur per dag', 'Minder dan een half uur per dag']),
  o('IV.18', 'IV', 'Traplopen', ['Ongeveer 30 treden', 'Ongeveer 15 treden', 'Eén opstap']),
  o('IV.19', 'IV', 'Klimmen', ['Huishoudtrap (ongeveer 3 m)', 'Opstapje', 'Niet']),
  o('IV.20', 'IV', 'Knielen of hurken', ['Tot 5 keer per uur', 'Tot 2 keer per uur', 'Nauwelijks']),
  // V Statische houdingen
  o('V.1', 'V', 'Zitten', ['Ongeveer 1 uur achter elkaar', 'Ongeveer een half uur', 'Minder dan 15 minuten']),
  o('V.2', 'V', 'Zitten tijdens het werk', ['Tot 8 uur per dag', 'Ongeveer 4 uur per dag', 'Minder dan 4 uur per dag']),
  o('V.3', 'V', 'Staan', ['Ongeveer een half uur achter elkaar', 'Ongeveer 15 minuten', 'Minder dan 5 minuten']),
  o('V.4', 'V', 'Staan tijdens het werk', ['Ongeveer 4 uur per dag', 'Ongeveer 1 uur per dag', 'Minder dan een half uur per dag']),
  o('V.5', 'V', 'Geknield of gehurkt actief zijn', ['Korter dan 5 minuten']),
  o('V.6', 'V', 'Gebogen of getordeerd actief zijn', ['Tot 5 minuten', 'Tot 2 minuten']),
  o('V.7', 'V', 'Boven schouderhoogte actief zijn', ['Ongeveer 1 minuut', 'Nauwelijks']),
  o('V.8', 'V', 'Het hoofd in een bepaalde stand houden', ['Ongeveer 4 uur per dag', 'Ongeveer 1 uur per dag', 'Minder dan een half uur per dag']),
  o('V.9', 'V', 'Afwisseling van houding nodig', beperkt),
  // VI Werktijden
  o('VI.1', 'VI', 'Werken op bepaalde tijden van het etmaal', ['Niet elke avond (18–22 uur)', 'Geen nachtdiensten (22–6 uur)']),
  o('VI.2', 'VI', 'Uren per dag', ['Ongeveer 8 uur', 'Ongeveer 6 uur', 'Ongeveer 4 uur', 'Ongeveer 2 uur']),
  o('VI.3', 'VI', 'Uren per week', ['Ongeveer 40 uur', 'Ongeveer 30 uur', 'Ongeveer 20 uur', 'Ongeveer 10 uur']),
];

export const FML_ITEM_BY_CODE: ReadonlyMap<string, FmlItem> = new Map(FML_ITEMS.map((i) => [i.code, i]));
