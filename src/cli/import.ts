/**
 * `passend import FILE [--dry-run] [--gemeente SLUG] [--gebruiker NAAM] [--rapport FILE.csv]`
 *
 * Reads the file as a stream through the same pipeline as the API (src/server/modules/import), with a
 * progress bar on stderr. Running the same file again for the same gemeente continues an unfinished
 * run from its checkpoint. Exit code: 0 when the file was read (rejected rows are reported, not
 * fatal); 1 when it cannot be read at all (missing, unreadable header, not JSON) or breaks off; 2 for
 * wrong usage.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Rol } from '../shared/codes.js';
import type { Actor } from '../server/access/policy.js';
import { doelVoor } from '../server/auth/authenticate.js';
import { type Config, opslagOpties } from '../server/config.js';
import { deriveKeys, resolveSecret } from '../server/crypto/secrets.js';
import { migrate } from '../server/db/migrate.js';
import { openStorage } from '../server/db/pool.js';
import { GELIJKTIJDIG, importeer, rapportCsv, type Voortgang, ZOEKVECTOR_IN_NODE } from '../server/modules/import/pijplijn.js';

export const IMPORT_HELP = `  passend import BESTAND [--dry-run] [--gemeente SLUG] [--gebruiker NAAM] [--rapport RAPPORT.csv]
                                           levert personen en kandidaatprofielen aan (CSV, JSON of JSON Lines; zie docs/import.md)`;

const fmt = (n: number) => n.toLocaleString('nl-NL');

export async function importCommando(args: string[], config: Config): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\nGebruik:\n${IMPORT_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const bestand = positionals[0];
  if (!bestand || positionals.length > 1) {
    console.error(`Gebruik:\n${IMPORT_HELP}`);
    return 2;
  }
  let grootte: number;
  try {
    const stat = fs.statSync(bestand);
    if (!stat.isFile()) throw new Error('geen bestand');
    fs.accessSync(bestand, fs.constants.R_OK);
    grootte = stat.size;
  } catch {
    console.error(`Het bestand '${bestand}' bestaat niet of kan niet worden gelezen.`);
    return 1;
  }

  const storage = await openStorage(opslagOpties(config));
  try {
    await migrate(storage.pool);
    const db = storage.db;
    let proefdraai = Boolean(values['dry-run']);

    // The gemeente: --gemeente, else the one of --gebruiker, else the only gemeente there is.
    let gemeente: { id: string; slug: string; naam: string; regio_id: string } | undefined;
    const gebruikerRij = values.gebruiker
      ? await db
          .selectFrom('gebruiker as g')
          .innerJoin('organisatie as o', 'o.id', 'g.organisatie_id')
          .select(['g.id', 'g.gebruikersnaam', 'g.rollen', 'g.organisatie_id', 'o.slug'])
          .where('g.gebruikersnaam', '=', values.gebruiker)
          .where('g.actief', '=', true)
          .executeTakeFirst()
      : undefined;
    if (values.gebruiker && !gebruikerRij) {
      console.error(`Gebruiker '${values.gebruiker}' bestaat niet of is niet actief.`);
      return 2;
    }
    const slug = values.gemeente ?? gebruikerRij?.slug;
    const gemeenten = await db
      .selectFrom('organisatie')
      .select(['id', 'slug', 'naam', 'regio_id'])
      .where('soort', '=', 'gemeente')
      .where('actief', '=', true)
      .orderBy('slug')
      .execute();
    if (slug) {
      gemeente = gemeenten.find((g) => g.slug === slug);
      if (!gemeente) {
        console.error(`'${slug}' is geen (actieve) gemeente. Kies uit: ${gemeenten.map((g) => g.slug).join(', ') || '(geen)'}.`);
        return 2;
      }
    } else if (gemeenten.length === 1) gemeente = gemeenten[0];
    if (!gemeente) {
      // Safe by default: never guess which gemeente's dossiers to change. Check the file instead.
      proefdraai = true;
      console.error(
        `Geen gemeente gekozen (--gemeente SLUG; er zijn er ${gemeenten.length}): het bestand wordt alleen gecontroleerd, er wordt niets opgeslagen.`,
      );
      gemeente = gemeenten[0];
      if (!gemeente) {
        console.error('Er is nog geen gemeente in de database (laad eerst de organisaties, bijvoorbeeld met `passend seed --demo`).');
        return 2;
      }
    }

    // The account the import acts as (recorded in the audit log and as the one who recorded consent).
    const IMPORTROLLEN: Rol[] = ['beheerder', 'klantmanager'];
    let account = gebruikerRij && gebruikerRij.organisatie_id === gemeente.id ? gebruikerRij : undefined;
    if (gebruikerRij && !account) {
      console.error(`Gebruiker '${gebruikerRij.gebruikersnaam}' werkt niet voor gemeente ${gemeente.slug}.`);
      return 2;
    }
    if (account && !(account.rollen as Rol[]).some((r) => IMPORTROLLEN.includes(r))) {
      console.error(`Gebruiker '${account.gebruikersnaam}' is geen klantmanager of beheerder.`);
      return 2;
    }
    if (!account) {
      const kandidaten = await db
        .selectFrom('gebruiker as g')
        .innerJoin('organisatie as o', 'o.id', 'g.organisatie_id')
        .select(['g.id', 'g.gebruikersnaam', 'g.rollen', 'g.organisatie_id', 'o.slug'])
        .where('g.organisatie_id', '=', gemeente.id)
        .where('g.actief', '=', true)
        .orderBy('g.gebruikersnaam')
        .execute();
      account = kandidaten.find((k) => (k.rollen as Rol[]).includes('beheerder')) ?? kandidaten.find((k) => (k.rollen as Rol[]).includes('klantmanager'));
      if (!account) {
        console.error(`Gemeente ${gemeente.slug} heeft geen beheerder of klantmanager; maak er een met \`passend user add\` en gebruik --gebruiker.`);
        return 2;
      }
    }
    const rollen = account.rollen as Rol[];
    const actor: Actor = {
      gebruikerId: account.id,
      gebruikersnaam: `${account.gebruikersnaam} (cli)`,
      organisatieId: gemeente.id,
      organisatieSoort: 'gemeente',
      regioId: gemeente.regio_id,
      rollen,
      persoonId: null,
      doel: doelVoor(rollen, undefined),
      via: 'systeem',
    };

    // The content's sha256 first (one fast pass): it finds an unfinished run of the same file to resume.
    const hash = createHash('sha256');
    for await (const chunk of fs.createReadStream(bestand)) hash.update(chunk as Buffer);
    const sha256 = hash.digest('hex');

    console.error(
      `${proefdraai ? 'Proefdraai (er wordt niets opgeslagen)' : 'Importeren'}: ${path.basename(bestand)} (${fmt(grootte)} bytes) voor ${gemeente.naam}, namens ${account.gebruikersnaam}`,
    );
    const balk = voortgangsbalk(grootte);
    const samenvatting = await importeer(fs.createReadStream(bestand, { highWaterMark: 256 * 1024 }), {
      db,
      keys: deriveKeys(resolveSecret(config)),
      actor,
      gestartVia: 'cli',
      organisatieId: gemeente.id,
      proefdraai,
      bestandsnaam: path.basename(bestand),
      sha256,
      verwachtFormaat: /\.jsonl$|\.ndjson$/i.test(bestand) ? 'jsonl' : /\.json$/i.test(bestand) ? 'json' : null,
      onVoortgang: balk.toon,
      gelijktijdig: GELIJKTIJDIG[storage.kind],
      zoekvectorInNode: ZOEKVECTOR_IN_NODE[storage.kind],
      poolGrootte: storage.pool.options.max,
    });
    balk.klaar();

    const s = samenvatting;
    if (s.status === 'onleesbaar') {
      console.log('Het bestand kan niet worden gelezen; er is niets verwerkt.');
      for (const f of s.fouten) console.log(`  regel ${f.regel} · ${f.veld} · ${f.reden}`);
      return 1;
    }
    if (s.hervatVanafRegel > 0) console.log(`Onderbroken import hervat na regel ${fmt(s.hervatVanafRegel)}.`);
    console.log(
      `${s.proefdraai ? 'Proefdraai' : 'Import'} ${s.status === 'klaar' ? 'klaar' : 'afgebroken'}: ${fmt(s.gelezen)} rijen gelezen, ${fmt(s.geaccepteerd)} geaccepteerd, ${fmt(s.afgewezen)} afgewezen.`,
    );
    console.log(
      `${s.proefdraai ? 'Zou opleveren' : 'Resultaat'}: ${fmt(s.nieuw)} nieuw, ${fmt(s.gewijzigd)} gewijzigd, ${fmt(s.ongewijzigd)} ongewijzigd.  Import-id: ${s.runId}`,
    );
    if (values.rapport) {
      const uit = fs.createWriteStream(values.rapport);
      for await (const deel of rapportCsv(db, s.runId as string)) if (!uit.write(deel)) await new Promise<void>((r) => uit.once('drain', () => r()));
      await new Promise<void>((resolve, reject) => uit.end((e?: Error | null) => (e ? reject(e) : resolve())));
      console.log(`Rapport (${fmt(s.foutenTotaal)} ${s.foutenTotaal === 1 ? 'probleem' : 'problemen'}): ${values.rapport}`);
    } else if (s.foutenTotaal > 0) {
      for (const f of s.fouten.slice(0, 20)) console.log(`  regel ${f.regel} · ${f.veld} · ${f.reden}`);
      if (s.foutenTotaal > 20) console.log(`  … en nog ${fmt(s.foutenTotaal - 20)}. Het hele rapport: --rapport RAPPORT.csv`);
    }
    return s.status === 'klaar' ? 0 : 1;
  } finally {
    await storage.close();
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      proefdraai: { type: 'boolean' },
      gemeente: { type: 'string' },
      gebruiker: { type: 'string' },
      rapport: { type: 'string' },
    },
  }) as { values: { 'dry-run'?: boolean; gemeente?: string; gebruiker?: string; rapport?: string; proefdraai?: boolean }; positionals: string[] };
}

/** A progress bar on stderr: percent by bytes, rows and rows/s. Without a terminal: a line per 10%. */
function voortgangsbalk(totaal: number) {
  const tty = Boolean(process.stderr.isTTY);
  const start = performance.now();
  let laatst = 0;
  let laatsteTiende = -1;
  let v: Voortgang = { bytes: 0, gelezen: 0, geaccepteerd: 0, afgewezen: 0 };
  const regel = () => {
    const pct = totaal > 0 ? Math.min(100, (v.bytes / totaal) * 100) : 100;
    const sec = Math.max(0.001, (performance.now() - start) / 1000);
    const breed = 30;
    const vol = Math.round((pct / 100) * breed);
    return `[${'#'.repeat(vol)}${'.'.repeat(breed - vol)}] ${pct.toFixed(0).padStart(3)}%  ${fmt(v.gelezen)} rijen  ${fmt(Math.round(v.gelezen / sec))} rijen/s  (${fmt(v.afgewezen)} afgewezen)`;
  };
  return {
    toon(nieuw: Voortgang) {
      v = nieuw;
      const nu = performance.now();
      if (tty) {
        if (nu - laatst < 100) return;
        laatst = nu;
        process.stderr.write(`\r${regel()}`);
      } else {
        const tiende = totaal > 0 ? Math.floor((v.bytes / totaal) * 10) : 10;
        if (tiende > laatsteTiende) {
          laatsteTiende = tiende;
          process.stderr.write(`${regel()}\n`);
        }
      }
    },
    klaar() {
      if (tty) process.stderr.write(`\r${regel()}\n`);
      else if (laatsteTiende < 10) process.stderr.write(`${regel()}\n`);
    },
  };
}
