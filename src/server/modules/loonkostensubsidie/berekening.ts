/**
 * Loonkostensubsidie under Participatiewet art. 10d (pure; no HTTP, no SQL).
 *
 *   LKS = (WML + vakantiebijslag) − (loonwaarde + vakantiebijslag over de loonwaarde)
 *         at most 70% of (WML + vakantiebijslag)                                     (10d lid 4)
 *       + werkgeverslasten (23,5% of the subsidy)                         (Regeling LKS 2021)
 *       × min(agreed hours, the sector's full-time week) / 36                        (10d lid 4)
 *   Forfaitair, while the loonwaarde is not yet set: 50% of (WML + vakantiebijslag)
 *       + werkgeverslasten, for at most the first 6 months.                          (10d lid 5)
 *
 * Amounts are rounded to cents at every step, so each shown step can be checked by hand.
 * The monthly WML is the hourly WML × hours × 52 / 12.
 */
import { JEUGD_PERCENTAGES, type Gebruikt, parameterOp, periodeOp } from '../../params/parameters.js';

export interface LksInvoer {
  peildatum: string;
  /** Loonwaarde as a percentage of the WML (0–100). Ignored when forfaitair. */
  loonwaarde: number;
  urenPerWeek: number;
  forfaitair?: boolean;
  /** The sector's full-time week; agreed hours count up to it. Defaults to the 36-hour norm. */
  voltijdsUrenSector?: number;
  /** Age on the peildatum; under 21 the youth minimum wage applies. */
  leeftijd?: number;
}

export interface Stap {
  nr: number;
  omschrijving: string;
  berekening: string;
  bedrag: number;
}

export interface LksUitkomst {
  route: 'loonwaarde' | 'forfaitair';
  maandbedrag: number;
  jaarbedrag: number;
  /** Months the monthly amount applies within a year (6 for the forfaitaire route). */
  maanden: number;
  parameters: Gebruikt[];
  stappen: Stap[];
  toelichting: string[];
}

export const euro = (x: number) => Math.round((x + Math.sign(x) * Number.EPSILON) * 100) / 100;
const fmt = (x: number) => x.toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (x: number) => `${x.toLocaleString('nl-NL')}%`;

