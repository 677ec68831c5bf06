/**
 * Deterministic synthetic candidates for the benchmarks: a Dutch vocabulary with Zipf-like word
 * frequencies (a few words very common, most rare, as in real free text), and the code lists a
 * kandidaatprofiel uses. Shared by bench/kandidaten-zoeken.ts (search) and bench/import.ts (delivery).
 */

/** Words a candidate or klantmanager writes, most frequent first (weight ~ 1/rank). */
export const WOORDEN = (
  'werken graag buiten mensen team vast uren dagen week helpen winkel magazijn keuken schoonmaken ' +
  'tuin tuinen groen dieren auto fiets computer kantoor administratie zorg ouderen kinderen school ' +
  'koken bakken bakkerij horeca café restaurant bediening afwas vakken vullen kassa klanten telefoon ' +
  'logistiek inpakken orders heftruck chauffeur bezorgen post archief scannen invoeren techniek ' +
  'installatie elektra hout timmeren metaal lassen productie fabriek lopende band kwaliteit controle ' +
  'recycling kringloop schilderen onderhoud conciërge beveiliging receptie gastvrij rustig structuur ' +
  're-integratie werkervaring leerwerkplek stage opleiding diploma certificaat rijbewijs ochtend middag ' +
  'parttime fulltime flexibel betrouwbaar nauwkeurig handig vriendelijk zelfstandig samenwerken leren'
).split(' ');
export const SECTOREN = [
  'groen',
  'logistiek',
  'horeca',
  'administratie',
  'schoonmaak_facilitair',
  'detailhandel',
  'zorg_welzijn',
  'productie',
  'techniek',
  'bouw',
];
export const NIVEAUS = ['geen', 'entree', 'mbo2', 'mbo3', 'mbo4', 'hbo'];
export const CONDITIES = [
  'werkt_graag_buiten',
  'werkt_graag_binnen',
  'geen_zwaar_tilwerk',
  'vaste_structuur',
  'werkt_graag_met_mensen',
  'rustige_werkplek',
  'korte_werkdagen',
];
export const FUNCTIES = [
  'Hovenier',
  'Orderpicker',
  'Medewerker bediening',
  'Schoonmaker',
  'Vakkenvuller',
  'Administratief medewerker',
  'Productiemedewerker',
  'Afwasser',
];
export const VOORNAMEN = ['Sanne', 'Daan', 'Fatima', 'Youssef', 'Emma', 'Lucas', 'Noah', 'Julia', 'Mohamed', 'Anouk', 'Bram', 'Lotte', 'Mehmet', 'Sophie'];
export const ACHTERNAMEN = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'El Amrani',
  'Yilmaz',
  'de Boer',
  'Mulder',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
];
export const PLAATSEN = ['Zwolle', 'Kampen', 'Dalfsen', 'Staphorst', 'Hattem'];

/** A Zipf-like rank in [0, n): rank r with probability about 1/(r+1). */
export function zipf(rand: () => number, n: number): number {
  // Inverse of a harmonic CDF, approximately: rank ∝ exp(u · ln n).
  return Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1)) - 1));
}

/** `woorden` words drawn with Zipf frequencies. */
export function zin(rand: () => number, woorden: number): string {
  return Array.from({ length: woorden }, () => WOORDEN[zipf(rand, WOORDEN.length)]).join(' ');
}

/** Fictitious numbers that pass the 11-proef, in increasing order from `start` (deterministic, unique). */
export function* bsnReeks(start = 800_000_000): Generator<string> {
  for (let kandidaat = start; kandidaat < 1_000_000_000; kandidaat++) {
    const s = String(kandidaat);
    let som = 0;
    for (let i = 0; i < 8; i++) som += Number(s[i]) * (9 - i);
    som -= Number(s[8]);
    if (som % 11 === 0) yield s;
  }
}
