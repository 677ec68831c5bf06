import type { NieuweMeting } from '../api/loonwaarde.js';
import { isIsoDatum, leesGetal } from './getallen.js';

/**
 * Form values of a loonwaardemeting: every field a string (as typed), checkboxes as booleans.
 * Field names are the API's field paths (`werkplek.werkgever`, `hoofdtaken.0.tempo`), so the server's
 * invalidParams land on the right field.
 */
export interface TaakWaarden {
  omschrijving: string;
  urenPerWeek: string;
  tempo: string;
  kwaliteit: string;
  inzetbaarheid: string;
  toelichting: string;
}

export interface MetingWaarden {
  meetdatum: string;
  volgendeMetingOp: string;
  werkgever: string;
  functie: string;
  arbeidsurenPerWeek: string;
  werkdagenPerWeek: string;
  normfunctieNaam: string;
  normfunctieOmschrijving: string;
  normurenPerWeek: string;
  taken: TaakWaarden[];
  methode: string;
  kwalificatie: string;
  hboOfGelijkwaardig: boolean;
  jarenErvaring: string;
  afwijken: boolean;
  afwijkingLoonwaarde: string;
  afwijkingReden: string;
}

export const MAX_TAKEN = 5;

export const LEGE_TAAK: TaakWaarden = { omschrijving: '', urenPerWeek: '', tempo: '', kwaliteit: '', inzetbaarheid: '', toelichting: '' };

export function legeMeting(vandaag: string): MetingWaarden {
  return {
    meetdatum: vandaag,
    volgendeMetingOp: '',
    werkgever: '',
    functie: '',
    arbeidsurenPerWeek: '',
    werkdagenPerWeek: '',
    normfunctieNaam: '',
    normfunctieOmschrijving: '',
    normurenPerWeek: '',
    taken: [{ ...LEGE_TAAK }],
    methode: '',
    kwalificatie: '',
    hboOfGelijkwaardig: false,
    jarenErvaring: '',
    afwijken: false,
    afwijkingLoonwaarde: '',
    afwijkingReden: '',
  };
}

const TAAK_LABELS: Record<keyof TaakWaarden, string> = {
  omschrijving: 'omschrijving',
  urenPerWeek: 'uren per week',
  tempo: 'tempo',
  kwaliteit: 'kwaliteit',
  inzetbaarheid: 'inzetbaarheid',
  toelichting: 'toelichting',
};

/** Labels for the error summary, keyed by the API's field path. */
export function labels(aantalTaken: number): Record<string, string> {
  const l: Record<string, string> = {
    meetdatum: 'Meetdatum',
    volgendeMetingOp: 'Volgende meting',
    'werkplek.werkgever': 'Werkgever',
    'werkplek.functie': 'Functie',
    'werkplek.arbeidsurenPerWeek': 'Arbeidsuren per week',
    'werkplek.werkdagenPerWeek': 'Werkdagen per week',
    'normfunctie.naam': 'Normfunctie',
    'normfunctie.omschrijving': 'Omschrijving normfunctie',
    'normfunctie.urenPerWeek': 'Volledige werkweek normfunctie',
    hoofdtaken: 'Hoofdtaken',
    methode: 'Methode',
    'kwalificatie.omschrijving': 'Kwalificatie',
    'kwalificatie.hboOfGelijkwaardig': 'Hbo of gelijkwaardig',
    'kwalificatie.jarenErvaring': 'Jaren ervaring',
    afwijking: 'Andere loonwaarde',
    'afwijking.loonwaarde': 'Vastgestelde loonwaarde',
    'afwijking.reden': 'Reden van afwijken',
  };
  for (let i = 0; i < Math.max(aantalTaken, MAX_TAKEN); i++) {
    l[`hoofdtaken.${i}`] = `Hoofdtaak ${i + 1}`;
    for (const [k, v] of Object.entries(TAAK_LABELS)) l[`hoofdtaken.${i}.${k}`] = `Hoofdtaak ${i + 1}, ${v}`;
  }
  return l;
}

/**
 * Client-side checks: what is missing or not a number. The rules of the Besluit (1/16 of the week,
 * 30 minutes per day, tasks within the week) are the server's; it names the field it refuses.
 */
