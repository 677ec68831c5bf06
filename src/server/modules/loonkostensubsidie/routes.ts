import { z } from 'zod';
import { authRoute, type RouteDef } from '../../http/route.js';
import { AppError } from '../../http/problem.js';
import { ParameterOntbreekt } from '../../params/parameters.js';
import { IsoDatum } from '../personen/schemas.js';
import { berekenLoonkostensubsidie } from './berekening.js';

const Invoer = z.strictObject({
  peildatum: IsoDatum,
  loonwaarde: z.number().min(0, 'De loonwaarde ligt tussen 0 en 100%.').max(100, 'De loonwaarde ligt tussen 0 en 100%.'),
  urenPerWeek: z.number().gt(0, 'Vul het aantal uren per week in.').max(60, 'Hoogstens 60 uur per week.'),
  forfaitair: z.boolean().default(false),
  voltijdsUrenSector: z.number().min(24).max(40).optional(),
  leeftijd: z.number().int().min(15).max(75).optional(),
});

/** The calculation as the API shows it; also used by the loonwaarde module for the LKS at a meetdatum. */
export const Uitkomst = z.object({
  route: z.enum(['loonwaarde', 'forfaitair']),
  maandbedrag: z.number(),
  jaarbedrag: z.number(),
  maanden: z.number().int(),
  parameters: z.array(
    z.object({
      naam: z.string(),
      omschrijving: z.string(),
      waarde: z.number(),
      eenheid: z.string(),
      geldigVan: z.string(),
      geldigTot: z.string().nullable(),
      bron: z.string(),
    }),
  ),
  stappen: z.array(z.object({ nr: z.number().int(), omschrijving: z.string(), berekening: z.string(), bedrag: z.number() })),
  toelichting: z.array(z.string()),
});

/** A calculation, not a decision: no person is involved, so nothing personal is stored or audited. */
export const loonkostensubsidieRoutes: RouteDef[] = [
  authRoute({
    method: 'POST',
    url: '/api/v1/loonkostensubsidie/berekeningen',
    tags: ['loonkostensubsidie'],
    summary: 'Loonkostensubsidie berekenen (Participatiewet art. 10d) met de parameters die op de peildatum gelden, stap voor stap',
    body: Invoer,
    response: Uitkomst,
    voorbeeld: { body: { peildatum: '2026-03-01', loonwaarde: 60, urenPerWeek: 32 } },
    handler: async ({ input }) => {
      try {
        return berekenLoonkostensubsidie(input.body);
      } catch (error) {
        if (error instanceof ParameterOntbreekt) {
          throw new AppError('niet_verwerkbaar', error.message, { invalidParams: [{ name: 'body.peildatum', code: 'buiten_bereik', reason: error.message }] });
        }
        throw error;
      }
    },
  }),
];
