import { z } from 'zod';
import { authRoute, type RouteDef } from '../../http/route.js';
import { PersonenRepository } from './repository.js';
import {
  Afsluiten,
  AuditRegel,
  Bsn,
  Id,
  Intrekken,
  NieuwePersoonVoorbeeld,
  NieuweTijdlijnGebeurtenis,
  NieuweToestemming,
  NieuweToewijzing,
  NieuwPersoon,
  Pagina,
  PersoonDetail,
  PersoonParams,
  PersoonSamenvatting,
  TijdlijnGebeurtenis,
  Toestemming,
  Toewijzing,
  WijzigPersoon,
  Zoekvraag,
} from './schemas.js';

const tags = ['personen'];
const P = 'persoonId';

export const personenRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/personen',
    tags,
    summary: 'Personen zoeken en bladeren (alleen wie u mag zien; nooit het BSN)',
    querystring: Zoekvraag,
    response: Pagina(PersoonSamenvatting),
    handler: ({ input, dal }) => new PersonenRepository(dal).zoek(input.query),
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen',
    tags,
    summary: 'Dossier aanmaken',
    status: 201,
    body: NieuwPersoon,
    response: PersoonDetail,
    voorbeeld: { body: NieuwePersoonVoorbeeld },
    handler: ({ input, dal }) => new PersonenRepository(dal).maakAan(input.body),
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/zoek-op-bsn',
    tags,
    summary: 'Persoon zoeken op BSN (het BSN gaat in de body, nooit in de URL)',
    body: z.strictObject({ bsn: Bsn }),
    response: Pagina(PersoonSamenvatting),
    voorbeeld: { body: { bsn: '123456782' } },
    handler: ({ input, dal }) => new PersonenRepository(dal).zoekOpBsn(input.body.bsn),
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId',
    tags,
    summary: 'Dossier van één persoon',
    persoonParam: P,
    params: PersoonParams,
    response: PersoonDetail,
    handler: ({ input, dal }) => new PersonenRepository(dal).haal(input.params.persoonId),
  }),
  authRoute({
    method: 'PATCH',
    url: '/api/v1/personen/:persoonId',
    tags,
    summary: 'Dossier wijzigen (velden die u meestuurt)',
    persoonParam: P,
    params: PersoonParams,
    body: WijzigPersoon,
    response: PersoonDetail,
    voorbeeld: { body: { telefoon: '0612345678' } },
    handler: ({ input, dal }) => new PersonenRepository(dal).wijzig(input.params.persoonId, input.body),
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/afsluiten',
    tags,
    summary: 'Dossier afsluiten met een reden',
    persoonParam: P,
    params: PersoonParams,
    body: Afsluiten,
    response: PersoonDetail,
    voorbeeld: { body: { reden: 'Werk gevonden zonder ondersteuning' } },
    handler: ({ input, dal }) => new PersonenRepository(dal).sluitAf(input.params.persoonId, input.body.reden),
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/bsn-inzien',
    tags,
    summary: 'Het volledige BSN inzien (wordt gelogd)',
    persoonParam: P,
    params: PersoonParams,
    response: z.object({ bsn: z.string().nullable() }),
    handler: async ({ input, dal, reply }) => {
      reply.header('cache-control', 'no-store');
      return { bsn: await new PersonenRepository(dal).bsnInzien(input.params.persoonId) };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/tijdlijn',
    tags,
    summary: 'Tijdlijn van het dossier',
    persoonParam: P,
    params: PersoonParams,
    response: z.array(TijdlijnGebeurtenis),
    handler: ({ input, dal }) => new PersonenRepository(dal).tijdlijn(input.params.persoonId),
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/tijdlijn',
    tags,
    summary: 'Notitie of gesprek toevoegen aan de tijdlijn',
    persoonParam: P,
    status: 201,
    params: PersoonParams,
    body: NieuweTijdlijnGebeurtenis,
    response: TijdlijnGebeurtenis,
    voorbeeld: { body: { soort: 'gesprek', titel: 'Kennismaking', tekst: 'Eerste gesprek gevoerd.' } },
    handler: async ({ input, dal }) => (await new PersonenRepository(dal).voegGebeurtenisToe(input.params.persoonId, input.body))!,
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/toestemmingen',
    tags,
    summary: 'Toestemmingen van de persoon',
    persoonParam: P,
    params: PersoonParams,
    response: z.array(Toestemming),
    handler: ({ input, dal }) => new PersonenRepository(dal).toestemmingen(input.params.persoonId),
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/toestemmingen',
    tags,
    summary: 'Toestemming vastleggen',
    persoonParam: P,
    status: 201,
    params: PersoonParams,
    body: NieuweToestemming,
    response: Toestemming,
    voorbeeld: { body: { doel: 'kandidaatprofiel', vastgelegdVia: 'schriftelijk', toelichting: 'Formulier getekend' } },
    handler: ({ input, dal }) => new PersonenRepository(dal).verleenToestemming(input.params.persoonId, input.body),
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/toestemmingen/:toestemmingId/intrekken',
    tags,
    summary: 'Toestemming intrekken',
    persoonParam: P,
    params: z.strictObject({ persoonId: Id, toestemmingId: Id }),
    body: Intrekken,
    response: Toestemming,
    voorbeeld: { body: { reden: 'Wil dit niet meer' } },
    handler: ({ input, dal }) => new PersonenRepository(dal).trekToestemmingIn(input.params.persoonId, input.params.toestemmingId, input.body.reden ?? null),
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/toewijzingen',
    tags,
    summary: 'Professional toewijzen',
    persoonParam: P,
    status: 201,
    params: PersoonParams,
    body: NieuweToewijzing,
    response: Toewijzing,
    voorbeeld: { body: { gebruikerId: '{eigenGebruikerId}', rol: 'klantmanager' } },
    handler: ({ input, dal }) => new PersonenRepository(dal).wijsToe(input.params.persoonId, input.body.gebruikerId, input.body.rol),
  }),
  authRoute({
    method: 'DELETE',
    url: '/api/v1/personen/:persoonId/toewijzingen/:toewijzingId',
    tags,
    summary: 'Toewijzing beëindigen',
    persoonParam: P,
    status: 204,
    params: z.strictObject({ persoonId: Id, toewijzingId: Id }),
    response: z.null(),
    handler: async ({ input, dal }) => {
      await new PersonenRepository(dal).beeindigToewijzing(input.params.persoonId, input.params.toewijzingId);
      return null;
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/audit',
    tags: ['audit'],
    persoonParam: P,
    summary: 'AVG-inzage: wie heeft de gegevens van deze persoon bekeken of gewijzigd (formaat=csv voor een download)',
    params: PersoonParams,
    querystring: z.strictObject({ formaat: z.enum(['json', 'csv']).default('json') }),
    response: z.array(AuditRegel),
    handler: async ({ input, dal, reply }) => {
      const rows = await new PersonenRepository(dal).auditVanPersoon(input.params.persoonId, input.query.formaat);
      if (input.query.formaat === 'csv') {
        reply.header('content-disposition', 'attachment; filename="inzage-verwerkingen.csv"');
        reply.type('text/csv; charset=utf-8').serializer((v: unknown) => v as string);
        return toCsv(rows) as never;
      }
      return rows;
    },
  }),
];

function toCsv(rows: z.infer<typeof AuditRegel>[]): string {
  const head = ['tijdstip', 'actie', 'gegevens', 'gebruiker', 'organisatie', 'doel', 'grondslag', 'wijzigingen'];
  const esc = (v: unknown) => {
    const s = v == null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = rows.map((r) => [r.tijdstip, r.actie, r.resource, r.gebruiker, r.organisatie, r.doel, r.grondslag, r.wijzigingen].map(esc).join(','));
  return `\uFEFF${head.join(',')}\n${lines.join('\n')}\n`;
}
