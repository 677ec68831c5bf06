/**
 * Shapes of the loonwaarde API, mirrored by hand from the zod schemas in
 * src/server/modules/loonwaarde/routes.ts (the server code is not imported into the browser bundle).
 */
import type { LksUitkomst } from './toolkit.js';

export interface NieuweMeting {
  meetdatum: string;
  volgendeMetingOp: string;
  werkplek: { werkgever: string; functie: string; arbeidsurenPerWeek: number; werkdagenPerWeek: number };
  normfunctie: { naam: string; omschrijving: string; urenPerWeek: number };
  hoofdtaken: { omschrijving: string; urenPerWeek: number; tempo: number; kwaliteit: number; inzetbaarheid: number; toelichting?: string | null }[];
  methode: string;
  kwalificatie: { omschrijving: string; hboOfGelijkwaardig: boolean; jarenErvaring: number };
  afwijking?: { loonwaarde: number; reden: string } | null;
}

export interface MetingTaak {
  nr: number;
  omschrijving: string;
  urenPerWeek: number;
  tempo: number;
  kwaliteit: number;
  inzetbaarheid: number;
  toelichting: string | null;
  aandeel: number;
  aandeelWerkweek: number;
  taakwaarde: number;
  begrensd: boolean;
  bijdrage: number;
}

export interface Meting {
  id: string;
  persoonId: string;
  meetdatum: string;
  volgendeMetingOp: string;
  aangemaaktOp: string;
  werkplek: NieuweMeting['werkplek'];
  normfunctie: NieuweMeting['normfunctie'];
  hoofdtaken: MetingTaak[];
  methode: string;
  deskundige: { naam: string; organisatie: string | null; kwalificatie: NieuweMeting['kwalificatie'] };
  uitkomst: {
    loonwaarde: number;
    berekendeLoonwaarde: number;
    exacteLoonwaarde: number;
    afgeweken: boolean;
    afwijkingsreden: string | null;
    urenHoofdtaken: number;
    urenOverigeTaken: number;
    formule: string;
    stappen: { nr: number; omschrijving: string; berekening: string; uitkomst: number; eenheid: '%' | 'uur' }[];
    toelichting: string[];
    bronnen: string[];
  };
  loonkostensubsidie: LksUitkomst | null;
  loonkostensubsidieToelichting: string | null;
  rapportUrl: string;
}