export function controleer(w: MetingWaarden): { body: NieuweMeting | null; fouten: Record<string, string> } {
  const f: Record<string, string> = {};
  const tekst = (veld: string, waarde: string, melding: string) => {
    if (!waarde.trim()) f[veld] = melding;
    return waarde.trim();
  };
  const getal = (veld: string, waarde: string, melding: string, opties: { min?: number; max?: number; geheel?: boolean } = {}) => {
    const x = leesGetal(waarde);
    if (x === null) {
      f[veld] = melding;
      return 0;
    }
    if (Number.isNaN(x)) {
      f[veld] = 'Vul een getal in, bijvoorbeeld 12 of 7,5.';
      return 0;
    }
    const { min, max, geheel } = opties;
    if ((min !== undefined && x < min) || (max !== undefined && x > max) || (geheel && !Number.isInteger(x))) {
      f[veld] = `Vul ${geheel ? 'een heel getal' : 'een getal'} in${min !== undefined && max !== undefined ? ` van ${min} tot en met ${max}` : ''}.`;
    }
    return x;
  };
  const datum = (veld: string, waarde: string, melding: string) => {
    if (!waarde) f[veld] = melding;
    else if (!isIsoDatum(waarde)) f[veld] = 'Vul een bestaande datum in.';
    return waarde;
  };

  const body: NieuweMeting = {
    meetdatum: datum('meetdatum', w.meetdatum, 'Vul de datum van de meting in.'),
    volgendeMetingOp: datum('volgendeMetingOp', w.volgendeMetingOp, 'Vul de afgesproken datum van de volgende meting in.'),
    werkplek: {
      werkgever: tekst('werkplek.werkgever', w.werkgever, 'Vul de naam van de werkgever in.'),
      functie: tekst('werkplek.functie', w.functie, 'Vul de functie bij de werkgever in.'),
      arbeidsurenPerWeek: getal('werkplek.arbeidsurenPerWeek', w.arbeidsurenPerWeek, 'Vul het aantal arbeidsuren per week in.', { min: 0, max: 60 }),
      werkdagenPerWeek: getal('werkplek.werkdagenPerWeek', w.werkdagenPerWeek, 'Vul het aantal werkdagen per week in.', { min: 1, max: 7, geheel: true }),
    },
    normfunctie: {
      naam: tekst('normfunctie.naam', w.normfunctieNaam, 'Vul de naam van de normfunctie in.'),
      omschrijving: tekst('normfunctie.omschrijving', w.normfunctieOmschrijving, 'Beschrijf de normfunctie.'),
      urenPerWeek: getal('normfunctie.urenPerWeek', w.normurenPerWeek, 'Vul de volledige werkweek van de normfunctie in.', { min: 24, max: 40 }),
    },
    hoofdtaken: w.taken.map((t, i) => {
      const pad = `hoofdtaken.${i}`;
      const nr = i + 1;
      return {
        omschrijving: tekst(`${pad}.omschrijving`, t.omschrijving, `Beschrijf hoofdtaak ${nr}.`),
        urenPerWeek: getal(`${pad}.urenPerWeek`, t.urenPerWeek, `Vul de uren per week van hoofdtaak ${nr} in.`, { min: 0, max: 60 }),
        tempo: getal(`${pad}.tempo`, t.tempo, `Vul het tempo van hoofdtaak ${nr} in.`, { min: 0, max: 150 }),
        kwaliteit: getal(`${pad}.kwaliteit`, t.kwaliteit, `Vul de kwaliteit van hoofdtaak ${nr} in.`, { min: 0, max: 100 }),
        inzetbaarheid: getal(`${pad}.inzetbaarheid`, t.inzetbaarheid, `Vul de inzetbaarheid van hoofdtaak ${nr} in.`, { min: 0, max: 100 }),
        toelichting: t.toelichting.trim() || null,
      };
    }),
    methode: tekst('methode', w.methode, 'Vul de gebruikte methode in.'),
    kwalificatie: {
      omschrijving: tekst('kwalificatie.omschrijving', w.kwalificatie, 'Beschrijf uw kwalificatie als loonwaardedeskundige.'),
      hboOfGelijkwaardig: w.hboOfGelijkwaardig,
      jarenErvaring: getal('kwalificatie.jarenErvaring', w.jarenErvaring, 'Vul uw aantal jaren relevante werkervaring in.', { min: 0, max: 60 }),
    },
  };
  if (w.afwijken) {
    body.afwijking = {
      loonwaarde: getal('afwijking.loonwaarde', w.afwijkingLoonwaarde, 'Vul de loonwaarde in die u vaststelt.', { min: 0, max: 100, geheel: true }),
      reden: tekst('afwijking.reden', w.afwijkingReden, 'Schrijf op waarom u afwijkt van de berekende loonwaarde.'),
    };
  }
  return Object.keys(f).length > 0 ? { body: null, fouten: f } : { body, fouten: {} };
}
