import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ROL_CODES, ROLLEN_PER_ORGANISATIESOORT, type Organisatiesoort, type Rol } from '../shared/codes.js';
import { hashPassword, passwordProblem } from '../server/auth/password.js';
import { newApiToken } from '../server/auth/authenticate.js';
import { loadConfig, opslagOpties } from '../server/config.js';
import { deriveKeys, resolveSecret } from '../server/crypto/secrets.js';
import { migrate } from '../server/db/migrate.js';
import { openStorage } from '../server/db/pool.js';
import { startPlatform, warmIndexen } from '../server/platform.js';
import { startVervalControle } from '../server/modules/contactverzoeken/verval.js';
import { startDagelijkseSignalering } from '../server/modules/verwijzingen/signalering.js';
import { controleerZoekopdrachten, startZoekopdrachtenControle } from '../server/modules/zoekopdrachten/sweep.js';
import { IMPORT_HELP, importCommando } from './import.js';
import { DEMO_WACHTWOORD, demoLogins, seedDemo } from '../server/seed/demo.js';

const HELP = `passend — werk dat past

Gebruik:
  passend serve [--port N] [--geen-demo]   start de server (migreert; laadt demodata bij de eerste start)
  passend migrate                          past databasemigraties toe
  passend seed --demo                      laadt de fictieve demoregio (idempotent)
  passend user add --organisatie SLUG --gebruikersnaam NAAM --naam "Volledige naam" --rol ROL[,ROL]
                                           voegt een gebruiker toe (wachtwoord uit PASSEND_WACHTWOORD of gegenereerd)
  passend token add --gebruikersnaam NAAM --naam OMSCHRIJVING
                                           maakt een API-token voor systeemkoppelingen
  passend zoekopdrachten controleren       maakt nu meldingen voor bewaarde zoekopdrachten met nieuwe kandidaten
                                           (serve doet dit elke 5 minuten)
${IMPORT_HELP}

Omgeving: PORT, DATA_DIR, DATABASE_URL, PASSEND_SECRET (zie README.md).`;

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: argv.slice(1), options: { port: { type: 'string' }, 'geen-demo': { type: 'boolean' } } });
      if (values.port) config.port = Number.parseInt(values.port, 10);
      const { app, services } = await startPlatform(config);
      const regios = await services.storage.db.selectFrom('arbeidsmarktregio').select('id').execute();
      let demo = false;
      if (regios.length === 0 && !values['geen-demo'] && !config.production) {
        console.log('Eerste start: demodata laden…');
        await seedDemo(services.storage.db, services.keys);
        demo = true;
      } else {
        demo = Boolean(await services.storage.db.selectFrom('gebruiker').select('id').where('gebruikersnaam', '=', 'klantmanager.zwolle').executeTakeFirst());
      }
      // Saved searches: notifications about new candidates every few minutes (timer unref'd, stopped on close).
      const zoekopdrachtenControle = startZoekopdrachtenControle(services.storage.db, { log: (e) => app.log.error(e) });
      app.addHook('preClose', async () => zoekopdrachtenControle.stop());
      // Open contact requests on profiles no longer published lapse (employer told, task closed).
      const verval = startVervalControle(services.storage.db, { log: (e) => app.log.error(e) });
      app.addHook('preClose', async () => verval.stop());
      // Three months without activity: checked now and then daily; the timer never keeps the process alive.
      const signalering = startDagelijkseSignalering(services.storage.db, { log: (t) => console.log(t) });
      app.addHook('preClose', async () => signalering.stop());
      await app.listen({ port: config.port, host: config.host });
      // Load the in-process search and matching indexes now, so the first search does not wait for them.
      void warmIndexen(services).catch((e) => app.log.warn({ err: e }, 'indexen vooraf laden mislukt'));
      const url = `http://localhost:${config.port}`;
      console.log(`\nPassend draait op ${url}  (opslag: ${services.storage.kind}${services.storage.kind === 'pglite' ? `, ${config.dataDir}` : ''})`);
      console.log(`API: ${url}/api/v1  ·  OpenAPI: ${url}/api/v1/openapi.json`);
      if (demo) printDemoLogins();
      const stop = async (signal: string) => {
        console.log(`\n${signal}: Passend stopt…`);
        // Finish requests in flight, but never hang: after 10 s stop anyway (committed data is safe).
        setTimeout(() => process.exit(1), 10_000).unref();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      return -1; // keep running
    }
    case 'zoekopdrachten': {
      if (sub !== 'controleren') {
        console.error(HELP);
        return 2;
      }
      const storage = await openStorage(opslagOpties(config));
      try {
        await migrate(storage.pool);
        const u = await controleerZoekopdrachten(storage.db);
        console.log(
          `Gecontroleerd: ${u.gecontroleerd} zoekopdrachten; nieuwe meldingen: ${u.nieuw}, bijgewerkt: ${u.bijgewerkt}, ingetrokken: ${u.ingetrokken}, overgeslagen: ${u.overgeslagen}.`,
        );
      } finally {
        await storage.close();
      }
      return 0;
    }
    case 'migrate': {
      const storage = await openStorage(opslagOpties(config));
      try {
        const result = await migrate(storage.pool);
        console.log(result.applied.length ? `Toegepast: ${result.applied.join(', ')}` : 'Geen nieuwe migraties.');
        console.log(`Schemaversie: ${result.version} (${storage.kind})`);
      } finally {
        await storage.close();
      }
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: argv.slice(1), options: { demo: { type: 'boolean' } } });
      if (!values.demo) {
        console.error('Gebruik: passend seed --demo');
        return 2;
      }
      const storage = await openStorage(opslagOpties(config));
      try {
        await migrate(storage.pool);
        const result = await seedDemo(storage.db, deriveKeys(resolveSecret(config)));
        console.log(
          `Demodata ${result.nieuw ? 'geladen' : 'was al aanwezig; aangevuld waar nodig'}: ${result.organisaties} organisaties, ${result.gebruikers} gebruikers, ${result.personen} personen.`,
        );
        printDemoLogins();
      } finally {
        await storage.close();
      }
      return 0;
    }
    case 'user': {
      if (sub !== 'add') break;
      const { values } = parseArgs({
        args: rest,
        options: {
          organisatie: { type: 'string' },
          gebruikersnaam: { type: 'string' },
          naam: { type: 'string' },
          rol: { type: 'string' },
          email: { type: 'string' },
        },
      });
      if (!values.organisatie || !values.gebruikersnaam || !values.naam || !values.rol) {
        console.error('Verplicht: --organisatie, --gebruikersnaam, --naam, --rol');
        return 2;
      }
      const rollen = values.rol.split(',').map((r) => r.trim()) as Rol[];
      const onbekend = rollen.filter((r) => !(ROL_CODES as readonly string[]).includes(r));
      if (onbekend.length) {
        console.error(`Onbekende rol: ${onbekend.join(', ')}. Kies uit: ${ROL_CODES.join(', ')}`);
        return 2;
      }
      const generated = !process.env.PASSEND_WACHTWOORD;
      const wachtwoord = process.env.PASSEND_WACHTWOORD ?? randomBytes(12).toString('base64url');
      const probleem = passwordProblem(wachtwoord);
      if (probleem) {
        console.error(probleem);
        return 2;
      }
      const storage = await openStorage(opslagOpties(config));
      try {
        await migrate(storage.pool);
        const org = await storage.db.selectFrom('organisatie').select(['id', 'soort']).where('slug', '=', values.organisatie).executeTakeFirst();
        if (!org) {
          console.error(`Organisatie '${values.organisatie}' bestaat niet.`);
          return 2;
        }
        const toegestaan = ROLLEN_PER_ORGANISATIESOORT[org.soort as Organisatiesoort];
        const fout = rollen.filter((r) => !toegestaan.includes(r) || r === 'inwoner');
        if (fout.length) {
          console.error(`Rol past niet bij deze organisatie: ${fout.join(', ')}.`);
          return 2;
        }
        const id = randomUUID();
        await storage.db
          .insertInto('gebruiker')
          .values({
            id,
            organisatie_id: org.id,
            gebruikersnaam: values.gebruikersnaam,
            naam: values.naam,
            email: values.email ?? null,
            wachtwoord_hash: await hashPassword(wachtwoord),
            rollen,
            persoon_id: null,
            oidc_subject: null,
          })
          .execute();
        await storage.db
          .insertInto('audit_log')
          .values({
            organisatie_id: org.id,
            gebruiker_id: null,
            gebruiker_naam: 'systeem:cli',
            actor_organisatie_id: null,
            persoon_id: null,
            actie: 'aanmaken',
            resource: 'gebruiker',
            resource_id: id,
            doel: 'beheer',
            grondslag: null,
            wijzigingen: null,
            verzoek_id: null,
            toelichting: values.gebruikersnaam,
          })
          .execute();
        console.log(`Gebruiker ${values.gebruikersnaam} toegevoegd.${generated ? ` Tijdelijk wachtwoord: ${wachtwoord}` : ''}`);
      } finally {
        await storage.close();
      }
      return 0;
    }
    case 'import':
      return importCommando(argv.slice(1), config);
    case 'token': {
      if (sub !== 'add') break;
      const { values } = parseArgs({ args: rest, options: { gebruikersnaam: { type: 'string' }, naam: { type: 'string' } } });
      if (!values.gebruikersnaam || !values.naam) {
        console.error('Verplicht: --gebruikersnaam, --naam');
        return 2;
      }
      const storage = await openStorage(opslagOpties(config));
      try {
        await migrate(storage.pool);
        const g = await storage.db
          .selectFrom('gebruiker')
          .select(['id', 'organisatie_id'])
          .where('gebruikersnaam', '=', values.gebruikersnaam)
          .executeTakeFirst();
        if (!g) {
          console.error(`Gebruiker '${values.gebruikersnaam}' bestaat niet.`);
          return 2;
        }
        const { token, hash } = newApiToken();
        await storage.db
          .insertInto('api_token')
          .values({
            id: randomUUID(),
            organisatie_id: g.organisatie_id,
            gebruiker_id: g.id,
            naam: values.naam,
            token_hash: hash,
            verloopt_op: new Date(Date.now() + 365 * 86_400_000),
          })
          .execute();
        console.log(`API-token (wordt maar één keer getoond):\n${token}`);
      } finally {
        await storage.close();
      }
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
  }
  console.error(`Onbekend commando: ${argv.join(' ')}\n\n${HELP}`);
  return 2;
}

function printDemoLogins(): void {
  console.log(`\nDemo-logins (wachtwoord voor allemaal: ${DEMO_WACHTWOORD}):`);
  const perOrg = new Map<string, string[]>();
  for (const l of demoLogins()) perOrg.set(l.organisatie, [...(perOrg.get(l.organisatie) ?? []), l.gebruikersnaam]);
  for (const [org, namen] of perOrg) console.log(`  ${org.padEnd(36)} ${namen.join(', ')}`);
  console.log('');
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Fout: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
