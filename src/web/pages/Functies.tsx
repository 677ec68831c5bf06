import { type FormEvent, type RefObject, useRef, useState } from 'react';
import { api, buildUrl, request } from '../api/client.js';
import type { FunctieDetail, FunctieLijst, Functiegroepen, ImportRapport, Kandidaten } from '../api/matching.js';
import { KeuzeRondjes } from '../components/KeuzeRondjes.js';
import { Disclaimer, matchOordeel, OordeelLabel, UitlegLijst, uren } from '../components/Matching.js';
import { Pagina } from '../components/Pagina.js';
import { Gegevens, Knop, Laden, Melding, Paginering, Sectie, TabelVak } from '../components/ui.js';
import { RijFoutenTabel } from '../components/RijFoutenTabel.js';
import { FoutOverzicht, KeuzeVeld, TekstVeld } from '../components/velden.js';
import { aantal } from '../lib/format.js';
import { AppLink, navigate, useLocatie } from '../lib/router.js';
import { magFunctiesBeheren, magKandidatenZoeken, useSessie } from '../lib/sessie.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/matching.css';
import '../styles/toolkit.css';

const PAGINA_GROOTTE = 25;

const RUBRIEK_RANG: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6 };

/** FML catalogue order: rubriek I–VI, then item number ("IV.9" before "IV.13"). */
function fmlVolgorde(a: { item: string }, b: { item: string }): number {
  const [ra = '', na = '0'] = a.item.split('.');
  const [rb = '', nb = '0'] = b.item.split('.');
  return (RUBRIEK_RANG[ra] ?? 9) - (RUBRIEK_RANG[rb] ?? 9) || Number(na) - Number(nb);
}

/** CSV columns of the import and export, in order (see src/server/modules/functies/functie.ts). */
const CSV_KOLOMMEN = ['code', 'naam', 'isco', 'brc', 'groep', 'opleidingsniveau', 'sector', 'uren_min', 'uren_max', 'taken', 'belasting', 'actief'];

/* ------------------------------------------------------------------------------------------------ */
/* Catalogue: search, filters, paging                                                               */
/* ------------------------------------------------------------------------------------------------ */

