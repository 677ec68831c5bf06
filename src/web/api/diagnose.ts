/**
 * Shapes of the brede diagnose and eigen plan APIs, mirrored by hand from the zod schemas in
 * src/server/modules/diagnose/routes.ts and src/server/modules/plan/routes.ts.
 */

export type Perspectief = 'persoon' | 'professional';

export interface Niveau {
  score: number;
  omschrijving: string;
  ikZin: string;
}

export interface Instrument {
  versie: string;
  geldigVanaf: string;
  bron: string;
  versies: string[];
  schaal: { score: number; naam: string; ikNaam: string }[];
  leefgebieden: { code: string; naam: string; omschrijving: string; vraag: string; niveaus: Niveau[] }[];
  participatieladder: { bron: string; sporten: { sport: number; naam: string; omschrijving: string; ikZin: string }[] };
  motivatie: { bron: string; vraag: string; niveaus: Niveau[] };
}

export interface Diagnose {
  id: string;
  persoonId: string;
  perspectief: Perspectief;
  perspectiefLabel: string;
  datum: string;
  instrumentVersie: string;
  participatieladder: number | null;
  participatieladderNaam: string | null;
  motivatieScore: number | null;
  motivatieOmschrijving: string | null;
  motivatieTekst: string | null;
  sterkePunten: string | null;
  obstakels: string | null;
  ondersteuningsbehoefte: string | null;
  leefgebieden: {
    code: string;
    naam: string;
    score: number;
    schaalNaam: string;
    schaalIkNaam: string;
    niveauOmschrijving: string | null;
    toelichting: string | null;
  }[];
  auteur: string;
  ingevuldDoor: Perspectief;
  aangemaaktOp: string;
  verouderd: boolean;
}

export interface Verschil {
  persoon: number | null;
  professional: number | null;
  verschil: number | null;
  gespreksonderwerp: boolean;
}

export interface DiagnoseOverzicht {
  persoonId: string;
  instrumentVersie: string;
  huidig: { persoon: Diagnose | null; professional: Diagnose | null };
  vergelijking: {
    leefgebieden: (Verschil & { code: string; naam: string })[];
    participatieladder: Verschil;
    motivatie: Verschil;
    gespreksonderwerpen: string[];
  };
  geschiedenis: Diagnose[];
  mag: { eigenBeeld: boolean; beeldProfessional: boolean };
}

export interface Reeks {
  punten: { datum: string; waarde: number; diagnoseId: string }[];
  verandering: number | null;
}

export interface Verloop {
  persoonId: string;
  instrumentVersie: string;
  leefgebieden: { code: string; naam: string; persoon: Reeks; professional: Reeks }[];
  participatieladder: { persoon: Reeks; professional: Reeks };
  motivatie: { persoon: Reeks; professional: Reeks };
}

export interface NieuweDiagnose {
  perspectief: Perspectief;
  datum?: string;
  participatieladder?: number | null;
  motivatieScore?: number | null;
  motivatieTekst?: string | null;
  sterkePunten?: string | null;
  obstakels?: string | null;
  ondersteuningsbehoefte?: string | null;
  leefgebieden: { code: string; score: number; toelichting?: string | null }[];
}

export type PlanOnderdeel = 'waarIkSta' | 'waarIkNaartoeWil' | 'watIkNodigHeb' | 'eersteStappen';
export type ReactieOnderdeel = PlanOnderdeel | 'algemeen';
export type PlanInhoud = Record<PlanOnderdeel, string | null>;

export interface PlanReactie {
  id: string;
  onderdeel: ReactieOnderdeel;
  tekst: string;
  auteur: string;
  op: string;
  revisie: number;
}

export interface PlanVersie {
  id: string;
  versie: number;
  revisie: number;
  inhoud: PlanInhoud;
  akkoordPersoon: { op: string; door: string };
  akkoordProfessional: { op: string; door: string };
  vastgesteldOp: string;
  reacties: PlanReactie[];
}

export interface PlanOverzicht {
  persoonId: string;
  zijde: Perspectief;
  mag: { schrijven: boolean; reageren: boolean; akkoord: boolean };
  onderdelen: { code: PlanOnderdeel; label: string; verplicht: boolean }[];
  concept: {
    id: string;
    ronde: number;
    revisie: number;
    status: 'concept' | 'ingediend' | 'gereageerd' | 'vastgesteld';
    statusLabel: string;
    inhoud: PlanInhoud;
    gewijzigdOp: string;
    gewijzigdDoor: string;
    gewijzigdDoorPersoon: boolean;
    ingediendOp: string | null;
    akkoordPersoon: { op: string; door: string } | null;
    akkoordProfessional: { op: string; door: string } | null;
    reacties: PlanReactie[];
  } | null;
  versies: Pick<PlanVersie, 'id' | 'versie' | 'vastgesteldOp' | 'akkoordPersoon' | 'akkoordProfessional'>[];
  laatsteVersie: PlanVersie | null;
}
