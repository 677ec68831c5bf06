/**
 * Bulk delivery over HTTP: a gemeente's system (API token) or a klantmanager/beheerder (session, with
 * CSRF) posts a whole file as a streamed body; it is read and applied in batches, never held in
 * memory. Answers hold counts and line/field/reason only — never a name, BSN or contact detail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../access/policy.js';
import { magInOrganisatie } from '../../access/policy.js';
import { sha256 } from '../../crypto/secrets.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../http/problem.js';
import { authRoute, publicRoute, type RouteDef, type Upload, UploadBody } from '../../http/route.js';
import type { Kysely } from 'kysely';
import { Id } from '../personen/schemas.js';
import type { Formaat } from './bron.js';
import { FOUTEN_IN_ANTWOORD, GELIJKTIJDIG, importeer, rapportCsv, ZOEKVECTOR_IN_NODE } from './pijplijn.js';

/** docs/import-template.csv: the documented template (same depth from src/ and dist/). */
const SJABLOON = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'docs', 'import-template.csv');

export const IMPORT_CONTENT_TYPES = ['text/csv', 'text/plain', 'application/json', 'application/x-ndjson', 'application/jsonl'] as const;

const Fout = z.object({ regel: z.number().int(), veld: z.string(), reden: z.string() });

const Run = z.object({
  id: z.uuid(),
  status: z.enum(['lopend', 'klaar', 'afgebroken']),
  proefdraai: z.boolean(),
  formaat: z.enum(['csv', 'json', 'jsonl']).nullable(),
  bestandsnaam: z.string().nullable(),
  gestartVia: z.enum(['sessie', 'api-token', 'cli']),
  gestartDoor: z.string().nullable(),
  gelezen: z.number().int(),
  geaccepteerd: z.number().int(),
  afgewezen: z.number().int(),
  nieuw: z.number().int(),
  gewijzigd: z.number().int(),
  ongewijzigd: z.number().int(),
  checkpoint: z.number().int(),
  bytes: z.number(),
  foutenTotaal: z.number().int(),
  gestartOp: z.string(),
  afgerondOp: z.string().nullable(),
});
const RunMetFouten = Run.extend({
  /** The first problems; the whole report is at …/rapport. */
  fouten: z.array(Fout),
  hervatVanafRegel: z.number().int().optional(),
});

const ImportQuery = z.strictObject({
  proefdraai: z.enum(['ja', 'nee']).default('nee'),
  bestandsnaam: z.string().trim().min(1).max(255).optional(),
});
const ImportParams = z.strictObject({ importId: Id });
const LijstQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** Only a klantmanager or beheerder of a gemeente delivers, and only for that gemeente. */
function vereisImportrecht(actor: Actor): void {
  const besluit = magInOrganisatie(actor, 'import.uitvoeren', actor.organisatieId);
  if (!besluit.toegestaan) throw new AppError('geen_toegang', besluit.reden);
  if (actor.organisatieSoort !== 'gemeente') throw new AppError('geen_toegang', 'Alleen een gemeente levert personen en profielen aan.');
}

function formaatUit(contentType: string): Formaat | null {
  const ct = contentType.split(';')[0]!.trim().toLowerCase();
  if (ct === 'application/json') return 'json';
  if (ct === 'application/x-ndjson' || ct === 'application/jsonl') return 'jsonl';
  return null;
}

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

async function leesRun(db: Kysely<Database>, organisatieId: string, id: string) {
  return db
    .selectFrom('import_run as r')
    .leftJoin('gebruiker as g', 'g.id', 'r.gestart_door')
    .selectAll('r')
    .select(['g.gebruikersnaam', sql<number>`(SELECT count(*)::int FROM import_fout f WHERE f.run_id = r.id)`.as('fouten_totaal')])
    .where('r.id', '=', id)
    .where('r.organisatie_id', '=', organisatieId)
    .executeTakeFirst();
}

type RunRij = NonNullable<Awaited<ReturnType<typeof leesRun>>>;

function presenteer(r: RunRij): z.input<typeof Run> {
  return {
    id: r.id,
    status: r.status,
    proefdraai: r.proefdraai,
    formaat: r.formaat,
    bestandsnaam: r.bestandsnaam,
    gestartVia: r.gestart_via,
    gestartDoor: r.gebruikersnaam,
    gelezen: r.gelezen,
    geaccepteerd: r.geaccepteerd,
    afgewezen: r.afgewezen,
    nieuw: r.nieuw,
    gewijzigd: r.gewijzigd,
    ongewijzigd: r.ongewijzigd,
    checkpoint: r.checkpoint,
    bytes: Number(r.bytes),
    foutenTotaal: r.fouten_totaal,
    gestartOp: iso(r.gestart_op) as string,
    afgerondOp: iso(r.afgerond_op),
  };
}

async function eersteFouten(db: Kysely<Database>, runId: string) {
  return db
    .selectFrom('import_fout')
    .select(['regel', 'veld', 'reden'])
    .where('run_id', '=', runId)
    .orderBy('regel')
    .orderBy('volgnummer')
    .limit(FOUTEN_IN_ANTWOORD)
    .execute();
}

