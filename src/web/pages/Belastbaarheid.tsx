import { type FormEvent, useMemo, useRef, useState } from 'react';
import { BELASTBAARHEID_BRON_CODES, BELASTBAARHEID_BRONNEN } from '../../shared/codes.js';
import { api } from '../api/client.js';
import type {
  FmlCatalogus,
  FmlCatalogusItem,
  FunctieSamenvatting,
  Historie,
  ItemInvoer,
  NieuweVaststelling,
  Profiel,
  ProfielItem,
  Werkplekaanpassing,
} from '../api/matching.js';
import type { PersoonDetail } from '../api/types.js';
import { FunctieZoeker } from '../components/Matching.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Laden, Melding, Sectie, TabelVak } from '../components/ui.js';
import { FoutOverzicht, KeuzeVeld, TekstVeld, TekstvakVeld, Vinkje } from '../components/velden.js';
import { aantal, datumLang, tijdstip, volledigeNaam } from '../lib/format.js';
import { isIsoDatum, vandaagIso } from '../lib/getallen.js';
import { AppLink } from '../lib/router.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/matching.css';

/** Field name of an FML item in the forms: dots in ids make CSS selectors awkward. */
const veldVan = (code: string) => `fml-${code.replace(/\./g, '-')}`;

/** "Tillen" → "Tillen (IV.13)" */
const itemLabel = (i: { naam: string; code?: string; item?: string }) => `${i.naam} (${i.code ?? i.item})`;

/** What the person can on one item, in words. */
function waardeTekst(p: ProfielItem): string {
  if (p.voorwaarden.length > 0) return p.voorwaarden.map((v) => v.tekst).join('; ');
  if (p.niveau === null) return 'Geen bijzondere voorwaarden meer nodig';
  return p.niveauTekst ?? `Niveau ${p.niveau}`;
}

const isBeperkt = (p: ProfielItem) => (p.niveau ?? 0) > 0 || p.voorwaarden.length > 0;

/**
 * The belastbaarheid (FML) of one person: the current profile per rubriek, recording new values (for an
 * arbeidsdeskundige), workplace adaptations and the history. `eigen` = the person reads their own profile.
 */
export function BelastbaarheidPagina({ id, eigen = false }: { id: string; eigen?: boolean }) {
  const persoonPad = `/api/v1/personen/${encodeURIComponent(id)}`;
  const persoon = useData<PersoonDetail>((signal) => api.get(persoonPad, undefined, signal), [persoonPad]);
  const profiel = useData<Profiel>((signal) => api.get(`${persoonPad}/belastbaarheid`, undefined, signal), [persoonPad]);
  const catalogus = useData<FmlCatalogus>((signal) => api.get('/api/v1/fml-catalogus', undefined, signal), []);
  const p = persoon.data;
  const fout = persoon.fout ?? profiel.fout ?? catalogus.fout;
  const terug = eigen ? '/mijn-gegevens' : `/personen/${encodeURIComponent(id)}`;
  const titel = eigen ? 'Wat u kunt in werk' : 'Belastbaarheid';
  return (
    <Pagina titel={titel} kop={eigen ? titel : p ? `Belastbaarheid: ${volledigeNaam(p)}` : titel}>
      <p className="nl-paragraph">
        <AppLink href={terug}>{eigen ? 'Terug naar mijn gegevens' : 'Terug naar het dossier'}</AppLink>
      </p>
      {fout ? (
        <Melding type="error">
          {fout.status === 404 || fout.status === 403 ? 'Dit dossier bestaat niet, of u mag de belastbaarheid niet inzien.' : fout.melding}
        </Melding>
      ) : null}
      {!fout && (!p || !profiel.data || !catalogus.data) ? <Laden /> : null}
      {p && profiel.data && catalogus.data ? (
        <Inhoud p={p} profiel={profiel.data} catalogus={catalogus.data} eigen={eigen} onProfiel={(x) => profiel.setData(x)} />
      ) : null}
    </Pagina>
  );
}

