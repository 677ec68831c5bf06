/**
 * Jobcoaching code tables (pure data): the regimes and the shared concepts with their questions and
 * answer options. Used by the server's need assessment (src/server/modules/jobcoaching/protocol.ts,
 * which re-exports them) and by the web app's assessment form.
 */

export const REGIMES = ['zeer_licht', 'licht', 'midden', 'intensief'] as const;
export type Regime = (typeof REGIMES)[number];
export const REGIME_LABELS: Record<Regime, string> = { zeer_licht: 'zeer licht', licht: 'licht', midden: 'midden', intensief: 'intensief' };

/**
 * The shared concepts. Each answer scores 0 (little need for support) to 3 (much need). The weights
 * and thresholds below are Passend's documented starting point, agreed regionally; they are data so
 * a region can change them without code.
 */
export const BEGRIPPEN = {
  aard_beperking: {
    vraag: 'Hoe sterk beïnvloedt de beperking het werk?',
    antwoorden: { nauwelijks: 0, enigszins: 1, duidelijk: 2, sterk: 3 },
  },
  taakcomplexiteit: {
    vraag: 'Hoe ingewikkeld zijn de taken voor deze persoon?',
    antwoorden: { eenvoudig_en_vast: 0, enkele_wisselingen: 1, veel_wisselingen: 2, complex: 3 },
  },
  werkomgeving: {
    vraag: 'Hoe voorspelbaar is de werkomgeving?',
    antwoorden: { rustig_en_voorspelbaar: 0, soms_druk: 1, vaak_druk_of_wisselend: 2, onvoorspelbaar: 3 },
  },
  leervermogen: {
    vraag: 'Hoe snel leert de persoon nieuwe taken?',
    antwoorden: { snel: 0, met_herhaling: 1, langzaam_met_vaste_stappen: 2, heel_langzaam: 3 },
  },
  natuurlijke_steun: {
    vraag: 'Hoeveel steun kan de werkgever zelf bieden (collega, leidinggevende)?',
    antwoorden: { veel: 0, redelijk: 1, weinig: 2, geen: 3 },
  },
  communicatie_en_gedrag: {
    vraag: 'Hoeveel hulp is nodig bij samenwerken, communiceren en omgaan met spanning?',
    antwoorden: { geen: 0, af_en_toe: 1, regelmatig: 2, voortdurend: 3 },
  },
  werkervaring: {
    vraag: 'Hoeveel werkervaring heeft de persoon?',
    antwoorden: { veel: 0, enige: 1, weinig: 2, geen: 3 },
  },
} as const;
export type Begrip = keyof typeof BEGRIPPEN;
export type Antwoorden = { [B in Begrip]: keyof (typeof BEGRIPPEN)[B]['antwoorden'] };
export const BEGRIP_CODES = Object.keys(BEGRIPPEN) as Begrip[];

/** Score → regime: the lowest threshold the total reaches (max total 21). */
export const REGIME_GRENZEN: { vanaf: number; regime: Regime }[] = [
  { vanaf: 15, regime: 'intensief' },
  { vanaf: 10, regime: 'midden' },
  { vanaf: 5, regime: 'licht' },
  { vanaf: 0, regime: 'zeer_licht' },
];
