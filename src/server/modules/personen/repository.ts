import { randomUUID } from 'node:crypto';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Persoonstatus, Rol, TijdlijnSoort, Toestemmingsdoel, VastgelegdVia } from '../../../shared/codes.js';
import { ROLLEN } from '../../../shared/codes.js';
import { maskBsn } from '../../../shared/bsn.js';
import type { DataAccess } from '../../access/data-access.js';
import { beslis, magPersoonAanmaken, PERSOON_ACTIES, type Grondslag, type PersoonFeiten } from '../../access/policy.js';
import { diff } from '../../audit/audit.js';
import { auditQuery, presentAuditRij } from '../../audit/presenter.js';
import { decrypt, encrypt, lookupHash } from '../../crypto/secrets.js';
import { AppError } from '../../http/problem.js';
import { CONTACT_VELDEN, type NieuwPersoonInput, type PersoonDetailDto, type WijzigPersoonInput, type ZoekvraagInput } from './schemas.js';
import { herberekenPublicatie } from '../kandidaten/publicatie.js';

type LeesbaarQuery = SelectQueryBuilder<Database, 'persoon' | 'organisatie', object>;

const iso = (d: Date | string | null) => (d == null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** Person dossier commands and queries. Every method authorizes and audits through the DataAccess. */
export class PersonenRepository {
  constructor(private readonly dal: DataAccess) {}

  private get db() {
    return this.dal.db;
  }

  async zoek(vraag: ZoekvraagInput) {
    return this.pagina(vraag.pagina, vraag.paginaGrootte, null, (q) => {
      let r = q;
      if (vraag.status) r = r.where('persoon.status', '=', vraag.status);
      if (vraag.gemeenteId) r = r.where('persoon.organisatie_id', '=', vraag.gemeenteId);
      for (const term of zoektermen(vraag.zoek)) {
        const datum = naarIsoDatum(term);
        if (datum) r = r.where('persoon.geboortedatum', '=', datum);
        else r = r.where('persoon.zoektekst', 'like', `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      }
      return r;
    });
  }

  /** Exact look-up by BSN through its keyed hash; the BSN itself is never compared or logged in clear. */
  async zoekOpBsn(bsn: string) {
    const hash = lookupHash(this.dal.keys.bsnLookup, bsn);
    return this.pagina(1, 20, 'gezocht op BSN', (q) => q.where('persoon.bsn_hash', '=', hash));
  }

  /** One page of readable persons matching `filter`; every listed person gets an audit row. */
  private async pagina(pagina: number, paginaGrootte: number, toelichting: string | null, filter: (q: LeesbaarQuery) => LeesbaarQuery) {
    const base = this.db
      .selectFrom('persoon')
      .innerJoin('organisatie', 'organisatie.id', 'persoon.organisatie_id')
      .where((eb) => this.dal.leesbarePersonen(eb));
    const rows = await filter(base)
      .select([
        'persoon.id',
        'persoon.voornaam',
        'persoon.tussenvoegsel',
        'persoon.achternaam',
        'persoon.geboortedatum',
        'persoon.woonplaats',
        'persoon.status',
        'persoon.organisatie_id',
        'persoon.gewijzigd_op',
        'organisatie.naam as gemeente_naam',
        sql<number>`count(*) over ()::int`.as('totaal'),
      ])
      .orderBy('persoon.achternaam')
      .orderBy('persoon.voornaam')
      .orderBy('persoon.id')
      .limit(paginaGrootte)
      .offset((pagina - 1) * paginaGrootte)
      .execute();
    await this.dal.audit.schrijf(
      rows.map((r) => ({ actie: 'zoeken' as const, resource: 'persoon', resourceId: r.id, persoonId: r.id, organisatieId: r.organisatie_id, toelichting })),
    );
    // Past the last page the window count is absent: count separately so the total stays right.
    const totaal = rows[0]?.totaal ?? (pagina > 1 ? await this.tel(filter) : 0);
    return {
      resultaten: rows.map((r) => ({
        id: r.id,
        voornaam: r.voornaam,
        tussenvoegsel: r.tussenvoegsel,
        achternaam: r.achternaam,
        geboortedatum: r.geboortedatum,
        woonplaats: r.woonplaats,
        status: r.status as Persoonstatus,
        gemeente: { id: r.organisatie_id, naam: r.gemeente_naam },
        gewijzigdOp: iso(r.gewijzigd_op) as string,
      })),
      totaal,
      pagina,
      paginaGrootte,
    };
  }

  private async tel(filter: (q: LeesbaarQuery) => LeesbaarQuery): Promise<number> {
    const base = this.db
      .selectFrom('persoon')
      .innerJoin('organisatie', 'organisatie.id', 'persoon.organisatie_id')
      .where((eb) => this.dal.leesbarePersonen(eb));
    const r = await filter(base).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    return r.n;
  }

  async haal(persoonId: string): Promise<PersoonDetailDto> {
    const { feiten, grondslag } = await this.dal.vereisPersoon(persoonId, 'persoon.lezen');
    const detail = await this.detail(persoonId, feiten, grondslag);
    await this.dal.audit.schrijf({ actie: 'lezen', resource: 'persoon', resourceId: persoonId, persoonId, organisatieId: feiten.gemeenteId, grondslag });
    return detail;
  }

  private async detail(persoonId: string, feiten: PersoonFeiten, grondslag: Grondslag): Promise<PersoonDetailDto> {
    const r = await this.db
      .selectFrom('persoon')
      .innerJoin('organisatie as o', 'o.id', 'persoon.organisatie_id')
      .where('persoon.id', '=', persoonId)
      .leftJoin('functie as f', 'f.id', 'persoon.gewenste_functie_id')
      .selectAll('persoon')
      .select(['o.naam as gemeente_naam', 'f.naam as functie_naam'])
      .executeTakeFirstOrThrow();
    const toewijzingen = await this.db
      .selectFrom('toewijzing as t')
      .innerJoin('gebruiker as g', 'g.id', 't.gebruiker_id')
      .innerJoin('organisatie as o', 'o.id', 'g.organisatie_id')
      .where('t.persoon_id', '=', persoonId)
      .where((eb) => eb.or([eb('t.tot', 'is', null), eb('t.tot', '>', sql<string>`current_date`)]))
      .select(['t.id', 't.rol', 't.van', 'g.id as gebruiker_id', 'g.naam', 'o.naam as org_naam'])
      .orderBy('t.van')
      .execute();
    return {
      id: r.id,
      voornaam: r.voornaam,
      tussenvoegsel: r.tussenvoegsel,
      achternaam: r.achternaam,
      geboortedatum: r.geboortedatum,
      woonplaats: r.woonplaats,
      status: r.status as Persoonstatus,
      gemeente: { id: r.organisatie_id, naam: r.gemeente_naam },
      gewijzigdOp: iso(r.gewijzigd_op) as string,
      externId: r.extern_id,
      bsnGemaskeerd: maskBsn(r.bsn_laatste_cijfers),
      email: r.email,
      telefoon: r.telefoon,
      straat: r.straat,
      huisnummer: r.huisnummer,
      postcode: r.postcode,
      afsluitreden: r.afsluitreden,
      afgeslotenOp: iso(r.afgesloten_op),
      aangemaaktOp: iso(r.aangemaakt_op) as string,
      versie: r.versie,
      opleidingsniveau: (r.opleidingsniveau as PersoonDetailDto['opleidingsniveau']) ?? null,
      gewensteFunctie: r.gewenste_functie_id && r.functie_naam ? { id: r.gewenste_functie_id, naam: r.functie_naam } : null,
      toewijzingen: toewijzingen.map((t) => ({
        id: t.id,
        rol: t.rol as Rol,
        van: t.van,
        gebruiker: { id: t.gebruiker_id, naam: t.naam, organisatie: t.org_naam },
      })),
      grondslag,
      rechten: PERSOON_ACTIES.filter((a) => beslis(this.dal.actor, a, feiten).toegestaan),
    };
  }

  async maakAan(input: NieuwPersoonInput): Promise<PersoonDetailDto> {
    const samenwerking = await this.dal.samenwerktVoor(input.gemeenteId);
    const besluit = magPersoonAanmaken(this.dal.actor, input.gemeenteId, samenwerking);
    if (!besluit.toegestaan) throw new AppError('geen_toegang', besluit.reden);
    const gemeente = await this.db.selectFrom('organisatie').where('id', '=', input.gemeenteId).select(['soort']).executeTakeFirst();
    if (gemeente?.soort !== 'gemeente') {
      throw new AppError('niet_verwerkbaar', 'De verantwoordelijke organisatie moet een gemeente zijn.', {
        invalidParams: [{ name: 'gemeenteId', code: 'geen_gemeente', reason: 'Kies een gemeente.' }],
      });
    }
    const id = randomUUID();
    const values = {
      id,
      organisatie_id: input.gemeenteId,
      voornaam: input.voornaam,
      tussenvoegsel: input.tussenvoegsel ?? null,
      achternaam: input.achternaam,
      geboortedatum: input.geboortedatum,
      extern_id: input.externId ?? null,
      status: input.status ?? 'aangemeld',
      email: input.email ?? null,
      telefoon: input.telefoon ?? null,
      straat: input.straat ?? null,
      huisnummer: input.huisnummer ?? null,
      postcode: input.postcode ?? null,
      woonplaats: input.woonplaats ?? null,
      opleidingsniveau: input.opleidingsniveau ?? null,
      ...this.bsnKolommen(input.bsn ?? null),
    };
    await this.vereisUniek(input.gemeenteId, values.bsn_hash, values.extern_id, null);
    await this.db.insertInto('persoon').values(values).execute();
    await this.dal.audit.schrijf({
      actie: 'aanmaken',
      resource: 'persoon',
      resourceId: id,
      persoonId: id,
      organisatieId: input.gemeenteId,
      grondslag: besluit.grondslag,
      wijzigingen: diff(null, { ...zonderBsnKolommen(values), bsn: input.bsn ?? undefined }),
    });
    await this.gebeurtenis(id, input.gemeenteId, 'dossier', 'Dossier aangemaakt', null);
    const feiten = await this.dal.persoonFeiten(id);
    return this.detail(id, feiten, besluit.grondslag);
  }

  async wijzig(persoonId: string, input: WijzigPersoonInput): Promise<PersoonDetailDto> {
    const { versie, ...velden } = input;
    const alleenContact = Object.keys(velden).every((k) => (CONTACT_VELDEN as string[]).includes(k));
    const { feiten, grondslag } = await this.dal.vereisPersoon(persoonId, alleenContact ? 'persoon.contact_wijzigen' : 'persoon.wijzigen');
    const oud = await this.db.selectFrom('persoon').selectAll().where('id', '=', persoonId).forUpdate().executeTakeFirstOrThrow();
    if (oud.status === 'afgesloten') throw new AppError('conflict', 'Dit dossier is afgesloten en kan niet meer worden gewijzigd.');
    if (versie !== undefined && versie !== oud.versie) {
      throw new AppError('versieconflict', 'Iemand anders heeft dit dossier intussen gewijzigd. Laad het opnieuw en probeer het nog eens.');
    }
    const nieuw: Record<string, unknown> = {};
    const map: Record<string, string> = { externId: 'extern_id', gewensteFunctieId: 'gewenste_functie_id' };
    if (velden.gewensteFunctieId) {
      const f = await this.db
        .selectFrom('functie')
        .select(['id'])
        .where('id', '=', velden.gewensteFunctieId)
        .where('regio_id', '=', this.dal.actor.regioId)
        .where((eb) => eb.or([eb('organisatie_id', 'is', null), eb('organisatie_id', '=', oud.organisatie_id)]))
        .executeTakeFirst();
      if (!f) {
        throw new AppError('niet_verwerkbaar', 'Deze functie bestaat niet in de catalogus van uw regio.', {
          invalidParams: [{ name: 'gewensteFunctieId', code: 'onbekend', reason: 'Onbekende functie.' }],
        });
      }
    }
    for (const [k, v] of Object.entries(velden)) {
      if (k === 'bsn') continue;
      nieuw[map[k] ?? k] = v;
    }
    const bsnGewijzigd = velden.bsn !== undefined;
    const bsn = bsnGewijzigd ? this.bsnKolommen(velden.bsn ?? null) : null;
    if (bsn) await this.vereisUniek(oud.organisatie_id, bsn.bsn_hash, null, persoonId);
    if (nieuw.extern_id !== undefined && nieuw.extern_id !== null) await this.vereisUniek(oud.organisatie_id, null, nieuw.extern_id as string, persoonId);
    const wijzigingen = diff(oud as unknown as Record<string, unknown>, nieuw);
    if (bsn && bsn.bsn_hash !== oud.bsn_hash) wijzigingen.bsn = { oud: oud.bsn_hash ? '[geheim]' : null, nieuw: bsn.bsn_hash ? '[geheim]' : null };
    if (Object.keys(wijzigingen).length > 0) {
      await this.db
        .updateTable('persoon')
        .set({ ...nieuw, ...(bsn ?? {}), versie: oud.versie + 1, gewijzigd_op: new Date() })
        .where('id', '=', persoonId)
        .execute();
      await this.dal.audit.schrijf({
        actie: 'wijzigen',
        resource: 'persoon',
        resourceId: persoonId,
        persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen,
      });
      if (wijzigingen.status) {
        await this.gebeurtenis(persoonId, feiten.gemeenteId, 'status', `Status gewijzigd naar ${String(wijzigingen.status.nieuw)}`, null);
      }
    }
    return this.detail(persoonId, feiten, grondslag);
  }

  async sluitAf(persoonId: string, reden: string): Promise<PersoonDetailDto> {
    const { feiten, grondslag } = await this.dal.vereisPersoon(persoonId, 'persoon.afsluiten');
    const oud = await this.db.selectFrom('persoon').select(['status', 'versie']).where('id', '=', persoonId).forUpdate().executeTakeFirstOrThrow();
    if (oud.status === 'afgesloten') throw new AppError('conflict', 'Dit dossier is al afgesloten.');
    const nu = new Date();
    await this.db
      .updateTable('persoon')
      .set({ status: 'afgesloten', afsluitreden: reden, afgesloten_op: nu, versie: oud.versie + 1, gewijzigd_op: nu })
      .where('id', '=', persoonId)
      .execute();
    // Assignments end with the dossier.
    await this.db.updateTable('toewijzing').set({ tot: sql<string>`current_date` }).where('persoon_id', '=', persoonId).where('tot', 'is', null).execute();
    await this.dal.audit.schrijf({
      actie: 'afsluiten',
      resource: 'persoon',
      resourceId: persoonId,
      persoonId,
      organisatieId: feiten.gemeenteId,
      grondslag,
      wijzigingen: { status: { oud: oud.status, nieuw: 'afgesloten' }, afsluitreden: { oud: null, nieuw: reden } },
    });
    await this.gebeurtenis(persoonId, feiten.gemeenteId, 'status', 'Dossier afgesloten', reden);
    await herberekenPublicatie(this.db, persoonId);
    return this.detail(persoonId, feiten, grondslag);
  }

  async bsnInzien(persoonId: string): Promise<string | null> {
    const { feiten, grondslag } = await this.dal.vereisPersoon(persoonId, 'persoon.bsn_inzien');
    const r = await this.db.selectFrom('persoon').select('bsn_versleuteld').where('id', '=', persoonId).executeTakeFirstOrThrow();
    await this.dal.audit.schrijf({ actie: 'bsn_inzien', resource: 'persoon', resourceId: persoonId, persoonId, organisatieId: feiten.gemeenteId, grondslag });
    return r.bsn_versleuteld ? decrypt(this.dal.keys.bsnEncryption, r.bsn_versleuteld) : null;
  }

  // — Tijdlijn —

  async tijdlijn(persoonId: string) {
    const { feiten, grondslag } = await this.dal.vereisPersoon(persoonId, 'tijdlijn.lezen');
    const rows = await this.db
      .selectFrom('tijdlijn_gebeurtenis as t')
      .leftJoin('gebruiker as g', 'g.id', 't.auteur_id')
      .leftJoin('organisatie as o', 'o.id', 't.auteur_organisatie_id')
      .where('t.persoon_id', '=', persoonId)
      .select(['t.id', 't.soort', 't.titel', 't.tekst', 't.tijdstip', 'g.naam as auteur', 'o.naam as organisatie'])
      .orderBy('t.tijdstip', 'desc')
      .orderBy('t.id')
      .limit(500)
      .execute();
    await this.dal.audit.schrijf({ actie: 'lezen', resource: 'tijdlijn', persoonId, organisatieId: feiten.gemeenteId, grondslag });
    return rows.map((r) => ({ ...r, soort: r.soort as TijdlijnSoort, tijdstip: iso(r.tijdstip) as string }));
  }

  async voegGebeurtenisToe(persoonId: string, input: { soort: TijdlijnSoort; titel: string; tekst?: string | null | undefined }) {
    const { feiten, grondslag } = await this.dal.vereisPersoon(persoonId, 'tijdlijn.schrijven');
    const id = await this.gebeurtenis(persoonId, feiten.gemeenteId, input.soort, input.titel, input.tekst ?? null);
    await this.dal.audit.schrijf({
      actie: 'aanmaken',
      resource: 'tijdlijn',
      resourceId: id,
      persoonId,
      organisatieId: feiten.gemeenteId,
      grondslag,
      wijzigingen: diff(null, { soort: input.soort, titel: input.titel, tekst: input.tekst ?? null }),
    });
    const [r] = await this.tijdlijnItem(id);
    return r;
  }

  private async tijdlijnItem(id: string) {
    const rows = await this.db
      .selectFrom('tijdlijn_gebeurtenis as t')
      .leftJoin('gebruiker as g', 'g.id', 't.auteur_id')
      .leftJoin('organisatie as o', 'o.id', 't.auteur_organisatie_id')
      .where('t.id', '=', id)
      .select(['t.id', 't.soort', 't.titel', 't.tekst', 't.tijdstip', 'g.naam as auteur', 'o.naam as organisatie'])
      .execute();
    return rows.map((r) => ({ ...r, soort: r.soort as TijdlijnSoort, tijdstip: iso(r.tijdstip) as string }));
  }

  private async gebeurtenis(persoonId: string, gemeenteId: string, soort: TijdlijnSoort, titel: string, tekst: string | null): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto('tijdlijn_gebeurtenis')
      .values({
        id,
        organisatie_id: gemeenteId,
        persoon_id: persoonId,
        soort,
        titel,
        tekst,
        auteur_id: this.dal.actor.gebruikerId,
        auteur_organisatie_id: this.dal.actor.organisatieId,
      })
      .execute();
    return id;
  }

  // — Toestemmingen —

  async toestemmingen(persoonId: string) {
    const { feiten, grondslag } = await this.dal.vereisPersoon(persoonId, 'toestemming.lezen');
    const rows = await this.toestemmingQuery().where('t.persoon_id', '=', persoonId).orderBy('t.verleend_op', 'desc').execute();
    await this.dal.audit.schrijf({ actie: 'lezen', resource: 'toestemming', persoonId, organisatieId: feiten.gemeenteId, grondslag });
    return rows.map(presentToestemming);
  }

  private toestemmingQuery() {
    return this.db
      .selectFrom('toestemming as t')
      .leftJoin('organisatie as o', 'o.id', 't.ontvanger_id')
      .innerJoin('gebruiker as v', 'v.id', 't.verleend_door')
      .leftJoin('gebruiker as i', 'i.id', 't.ingetrokken_door')
      .select([
        't.id',
        't.doel',
        't.ontvanger_id',
        'o.naam as ontvanger_naam',
        't.vastgelegd_via',
        't.toelichting',
        't.verleend_op',
        'v.naam as verleend_door',
        't.ingetrokken_op',
        'i.naam as ingetrokken_door',
        't.intrekkingsreden',
      ]);
  }

  async verleenToestemming(
    persoonId: string,
    input: { doel: Toestemmingsdoel; ontvangerId?: string | null | undefined; vastgelegdVia: VastgelegdVia; toelichting?: string | null | undefined },
  ) {
    const { feiten, grondslag } = await this.dal.vereisPersoon(persoonId, 'toestemming.beheren');
    if (input.doel === 'gegevens_delen' && !input.ontvangerId) {
      throw new AppError('ongeldige_invoer', 'Kies de organisatie waarmee gegevens gedeeld mogen worden.', {
        invalidParams: [{ name: 'ontvangerId', code: 'verplicht', reason: 'Verplicht bij het doel gegevens_delen.' }],
      });
    }
    if (input.ontvangerId) {
      const org = await this.db.selectFrom('organisatie').select('id').where('id', '=', input.ontvangerId).executeTakeFirst();
      if (!org)
        throw new AppError('niet_verwerkbaar', 'Deze organisatie bestaat niet.', {
          invalidParams: [{ name: 'ontvangerId', code: 'onbekend', reason: 'Onbekende organisatie.' }],
        });
    }
    const id = randomUUID();
    const values = {
      id,
      organisatie_id: feiten.gemeenteId,
      persoon_id: persoonId,
      doel: input.doel,
      ontvanger_id: input.ontvangerId ?? null,
      vastgelegd_via: input.vastgelegdVia,
      toelichting: input.toelichting ?? null,
      verleend_door: this.dal.actor.gebruikerId,
    };
    await this.db.insertInto('toestemming').values(values).execute();
    await this.dal.audit.schrijf({
      actie: 'toestemming_verlenen',
      resource: 'toestemming',
      resourceId: id,
      persoonId,
      organisatieId: feiten.gemeenteId,
      grondslag,
      wijzigingen: diff(null, { doel: values.doel, ontvanger_id: values.ontvanger_id, vastgelegd_via: values.vastgelegd_via, toelichting: values.toelichting }),
    });
    await this.gebeurtenis(persoonId, feiten.gemeenteId, 'toestemming', `Toestemming vastgelegd: ${input.doel}`, input.toelichting ?? null);
    await herberekenPublicatie(this.db, persoonId);
    const row = await this.toestemmingQuery().where('t.id', '=', id).executeTakeFirstOrThrow();
    return presentToestemming(row);
  }

  async trekToestemmingIn(persoonId: string, toestemmingId: string, reden: string | null) {
    const { feiten, grondslag } = await this.dal.vereisPersoon(persoonId, 'toestemming.beheren');
    const bestaand = await this.db
      .selectFrom('toestemming')
      .selectAll()
      .where('id', '=', toestemmingId)
      .where('persoon_id', '=', persoonId)
      .forUpdate()
      .executeTakeFirst();
    if (!bestaand) throw new AppError('niet_gevonden', 'Deze toestemming bestaat niet.');
    if (bestaand.ingetrokken_op) throw new AppError('conflict', 'Deze toestemming is al ingetrokken.');
    await this.db
      .updateTable('toestemming')
      .set({ ingetrokken_op: new Date(), ingetrokken_door: this.dal.actor.gebruikerId, intrekkingsreden: reden })
      .where('id', '=', toestemmingId)
      .execute();
    await this.dal.audit.schrijf({
      actie: 'toestemming_intrekken',
      resource: 'toestemming',
      resourceId: toestemmingId,
      persoonId,
      organisatieId: feiten.gemeenteId,
      grondslag,
      wijzigingen: { ingetrokken: { oud: false, nieuw: true }, ...(reden ? { intrekkingsreden: { oud: null, nieuw: reden } } : {}) },
    });
    await this.gebeurtenis(persoonId, feiten.gemeenteId, 'toestemming', `Toestemming ingetrokken: ${bestaand.doel}`, reden);
    await herberekenPublicatie(this.db, persoonId);
    const row = await this.toestemmingQuery().where('t.id', '=', toestemmingId).executeTakeFirstOrThrow();
    return presentToestemming(row);
  }

  // — Toewijzingen —

  async wijsToe(persoonId: string, gebruikerId: string, rol: Rol) {
    const { feiten, grondslag } = await this.dal.vereisPersoon(persoonId, 'toewijzing.beheren');
    const g = await this.db.selectFrom('gebruiker').select(['id', 'rollen', 'actief', 'naam']).where('id', '=', gebruikerId).executeTakeFirst();
    if (!g?.actief)
      throw new AppError('niet_verwerkbaar', 'Deze gebruiker bestaat niet of is niet actief.', {
        invalidParams: [{ name: 'gebruikerId', code: 'onbekend', reason: 'Onbekende gebruiker.' }],
      });
    if (!g.rollen.includes(rol) || !ROLLEN[rol].professional) {
      throw new AppError('niet_verwerkbaar', 'Deze gebruiker heeft die professionele rol niet.', {
        invalidParams: [{ name: 'rol', code: 'rol_ontbreekt', reason: 'De gebruiker heeft deze rol niet.' }],
      });
    }
    const bestaat = await this.db
      .selectFrom('toewijzing')
      .select('id')
      .where('persoon_id', '=', persoonId)
      .where('gebruiker_id', '=', gebruikerId)
      .where('rol', '=', rol)
      .where('tot', 'is', null)
      .executeTakeFirst();
    if (bestaat) throw new AppError('conflict', 'Deze professional is al met deze rol toegewezen.');
    const id = randomUUID();
    await this.db
      .insertInto('toewijzing')
      .values({ id, organisatie_id: feiten.gemeenteId, persoon_id: persoonId, gebruiker_id: gebruikerId, rol, aangemaakt_door: this.dal.actor.gebruikerId })
      .execute();
    await this.dal.audit.schrijf({
      actie: 'aanmaken',
      resource: 'toewijzing',
      resourceId: id,
      persoonId,
      organisatieId: feiten.gemeenteId,
      grondslag,
      wijzigingen: diff(null, { gebruiker_id: gebruikerId, rol }),
    });
    await this.gebeurtenis(persoonId, feiten.gemeenteId, 'toewijzing', `${g.naam} toegewezen als ${ROLLEN[rol].label.toLowerCase()}`, null);
    return (await this.detail(persoonId, feiten, grondslag)).toewijzingen.find((t) => t.id === id)!;
  }

  async beeindigToewijzing(persoonId: string, toewijzingId: string): Promise<void> {
    const { feiten, grondslag } = await this.dal.vereisPersoon(persoonId, 'toewijzing.beheren');
    const t = await this.db
      .selectFrom('toewijzing as t')
      .innerJoin('gebruiker as g', 'g.id', 't.gebruiker_id')
      .select(['t.id', 't.tot', 'g.naam', 't.rol'])
      .where('t.id', '=', toewijzingId)
      .where('t.persoon_id', '=', persoonId)
      .executeTakeFirst();
    if (!t || t.tot !== null) throw new AppError('niet_gevonden', 'Deze toewijzing bestaat niet of is al beëindigd.');
    await this.db.updateTable('toewijzing').set({ tot: sql<string>`current_date` }).where('id', '=', toewijzingId).execute();
    await this.dal.audit.schrijf({
      actie: 'wijzigen',
      resource: 'toewijzing',
      resourceId: toewijzingId,
      persoonId,
      organisatieId: feiten.gemeenteId,
      grondslag,
      wijzigingen: { beeindigd: { oud: false, nieuw: true } },
    });
    await this.gebeurtenis(persoonId, feiten.gemeenteId, 'toewijzing', `Toewijzing van ${t.naam} beëindigd`, null);
  }

  // — AVG inzage —

  async auditVanPersoon(persoonId: string, formaat: 'json' | 'csv') {
    const { feiten, grondslag } = await this.dal.vereisPersoon(persoonId, 'audit.persoon');
    const rows = await auditQuery(this.db).where('a.persoon_id', '=', persoonId).orderBy('a.id', 'desc').limit(10_000).execute();
    await this.dal.audit.schrijf({
      actie: formaat === 'csv' ? 'exporteren' : 'lezen',
      resource: 'audit',
      persoonId,
      organisatieId: feiten.gemeenteId,
      grondslag,
    });
    return rows.map((r) => presentAuditRij(r));
  }

  // — helpers —

  private bsnKolommen(bsn: string | null) {
    if (!bsn) return { bsn_versleuteld: null, bsn_hash: null, bsn_laatste_cijfers: null };
    return {
      bsn_versleuteld: encrypt(this.dal.keys.bsnEncryption, bsn),
      bsn_hash: lookupHash(this.dal.keys.bsnLookup, bsn),
      bsn_laatste_cijfers: bsn.slice(-3),
    };
  }

  private async vereisUniek(gemeenteId: string, bsnHash: string | null, externId: string | null, behalve: string | null) {
    if (bsnHash) {
      let q = this.db.selectFrom('persoon').select('id').where('organisatie_id', '=', gemeenteId).where('bsn_hash', '=', bsnHash);
      if (behalve) q = q.where('id', '!=', behalve);
      if (await q.executeTakeFirst()) {
        throw new AppError('conflict', 'Er is in deze gemeente al een dossier met dit BSN.', {
          invalidParams: [{ name: 'bsn', code: 'bestaat_al', reason: 'Dit BSN is al in gebruik.' }],
        });
      }
    }
    if (externId) {
      let q = this.db.selectFrom('persoon').select('id').where('organisatie_id', '=', gemeenteId).where('extern_id', '=', externId);
      if (behalve) q = q.where('id', '!=', behalve);
      if (await q.executeTakeFirst()) {
        throw new AppError('conflict', 'Er is in deze gemeente al een dossier met dit externe id.', {
          invalidParams: [{ name: 'externId', code: 'bestaat_al', reason: 'Dit externe id is al in gebruik.' }],
        });
      }
    }
  }
}

function zonderBsnKolommen<T extends Record<string, unknown>>(v: T) {
  const { bsn_versleuteld: _a, bsn_hash: _b, bsn_laatste_cijfers: _c, id: _d, ...rest } = v;
  return rest;
}

function presentToestemming(r: {
  id: string;
  doel: string;
  ontvanger_id: string | null;
  ontvanger_naam: string | null;
  vastgelegd_via: string;
  toelichting: string | null;
  verleend_op: Date;
  verleend_door: string;
  ingetrokken_op: Date | null;
  ingetrokken_door: string | null;
  intrekkingsreden: string | null;
}) {
  return {
    id: r.id,
    doel: r.doel as Toestemmingsdoel,
    ontvanger: r.ontvanger_id ? { id: r.ontvanger_id, naam: r.ontvanger_naam ?? '' } : null,
    vastgelegdVia: r.vastgelegd_via as VastgelegdVia,
    toelichting: r.toelichting,
    verleendOp: iso(r.verleend_op) as string,
    verleendDoor: r.verleend_door,
    ingetrokkenOp: iso(r.ingetrokken_op),
    ingetrokkenDoor: r.ingetrokken_door,
    intrekkingsreden: r.intrekkingsreden,
    actief: r.ingetrokken_op === null,
  };
}

export function zoektermen(zoek: string | undefined): string[] {
  if (!zoek) return [];
  return zoek
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .slice(0, 5);
}

/** A search term that is a valid date (JJJJ-MM-DD or DD-MM-JJJJ) as ISO, else null. */
export function naarIsoDatum(term: string): string | null {
  let y: string | undefined;
  let m: string | undefined;
  let d: string | undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(term)) [y, m, d] = term.split('-');
  else if (/^\d{1,2}-\d{1,2}-\d{4}$/.test(term)) [d, m, y] = term.split('-');
  else return null;
  if (Number(y) < 1000) return null;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}
