/**
 * Loonwaardemeting (pure; no SQL, no HTTP). [REFERENCE.md §2.1–2.3]
 *
 * What the law fixes (Besluit loonkostensubsidie Participatiewet 2021, art. 1; Regeling LKS 2021):
 * - a hoofdtaak takes at least 1/16 of the weekly working time and at least 30 minutes per working day;
 * - the person is compared with the normfunctie: the function of an average worker with similar
 *   education and experience, outside the LKS target group, closest to the work actually done;
 * - per hoofdtaak: tempo, kwaliteit and netto werktijd (in the validated methods: "inzetbaarheid");
 * - the loonwaardedeskundige has hbo level (or equivalent) and at least 2 years' relevant experience
 *   (Regeling LKS 2021 art. 3); the outcome is written down in the model report (art. 2, bijlage).
 *
 * What the law leaves to the method — and the choice made here (the common basis of the validated
 * methods: AKC Cahier 13a, "max 5 hoofdtaken → normfunctie → Tempo / Kwaliteit / Inzetbaarheid"):
 *
 *   taakwaarde_i = tempo_i × kwaliteit_i × inzetbaarheid_i            (each as a fraction of the norm)
 *                  at most 100%
 *   aandeel_i    = uren_i / Σ uren (over the hoofdtaken)
 *   loonwaarde   = Σ taakwaarde_i × aandeel_i                          (time-weighted average)
 *                  rounded to a whole percent, half up, only at the very end
 *
 * Why the product: tempo × kwaliteit is the usable output per hour relative to the norm (kwaliteit is
 * defined as the share of the output that is usable), and × inzetbaarheid scales that to the
 * productive share of the working time. Three independent reductions multiply; adding or averaging
 * them would let a high score on one hide a low one on another (80% tempo at 50% usable output is
 * 40% usable output, not 65%).
 *
 * Decisions (documented, tested):
 * - Tempo may be above 100% (up to 150%): someone can be faster than the average worker on a task,
 *   and that may make up for lower kwaliteit on the same task. Kwaliteit and inzetbaarheid cannot
 *   exceed the norm (100%). A task never counts for more than 100%: the loonwaarde is at most the
 *   average worker's, and a fast task does not make up for a slow one. So 0 ≤ loonwaarde ≤ 100.
 *   Above 150% tempo the normfunctie is most likely wrong, so it is refused.
 * - The hoofdtaken may cover less than the whole week. The remaining time ("overige taken") is not
 *   measured and does not count in the weighted average; the report says so.
 * - The 30-minutes-per-day rule is checked on the average over the working days (the weekly hours
 *   do not tell on which days a task is done).
 * - Rounding: the model report asks for one loonwaarde percentage; Passend rounds the exact weighted
 *   average to a whole percent, half up (68.5 → 69). Intermediate values are never rounded for the
 *   calculation, only for display (2 decimals).
 * - The deskundige may set a different loonwaarde (whole percent, 0–100) only with a written reason;
 *   the calculated value stays recorded next to it.
 */

export const MAX_HOOFDTAKEN = 5;
/** Besluit LKS 2021 art. 1: a hoofdtaak takes at least 1/16 of the weekly working time… */
export const MIN_DEEL_VAN_WERKWEEK = 1 / 16;
/** …and at least 30 minutes per working day. */
export const MIN_MINUTEN_PER_WERKDAG = 30;
/** Highest score per factor, in percent of the normfunctie's average worker (100). */
export const MAX_SCORE = { tempo: 150, kwaliteit: 100, inzetbaarheid: 100 } as const;
export const MAX_TAAKWAARDE = 100;
/** Regeling LKS 2021 art. 3 lid 1 sub b. */
export const MIN_JAREN_ERVARING = 2;
export const MAX_UREN_PER_WEEK = 60;
/** The normfunctie's full-time week: as the sector's full-time week in the LKS calculation. */
export const NORMUREN = { min: 24, max: 40 } as const;
export const MIN_REDEN_TEKENS = 10;

export const FORMULE =
  'Per hoofdtaak: taakwaarde = tempo × kwaliteit × inzetbaarheid (ten hoogste 100%). ' +
  'Loonwaarde = het gemiddelde van de taakwaarden, gewogen naar de uren per week van elke hoofdtaak, afgerond op een heel procent.';

