import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ROL_CODES, ROLLEN_PER_ORGANISATIESOORT, type Rol } from '../../../shared/codes.js';
import { magInOrganisatie } from '../../access/policy.js';
import type { DataAccess } from '../../access/data-access.js';
import { diff } from '../../audit/audit.js';
import { hashPassword, passwordProblem } from '../../auth/password.js';
import { newApiToken } from '../../auth/authenticate.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { AppError } from '../../http/problem.js';
import { Id } from '../personen/schemas.js';
import { gebruikerQuery, presentGebruiker } from './queries.js';
import { Gebruiker, Gebruikersnaam } from './schemas.js';

const tags = ['gebruikers'];

function vereisBeheerder(dal: DataAccess) {
  const besluit = magInOrganisatie(dal.actor, 'gebruiker.beheren', dal.actor.organisatieId);
  if (!besluit.toegestaan) throw new AppError('geen_toegang', besluit.reden);
}

function vereisRollenPassen(dal: DataAccess, rollen: Rol[]) {
  const toegestaan = ROLLEN_PER_ORGANISATIESOORT[dal.actor.organisatieSoort];
  const fout = rollen.filter((r) => !toegestaan.includes(r) || r === 'inwoner');
  if (fout.length > 0) {
    throw new AppError('niet_verwerkbaar', `Deze rollen passen niet bij uw organisatie: ${fout.join(', ')}.`, {
      invalidParams: [{ name: 'rollen', code: 'rol_niet_toegestaan', reason: `Toegestaan: ${toegestaan.filter((r) => r !== 'inwoner').join(', ')}.` }],
    });
  }
}

async function haalEigen(dal: DataAccess, id: string) {
  const row = await gebruikerQuery(dal.db).where('g.id', '=', id).where('g.organisatie_id', '=', dal.actor.organisatieId).executeTakeFirst();
  if (!row) throw new AppError('niet_gevonden', 'Deze gebruiker bestaat niet in uw organisatie.');
  return row;
}

const Rollen = z.array(z.enum(ROL_CODES)).min(1, 'Kies minstens één rol.').max(10);