function Inhoud({
  p,
  profiel,
  catalogus,
  eigen,
  onProfiel,
}: {
  p: PersoonDetail;
  profiel: Profiel;
  catalogus: FmlCatalogus;
  eigen: boolean;
  onProfiel: (p: Profiel) => void;
}) {
  const schrijven = profiel.magSchrijven && p.status !== 'afgesloten' && !eigen;
  const [formulierOpen, setFormulierOpen] = useState(false);
  const [opgeslagen, setOpgeslagen] = useState<string | null>(null);
  const [historieSleutel, setHistorieSleutel] = useState(0);
  const meldingRef = useRef<HTMLDivElement>(null);
  const laatste = profiel.items.reduce<string | null>((m, i) => (!m || i.vastgesteldOp > m ? i.vastgesteldOp : m), null);

  return (
    <>
      {eigen ? (
        <p className="nl-paragraph nl-paragraph--lead">
          Hier ziet u wat u kunt in werk, volgens de arbeidsdeskundige of de arts. Wij gebruiken dit om werk te zoeken dat bij u past. Klopt er iets niet?
          Bespreek het met uw klantmanager of arbeidsdeskundige.
        </p>
      ) : (
        <p className="nl-paragraph">
          Het belastbaarheidsprofiel volgt de Functionele Mogelijkhedenlijst (FML, catalogus {profiel.catalogusVersie}). Onderdelen die niet zijn vastgelegd,
          gelden als normaal. Eerdere waarden blijven bewaard in de geschiedenis.
        </p>
      )}
      {!eigen ? (
        <div className="knoppen">
          <AppLink
            href={`/personen/${encodeURIComponent(p.id)}/passende-functies`}
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          >
            Passende functies
          </AppLink>
          {schrijven && !formulierOpen ? (
            <Knop id="fml-openen" soort="primair" onClick={() => setFormulierOpen(true)}>
              Belastbaarheid vastleggen (FML overnemen)
            </Knop>
          ) : null}
        </div>
      ) : null}

      {opgeslagen ? (
        <div ref={meldingRef} tabIndex={-1}>
          <Melding type="ok">{opgeslagen}</Melding>
        </div>
      ) : null}

      {schrijven && formulierOpen ? (
        <VastleggenFormulier
          persoonId={p.id}
          profiel={profiel}
          catalogus={catalogus}
          onKlaar={(nieuw, aantalItems) => {
            setFormulierOpen(false);
            if (nieuw) {
              onProfiel(nieuw);
              setHistorieSleutel((k) => k + 1);
              setOpgeslagen(`De belastbaarheid is vastgelegd (${aantal(aantalItems, 'onderdeel', 'onderdelen')}). Het staat ook in de tijdlijn.`);
              requestAnimationFrame(() => meldingRef.current?.focus());
            } else {
              requestAnimationFrame(() => document.getElementById('fml-openen')?.focus());
            }
          }}
        />
      ) : null}

      <Sectie titel={eigen ? 'Uw mogelijkheden' : 'Huidig profiel'} id="profiel">
        {profiel.items.length === 0 ? (
          <p className="nl-paragraph">
            {eigen ? 'Er is nog niets vastgelegd over wat u kunt in werk.' : 'Er is nog geen belastbaarheid vastgelegd voor deze persoon.'}
          </p>
        ) : (
          <p className="nl-paragraph" id="profiel-samenvatting">
            {eigen
              ? `Op ${aantal(profiel.aantalBeperkt, 'onderdeel', 'onderdelen')} heeft u een beperking.`
              : `${aantal(profiel.aantalBeperkt, 'onderdeel', 'onderdelen')} met een beperking.`}
            {laatste ? ` Laatst vastgesteld op ${datumLang(laatste)}.` : ''}
          </p>
        )}
        {catalogus.rubrieken.map((r) => (
          <Rubriek
            key={r.code}
            code={r.code}
            naam={r.naam}
            items={profiel.items.filter((i) => i.rubriek === r.code)}
            medisch={profiel.medischZichtbaar}
            eigen={eigen}
          />
        ))}
      </Sectie>

      <Aanpassingen persoonId={p.id} catalogus={catalogus} schrijven={schrijven} eigen={eigen} />

      {!eigen ? (
        <Sectie titel="Geschiedenis" id="historie">
          <HistorieWeergave key={historieSleutel} persoonId={p.id} />
        </Sectie>
      ) : null}
    </>
  );
}