export const importRoutes: RouteDef[] = [
  publicRoute({
    method: 'GET',
    url: '/api/v1/imports/sjabloon',
    tags: ['import'],
    summary: 'Het sjabloon voor een aanlevering (CSV met alle kolommen en twee fictieve voorbeeldregels); zie docs/import.md',
    response: z.string(),
    raw: true,
    handler: async ({ reply }) => {
      reply.header('content-disposition', 'attachment; filename="import-sjabloon.csv"');
      reply.header('cache-control', 'public, max-age=3600');
      reply.type('text/csv; charset=utf-8');
      void reply.send(`\uFEFF${fs.readFileSync(SJABLOON, 'utf8').replace(/^\uFEFF/, '')}`);
      return '';
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/imports',
    tags: ['import'],
    summary:
      'Personen en kandidaatprofielen aanleveren (CSV volgens docs/import-template.csv, een JSON-lijst of JSON Lines) als gestreamde body. Upsert op extern_id binnen de eigen gemeente: dezelfde aanlevering twee keer verandert de tweede keer niets. proefdraai=ja controleert alleen. Antwoord: de tellingen en de eerste 100 problemen (regel, veld, reden)',
    querystring: ImportQuery,
    body: UploadBody,
    stroom: { contentTypes: IMPORT_CONTENT_TYPES },
    voorbeeld: {
      body: 'extern_id;voornaam;achternaam;geboortedatum;wensen;sectoren;toestemming_kandidaatprofiel\nVOORBEELD-1;Sanne;Dijk;1994-03-17;Ik werk graag buiten.;groen;ja\n',
    },
    response: RunMetFouten,
    handler: async ({ input, services, actor, request }) => {
      vereisImportrecht(actor);
      const upload = input.body as Upload;
      const max = services.config.importMaxBytes;
      if (upload.lengte !== null && upload.lengte > max) {
        throw new AppError('te_groot', `Een aanlevering is hoogstens ${max} bytes; lever het bestand in delen aan.`);
      }
      let apiTokenId: string | null = null;
      const auth = request.headers.authorization;
      if (actor.via === 'api-token' && auth?.startsWith('Bearer ')) {
        const t = await services.storage.db
          .selectFrom('api_token')
          .select('id')
          .where('token_hash', '=', sha256(auth.slice(7).trim()))
          .executeTakeFirst();
        apiTokenId = t?.id ?? null;
      }
      const s = await importeer(upload.stroom, {
        db: services.storage.db,
        keys: services.keys,
        actor,
        gestartVia: actor.via === 'api-token' ? 'api-token' : 'sessie',
        apiTokenId,
        organisatieId: actor.organisatieId,
        proefdraai: input.query.proefdraai === 'ja',
        bestandsnaam: input.query.bestandsnaam ?? null,
        verwachtFormaat: formaatUit(upload.contentType),
        maxBytes: max,
        verzoekId: request.id,
        gelijktijdig: GELIJKTIJDIG[services.storage.kind],
        zoekvectorInNode: ZOEKVECTOR_IN_NODE[services.storage.kind],
        poolGrootte: services.storage.pool.options.max,
      });
      if (!s.runId) {
        const invalidParams = (s.fataal ?? []).map((f) => ({ name: f.veld === '(bestand)' ? 'body' : `body.${f.veld}`, code: 'onleesbaar', reason: f.reden }));
        if (s.teGroot) throw new AppError('te_groot', invalidParams[0]?.reason);
        throw new AppError(s.jsonFout ? 'ongeldige_json' : 'ongeldige_invoer', 'Het bestand kan niet worden gelezen; er is niets verwerkt.', { invalidParams });
      }
      const run = await leesRun(services.storage.db, actor.organisatieId, s.runId);
      if (!run) throw new AppError('interne_fout');
      return { ...presenteer(run), fouten: s.fouten, hervatVanafRegel: s.hervatVanafRegel };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/imports',
    tags: ['import'],
    summary: 'De aanleveringen van de eigen gemeente, nieuwste eerst',
    querystring: LijstQuery,
    response: z.object({ resultaten: z.array(Run), totaal: z.number().int() }),
    handler: async ({ input, db, actor }) => {
      vereisImportrecht(actor);
      const rows = await db
        .selectFrom('import_run as r')
        .leftJoin('gebruiker as g', 'g.id', 'r.gestart_door')
        .selectAll('r')
        .select([
          'g.gebruikersnaam',
          sql<number>`(SELECT count(*)::int FROM import_fout f WHERE f.run_id = r.id)`.as('fouten_totaal'),
          sql<number>`count(*) over ()::int`.as('totaal'),
        ])
        .where('r.organisatie_id', '=', actor.organisatieId)
        .orderBy('r.gestart_op', 'desc')
        .orderBy('r.id')
        .limit(input.query.limit)
        .offset(input.query.offset)
        .execute();
      return { resultaten: rows.map(presenteer), totaal: rows[0]?.totaal ?? 0 };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/imports/:importId',
    tags: ['import'],
    summary: 'Eén aanlevering: de tellingen en de eerste 100 problemen',
    params: ImportParams,
    response: RunMetFouten,
    handler: async ({ input, db, actor }) => {
      vereisImportrecht(actor);
      const run = await leesRun(db, actor.organisatieId, input.params.importId);
      if (!run) throw new AppError('niet_gevonden', 'Deze aanlevering bestaat niet.');
      return { ...presenteer(run), fouten: await eersteFouten(db, run.id) };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/imports/:importId/rapport',
    tags: ['import'],
    summary: 'Het volledige rapport van een aanlevering als CSV (regel;veld;reden), puntkomma-gescheiden, UTF-8',
    params: ImportParams,
    response: z.string(),
    raw: true,
    handler: async ({ input, db, actor, reply, services }) => {
      vereisImportrecht(actor);
      const run = await leesRun(db, actor.organisatieId, input.params.importId);
      if (!run) throw new AppError('niet_gevonden', 'Deze aanlevering bestaat niet.');
      reply.header('content-disposition', `attachment; filename="import-${run.id}-rapport.csv"`);
      reply.type('text/csv; charset=utf-8');
      // Streamed page by page once this request's transaction has ended (the report holds no personal
      // data). The reply is not returned: awaiting it inside the transaction would wait for the stream.
      void reply.send(Readable.from(rapportCsv(services.storage.db, run.id)));
      return '';
    },
  }),
];