export function FunctiesPagina() {
  const { sessie } = useSessie();
  const g = sessie.gebruiker;
  const { zoek } = useLocatie();
  const q = zoek.get('q') ?? '';
  const groep = zoek.get('groep') ?? '';
  const opleidingsniveau = zoek.get('opleidingsniveau') ?? '';
  const bron = zoek.get('bron') ?? '';
  const pagina = Math.max(1, Number(zoek.get('pagina') ?? '1') || 1);
  const [w, setW] = useState({ q, groep, opleidingsniveau, bron });
  const groepen = useData<Functiegroepen>((signal) => api.get('/api/v1/functiegroepen', undefined, signal), []);
  const lijst = useData<FunctieLijst>(
    (signal) =>
      api.get(
        '/api/v1/functies',
        {
          q,
          groep,
          opleidingsniveau,
          eigen: bron === 'eigen' ? 'ja' : bron === 'regionaal' ? 'nee' : '',
          limit: PAGINA_GROOTTE,
          offset: (pagina - 1) * PAGINA_GROOTTE,
        },
        signal,
      ),
    [q, groep, opleidingsniveau, bron, pagina],
  );
  const gemeente = g.organisatie.soort === 'gemeente';

  function zoekNu(e: FormEvent) {
    e.preventDefault();
    navigate(buildUrl('/functies', { q: w.q.trim(), groep: w.groep, opleidingsniveau: w.opleidingsniveau, bron: w.bron }));
    requestAnimationFrame(() => document.getElementById('resultaten-kop')?.focus());
  }

  return (
    <Pagina
      titel="Functiecatalogus"
      intro="Functies in de arbeidsmarktregio, met hun taken en wat ze vragen van iemands belastbaarheid. Een gemeente kan eigen functies toevoegen, bijvoorbeeld uit lokale vacatures."
    >
      <div className="knoppen">
        {magFunctiesBeheren(g) ? (
          <AppLink href="/functies/importeren" className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
            Eigen functies importeren (CSV)
          </AppLink>
        ) : null}
        <a className="nl-link" href="/api/v1/functies/export?bron=regionaal" download="functies-regionaal.csv">
          Download de regionale catalogus (CSV)
        </a>
        {gemeente ? (
          <a className="nl-link" href="/api/v1/functies/export?bron=eigen" download="functies-eigen.csv">
            Download de eigen functies van uw gemeente (CSV)
          </a>
        ) : null}
      </div>

      <section className="zoekvak" aria-labelledby="zoeken-kop">
        <h2 id="zoeken-kop" className="nl-heading nl-heading--level-2">
          Zoeken
        </h2>
        <search>
          <form className="filterformulier" aria-labelledby="zoeken-kop" onSubmit={zoekNu} noValidate>
            <TekstVeld
              label="Zoek op naam, taak of ISCO-code"
              naam="q"
              type="search"
              value={w.q}
              onChange={(e) => setW({ ...w, q: e.target.value })}
              hint="Bijvoorbeeld: metselaar, inpakken of 7112."
              maxLength={100}
            />
            <KeuzeVeld label="Functiegroep" naam="groep" value={w.groep} onChange={(e) => setW({ ...w, groep: e.target.value })}>
              <option value="">Alle functiegroepen</option>
              {(groepen.data?.groepen ?? []).map((x) => (
                <option key={x.code} value={x.code}>
                  {x.naam} ({x.aantal})
                </option>
              ))}
            </KeuzeVeld>
            <KeuzeVeld
              label="Hoogste opleidingsniveau"
              naam="opleidingsniveau"
              value={w.opleidingsniveau}
              onChange={(e) => setW({ ...w, opleidingsniveau: e.target.value })}
            >
              <option value="">Alle niveaus</option>
              {(groepen.data?.opleidingsniveaus ?? []).map((x) => (
                <option key={x.code} value={x.code}>
                  {x.naam}
                </option>
              ))}
            </KeuzeVeld>
            <KeuzeVeld label="Bron" naam="bron" value={w.bron} onChange={(e) => setW({ ...w, bron: e.target.value })}>
              <option value="">Regionaal en eigen functies</option>
              <option value="regionaal">Alleen de regionale catalogus</option>
              <option value="eigen">Alleen eigen functies van gemeenten</option>
            </KeuzeVeld>
            <div className="knoppen">
              <Knop soort="primair" type="submit">
                Zoeken
              </Knop>
            </div>
          </form>
        </search>
      </section>

      <section aria-labelledby="resultaten-kop">
        <h2 id="resultaten-kop" tabIndex={-1} className="nl-heading nl-heading--level-2">
          Functies
        </h2>
        {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
        {lijst.laden && !lijst.data ? <Laden /> : null}
        {lijst.data ? (
          <>
            <p className="nl-paragraph" role="status">
              {aantal(lijst.data.totaal, 'functie gevonden', 'functies gevonden')}
              {q ? ` voor "${q}"` : ''}.
            </p>
            {lijst.data.resultaten.length > 0 ? (
              <TabelVak label="Functies">
                <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color tabel-toolkit functies-tabel">
                  <caption className="utrecht-table__caption">Functies, pagina {pagina}</caption>
                  <thead className="utrecht-table__header">
                    <tr className="utrecht-table__row">
                      <th scope="col" className="utrecht-table__header-cell">
                        Functie
                      </th>
                      <th scope="col" className="utrecht-table__header-cell">
                        Functiegroep
                      </th>
                      <th scope="col" className="utrecht-table__header-cell">
                        Opleidingsniveau
                      </th>
                      <th scope="col" className="utrecht-table__header-cell">
                        Uren per week
                      </th>
                      <th scope="col" className="utrecht-table__header-cell">
                        Bron
                      </th>
                    </tr>
                  </thead>
                  <tbody className="utrecht-table__body">
                    {lijst.data.resultaten.map((f) => (
                      <tr key={f.id} className="utrecht-table__row">
                        <th scope="row" className="utrecht-table__header-cell utrecht-table__header-cell--row">
                          <AppLink href={`/functies/${encodeURIComponent(f.id)}`}>{f.naam}</AppLink>
                          {!f.actief ? <span className="klein blok">Niet actief</span> : null}
                        </th>
                        <td className="utrecht-table__cell">{f.groepNaam}</td>
                        <td className="utrecht-table__cell">{f.opleidingsniveauNaam}</td>
                        <td className="utrecht-table__cell geen-afbreken">{f.urenMin === f.urenMax ? f.urenMin : `${f.urenMin}–${f.urenMax}`}</td>
                        <td className="utrecht-table__cell">{f.eigen ? 'Eigen functie' : 'Regionaal'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TabelVak>
            ) : null}
            <Paginering
              pagina={pagina}
              totaal={lijst.data.totaal}
              paginaGrootte={PAGINA_GROOTTE}
              label="Paginering functies"
              naar={(p) => {
                navigate(buildUrl('/functies', { q, groep, opleidingsniveau, bron, pagina: p > 1 ? p : undefined }));
                requestAnimationFrame(() => document.getElementById('resultaten-kop')?.focus());
              }}
            />
          </>
        ) : null}
      </section>
    </Pagina>
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* One function: tasks, belasting per item, candidates                                              */
/* ------------------------------------------------------------------------------------------------ */

export function FunctiePagina({ id }: { id: string }) {
  const { sessie } = useSessie();
  const functie = useData<FunctieDetail>((signal) => api.get(`/api/v1/functies/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const f = functie.data;
  return (
    <Pagina titel={f ? `Functie ${f.naam}` : 'Functie'} kop={f ? f.naam : 'Functie'}>
      <p className="nl-paragraph">
        <AppLink href="/functies">Terug naar de functiecatalogus</AppLink>
      </p>
      {functie.fout ? (
        <Melding type="error">{functie.fout.status === 404 ? 'Deze functie bestaat niet in de catalogus van uw regio.' : functie.fout.melding}</Melding>
      ) : null}
      {functie.laden && !f ? <Laden /> : null}
      {f ? (
        <>
          {f.illustratief && f.toelichting ? (
            <Melding type="info" kop="Illustratieve gegevens">
              {f.toelichting}
            </Melding>
          ) : null}
          <Sectie titel="Over deze functie" id="functie">
            <Gegevens
              items={[
                ['Functiegroep', f.groepNaam],
                ['Sector', f.sectorNaam],
                ['Opleidingsniveau', f.opleidingsniveauNaam],
                ['Uren per week', uren(f)],
                ['ISCO-08-code', f.isco],
                ['BRC-code', f.brc],
                ['Code in de catalogus', f.code],
                ['Bron', f.eigen ? 'Eigen functie van de gemeente' : 'Regionale catalogus'],
                ['Status', f.actief ? 'Actief' : 'Niet actief'],
              ]}
            />
          </Sectie>
          <Sectie titel="Taken" id="taken">
            <ul className="utrecht-unordered-list">
              {f.taken.map((t) => (
                <li key={t} className="utrecht-unordered-list__item">
                  {t}
                </li>
              ))}
            </ul>
          </Sectie>
          <Sectie titel="Wat de functie vraagt (belasting)" id="belasting">
            <p className="nl-paragraph">
              Per onderdeel van de FML: wat deze functie vraagt. Onderdelen die niet genoemd worden, vragen niets bijzonders. Iemand past als die op geen enkel
              onderdeel minder kan dan de functie vraagt.
            </p>
            {f.belasting.length === 0 ? (
              <p className="nl-paragraph">Deze functie vraagt op geen enkel onderdeel iets bijzonders.</p>
            ) : (
              <TabelVak label="Belasting per onderdeel">
                <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color tabel-toolkit belasting-tabel">
                  <caption className="utrecht-table__caption">Belasting per onderdeel</caption>
                  <thead className="utrecht-table__header">
                    <tr className="utrecht-table__row">
                      <th scope="col" className="utrecht-table__header-cell">
                        Onderdeel
                      </th>
                      <th scope="col" className="utrecht-table__header-cell">
                        Wat de functie vraagt
                      </th>
                    </tr>
                  </thead>
                  <tbody className="utrecht-table__body">
                    {[...f.belasting].sort(fmlVolgorde).map((b) => (
                      <tr key={b.item} className="utrecht-table__row" data-item={b.item}>
                        <th scope="row" className="utrecht-table__header-cell utrecht-table__header-cell--row">
                          {b.naam} <span className="klein geen-afbreken">({b.item})</span>
                        </th>
                        <td className="utrecht-table__cell">{b.tekst.charAt(0).toUpperCase() + b.tekst.slice(1)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TabelVak>
            )}
            <p className="nl-paragraph klein">Catalogusversie {f.catalogusVersie}.</p>
          </Sectie>
          {magKandidatenZoeken(sessie.gebruiker) ? <KandidatenSectie functieId={f.id} naam={f.naam} /> : null}
        </>
      ) : null}
    </Pagina>
  );
}

const KANDIDATEN_PER_PAGINA = 20;

function KandidatenSectie({ functieId, naam }: { functieId: string; naam: string }) {
  const [pagina, setPagina] = useState(0);
  const [data, setData] = useState<Kandidaten | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);

  async function laad(p: number) {
    setBezig(true);
    setFout(null);
    try {
      const r = await api.get<Kandidaten>(`/api/v1/functies/${encodeURIComponent(functieId)}/kandidaten`, {
        limit: KANDIDATEN_PER_PAGINA,
        offset: (p - 1) * KANDIDATEN_PER_PAGINA,
      });
      setData(r);
      setPagina(p);
      requestAnimationFrame(() => statusRef.current?.focus());
    } catch (err) {
      setFout(alsApiError(err).melding);
    } finally {
      setBezig(false);
    }
  }

  return (
    <Sectie titel="Kandidaten" id="kandidaten">
      <p className="nl-paragraph">
        Personen die u mag inzien en bij wie {naam.toLowerCase()} past volgens hun belastbaarheidsprofiel. Alleen dossiers met een vastgelegd profiel tellen
        mee. Het zoeken wordt per persoon vastgelegd.
      </p>
      {fout ? <Melding type="error">{fout}</Melding> : null}
      {!data ? (
        <Knop soort="secundair" onClick={() => void laad(1)} disabled={bezig}>
          {bezig ? 'Bezig met zoeken…' : 'Kandidaten zoeken'}
        </Knop>
      ) : (
        <>
          <p className="nl-paragraph" role="status" ref={statusRef} tabIndex={-1}>
            {data.totaal === 0
              ? 'Er zijn geen personen gevonden bij wie deze functie past.'
              : `${aantal(data.totaal, 'persoon past', 'personen passen')} bij deze functie.`}
          </p>
          {data.resultaten.length > 0 ? (
            <TabelVak label="Kandidaten">
              <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color tabel-toolkit kandidaten-tabel">
                <caption className="utrecht-table__caption">Kandidaten, best passend eerst</caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th scope="col" className="utrecht-table__header-cell">
                      Naam
                    </th>
                    <th scope="col" className="utrecht-table__header-cell">
                      Gemeente
                    </th>
                    <th scope="col" className="utrecht-table__header-cell">
                      Oordeel
                    </th>
                    <th scope="col" className="utrecht-table__header-cell">
                      Aandachtspunten
                    </th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {data.resultaten.map((k) => {
                    const o = matchOordeel({ passend: true, opDeGrens: k.opDeGrens, aangepast: k.aangepast });
                    return (
                      <tr key={k.persoonId} className="utrecht-table__row">
                        <th scope="row" className="utrecht-table__header-cell utrecht-table__header-cell--row">
                          <AppLink href={`/personen/${encodeURIComponent(k.persoonId)}`}>{k.naam}</AppLink>
                          <span className="klein blok">
                            <AppLink href={`/personen/${encodeURIComponent(k.persoonId)}/passende-functies?wens=${encodeURIComponent(functieId)}`}>
                              Passende functies<span className="rhc-visually-hidden"> voor {k.naam}</span>
                            </AppLink>
                          </span>
                        </th>
                        <td className="utrecht-table__cell">{k.gemeente}</td>
                        <td className="utrecht-table__cell">
                          <OordeelLabel oordeel={o.oordeel} tekst={o.tekst} />
                        </td>
                        <td className="utrecht-table__cell">
                          {k.uitleg.length === 0 ? (
                            'Geen'
                          ) : (
                            <details className="uitklap">
                              <summary>
                                {aantal(k.uitleg.length, 'aandachtspunt', 'aandachtspunten')}
                                <span className="rhc-visually-hidden"> voor {k.naam}</span>
                              </summary>
                              <UitlegLijst uitleg={k.uitleg} />
                            </details>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TabelVak>
          ) : null}
          <Paginering pagina={pagina} totaal={data.totaal} paginaGrootte={KANDIDATEN_PER_PAGINA} label="Paginering kandidaten" naar={(p) => void laad(p)} />
          <Disclaimer tekst={data.disclaimer} />
        </>
      )}
    </Sectie>
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* CSV import into the gemeente's own catalogue                                                      */
/* ------------------------------------------------------------------------------------------------ */

export function FunctiesImporterenPagina() {
  const [bestand, setBestand] = useState<File | null>(null);
  const [proefdraai, setProefdraai] = useState<'ja' | 'nee'>('ja');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [rapport, setRapport] = useState<ImportRapport | null>(null);
  const rapportRef = useRef<HTMLHeadingElement>(null);

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    setRapport(null);
    const f: Record<string, string> = {};
    if (!bestand) f.bestand = 'Kies een CSV-bestand.';
    else if (bestand.size > 5_000_000) f.bestand = 'Het bestand is te groot (hoogstens 5 MB).';
    else if (!/\.(csv|txt)$/i.test(bestand.name)) f.bestand = 'Kies een bestand dat eindigt op .csv.';
    setFouten(f);
    if (!bestand || Object.keys(f).length > 0) return;
    setBezig(true);
    try {
      const inhoud = await bestand.text();
      const r = await request<ImportRapport>('POST', buildUrl('/api/v1/functies/import', { proefdraai }), { tekst: { inhoud, type: 'text/csv' } });
      setRapport(r);
      requestAnimationFrame(() => rapportRef.current?.focus());
    } catch (err) {
      const fout = alsApiError(err);
      // A wrong header is reported per column; show every reason in the summary.
      const redenen = fout.invalidParams.map((p) => p.reason);
      setAlgemeen(redenen.length > 0 ? `${fout.melding} ${redenen.join(' ')}` : fout.melding);
    } finally {
      setBezig(false);
    }
  }

  return (
    <Pagina
      titel="Eigen functies importeren"
      intro="Voeg functies van uw gemeente toe aan de catalogus, of werk ze bij, met een CSV-bestand. Een functie met een code die al bestaat, wordt bijgewerkt."
    >
      <p className="nl-paragraph">
        <AppLink href="/functies">Terug naar de functiecatalogus</AppLink>
      </p>
      <Sectie titel="Het bestand" id="formaat">
        <p className="nl-paragraph">Een CSV-bestand (UTF-8) met een puntkomma of komma tussen de velden. De eerste regel noemt de kolommen:</p>
        <p className="nl-paragraph csv-kolommen">{CSV_KOLOMMEN.join(';')}</p>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">Meerdere taken scheidt u met een verticale streep: Fietsen stallen|Klanten helpen.</li>
          <li className="utrecht-unordered-list__item">
            De belasting per FML-onderdeel schrijft u als onderdeel=niveau, gescheiden door een streep: IV.13=2|V.3=1. Voorwaarden verbindt u met een plus:
            I.8=geen_deadlines+geen_hoog_tempo.
          </li>
          <li className="utrecht-unordered-list__item">De kolommen isco, brc en actief mogen leeg zijn of ontbreken. Actief is ja of nee.</li>
        </ul>
        <p className="nl-paragraph">
          <a className="nl-link" href="/api/v1/functies/export?bron=eigen" download="functies-eigen.csv">
            Download de huidige eigen functies als voorbeeld (CSV)
          </a>
        </p>
      </Sectie>

      <Sectie titel="Bestand kiezen en controleren" id="upload">
        <form className="formulier" noValidate onSubmit={verstuur} aria-label="Functies importeren">
          <FoutOverzicht fouten={fouten} labels={{ bestand: 'CSV-bestand' }} algemeen={algemeen} />
          <div className={`utrecht-form-field utrecht-form-field--distanced${fouten.bestand ? ' utrecht-form-field--invalid' : ''}`}>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="veld-bestand">
                CSV-bestand
              </label>
            </div>
            <div className="utrecht-form-field__description utrecht-form-field-description" id="veld-bestand-hint">
              Hoogstens 5 MB.
            </div>
            {fouten.bestand ? (
              <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id="veld-bestand-fout">
                <span className="rhc-visually-hidden">Fout: </span>
                {fouten.bestand}
              </div>
            ) : null}
            <div className="utrecht-form-field__input">
              <input
                type="file"
                id="veld-bestand"
                name="bestand"
                accept=".csv,text/csv"
                className="bestand-invoer"
                aria-describedby={`veld-bestand-hint${fouten.bestand ? ' veld-bestand-fout' : ''}`}
                aria-invalid={fouten.bestand ? true : undefined}
                onChange={(e) => {
                  setBestand(e.target.files?.[0] ?? null);
                  setRapport(null);
                }}
              />
            </div>
          </div>
          <KeuzeRondjes
            vraag="Wat wilt u doen?"
            naam="proefdraai"
            waarde={proefdraai}
            onKies={(v) => setProefdraai(v as 'ja' | 'nee')}
            opties={[
              { waarde: 'ja', label: 'Alleen controleren (proefdraai): er wordt niets opgeslagen' },
              { waarde: 'nee', label: 'Controleren en opslaan: goede regels worden opgeslagen, foute regels overgeslagen' },
            ]}
          />
          <div className="knoppen">
            <Knop soort="primair" type="submit" disabled={bezig}>
              {proefdraai === 'ja' ? 'Bestand controleren' : 'Bestand importeren'}
            </Knop>
          </div>
          {bezig ? (
            <div className="voortgang" role="status">
              <progress aria-label="Voortgang van het uploaden" />
              <span>Bezig met uploaden en controleren…</span>
            </div>
          ) : null}
        </form>
      </Sectie>

      {rapport ? <Rapport rapport={rapport} kopRef={rapportRef} /> : null}
    </Pagina>
  );
}

function Rapport({ rapport, kopRef }: { rapport: ImportRapport; kopRef: RefObject<HTMLHeadingElement | null> }) {
  const r = rapport;
  return (
    <section className="sectie" aria-labelledby="rapport-kop">
      <h2 className="nl-heading nl-heading--level-2" id="rapport-kop" ref={kopRef} tabIndex={-1}>
        {r.proefdraai ? 'Uitkomst van de controle (proefdraai)' : 'Uitkomst van de import'}
      </h2>
      <Melding type={r.afgewezen > 0 ? 'warning' : 'ok'}>
        {r.proefdraai
          ? r.afgewezen > 0
            ? `${aantal(r.geaccepteerd, 'regel is', 'regels zijn')} goed en ${aantal(r.afgewezen, 'regel wordt', 'regels worden')} afgewezen. Er is niets opgeslagen.`
            : `Alle ${aantal(r.geaccepteerd, 'regel is', 'regels zijn')} goed. Er is nog niets opgeslagen: kies "Controleren en opslaan" om te importeren.`
          : `${aantal(r.geaccepteerd, 'regel is', 'regels zijn')} verwerkt; ${aantal(r.afgewezen, 'regel is', 'regels zijn')} afgewezen en niet opgeslagen.`}
      </Melding>
      <dl className="bedragen import-telling">
        <div className="bedrag">
          <dt className="bedrag-label">Regels in het bestand</dt>
          <dd className="bedrag-waarde">{r.regels}</dd>
        </div>
        <div className="bedrag">
          <dt className="bedrag-label">Geaccepteerd</dt>
          <dd className="bedrag-waarde" id="import-geaccepteerd">
            {r.geaccepteerd}
          </dd>
        </div>
        <div className="bedrag">
          <dt className="bedrag-label">Afgewezen</dt>
          <dd className="bedrag-waarde" id="import-afgewezen">
            {r.afgewezen}
          </dd>
        </div>
        {!r.proefdraai ? (
          <div className="bedrag">
            <dt className="bedrag-label">Nieuw, gewijzigd, ongewijzigd</dt>
            <dd className="bedrag-waarde">
              {r.nieuw}, {r.gewijzigd}, {r.ongewijzigd}
            </dd>
          </div>
        ) : null}
      </dl>
      {r.fouten.length > 0 ? <RijFoutenTabel label="Fouten per regel" bijschrift={<>Fouten per regel ({r.fouten.length})</>} fouten={r.fouten} /> : null}
      <p className="nl-paragraph">
        <AppLink href="/functies?bron=eigen">Bekijk de eigen functies in de catalogus</AppLink>
      </p>
    </section>
  );
}