function Rubriek({ code, naam, items, medisch, eigen }: { code: string; naam: string; items: ProfielItem[]; medisch: boolean; eigen: boolean }) {
  const kopId = `rubriek-${code}-kop`;
  return (
    <section className="rubriek" aria-labelledby={kopId}>
      <h3 className="nl-heading nl-heading--level-3" id={kopId}>
        {code}. {naam}
      </h3>
      {items.length === 0 ? (
        <p className="nl-paragraph">{eigen ? 'Hier heeft u geen beperking.' : 'Niets vastgelegd: normaal.'}</p>
      ) : (
        <TabelVak label={`${code}. ${naam}`}>
          <table className="utrecht-table utrecht-table--html-table tabel-toolkit profiel-tabel">
            <caption className="utrecht-table__caption rhc-visually-hidden">
              {code}. {naam}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Onderdeel
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {eigen ? 'Wat u kunt' : 'Wat de persoon kan'}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {eigen ? 'Blijvend' : 'Duurzaam'}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {eigen ? 'Waar het vandaan komt' : 'Bron, datum en auteur'}
                </th>
                {medisch ? (
                  <th scope="col" className="utrecht-table__header-cell">
                    {eigen ? 'Uitleg van de arts of deskundige' : 'Medische toelichting'}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {items.map((i) => (
                <tr key={i.item} className="utrecht-table__row profiel-item" data-item={i.item}>
                  <th scope="row" className="utrecht-table__header-cell utrecht-table__header-cell--row">
                    {i.naam} <span className="klein geen-afbreken">({i.item})</span>
                  </th>
                  <td className="utrecht-table__cell">{isBeperkt(i) ? <strong>{waardeTekst(i)}</strong> : waardeTekst(i)}</td>
                  <td className="utrecht-table__cell">{i.duurzaam ? 'Ja' : 'Nee'}</td>
                  <td className="utrecht-table__cell profiel-bron">
                    {i.bronLabel}
                    {i.bronOmschrijving ? <span className="blok">{i.bronOmschrijving}</span> : null}
                    <span className="klein blok">
                      Vastgesteld op {datumLang(i.vastgesteldOp)}
                      {eigen ? '' : ` door ${i.auteur}`}
                    </span>
                  </td>
                  {medisch ? (
                    <td className="utrecht-table__cell">
                      {i.toelichting ? <span className="medisch">{i.toelichting}</span> : <span className="leeg">Geen</span>}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TabelVak>
      )}
    </section>
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* Recording: "FML overnemen"                                                                        */
/* ------------------------------------------------------------------------------------------------ */

interface ItemKeuze {
  /** Ordinal: '' = unchanged, else the level. */
  niveau: string;
  /** Conditions: the checked codes (start = current). */
  voorwaarden: string[];
  duurzaam: boolean;
  toelichting: string;
}

function isGewijzigd(item: FmlCatalogusItem, keuze: ItemKeuze, huidig: ProfielItem | undefined): boolean {
  if (item.soort === 'ordinaal') return keuze.niveau !== '';
  const oud = new Set((huidig?.voorwaarden ?? []).map((v) => v.code));
  return keuze.voorwaarden.length !== oud.size || keuze.voorwaarden.some((c) => !oud.has(c));
}

function VastleggenFormulier({
  persoonId,
  profiel,
  catalogus,
  onKlaar,
}: {
  persoonId: string;
  profiel: Profiel;
  catalogus: FmlCatalogus;
  onKlaar: (nieuw: Profiel | null, aantalItems: number) => void;
}) {
  const huidig = useMemo(() => new Map(profiel.items.map((i) => [i.item, i])), [profiel]);
  const [bron, setBron] = useState('');
  const [bronOmschrijving, setBronOmschrijving] = useState('');
  const [vastgesteldOp, setVastgesteldOp] = useState(vandaagIso());
  const [keuzes, setKeuzes] = useState<Record<string, ItemKeuze>>(() =>
    Object.fromEntries(
      catalogus.items.map((i) => {
        const h = huidig.get(i.code);
        return [i.code, { niveau: '', voorwaarden: (h?.voorwaarden ?? []).map((v) => v.code), duurzaam: h?.duurzaam ?? false, toelichting: '' }];
      }),
    ),
  );
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  const labels = useMemo(() => {
    const l: Record<string, string> = { bron: 'Bron', bronOmschrijving: 'Omschrijving van de bron', vastgesteldOp: 'Datum van vaststelling' };
    for (const i of catalogus.items) {
      l[veldVan(i.code)] = itemLabel(i);
      l[`${veldVan(i.code)}-toelichting`] = `${itemLabel(i)}, toelichting`;
    }
    return l;
  }, [catalogus]);

  const zet = (code: string, deel: Partial<ItemKeuze>) => setKeuzes((k) => ({ ...k, [code]: { ...(k[code] as ItemKeuze), ...deel } }));
  const gewijzigd = catalogus.items.filter((i) => isGewijzigd(i, keuzes[i.code] as ItemKeuze, huidig.get(i.code)));

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    const f: Record<string, string> = {};
    if (!bron) f.bron = 'Kies waar de gegevens vandaan komen.';
    if (!vastgesteldOp) f.vastgesteldOp = 'Vul de datum in waarop de belastbaarheid is vastgesteld.';
    else if (!isIsoDatum(vastgesteldOp)) f.vastgesteldOp = 'Vul een geldige datum in, bijvoorbeeld 12-03-2026.';
    else if (vastgesteldOp > vandaagIso()) f.vastgesteldOp = 'De datum van vaststelling kan niet in de toekomst liggen.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    if (gewijzigd.length === 0) {
      setAlgemeen('U heeft nog niets gewijzigd. Kies bij minstens één onderdeel een nieuw niveau of andere voorwaarden.');
      return;
    }
    const items: ItemInvoer[] = gewijzigd.map((i) => {
      const k = keuzes[i.code] as ItemKeuze;
      return {
        item: i.code,
        ...(i.soort === 'ordinaal' ? { niveau: Number(k.niveau) } : { voorwaarden: k.voorwaarden }),
        toelichting: k.toelichting.trim() || null,
        duurzaam: k.duurzaam,
      };
    });
    const body: NieuweVaststelling = { bron: bron as NieuweVaststelling['bron'], bronOmschrijving: bronOmschrijving.trim() || null, vastgesteldOp, items };
    setBezig(true);
    try {
      const nieuw = await api.post<Profiel>(`/api/v1/personen/${encodeURIComponent(persoonId)}/belastbaarheid`, body);
      onKlaar(nieuw, items.length);
    } catch (err) {
      const fout = alsApiError(err);
      const vf: Record<string, string> = {};
      for (const [naam, reden] of Object.entries(fout.veldFouten())) {
        const m = /^items\[(\d+)\](?:\.(\w+))?/.exec(naam);
        const item = m ? items[Number(m[1])] : undefined;
        const veld = item ? `${veldVan(item.item)}${m?.[2] === 'toelichting' ? '-toelichting' : ''}` : naam === 'items' ? '_' : naam;
        if (!(veld in vf)) vf[veld] = reden;
      }
      setFouten(vf);
      setAlgemeen(Object.keys(vf).filter((k) => k !== '_').length === 0 ? (vf._ ?? fout.melding) : fout.melding);
    } finally {
      setBezig(false);
    }
  }

  return (
    <Sectie titel="Belastbaarheid vastleggen" id="vastleggen">
      <p className="nl-paragraph">
        Neem de FML over of leg uw eigen beoordeling vast. Kies alleen bij de onderdelen die veranderen een nieuw niveau of andere voorwaarden; de rest blijft
        zoals het is. Alleen de gewijzigde onderdelen worden opgeslagen, met de bron en de datum hieronder.
      </p>
      <form className="formulier formulier--breed" noValidate onSubmit={opslaan} aria-label="Belastbaarheid vastleggen">
        <FoutOverzicht fouten={fouten} labels={labels} algemeen={algemeen} />
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset groep">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Waar komen de gegevens vandaan?</legend>
          <KeuzeVeld label="Bron" naam="bron" value={bron} onChange={(e) => setBron(e.target.value)} fout={fouten.bron} verplicht>
            <option value="">Kies de bron</option>
            {BELASTBAARHEID_BRON_CODES.map((b) => (
              <option key={b} value={b}>
                {BELASTBAARHEID_BRONNEN[b].label}
              </option>
            ))}
          </KeuzeVeld>
          <TekstVeld
            label="Omschrijving van de bron"
            naam="bronOmschrijving"
            value={bronOmschrijving}
            onChange={(e) => setBronOmschrijving(e.target.value)}
            fout={fouten.bronOmschrijving}
            hint="Bijvoorbeeld: FML UWV van 12 maart 2026."
            verplicht={false}
            maxLength={300}
          />
          <TekstVeld
            label="Datum van vaststelling"
            naam="vastgesteldOp"
            type="date"
            className="datum-invoer"
            value={vastgesteldOp}
            onChange={(e) => setVastgesteldOp(e.target.value)}
            fout={fouten.vastgesteldOp}
            max={vandaagIso()}
            verplicht
          />
        </fieldset>

        {catalogus.rubrieken.map((r) => (
          <fieldset key={r.code} className="fml-rubriek">
            <legend>
              {r.code}. {r.naam}
            </legend>
            {catalogus.items
              .filter((i) => i.rubriek === r.code)
              .map((i) => (
                <FmlItemVeld
                  key={i.code}
                  item={i}
                  huidig={huidig.get(i.code)}
                  keuze={keuzes[i.code] as ItemKeuze}
                  gewijzigd={gewijzigd.includes(i)}
                  medisch={profiel.medischZichtbaar}
                  fouten={fouten}
                  onWijzig={(deel) => zet(i.code, deel)}
                />
              ))}
          </fieldset>
        ))}

        <p className="nl-paragraph" role="status">
          {gewijzigd.length === 0 ? 'Nog geen onderdelen gewijzigd.' : `${aantal(gewijzigd.length, 'onderdeel', 'onderdelen')} gewijzigd.`}
        </p>
        <div className="knoppen">
          <Knop soort="primair" type="submit" disabled={bezig}>
            {bezig ? 'Bezig met opslaan…' : 'Belastbaarheid opslaan'}
          </Knop>
          <Knop soort="secundair" onClick={() => onKlaar(null, 0)}>
            Annuleren
          </Knop>
        </div>
      </form>
    </Sectie>
  );
}

function FmlItemVeld({
  item,
  huidig,
  keuze,
  gewijzigd,
  medisch,
  fouten,
  onWijzig,
}: {
  item: FmlCatalogusItem;
  huidig: ProfielItem | undefined;
  keuze: ItemKeuze;
  gewijzigd: boolean;
  medisch: boolean;
  fouten: Record<string, string>;
  onWijzig: (deel: Partial<ItemKeuze>) => void;
}) {
  const naam = veldVan(item.code);
  const nu = huidig ? waardeTekst(huidig) : 'Normaal (niet vastgelegd)';
  return (
    <div className={`fml-item${gewijzigd ? ' fml-item--gewijzigd' : ''}`} data-item={item.code}>
      {item.soort === 'ordinaal' ? (
        <KeuzeVeld label={itemLabel(item)} naam={naam} value={keuze.niveau} onChange={(e) => onWijzig({ niveau: e.target.value })} fout={fouten[naam]}>
          <option value="">Niet wijzigen (nu: {nu})</option>
          {(item.niveaus ?? []).map((t, n) => (
            <option key={t} value={String(n)}>
              {n} – {t}
            </option>
          ))}
        </KeuzeVeld>
      ) : (
        <fieldset
          className={`fml-voorwaarden${fouten[naam] ? ' utrecht-form-fieldset--invalid rondjes--fout' : ''}`}
          aria-describedby={fouten[naam] ? `veld-${naam}-fout` : undefined}
        >
          <legend>{itemLabel(item)}</legend>
          <p className="nl-paragraph klein">
            Nu: {huidig && huidig.voorwaarden.length > 0 ? nu : 'geen bijzondere voorwaarden'}. Vink aan wat de persoon nodig heeft.
          </p>
          {fouten[naam] ? (
            <div className="utrecht-form-field-error-message" id={`veld-${naam}-fout`}>
              <span className="rhc-visually-hidden">Fout: </span>
              {fouten[naam]}
            </div>
          ) : null}
          {(item.voorwaarden ?? []).map((v, n) => (
            <Vinkje
              key={v.code}
              label={v.tekst}
              naam={n === 0 ? naam : `${naam}-${v.code}`}
              checked={keuze.voorwaarden.includes(v.code)}
              onChange={(e) => onWijzig({ voorwaarden: e.target.checked ? [...keuze.voorwaarden, v.code] : keuze.voorwaarden.filter((c) => c !== v.code) })}
            />
          ))}
        </fieldset>
      )}
      {gewijzigd ? (
        <div className="fml-extra">
          <Vinkje
            label="Duurzaam: dit verandert naar verwachting niet"
            naam={`${naam}-duurzaam`}
            checked={keuze.duurzaam}
            onChange={(e) => onWijzig({ duurzaam: e.target.checked })}
          />
          {medisch ? (
            <TekstvakVeld
              label={`Medische toelichting bij ${item.naam.toLowerCase()}`}
              naam={`${naam}-toelichting`}
              rows={2}
              value={keuze.toelichting}
              onChange={(e) => onWijzig({ toelichting: e.target.value })}
              fout={fouten[`${naam}-toelichting`]}
              hint="Alleen zichtbaar voor wie de medische gegevens mag zien."
              verplicht={false}
              maxLength={4000}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* History                                                                                           */
/* ------------------------------------------------------------------------------------------------ */

function HistorieWeergave({ persoonId }: { persoonId: string }) {
  const [historie, setHistorie] = useState<Historie | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const kopRef = useRef<HTMLParagraphElement>(null);

  async function laad() {
    setBezig(true);
    setFout(null);
    try {
      setHistorie(await api.get<Historie>(`/api/v1/personen/${encodeURIComponent(persoonId)}/belastbaarheid/historie`));
      requestAnimationFrame(() => kopRef.current?.focus());
    } catch (err) {
      setFout(alsApiError(err).melding);
    } finally {
      setBezig(false);
    }
  }

  if (!historie) {
    return (
      <>
        <p className="nl-paragraph">Elke vastlegging blijft bewaard, ook als een waarde later verandert.</p>
        {fout ? <Melding type="error">{fout}</Melding> : null}
        <Knop soort="secundair" onClick={() => void laad()} disabled={bezig}>
          {bezig ? 'Bezig met laden…' : 'Toon alle vastleggingen'}
        </Knop>
      </>
    );
  }
  return (
    <>
      <p className="nl-paragraph" ref={kopRef} tabIndex={-1} role="status">
        {historie.items.length === 0 ? 'Er is nog niets vastgelegd.' : `${aantal(historie.items.length, 'vastlegging', 'vastleggingen')}, nieuwste eerst.`}
      </p>
      {historie.items.length > 0 ? (
        <TabelVak label="Geschiedenis van de belastbaarheid">
          <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color tabel-toolkit">
            <caption className="utrecht-table__caption">Alle vastleggingen, nieuwste eerst</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Vastgelegd op
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Onderdeel
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Waarde
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Duurzaam
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Bron en datum van vaststelling
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Door
                </th>
                {historie.medischZichtbaar ? (
                  <th scope="col" className="utrecht-table__header-cell">
                    Medische toelichting
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {historie.items.map((i) => (
                <tr key={`${i.item}-${i.aangemaaktOp}`} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{tijdstip(i.aangemaaktOp)}</td>
                  <th scope="row" className="utrecht-table__header-cell utrecht-table__header-cell--row">
                    {itemLabel(i)}
                  </th>
                  <td className="utrecht-table__cell">{waardeTekst(i)}</td>
                  <td className="utrecht-table__cell">{i.duurzaam ? 'Ja' : 'Nee'}</td>
                  <td className="utrecht-table__cell">
                    {i.bronLabel}
                    {i.bronOmschrijving ? ` — ${i.bronOmschrijving}` : ''}
                    <span className="klein blok">vastgesteld op {datumLang(i.vastgesteldOp)}</span>
                  </td>
                  <td className="utrecht-table__cell">{i.auteur}</td>
                  {historie.medischZichtbaar ? <td className="utrecht-table__cell">{i.toelichting ?? ''}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TabelVak>
      ) : null}
    </>
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* Workplace adaptations                                                                             */
/* ------------------------------------------------------------------------------------------------ */

function Aanpassingen({ persoonId, catalogus, schrijven, eigen }: { persoonId: string; catalogus: FmlCatalogus; schrijven: boolean; eigen: boolean }) {
  const basis = `/api/v1/personen/${encodeURIComponent(persoonId)}/werkplekaanpassingen`;
  const lijst = useData<Werkplekaanpassing[]>((signal) => api.get(basis, undefined, signal), [basis]);
  const [melding, setMelding] = useState<string | null>(null);
  const [fout, setFout] = useState<string | null>(null);

  async function intrekken(a: Werkplekaanpassing) {
    setMelding(null);
    setFout(null);
    try {
      const nieuw = await api.post<Werkplekaanpassing>(`${basis}/${encodeURIComponent(a.id)}/intrekken`, {});
      lijst.setData((lijst.data ?? []).map((x) => (x.id === nieuw.id ? nieuw : x)));
      setMelding(`De aanpassing voor ${a.itemNaam.toLowerCase()} is ingetrokken.`);
    } catch (err) {
      setFout(alsApiError(err).melding);
    }
  }

  const actief = (lijst.data ?? []).filter((a) => !a.ingetrokkenOp);
  const ingetrokken = (lijst.data ?? []).filter((a) => a.ingetrokkenOp);

  return (
    <Sectie titel={eigen ? 'Aanpassingen op het werk' : 'Werkplekaanpassingen'} id="aanpassingen">
      <p className="nl-paragraph">
        {eigen
          ? 'Soms kan een hulpmiddel of een andere werkplek ervoor zorgen dat werk toch past. Die aanpassingen staan hier.'
          : 'Een werkplekaanpassing (zoals een tilhulp) heft een beperking op één onderdeel op, voor één functie of voor elke functie. Passende functies houdt er rekening mee.'}
      </p>
      {melding ? <Melding type="ok">{melding}</Melding> : null}
      {fout ? <Melding type="error">{fout}</Melding> : null}
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {lijst.laden && !lijst.data ? <Laden /> : null}
      {lijst.data && lijst.data.length === 0 ? <p className="nl-paragraph">Er zijn geen werkplekaanpassingen vastgelegd.</p> : null}
      {actief.length > 0 ? (
        <ul className="kaartlijst aanpassingen-lijst">
          {actief.map((a) => (
            <li key={a.id} className="kaart">
              <span>
                <strong>{a.omschrijving}</strong>
                <span className="blok">
                  {itemLabel({ naam: a.itemNaam, item: a.item })} · {a.functieNaam ? `alleen voor ${a.functieNaam}` : 'voor elke functie'}
                </span>
                <span className="klein blok">
                  Vastgelegd op {datumLang(a.aangemaaktOp)}
                  {eigen ? '' : ` door ${a.auteur}`}
                </span>
              </span>
              {schrijven ? (
                <Knop soort="subtiel" onClick={() => void intrekken(a)}>
                  Intrekken<span className="rhc-visually-hidden">: {a.omschrijving}</span>
                </Knop>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {ingetrokken.length > 0 ? (
        <details className="uitklap">
          <summary>Ingetrokken aanpassingen ({ingetrokken.length})</summary>
          <ul className="utrecht-unordered-list">
            {ingetrokken.map((a) => (
              <li key={a.id} className="utrecht-unordered-list__item ingetrokken">
                {a.omschrijving} ({itemLabel({ naam: a.itemNaam, item: a.item })}, {a.functieNaam ?? 'elke functie'}) — ingetrokken op{' '}
                {datumLang(a.ingetrokkenOp)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {schrijven ? <NieuweAanpassing basis={basis} catalogus={catalogus} onToegevoegd={(a) => lijst.setData([a, ...(lijst.data ?? [])])} /> : null}
    </Sectie>
  );
}

function NieuweAanpassing({ basis, catalogus, onToegevoegd }: { basis: string; catalogus: FmlCatalogus; onToegevoegd: (a: Werkplekaanpassing) => void }) {
  const [item, setItem] = useState('');
  const [voorFunctie, setVoorFunctie] = useState(false);
  const [functie, setFunctie] = useState<FunctieSamenvatting | null>(null);
  const [omschrijving, setOmschrijving] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    setMelding(null);
    const f: Record<string, string> = {};
    if (!item) f.item = 'Kies het onderdeel waarvoor de aanpassing is.';
    if (voorFunctie && !functie) f.functie = 'Zoek en kies de functie, of kies "voor elke functie".';
    if (omschrijving.trim().length < 5) f.omschrijving = 'Beschrijf de aanpassing (minstens 5 tekens).';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    try {
      const a = await api.post<Werkplekaanpassing>(basis, { item, functieId: voorFunctie ? (functie?.id ?? null) : null, omschrijving: omschrijving.trim() });
      onToegevoegd(a);
      setItem('');
      setFunctie(null);
      setVoorFunctie(false);
      setOmschrijving('');
      setMelding('De werkplekaanpassing is vastgelegd.');
    } catch (err) {
      const fout = alsApiError(err);
      const vf = fout.veldFouten();
      if (vf.functieId) {
        vf.functie = vf.functieId;
        delete vf.functieId;
      }
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    }
  }

  return (
    <form className="formulier kader" noValidate onSubmit={opslaan} aria-labelledby="aanpassing-kop">
      <h3 className="nl-heading nl-heading--level-3" id="aanpassing-kop">
        Werkplekaanpassing toevoegen
      </h3>
      {melding ? <Melding type="ok">{melding}</Melding> : null}
      <FoutOverzicht fouten={fouten} labels={{ item: 'Onderdeel', functie: 'Functie', omschrijving: 'Omschrijving' }} algemeen={algemeen} />
      <KeuzeVeld label="Onderdeel" naam="item" value={item} onChange={(e) => setItem(e.target.value)} fout={fouten.item} verplicht>
        <option value="">Kies een onderdeel</option>
        {catalogus.rubrieken.map((r) => (
          <optgroup key={r.code} label={`${r.code}. ${r.naam}`}>
            {catalogus.items
              .filter((i) => i.rubriek === r.code)
              .map((i) => (
                <option key={i.code} value={i.code}>
                  {itemLabel(i)}
                </option>
              ))}
          </optgroup>
        ))}
      </KeuzeVeld>
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset rondjes">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend rondjes-vraag">
          Voor welke functie geldt de aanpassing?
        </legend>
        <div className="utrecht-form-field utrecht-form-field--radio rondje">
          <input
            type="radio"
            id="veld-aanpassing-elke"
            name="aanpassing-voor"
            checked={!voorFunctie}
            onChange={() => setVoorFunctie(false)}
            className="utrecht-radio-button utrecht-radio-button--html-input"
          />
          <label className="utrecht-form-label utrecht-form-label--radio" htmlFor="veld-aanpassing-elke">
            Voor elke functie
          </label>
        </div>
        <div className="utrecht-form-field utrecht-form-field--radio rondje">
          <input
            type="radio"
            id="veld-aanpassing-een"
            name="aanpassing-voor"
            checked={voorFunctie}
            onChange={() => setVoorFunctie(true)}
            className="utrecht-radio-button utrecht-radio-button--html-input"
          />
          <label className="utrecht-form-label utrecht-form-label--radio" htmlFor="veld-aanpassing-een">
            Alleen voor één functie
          </label>
        </div>
      </fieldset>
      {voorFunctie ? (
        functie ? (
          <p className="nl-paragraph" id="veld-functie" tabIndex={-1}>
            Functie: <strong>{functie.naam}</strong>{' '}
            <Knop soort="subtiel" onClick={() => setFunctie(null)}>
              Andere functie kiezen
            </Knop>
          </p>
        ) : (
          <FunctieZoeker naam="functie" label="Zoek de functie" hint="Typ een deel van de naam of een taak." onKies={setFunctie} fout={fouten.functie} />
        )
      ) : null}
      <TekstvakVeld
        label="Omschrijving"
        naam="omschrijving"
        rows={2}
        value={omschrijving}
        onChange={(e) => setOmschrijving(e.target.value)}
        fout={fouten.omschrijving}
        hint="Bijvoorbeeld: tilhulp (vacuümheffer) aan de inpaklijn."
        verplicht
        maxLength={1000}
      />
      <div className="knoppen">
        <Knop soort="secundair" type="submit">
          Aanpassing toevoegen
        </Knop>
      </div>
    </form>
  );
}