export function berekenLoonkostensubsidie(invoer: LksInvoer): LksUitkomst {
  const { peildatum } = invoer;
  const wml = parameterOp('wml_uurloon', peildatum);
  const vb = parameterOp('vakantiebijslag_pct', peildatum);
  const wgl = parameterOp('werkgeverslasten_pct', peildatum);
  const max = parameterOp('lks_maximum_pct', peildatum);
  const norm = parameterOp('lks_normuren', peildatum);
  const parameters: Gebruikt[] = [wml, vb, wgl, norm];
  const stappen: Stap[] = [];
  const toelichting: string[] = [];
  const stap = (omschrijving: string, berekening: string, bedrag: number) => {
    stappen.push({ nr: stappen.length + 1, omschrijving, berekening, bedrag });
    return bedrag;
  };

  let uurloon = wml.waarde;
  if (invoer.leeftijd !== undefined && invoer.leeftijd < 21) {
    const staffel = periodeOp(JEUGD_PERCENTAGES, peildatum);
    const p = staffel.waarde[Math.max(15, Math.floor(invoer.leeftijd))] ?? 30;
    parameters.push({
      naam: 'jeugdloon_pct',
      omschrijving: `Minimumjeugdloon ${invoer.leeftijd} jaar`,
      waarde: p,
      eenheid: '%',
      geldigVan: staffel.van,
      geldigTot: staffel.tot,
      bron: staffel.bron,
    });
    uurloon = euro((wml.waarde * p) / 100);
    stap('Minimumuurloon voor deze leeftijd', `${fmt(wml.waarde)} × ${pct(p)}`, uurloon);
  }
  const normuren = norm.waarde;
  const wmlMaand = stap(`Minimumloon per maand bij ${normuren} uur`, `${fmt(uurloon)} × ${normuren} × 52 / 12`, euro((uurloon * normuren * 52) / 12));
  const vbWml = stap('Vakantiebijslag over het minimumloon', `${pct(vb.waarde)} × ${fmt(wmlMaand)}`, euro((wmlMaand * vb.waarde) / 100));
  const wmlPlusVb = stap('Minimumloon + vakantiebijslag', `${fmt(wmlMaand)} + ${fmt(vbWml)}`, euro(wmlMaand + vbWml));

  let lks: number;
  let route: LksUitkomst['route'];
  if (invoer.forfaitair) {
    route = 'forfaitair';
    const forf = parameterOp('lks_forfaitair_pct', peildatum);
    parameters.push(forf);
    lks = stap('Forfaitaire loonkostensubsidie', `${pct(forf.waarde)} × ${fmt(wmlPlusVb)}`, euro((wmlPlusVb * forf.waarde) / 100));
    toelichting.push(
      'De loonwaarde is nog niet vastgesteld (art. 10d lid 5). Na ten hoogste 6 maanden wordt de loonwaarde vastgesteld en geldt de gewone berekening.',
    );
  } else {
    route = 'loonwaarde';
    parameters.push(max);
    const lw = stap('Loonwaarde per maand', `${pct(invoer.loonwaarde)} × ${fmt(wmlMaand)}`, euro((wmlMaand * invoer.loonwaarde) / 100));
    const vbLw = stap('Vakantiebijslag over de loonwaarde', `${pct(vb.waarde)} × ${fmt(lw)}`, euro((lw * vb.waarde) / 100));
    const lwPlusVb = stap('Loonwaarde + vakantiebijslag', `${fmt(lw)} + ${fmt(vbLw)}`, euro(lw + vbLw));
    const verschil = stap('Verschil (minimumloon + vb) − (loonwaarde + vb)', `${fmt(wmlPlusVb)} − ${fmt(lwPlusVb)}`, euro(Math.max(0, wmlPlusVb - lwPlusVb)));
    const maximum = stap(`Maximum: ${pct(max.waarde)} van minimumloon + vb`, `${pct(max.waarde)} × ${fmt(wmlPlusVb)}`, euro((wmlPlusVb * max.waarde) / 100));
    lks = stap('Loonkostensubsidie (laagste van verschil en maximum)', `min(${fmt(verschil)}, ${fmt(maximum)})`, Math.min(verschil, maximum));
    if (verschil > maximum) toelichting.push(`Het verschil is hoger dan het maximum van ${pct(max.waarde)}; de subsidie is begrensd.`);
    if (invoer.loonwaarde >= 100) toelichting.push('Bij een loonwaarde van 100% is er geen loonkostensubsidie.');
  }
  const lasten = stap('Vergoeding werkgeverslasten', `${pct(wgl.waarde)} × ${fmt(lks)}`, euro((lks * wgl.waarde) / 100));
  const totaalNorm = stap(`Totaal per maand bij ${normuren} uur`, `${fmt(lks)} + ${fmt(lasten)}`, euro(lks + lasten));
  const voltijd = invoer.voltijdsUrenSector ?? normuren;
  const telbareUren = Math.min(invoer.urenPerWeek, voltijd);
  if (invoer.urenPerWeek > voltijd) toelichting.push(`Er tellen niet meer uren mee dan de volledige werkweek in de sector (${voltijd} uur).`);
  const maandbedrag = stap(
    'Loonkostensubsidie per maand naar rato van de uren',
    `${fmt(totaalNorm)} × ${telbareUren} / ${normuren}`,
    euro((totaalNorm * telbareUren) / normuren),
  );
  let maanden = 12;
  if (route === 'forfaitair') {
    const maxMaanden = parameterOp('lks_forfaitair_max_maanden', peildatum);
    parameters.push(maxMaanden);
    maanden = maxMaanden.waarde;
  }
  const jaarbedrag = stap(
    maanden === 12 ? 'Loonkostensubsidie per jaar' : `Loonkostensubsidie over ten hoogste ${maanden} maanden`,
    `${fmt(maandbedrag)} × ${maanden}`,
    euro(maandbedrag * maanden),
  );
  toelichting.push('De subsidie wordt op 1 januari geïndexeerd (art. 10d lid 7). Dit is een berekening, geen besluit.');
  return { route, maandbedrag, jaarbedrag, maanden, parameters, stappen, toelichting };
}