export const BRONNEN = [
  'Participatiewet art. 6 lid 1 onder g (loonwaarde) en art. 10d',
  'Besluit loonkostensubsidie Participatiewet 2021, art. 1 (hoofdtaak, normfunctie, tempo, kwaliteit, netto werktijd)',
  'Regeling loonkostensubsidie Participatiewet 2021, art. 2 (modelrapportage) en art. 3 (kwalificaties loonwaardedeskundige)',
  'AKC Cahier 13a: gemeenschappelijke basis van de gevalideerde methoden (ten hoogste 5 hoofdtaken, normfunctie, tempo, kwaliteit, inzetbaarheid)',
];

export interface HoofdtaakInvoer {
  omschrijving: string;
  urenPerWeek: number;
  /** Percent of the normfunctie's average worker (100 = average). */
  tempo: number;
  kwaliteit: number;
  inzetbaarheid: number;
  toelichting?: string | null | undefined;
}

export interface MetingInvoer {
  meetdatum: string;
  volgendeMetingOp: string;
  werkplek: {
    werkgever: string;
    /** The person's function at the employer. */
    functie: string;
    arbeidsurenPerWeek: number;
    werkdagenPerWeek: number;
  };
  normfunctie: {
    naam: string;
    omschrijving: string;
    /** The normfunctie's full-time week. */
    urenPerWeek: number;
  };
  hoofdtaken: HoofdtaakInvoer[];
  methode: string;
  kwalificatie: {
    omschrijving: string;
    hboOfGelijkwaardig: boolean;
    jarenErvaring: number;
  };
  /** The deskundige's own loonwaarde, when deviating from the calculation; needs a reason. */
  afwijking?: { loonwaarde: number; reden: string } | null | undefined;
}

export type MetingFoutcode =
  | 'verplicht'
  | 'buiten_bereik'
  | 'aantal_hoofdtaken'
  | 'hoofdtaak_te_klein'
  | 'te_weinig_per_werkdag'
  | 'meer_dan_werkweek'
  | 'ongeldige_datum'
  | 'datum_volgorde'
  | 'datum_in_toekomst'
  | 'reden_ontbreekt'
  | 'kwalificatie';

/** One refused field: its path in the input (as `hoofdtaken.0.urenPerWeek`), a code and a Dutch reason. */
export interface MetingFout {
  veld: string;
  code: MetingFoutcode;
  reden: string;
}

export class OngeldigeMeting extends Error {
  constructor(readonly fouten: MetingFout[]) {
    super(fouten.map((f) => f.reden).join(' '));
    this.name = 'OngeldigeMeting';
  }
}

export interface TaakUitkomst {
  nr: number;
  omschrijving: string;
  urenPerWeek: number;
  tempo: number;
  kwaliteit: number;
  inzetbaarheid: number;
  toelichting: string | null;
  /** Share of the time in hoofdtaken, in percent (2 decimals). */
  aandeel: number;
  /** Share of the weekly working time, in percent (2 decimals). */
  aandeelWerkweek: number;
  /** tempo × kwaliteit × inzetbaarheid, in percent (2 decimals), after the cap. */
  taakwaarde: number;
  /** The product was above 100% and was capped. */
  begrensd: boolean;
  /** taakwaarde × aandeel, in percentage points (2 decimals). */
  bijdrage: number;
}

export interface MetingStap {
  nr: number;
  omschrijving: string;
  berekening: string;
  uitkomst: number;
  eenheid: '%' | 'uur';
}

export interface LoonwaardeUitkomst {
  /** The loonwaarde that counts: whole percent, 0–100 (the deskundige's own value when deviating). */
  loonwaarde: number;
  /** The calculated loonwaarde, rounded to a whole percent. */
  berekendeLoonwaarde: number;
  /** The calculated loonwaarde before rounding (2 decimals, for display). */
  exacteLoonwaarde: number;
  afgeweken: boolean;
  afwijkingsreden: string | null;
  taken: TaakUitkomst[];
  urenHoofdtaken: number;
  urenOverigeTaken: number;
  formule: string;
  stappen: MetingStap[];
  toelichting: string[];
  bronnen: string[];
}

