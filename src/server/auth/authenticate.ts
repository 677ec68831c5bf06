import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { timingSafeEqual } from 'node:crypto';
import { DOEL_CODES, type Doel, type Organisatiesoort, type Rol } from '../../shared/codes.js';
import type { Actor } from '../access/policy.js';
import { randomToken, sha256 } from '../crypto/secrets.js';
import { AppError } from '../http/problem.js';
import type { Services } from '../services.js';

export const SESSION_COOKIE = 'passend_sessie';
export const CSRF_HEADER = 'x-csrf-token';
export const DOEL_HEADER = 'x-doel';
const TOKEN_PREFIX = 'pas_';

export interface Authenticated {
  actor: Actor;
  sessie: { idHash: string; csrfToken: string } | null;
}

/** The purpose a request serves: an explicit X-Doel header, else the default for the user's roles. */
export function doelVoor(rollen: readonly Rol[], header: string | undefined): Doel {
  if (header) {
    if (!(DOEL_CODES as readonly string[]).includes(header)) {
      throw new AppError('ongeldige_invoer', `Onbekend doel in ${DOEL_HEADER}: kies uit ${DOEL_CODES.join(', ')}.`);
    }
    return header as Doel;
  }
  if (rollen.includes('inwoner')) return 'inzage_betrokkene';
  if (rollen.some((r) => r === 'klantmanager' || r === 'arbeidsdeskundige' || r === 'loonwaardedeskundige')) return 'uitvoering_participatiewet';
  if (rollen.includes('jobcoach')) return 'jobcoaching';
  if (rollen.includes('school')) return 'onderwijs_overgang';
  if (rollen.includes('werkgever')) return 'bemiddeling';
  return 'beheer';
}

interface ActorRow {
  gebruiker_id: string;
  gebruikersnaam: string;
  organisatie_id: string;
  soort: string;
  regio_id: string;
  rollen: string[];
  persoon_id: string | null;
}

function toActor(row: ActorRow, request: FastifyRequest, via: Actor['via']): Actor {
  const rollen = row.rollen as Rol[];
  const header = request.headers[DOEL_HEADER];
  return {
    gebruikerId: row.gebruiker_id,
    gebruikersnaam: row.gebruikersnaam,
    organisatieId: row.organisatie_id,
    organisatieSoort: row.soort as Organisatiesoort,
    regioId: row.regio_id,
    rollen,
    persoonId: row.persoon_id,
    doel: doelVoor(rollen, typeof header === 'string' ? header : undefined),
    via,
  };
}

/** Resolves the session cookie or a bearer API token to an actor; null when neither is valid. */
export async function resolveActor(services: Services, request: FastifyRequest): Promise<Authenticated | null> {
  const { db } = services.storage;
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const token = authorization.slice('Bearer '.length).trim();
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const row = await db
      .selectFrom('api_token as t')
      .innerJoin('gebruiker as g', 'g.id', 't.gebruiker_id')
      .innerJoin('organisatie as o', 'o.id', 'g.organisatie_id')
      .where('t.token_hash', '=', sha256(token))
      .where('t.ingetrokken_op', 'is', null)
      .where((eb) => eb.or([eb('t.verloopt_op', 'is', null), eb('t.verloopt_op', '>', new Date())]))
      .where('g.actief', '=', true)
      .select(['t.id', 'g.id as gebruiker_id', 'g.gebruikersnaam', 'g.organisatie_id', 'o.soort', 'o.regio_id', 'g.rollen', 'g.persoon_id'])
      .executeTakeFirst();
    if (!row) return null;
    await db.updateTable('api_token').set({ laatst_gebruikt_op: new Date() }).where('id', '=', row.id).execute();
    return { actor: toActor(row, request, 'api-token'), sessie: null };
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const idHash = sha256(cookie);
  const row = await db
    .selectFrom('sessie as s')
    .innerJoin('gebruiker as g', 'g.id', 's.gebruiker_id')
    .innerJoin('organisatie as o', 'o.id', 'g.organisatie_id')
    .where('s.id_hash', '=', idHash)
    .where('s.verloopt_op', '>', new Date())
    .where('g.actief', '=', true)
    .select(['s.csrf_token', 'g.id as gebruiker_id', 'g.gebruikersnaam', 'g.organisatie_id', 'o.soort', 'o.regio_id', 'g.rollen', 'g.persoon_id'])
    .executeTakeFirst();
  if (!row) return null;
  return { actor: toActor(row, request, 'sessie'), sessie: { idHash, csrfToken: row.csrf_token } };
}

/** Synchronizer-token CSRF check for cookie-authenticated mutations (API tokens are not sent by browsers). */
export function vereisCsrf(request: FastifyRequest, auth: Authenticated): void {
  if (!auth.sessie) return;
  const sent = request.headers[CSRF_HEADER];
  const expected = Buffer.from(auth.sessie.csrfToken);
  const actual = Buffer.from(typeof sent === 'string' ? sent : '');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new AppError('csrf_ongeldig');
}

export async function createSession(
  db: Kysely<Database>,
  services: Services,
  gebruikerId: string,
  organisatieId: string,
  reply: FastifyReply,
): Promise<string> {
  const value = randomToken(32);
  const csrfToken = randomToken(24);
  const hours = services.config.sessionHours;
  await db
    .insertInto('sessie')
    .values({
      id_hash: sha256(value),
      gebruiker_id: gebruikerId,
      organisatie_id: organisatieId,
      csrf_token: csrfToken,
      verloopt_op: new Date(Date.now() + hours * 3_600_000),
    })
    .execute();
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: services.config.cookieSecure,
    maxAge: hours * 3600,
  });
  return csrfToken;
}

export function clearSessionCookie(services: Services, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: services.config.cookieSecure });
}

export function newApiToken(): { token: string; hash: string } {
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  return { token, hash: sha256(token) };
}
