import { z } from 'zod';
import { publicRoute, authRoute, type RouteDef } from '../http/route.js';
import { AppError } from '../http/problem.js';
import { AuditWriter } from '../audit/audit.js';
import { Gebruiker } from '../modules/gebruikers/schemas.js';
import { gebruikerQuery, presentGebruiker } from '../modules/gebruikers/queries.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { clearSessionCookie, createSession, resolveActor, SESSION_COOKIE } from './authenticate.js';
import { registreerPoging, vereisNietGeblokkeerd } from './throttle.js';
import { sha256 } from '../crypto/secrets.js';

const SessieAntwoord = z.object({ csrfToken: z.string(), gebruiker: Gebruiker });

export const authRoutes: RouteDef[] = [
  publicRoute({
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Inloggen met gebruikersnaam en wachtwoord; zet de sessiecookie',
    tags: ['auth'],
    body: z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(256) }),
    response: SessieAntwoord,
    handler: async ({ input, db, services, request, reply }) => {
      const username = input.body.username.trim().toLowerCase();
      const ip = request.ip;
      await vereisNietGeblokkeerd(db, username, ip);
      const row = await gebruikerQuery(db).where('g.gebruikersnaam', '=', username).executeTakeFirst();
      const ok = await verifyPassword(input.body.password, row?.wachtwoord_hash ?? null);
      if (!row || !ok || !row.actief) {
        await registreerPoging(db, username, ip, false);
        await new AuditWriter(db, null, request.id).schrijf({
          actie: 'inloggen_mislukt',
          resource: 'gebruiker',
          resourceId: row?.id ?? null,
          organisatieId: row?.org_id ?? null,
          toelichting: `gebruikersnaam: ${username}`,
        });
        throw new AppError('inloggen_mislukt');
      }
      const csrfToken = await db.transaction().execute(async (tx) => {
        await registreerPoging(tx, username, ip, true);
        const token = await createSession(tx, services, row.id, row.org_id, reply);
        await tx
          .insertInto('audit_log')
          .values({
            organisatie_id: row.org_id,
            gebruiker_id: row.id,
            gebruiker_naam: row.gebruikersnaam,
            actor_organisatie_id: row.org_id,
            actie: 'inloggen',
            resource: 'gebruiker',
            resource_id: row.id,
            doel: 'beheer',
            verzoek_id: request.id,
            persoon_id: null,
            grondslag: null,
            wijzigingen: null,
            toelichting: null,
          })
          .execute();
        return token;
      });
      const gebruiker = presentGebruiker(row);
      return { csrfToken, gebruiker };
    },
  }),
  publicRoute({
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'Uitloggen: beëindigt de sessie',
    tags: ['auth'],
    response: z.null(),
    status: 204,
    handler: async ({ db, services, request, reply }) => {
      const cookie = request.cookies?.[SESSION_COOKIE];
      if (cookie) await db.deleteFrom('sessie').where('id_hash', '=', sha256(cookie)).execute();
      clearSessionCookie(services, reply);
      return null;
    },
  }),
  publicRoute({
    method: 'GET',
    url: '/api/v1/auth/sessie',
    summary: 'De huidige sessie: wie is ingelogd, en het CSRF-token',
    tags: ['auth'],
    response: SessieAntwoord,
    handler: async ({ db, services, request }) => {
      const auth = await resolveActor(services, request);
      if (!auth?.sessie) throw new AppError('niet_ingelogd');
      const row = await gebruikerQuery(db).where('g.id', '=', auth.actor.gebruikerId).executeTakeFirstOrThrow();
      return { csrfToken: auth.sessie.csrfToken, gebruiker: presentGebruiker(row) };
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/auth/wachtwoord',
    summary: 'Eigen wachtwoord wijzigen',
    tags: ['auth'],
    body: z.strictObject({ huidigWachtwoord: z.string().min(1).max(256), nieuwWachtwoord: z.string().min(1).max(256) }),
    voorbeeld: { body: { huidigWachtwoord: 'passend-demo', nieuwWachtwoord: 'een-nieuw-lang-wachtwoord' } },
    response: z.null(),
    status: 204,
    handler: async ({ input, dal, actor }) => {
      const problem = passwordProblem(input.body.nieuwWachtwoord);
      if (problem) throw new AppError('ongeldige_invoer', problem, { invalidParams: [{ name: 'nieuwWachtwoord', code: 'te_kort', reason: problem }] });
      const row = await dal.db.selectFrom('gebruiker').select('wachtwoord_hash').where('id', '=', actor.gebruikerId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(input.body.huidigWachtwoord, row.wachtwoord_hash))) {
        throw new AppError('ongeldige_invoer', 'Het huidige wachtwoord klopt niet.', {
          invalidParams: [{ name: 'huidigWachtwoord', code: 'onjuist', reason: 'Het huidige wachtwoord klopt niet.' }],
        });
      }
      await dal.db
        .updateTable('gebruiker')
        .set({ wachtwoord_hash: await hashPassword(input.body.nieuwWachtwoord), gewijzigd_op: new Date() })
        .where('id', '=', actor.gebruikerId)
        .execute();
      await dal.audit.schrijf({ actie: 'wachtwoord_wijzigen', resource: 'gebruiker', resourceId: actor.gebruikerId });
      return null;
    },
  }),
];