const ISO_DATUM = /^\d{4}-\d{2}-\d{2}$/;
/** Snaps float noise (64.49999999999 for 64.5) before rounding. */
const schoon = (x: number) => Math.round(x * 1e6) / 1e6;
const twee = (x: number) => Math.round(schoon(x) * 100) / 100;
export const heelProcent = (x: number) => Math.round(schoon(x));
const nl = (x: number, decimalen = 2) => x.toLocaleString('nl-NL', { maximumFractionDigits: decimalen });
const pct = (x: number, decimalen = 2) => `${nl(x, decimalen)}%`;
const uur = (x: number) => `${nl(x)} uur`;
const isGetal = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function geldigeDatum(iso: string): boolean {
  if (!ISO_DATUM.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/**
 * All rule violations at once (an empty list means valid). `vandaag` (ISO date), when given, refuses a
 * meetdatum in the future: a measurement is recorded after it took place.
 */
export function valideerMeting(invoer: MetingInvoer, opties: { vandaag?: string } = {}): MetingFout[] {
  const fouten: MetingFout[] = [];
  const fout = (veld: string, code: MetingFoutcode, reden: string) => fouten.push({ veld, code, reden });
  const tekst = (veld: string, waarde: string | undefined, wat: string) => {
    if (typeof waarde !== 'string' || waarde.trim() === '') fout(veld, 'verplicht', `Vul ${wat} in.`);
  };
  const bereik = (veld: string, waarde: number, min: number, max: number, wat: string, o: { minExclusief?: boolean; geheel?: boolean } = {}) => {
    const teLaag = o.minExclusief ? waarde <= min : waarde < min;
    if (!isGetal(waarde) || teLaag || waarde > max || (o.geheel && !Number.isInteger(waarde))) {
      const van = o.minExclusief ? `meer dan ${nl(min)}` : nl(min);
      fout(veld, 'buiten_bereik', `${wat} ligt tussen ${van} en ${nl(max)}${o.geheel ? ' (een heel getal)' : ''}.`);
      return false;
    }
    return true;
  };

  // Dates.
  const meetdatumOk = geldigeDatum(invoer.meetdatum);
  if (!meetdatumOk) fout('meetdatum', 'ongeldige_datum', 'Vul de meetdatum in als JJJJ-MM-DD.');
  const volgendeOk = geldigeDatum(invoer.volgendeMetingOp);
  if (!volgendeOk) fout('volgendeMetingOp', 'ongeldige_datum', 'Vul de datum van de volgende meting in als JJJJ-MM-DD.');
  if (meetdatumOk && volgendeOk && invoer.volgendeMetingOp <= invoer.meetdatum) {
    fout('volgendeMetingOp', 'datum_volgorde', 'De volgende meting ligt na de meetdatum.');
  }
  if (meetdatumOk && opties.vandaag && invoer.meetdatum > opties.vandaag) {
    fout('meetdatum', 'datum_in_toekomst', 'De meetdatum ligt niet in de toekomst: leg een meting vast nadat die is gedaan.');
  }

  // Workplace and normfunctie.
  const w = invoer.werkplek;
  tekst('werkplek.werkgever', w.werkgever, 'de naam van de werkgever');
  tekst('werkplek.functie', w.functie, 'de functie bij de werkgever');
  const urenOk = bereik('werkplek.arbeidsurenPerWeek', w.arbeidsurenPerWeek, 0, MAX_UREN_PER_WEEK, 'Het aantal arbeidsuren per week', { minExclusief: true });
  const dagenOk = bereik('werkplek.werkdagenPerWeek', w.werkdagenPerWeek, 1, 7, 'Het aantal werkdagen per week', { geheel: true });
  const n = invoer.normfunctie;
  tekst('normfunctie.naam', n.naam, 'de naam van de normfunctie');
  tekst('normfunctie.omschrijving', n.omschrijving, 'een omschrijving van de normfunctie');
  bereik('normfunctie.urenPerWeek', n.urenPerWeek, NORMUREN.min, NORMUREN.max, 'De volledige werkweek van de normfunctie (uren)');

  // Hoofdtaken.
  const taken = invoer.hoofdtaken;
  if (!Array.isArray(taken) || taken.length < 1 || taken.length > MAX_HOOFDTAKEN) {
    fout('hoofdtaken', 'aantal_hoofdtaken', `Leg 1 tot en met ${MAX_HOOFDTAKEN} hoofdtaken vast.`);
  } else {
    const minUren = urenOk ? w.arbeidsurenPerWeek * MIN_DEEL_VAN_WERKWEEK : null;
    let som = 0;
    let somOk = true;
    for (const [i, t] of taken.entries()) {
      const pad = `hoofdtaken.${i}`;
      const nr = i + 1;
      tekst(`${pad}.omschrijving`, t.omschrijving, `een omschrijving van hoofdtaak ${nr}`);
      if (bereik(`${pad}.urenPerWeek`, t.urenPerWeek, 0, MAX_UREN_PER_WEEK, `Het aantal uren per week van hoofdtaak ${nr}`, { minExclusief: true })) {
        som += t.urenPerWeek;
        if (minUren !== null && schoon(t.urenPerWeek) < schoon(minUren)) {
          fout(
            `${pad}.urenPerWeek`,
            'hoofdtaak_te_klein',
            `Hoofdtaak ${nr} duurt ${uur(t.urenPerWeek)} per week. Een hoofdtaak is minstens 1/16 van de werkweek: ${uur(twee(minUren))} bij ${uur(w.arbeidsurenPerWeek)}.`,
          );
        } else if (urenOk && dagenOk && schoon((t.urenPerWeek * 60) / w.werkdagenPerWeek) < MIN_MINUTEN_PER_WERKDAG) {
          fout(
            `${pad}.urenPerWeek`,
            'te_weinig_per_werkdag',
            `Hoofdtaak ${nr} duurt gemiddeld ${nl((t.urenPerWeek * 60) / w.werkdagenPerWeek, 0)} minuten per werkdag. Een hoofdtaak is minstens ${MIN_MINUTEN_PER_WERKDAG} minuten per werkdag.`,
          );
        }
      } else {
        somOk = false;
      }
      bereik(`${pad}.tempo`, t.tempo, 0, MAX_SCORE.tempo, `Het tempo van hoofdtaak ${nr} (%)`);
      bereik(`${pad}.kwaliteit`, t.kwaliteit, 0, MAX_SCORE.kwaliteit, `De kwaliteit van hoofdtaak ${nr} (%)`);
      bereik(`${pad}.inzetbaarheid`, t.inzetbaarheid, 0, MAX_SCORE.inzetbaarheid, `De inzetbaarheid van hoofdtaak ${nr} (%)`);
    }
    if (urenOk && somOk && schoon(som) > schoon(w.arbeidsurenPerWeek)) {
      fout(
        'hoofdtaken',
        'meer_dan_werkweek',
        `De hoofdtaken samen duren ${uur(twee(som))} per week; dat is meer dan de werkweek van ${uur(w.arbeidsurenPerWeek)}.`,
      );
    }
  }

  // Method and the deskundige's qualification (Regeling LKS 2021 art. 3).
  tekst('methode', invoer.methode, 'de gebruikte methode');
  const k = invoer.kwalificatie;
  tekst('kwalificatie.omschrijving', k.omschrijving, 'uw kwalificatie als loonwaardedeskundige');
  if (k.hboOfGelijkwaardig !== true) {
    fout(
      'kwalificatie.hboOfGelijkwaardig',
      'kwalificatie',
      'Een loonwaardedeskundige heeft een hbo-opleiding of een gelijkwaardige kwalificatie (Regeling LKS 2021, art. 3).',
    );
  }
  if (!isGetal(k.jarenErvaring) || k.jarenErvaring < MIN_JAREN_ERVARING || k.jarenErvaring > 60) {
    fout(
      'kwalificatie.jarenErvaring',
      'kwalificatie',
      `Een loonwaardedeskundige heeft minstens ${MIN_JAREN_ERVARING} jaar relevante werkervaring (Regeling LKS 2021, art. 3).`,
    );
  }

  // The deskundige's own value.
  if (invoer.afwijking) {
    const a = invoer.afwijking;
    bereik('afwijking.loonwaarde', a.loonwaarde, 0, 100, 'De vastgestelde loonwaarde (%)', { geheel: true });
    if (typeof a.reden !== 'string' || a.reden.trim().length < MIN_REDEN_TEKENS) {
      fout('afwijking.reden', 'reden_ontbreekt', `Schrijf op waarom u afwijkt van de berekende loonwaarde (minstens ${MIN_REDEN_TEKENS} tekens).`);
    }
  }
  return fouten;
}

/** Validates, then calculates with every step shown. Throws OngeldigeMeting with all violations. */
export function berekenLoonwaarde(invoer: MetingInvoer, opties: { vandaag?: string } = {}): LoonwaardeUitkomst {
  const fouten = valideerMeting(invoer, opties);
  if (fouten.length > 0) throw new OngeldigeMeting(fouten);

  const stappen: MetingStap[] = [];
  const toelichting: string[] = [];
  const stap = (omschrijving: string, berekening: string, uitkomst: number, eenheid: MetingStap['eenheid'] = '%') => {
    stappen.push({ nr: stappen.length + 1, omschrijving, berekening, uitkomst, eenheid });
    return uitkomst;
  };
  const week = invoer.werkplek.arbeidsurenPerWeek;
  const somUren = schoon(invoer.hoofdtaken.reduce((s, t) => s + t.urenPerWeek, 0));
  stap('Tijd in hoofdtaken per week', invoer.hoofdtaken.map((t) => nl(t.urenPerWeek)).join(' + '), somUren, 'uur');
  const overig = schoon(week - somUren);
  if (overig > 0) {
    stap('Overige taken (niet gemeten)', `${nl(week)} − ${nl(somUren)}`, overig, 'uur');
    toelichting.push(
      `${uur(overig)} per week valt buiten de hoofdtaken (overige taken). Die tijd is niet gemeten en telt niet mee: de loonwaarde is het gemiddelde over de hoofdtaken.`,
    );
  }

  let exact = 0;
  const taken: TaakUitkomst[] = invoer.hoofdtaken.map((t, i) => {
    const nr = i + 1;
    const product = (t.tempo * t.kwaliteit * t.inzetbaarheid) / 10_000; // percent × percent × percent / 100²
    const begrensd = schoon(product) > MAX_TAAKWAARDE;
    const taakwaarde = begrensd ? MAX_TAAKWAARDE : product;
    const aandeel = t.urenPerWeek / somUren;
    const bijdrage = taakwaarde * aandeel;
    exact += bijdrage;
    stap(`Hoofdtaak ${nr}: taakwaarde = tempo × kwaliteit × inzetbaarheid`, `${pct(t.tempo)} × ${pct(t.kwaliteit)} × ${pct(t.inzetbaarheid)}`, twee(product));
    if (begrensd) {
      stap(`Hoofdtaak ${nr}: een taak telt voor ten hoogste ${MAX_TAAKWAARDE}%`, `min(${pct(twee(product))}, ${MAX_TAAKWAARDE}%)`, MAX_TAAKWAARDE);
      toelichting.push(
        `Hoofdtaak ${nr}: het hogere tempo maakt de lagere kwaliteit of inzetbaarheid goed, maar een taak telt voor niet meer dan een gemiddelde werknemer (${MAX_TAAKWAARDE}%).`,
      );
    }
    stap(`Hoofdtaak ${nr}: aandeel in de tijd van de hoofdtaken`, `${nl(t.urenPerWeek)} / ${nl(somUren)}`, twee(aandeel * 100));
    stap(`Hoofdtaak ${nr}: bijdrage aan de loonwaarde`, `${pct(twee(taakwaarde))} × ${pct(twee(aandeel * 100))}`, twee(bijdrage));
    return {
      nr,
      omschrijving: t.omschrijving.trim(),
      urenPerWeek: t.urenPerWeek,
      tempo: t.tempo,
      kwaliteit: t.kwaliteit,
      inzetbaarheid: t.inzetbaarheid,
      toelichting: t.toelichting?.trim() || null,
      aandeel: twee(aandeel * 100),
      aandeelWerkweek: twee((t.urenPerWeek / week) * 100),
      taakwaarde: twee(taakwaarde),
      begrensd,
      bijdrage: twee(bijdrage),
    };
  });

  const exacteLoonwaarde = twee(exact);
  stap('Loonwaarde: gewogen gemiddelde van de taakwaarden', taken.map((t) => nl(t.bijdrage)).join(' + '), exacteLoonwaarde);
  // Clamp as the last guard: by construction every taakwaarde is 0–100, so the average is too.
  const berekend = Math.min(100, Math.max(0, heelProcent(exact)));
  stap('Loonwaarde afgerond op een heel procent', `afronden(${pct(exacteLoonwaarde)})`, berekend);

  let loonwaarde = berekend;
  let afwijkingsreden: string | null = null;
  const a = invoer.afwijking;
  if (a) {
    loonwaarde = a.loonwaarde;
    afwijkingsreden = a.reden.trim();
    stap('Loonwaarde vastgesteld door de loonwaardedeskundige (afwijking met reden)', `${pct(berekend)} → ${pct(a.loonwaarde)}`, loonwaarde);
    toelichting.push(`De loonwaardedeskundige wijkt af van de berekende ${pct(berekend)}: ${afwijkingsreden}`);
  }
  if (invoer.werkplek.arbeidsurenPerWeek > invoer.normfunctie.urenPerWeek) {
    toelichting.push(
      `De werknemer werkt meer uren (${nl(week)}) dan de volledige werkweek van de normfunctie (${nl(invoer.normfunctie.urenPerWeek)}); voor de loonkostensubsidie tellen ten hoogste ${nl(invoer.normfunctie.urenPerWeek)} uur mee.`,
    );
  }
  toelichting.push('De loonwaarde is een vaststelling door de loonwaardedeskundige; de gemeente beslist over de loonkostensubsidie.');
  return {
    loonwaarde,
    berekendeLoonwaarde: berekend,
    exacteLoonwaarde,
    afgeweken: Boolean(a),
    afwijkingsreden,
    taken,
    urenHoofdtaken: somUren,
    urenOverigeTaken: Math.max(0, overig),
    formule: FORMULE,
    stappen,
    toelichting,
    bronnen: BRONNEN,
  };
}