export const gebruikerRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/gebruikers',
    tags,
    summary: 'Gebruikers van uw organisatie (beheerder)',
    response: z.array(Gebruiker),
    handler: async ({ dal }) => {
      vereisBeheerder(dal);
      const rows = await gebruikerQuery(dal.db).where('g.organisatie_id', '=', dal.actor.organisatieId).orderBy('g.gebruikersnaam').execute();
      return rows.map(presentGebruiker);
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/gebruikers/professionals',
    tags,
    summary: 'Professionals in de regio om toe te wijzen aan een dossier',
    querystring: z.strictObject({ rol: z.enum(ROL_CODES).optional() }),
    response: z.array(z.object({ id: z.uuid(), naam: z.string(), rollen: z.array(z.enum(ROL_CODES)), organisatie: z.string() })),
    handler: async ({ dal, input }) => {
      if (!dal.actor.rollen.some((r) => r === 'klantmanager' || r === 'arbeidsdeskundige'))
        throw new AppError('geen_toegang', 'Alleen een klantmanager of arbeidsdeskundige wijst professionals toe.');
      let q = dal.db
        .selectFrom('gebruiker as g')
        .innerJoin('organisatie as o', 'o.id', 'g.organisatie_id')
        .where('o.regio_id', '=', dal.actor.regioId)
        .where('g.actief', '=', true)
        .where((eb) =>
          eb.or(['klantmanager', 'arbeidsdeskundige', 'jobcoach', 'loonwaardedeskundige', 'school'].map((r) => eb(eb.val(r), '=', eb.fn.any('g.rollen')))),
        );
      if (input.query.rol) q = q.where((eb) => eb(eb.val(input.query.rol as string), '=', eb.fn.any('g.rollen')));
      const rows = await q.select(['g.id', 'g.naam', 'g.rollen', 'o.naam as organisatie']).orderBy('o.naam').orderBy('g.naam').limit(500).execute();
      return rows.map((r) => ({ ...r, rollen: (r.rollen as Rol[]).filter((x) => x !== 'beheerder' && x !== 'inwoner') }));
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/gebruikers',
    tags,
    summary: 'Gebruiker toevoegen aan uw organisatie (beheerder)',
    status: 201,
    body: z.strictObject({
      gebruikersnaam: Gebruikersnaam,
      naam: z.string().trim().min(1).max(200),
      email: z.string().trim().max(254).pipe(z.email()).nullable().optional(),
      rollen: Rollen,
      wachtwoord: z.string().min(1).max(256),
    }),
    voorbeeld: { body: { gebruikersnaam: 'nieuwe.collega', naam: 'Nieuwe Collega', rollen: ['klantmanager'], wachtwoord: 'een-heel-lang-wachtwoord' } },
    response: Gebruiker,
    handler: async ({ input, dal }) => {
      vereisBeheerder(dal);
      vereisRollenPassen(dal, input.body.rollen);
      const probleem = passwordProblem(input.body.wachtwoord);
      if (probleem) throw new AppError('ongeldige_invoer', probleem, { invalidParams: [{ name: 'wachtwoord', code: 'te_zwak', reason: probleem }] });
      const bestaat = await dal.db.selectFrom('gebruiker').select('id').where('gebruikersnaam', '=', input.body.gebruikersnaam).executeTakeFirst();
      if (bestaat)
        throw new AppError('conflict', 'Deze gebruikersnaam is al in gebruik.', {
          invalidParams: [{ name: 'gebruikersnaam', code: 'bestaat_al', reason: 'Kies een andere gebruikersnaam.' }],
        });
      const id = randomUUID();
      const values = {
        id,
        organisatie_id: dal.actor.organisatieId,
        gebruikersnaam: input.body.gebruikersnaam,
        naam: input.body.naam,
        email: input.body.email ?? null,
        rollen: input.body.rollen,
        wachtwoord_hash: await hashPassword(input.body.wachtwoord),
        persoon_id: null,
        oidc_subject: null,
      };
      await dal.db.insertInto('gebruiker').values(values).execute();
      await dal.audit.schrijf({ actie: 'aanmaken', resource: 'gebruiker', resourceId: id, wijzigingen: diff(null, { ...values, wachtwoord_hash: 'x' }) });
      return presentGebruiker(await haalEigen(dal, id));
    },
  }),
  authRoute({
    method: 'PATCH',
    url: '/api/v1/gebruikers/:gebruikerId',
    tags,
    summary: 'Gebruiker wijzigen, (de)activeren of wachtwoord opnieuw instellen (beheerder)',
    params: z.strictObject({ gebruikerId: Id }),
    body: z.strictObject({
      naam: z.string().trim().min(1).max(200).optional(),
      email: z.string().trim().max(254).pipe(z.email()).nullable().optional(),
      rollen: Rollen.optional(),
      actief: z.boolean().optional(),
      wachtwoord: z.string().min(1).max(256).optional(),
    }),
    voorbeeld: { body: { naam: 'Andere Naam' } },
    response: Gebruiker,
    handler: async ({ input, dal }) => {
      vereisBeheerder(dal);
      const oud = await haalEigen(dal, input.params.gebruikerId);
      if (input.body.rollen) vereisRollenPassen(dal, input.body.rollen);
      if (oud.id === dal.actor.gebruikerId && (input.body.actief === false || (input.body.rollen && !input.body.rollen.includes('beheerder')))) {
        throw new AppError('conflict', 'U kunt uzelf niet deactiveren of uw eigen beheerdersrol afnemen.');
      }
      const { wachtwoord, ...rest } = input.body;
      const set: Record<string, unknown> = { ...rest };
      if (wachtwoord !== undefined) {
        const probleem = passwordProblem(wachtwoord);
        if (probleem) throw new AppError('ongeldige_invoer', probleem, { invalidParams: [{ name: 'wachtwoord', code: 'te_zwak', reason: probleem }] });
        set.wachtwoord_hash = await hashPassword(wachtwoord);
      }
      const wijzigingen = diff(oud as unknown as Record<string, unknown>, set);
      if (Object.keys(wijzigingen).length > 0) {
        await dal.db
          .updateTable('gebruiker')
          .set({ ...set, gewijzigd_op: new Date() })
          .where('id', '=', oud.id)
          .execute();
        if (set.actief === false || set.wachtwoord_hash) await dal.db.deleteFrom('sessie').where('gebruiker_id', '=', oud.id).execute();
        await dal.audit.schrijf({ actie: 'wijzigen', resource: 'gebruiker', resourceId: oud.id, wijzigingen });
      }
      return presentGebruiker(await haalEigen(dal, oud.id));
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/gebruikers/:gebruikerId/api-tokens',
    tags,
    status: 201,
    summary: 'API-token maken voor systeemkoppelingen (bijv. import); het token wordt één keer getoond',
    params: z.strictObject({ gebruikerId: Id }),
    body: z.strictObject({ naam: z.string().trim().min(1).max(100), geldigDagen: z.number().int().min(1).max(730).default(365) }),
    voorbeeld: { body: { naam: 'Koppeling Suite4Sociaal Domein' } },
    response: z.object({ id: z.uuid(), naam: z.string(), token: z.string(), verlooptOp: z.string() }),
    handler: async ({ input, dal, reply }) => {
      vereisBeheerder(dal);
      const g = await haalEigen(dal, input.params.gebruikerId);
      const { token, hash } = newApiToken();
      const id = randomUUID();
      const verlooptOp = new Date(Date.now() + input.body.geldigDagen * 86_400_000);
      await dal.db
        .insertInto('api_token')
        .values({ id, organisatie_id: dal.actor.organisatieId, gebruiker_id: g.id, naam: input.body.naam, token_hash: hash, verloopt_op: verlooptOp })
        .execute();
      await dal.audit.schrijf({ actie: 'aanmaken', resource: 'api_token', resourceId: id, toelichting: `voor ${g.gebruikersnaam}: ${input.body.naam}` });
      reply.header('cache-control', 'no-store');
      return { id, naam: input.body.naam, token, verlooptOp: verlooptOp.toISOString() };
    },
  }),
];
