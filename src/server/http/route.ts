import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import { DataAccess } from '../access/data-access.js';
import { AuditWriter } from '../audit/audit.js';
import type { Actor } from '../access/policy.js';
import type { Database } from '../db/schema.js';
import type { Services } from '../services.js';
import { AppError } from './problem.js';
import { resolveActor, vereisCsrf } from '../auth/authenticate.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

export interface RouteInput<B, Q, P> {
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
}

export interface PublicContext<B, Q, P> {
  input: RouteInput<B, Q, P>;
  /** Authenticated routes: the request's transaction. Public routes: the database, no transaction. */
  db: Kysely<Database>;
  services: Services;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface AuthContext<B, Q, P> extends PublicContext<B, Q, P> {
  actor: Actor;
  /** The data-access object bound to this user, organisation and purpose: authorizes and audits. */
  dal: DataAccess;
}

interface BaseDef<B, Q, P, R extends Schema> {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  body?: B;
  querystring?: Q;
  params?: P;
  response: R;
  /** Success status (default 200; 201 for creation, 204 without body). */
  status?: 200 | 201 | 204;
  /** A valid input for the generated access tests; `{gemeenteId}` and `{eigenGebruikerId}` are placeholders. */
  voorbeeld?: { body?: unknown; querystring?: Record<string, string> };
  /** Path parameter that names a person, for the generated cross-gemeente tests. */
  persoonParam?: string;
  /** Extra response content types (e.g. text/csv); the handler then sends the reply itself. */
  raw?: boolean;
  /**
   * A streamed upload (bulk import) in one of these content types: the body is not parsed or
   * buffered (the global JSON limit does not apply), the handler reads `input.body.stroom`, and there
   * is no request transaction — the handler commits in batches. The body schema must be `UploadBody`.
   */
  stroom?: { contentTypes: readonly string[] };
}

/** The body of a streamed upload: the request's byte stream (not enumerable, so no hook walks it). */
export class Upload {
  readonly #stroom: AsyncIterable<Uint8Array>;
  constructor(
    stroom: AsyncIterable<Uint8Array>,
    readonly contentType: string,
    readonly lengte: number | null,
  ) {
    this.#stroom = stroom;
  }
  get stroom(): AsyncIterable<Uint8Array> {
    return this.#stroom;
  }
}
export const UploadBody = z.custom<Upload>((v) => v instanceof Upload, { message: 'Verwacht een bestand als body.' });

export interface PublicRouteDef<B, Q, P, R extends Schema> extends BaseDef<B, Q, P, R> {
  auth: 'publiek';
  handler: (ctx: PublicContext<B, Q, P>) => Promise<z.input<R>>;
}

export interface AuthRouteDef<B, Q, P, R extends Schema> extends BaseDef<B, Q, P, R> {
  auth: 'ingelogd';
  handler: (ctx: AuthContext<B, Q, P>) => Promise<z.input<R>>;
  /**
   * A GET whose only write is its own audit row may run without a request transaction: every
   * statement commits on its own and the audit row is one statement, so nothing can be half done.
   * It saves the BEGIN and COMMIT round trips on the busiest read (the kandidaten search).
   */
  zonderTransactie?: boolean;
}

export type RouteDef<B = unknown, Q = unknown, P = unknown, R extends Schema = Schema> = PublicRouteDef<B, Q, P, R> | AuthRouteDef<B, Q, P, R>;

/** What the route table keeps of each route (OpenAPI and the generated tests read it). */
export interface RouteInfo {
  method: Method;
  url: string;
  auth: 'publiek' | 'ingelogd';
  persoonParam: string | undefined;
  voorbeeld: BaseDef<unknown, unknown, unknown, Schema>['voorbeeld'];
  tags: string[];
  stroom: boolean;
}

export function publicRoute<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  R extends Schema = Schema,
>(def: Omit<PublicRouteDef<B, Q, P, R>, 'auth'>): RouteDef {
  return { ...def, auth: 'publiek' } as unknown as RouteDef;
}

export function authRoute<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  R extends Schema = Schema,
>(def: Omit<AuthRouteDef<B, Q, P, R>, 'auth'>): RouteDef {
  return { ...def, auth: 'ingelogd' } as unknown as RouteDef;
}

const MUTATING = new Set<Method>(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Every route has the same shape: validate (zod, by Fastify) → authenticate → transaction →
 * authorize and audit (in the DataAccess the handler gets) → command → presenter (response schema
 * strips every undeclared field).
 */
export function registerRoute(app: FastifyInstance, services: Services, def: RouteDef, table: RouteInfo[]): void {
  table.push({
    method: def.method,
    url: def.url,
    auth: def.auth,
    persoonParam: def.persoonParam,
    voorbeeld: def.voorbeeld,
    tags: def.tags,
    stroom: Boolean(def.stroom),
  });
  const status = def.status ?? 200;
  const schema: Record<string, unknown> = {
    summary: def.summary,
    tags: def.tags,
    ...(def.body ? { body: def.body } : {}),
    ...(def.querystring ? { querystring: def.querystring } : {}),
    ...(def.params ? { params: def.params } : {}),
    response: { [status]: status === 204 ? z.null() : def.response },
    ...(def.auth === 'ingelogd' ? { security: [{ sessie: [] }, { apiToken: [] }] } : {}),
  };
  if (def.stroom) {
    // Its own encapsulated context: only these content types, handed over unread as a stream.
    const { contentTypes } = def.stroom;
    void app.register(async (child) => {
      child.removeAllContentTypeParsers();
      child.addContentTypeParser([...contentTypes], (request, payload, done) => {
        const lengte = Number(request.headers['content-length']);
        done(null, new Upload(payload, String(request.headers['content-type'] ?? ''), Number.isFinite(lengte) ? lengte : null));
      });
      routeOp(child, services, def, schema, status);
    });
    return;
  }
  routeOp(app, services, def, schema, status);
}

function routeOp(app: FastifyInstance, services: Services, def: RouteDef, schema: Record<string, unknown>, status: number): void {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: def.method,
    url: def.url,
    schema,
    handler: async (request, reply) => {
      const input = {
        body: request.body,
        query: request.query,
        params: request.params,
      } as RouteInput<unknown, unknown, unknown>;
      let actor: Actor | null = null;
      if (def.auth === 'ingelogd') {
        const auth = await resolveActor(services, request);
        if (!auth) throw new AppError('niet_ingelogd');
        if (MUTATING.has(def.method)) vereisCsrf(request, auth);
        actor = auth.actor;
      }
      let result: unknown;
      if (def.auth === 'ingelogd' && actor) {
        const signedIn = actor;
        let dal: DataAccess | undefined;
        try {
          if (def.stroom || (def.zonderTransactie && def.method === 'GET')) {
            // A streamed upload commits in batches of its own (PGlite has one connection: no outer
            // transaction); a read that only writes its audit row needs none.
            const root = services.storage.db;
            dal = new DataAccess(root, signedIn, services.keys, request.id);
            result = await def.handler({ input, db: root, services, request, reply, actor: signedIn, dal });
          } else {
            result = await services.storage.db.transaction().execute(async (tx) => {
              dal = new DataAccess(tx, signedIn, services.keys, request.id);
              return def.handler({ input, db: tx, services, request, reply, actor: signedIn, dal });
            });
          }
        } catch (error) {
          // A refused attempt on a person is itself recorded, after the rollback.
          const refused = (dal as DataAccess | undefined)?.weigeringen ?? [];
          if (refused.length > 0) await new AuditWriter(services.storage.db, signedIn, request.id).schrijf(refused);
          throw error;
        }
      } else {
        // Public routes touch no personal data; they open their own transaction where they need one.
        // (Never use services.storage.db inside a transaction: PGlite has a single connection.)
        result = await (def as PublicRouteDef<unknown, unknown, unknown, Schema>).handler({ input, db: services.storage.db, services, request, reply });
      }
      if (def.raw) return reply;
      reply.code(status);
      return status === 204 ? null : result;
    },
  });
}
