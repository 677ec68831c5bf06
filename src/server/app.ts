import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { redactBsnLike } from '../shared/bsn.js';
import { authRoutes } from './auth/routes.js';
import { findNul, frameworkErrors, installErrorHandler } from './http/errors.js';
import { AppError, toProblem } from './http/problem.js';
import { type RouteDef, type RouteInfo, registerRoute } from './http/route.js';
import { afwegingRoutes } from './modules/afweging/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { belastbaarheidRoutes } from './modules/belastbaarheid/routes.js';
import { functieRoutes } from './modules/functies/routes.js';
import { takenRoutes } from './modules/taken/routes.js';
import { diagnoseRoutes } from './modules/diagnose/routes.js';
import { planRoutes } from './modules/plan/routes.js';
import { kandidatenRoutes } from './modules/kandidaten/routes.js';
import { werklijstRoutes } from './modules/kandidaten/werklijst.js';
import { contactverzoekRoutes } from './modules/contactverzoeken/routes.js';
import { importRoutes } from './modules/import/routes.js';
import { vacatureRoutes } from './modules/vacatures/routes.js';
import { zoekopdrachtRoutes } from './modules/zoekopdrachten/routes.js';
import { matchingRoutes } from './modules/matching/routes.js';
import { gebruikerRoutes } from './modules/gebruikers/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { jobcoachingRoutes } from './modules/jobcoaching/routes.js';
import { loonkostensubsidieRoutes } from './modules/loonkostensubsidie/routes.js';
import { loonwaardeRoutes } from './modules/loonwaarde/routes.js';
import { organisatieRoutes } from './modules/organisaties/routes.js';
import { personenRoutes } from './modules/personen/routes.js';
import { verwijzingenRoutes } from './modules/verwijzingen/routes.js';
import { dashboardRoutes } from './modules/dashboard/routes.js';
import type { Services } from './services.js';

/** Every module's routes. A new module adds its list here; OpenAPI and the access tests follow. */
export const MODULE_ROUTES: RouteDef[] = [
  ...healthRoutes,
  ...authRoutes,
  ...organisatieRoutes,
  ...gebruikerRoutes,
  ...personenRoutes,
  ...auditRoutes,
  ...loonkostensubsidieRoutes,
  ...jobcoachingRoutes,
  ...loonwaardeRoutes,
  ...belastbaarheidRoutes,
  ...functieRoutes,
  ...matchingRoutes,
  ...kandidatenRoutes,
  ...afwegingRoutes,
  ...importRoutes,
  ...zoekopdrachtRoutes,
  ...vacatureRoutes,
  ...takenRoutes,
  ...diagnoseRoutes,
  ...planRoutes,
  ...werklijstRoutes,
  ...contactverzoekRoutes,
  ...verwijzingenRoutes,
  ...dashboardRoutes,
];

export interface BuildOptions {
  logger?: boolean | object;
  /** Directory with the built web app; defaults to dist/web next to the package. */
  webDir?: string | null;
}

export type PassendApp = FastifyInstance & { routeTable: RouteInfo[] };

export function defaultWebDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/server or dist/server → <root>/dist/web
  return path.resolve(here, '..', '..', 'dist', 'web');
}

export async function buildApp(services: Services, options: BuildOptions = {}): Promise<PassendApp> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: services.config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            serializers: {
              // Only method, route and a BSN-free URL: a BSN typed into a search box never reaches a log.
              req: (req: { method: string; url: string; routeOptions?: { url?: string } }) => ({
                method: req.method,
                url: redactBsnLike(req.url),
                route: req.routeOptions?.url,
              }),
            },
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    bodyLimit: services.config.bodyLimit,
    trustProxy: process.env.TRUST_PROXY === 'true',
    genReqId: () => crypto.randomUUID(),
    frameworkErrors,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
  }) as unknown as PassendApp;
  app.decorate('routeTable', [] as RouteInfo[]);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: services.config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Passend API',
        version: '1.0.0',
        description: 'API van Passend: werk dat past. Fouten volgen RFC 9457 (application/problem+json).',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          sessie: { type: 'apiKey', in: 'cookie', name: 'passend_sessie' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  // CSV uploads (catalogue import) arrive as text; the route's schema bounds their size.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: Math.max(services.config.bodyLimit, 5_000_000) }, (_req, body, done) => {
    done(null, body);
  });

  // PostgreSQL cannot store a NUL character: refuse it in any input before validation.
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['body', request.body],
      ['querystring', request.query],
      ['params', request.params],
    ] as const) {
      const hit = findNul(value, part);
      if (hit) {
        throw new AppError('ongeldige_invoer', 'De invoer bevat een ongeldig teken (NUL).', {
          invalidParams: [{ name: hit, code: 'ongeldig_teken', reason: 'Het teken U+0000 is niet toegestaan.' }],
        });
      }
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) {
      reply.header('cache-control', reply.getHeader('cache-control') ?? 'no-store');
      reply.header('api-version', '1.0.0');
    }
    return payload;
  });

  for (const def of MODULE_ROUTES) registerRoute(app, services, def, app.routeTable);

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDir = options.webDir === undefined ? defaultWebDir() : options.webDir;
  const indexHtml = webDir && fs.existsSync(path.join(webDir, 'index.html')) ? path.join(webDir, 'index.html') : null;
  if (webDir && indexHtml) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: false, maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      const problem = toProblem('niet_gevonden', `Geen route voor ${request.method} ${request.url.split('?')[0]}.`);
      return reply.code(404).type('application/problem+json; charset=utf-8').send(problem);
    }
    if (!indexHtml) {
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send('<!doctype html><html lang="nl"><title>Passend</title><p>De webapp is nog niet gebouwd. Voer <code>npm run build</code> uit.</p></html>');
    }
    // Client-side routes get the app shell.
    return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(fs.readFileSync(indexHtml));
  });
  return app;
}
