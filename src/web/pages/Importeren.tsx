/**
 * Bulk delivery for a gemeente: upload a file of persons and kandidaatprofielen (CSV after the
 * template, JSON or JSON Lines), first as a check (proefdraai), then for real; see the counts and
 * every rejected row (line, field, reason), download the report, and see earlier deliveries.
 */
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import { type ImportLijst, type ImportRun, type ImportRunMetFouten, uploadImport } from '../api/imports.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Laden, Melding, Sectie, TabelVak } from '../components/ui.js';
import { RijFoutenTabel } from '../components/RijFoutenTabel.js';
import { FoutOverzicht } from '../components/velden.js';
import { aantal, tijdstip } from '../lib/format.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/matching.css';
import '../styles/toolkit.css';

const KOLOMMEN =
  'extern_id;voornaam;tussenvoegsel;achternaam;geboortedatum;bsn;email;telefoon;postcode;woonplaats;wensen;kwaliteiten;sectoren;gewenste_functies;opleidingsniveau;uren_min;uren_max;beschikbaar_vanaf;werkcondities;banenafspraak;toestemming_kandidaatprofiel';

const getal = (n: number) => n.toLocaleString('nl-NL');

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

export function ImporterenPagina() {
  const [bestand, setBestand] = useState<File | null>(null);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState<null | { proefdraai: boolean; geladen: number; totaal: number }>(null);
  const [uitkomst, setUitkomst] = useState<ImportRunMetFouten | null>(null);
  const [gecontroleerd, setGecontroleerd] = useState<string | null>(null);
  const afbreken = useRef<(() => void) | null>(null);
  const uitkomstRef = useRef<HTMLHeadingElement>(null);
  // A new outcome takes the focus once it is on the screen (screen readers announce its heading).
  useEffect(() => {
    if (uitkomst) uitkomstRef.current?.focus();
  }, [uitkomst]);
  const runs = useData((signal) => api.get<ImportLijst>('/api/v1/imports', { limit: 20 }, signal), []);
  const sleutel = (f: File) => `${f.name}:${f.size}:${f.lastModified}`;

  async function verstuur(proefdraai: boolean, e?: FormEvent) {
    e?.preventDefault();
    setAlgemeen(null);
    const f: Record<string, string> = {};
    if (!bestand) f.bestand = 'Kies een bestand.';
    else if (!/\.(csv|txt|json|jsonl|ndjson)$/i.test(bestand.name)) f.bestand = 'Kies een bestand dat eindigt op .csv, .json of .jsonl.';
    setFouten(f);
    if (!bestand || Object.keys(f).length > 0) return;
    setUitkomst(null);
    setBezig({ proefdraai, geladen: 0, totaal: bestand.size });
    const upload = uploadImport(bestand, proefdraai, (geladen, totaal) => setBezig({ proefdraai, geladen, totaal }));
    afbreken.current = upload.afbreken;
    try {
      const r = await upload.klaar;
      setUitkomst(r);
      if (proefdraai) setGecontroleerd(sleutel(bestand));
      runs.herlaad();
    } catch (err) {
      const fout = alsApiError(err);
      const redenen = fout.invalidParams.map((p) => p.reason);
      setAlgemeen(redenen.length > 0 ? `${fout.melding} ${redenen.join(' ')}` : fout.melding);
    } finally {
      afbreken.current = null;
      setBezig(null);
    }
  }

  const procent = bezig && bezig.totaal > 0 ? Math.round((bezig.geladen / bezig.totaal) * 100) : 0;
  const alGecontroleerd = bestand !== null && gecontroleerd === sleutel(bestand);

  return (
    <Pagina
      titel="Personen en profielen importeren"
      intro="Lever personen en hun kandidaatprofiel in één keer aan vanuit het systeem van uw gemeente. Controleer het bestand eerst: er wordt dan niets opgeslagen. Een persoon die er al is (zelfde extern_id), wordt bijgewerkt."
    >
      <Sectie titel="Het bestand" id="formaat">
        <p className="nl-paragraph">
          Een CSV-bestand (UTF-8, puntkomma of komma tussen de velden), een JSON-lijst of JSON Lines. De eerste regel van een CSV-bestand noemt de kolommen.
          Verplicht zijn extern_id, voornaam, achternaam en geboortedatum.
        </p>
        <p className="nl-paragraph csv-kolommen">{KOLOMMEN}</p>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">Een kolom die ontbreekt, laat de opgeslagen waarde staan. Een lege waarde wist haar.</li>
          <li className="utrecht-unordered-list__item">
            Meerdere sectoren, functies of werkomstandigheden scheidt u met een verticale streep: groen|logistiek.
          </li>
          <li className="utrecht-unordered-list__item">
            toestemming_kandidaatprofiel = ja legt de schriftelijke toestemming vast; het profiel is dan zichtbaar voor werkgevers (zonder naam of
            contactgegevens). nee trekt de toestemming in.
          </li>
          <li className="utrecht-unordered-list__item">Hetzelfde bestand twee keer aanleveren verandert de tweede keer niets.</li>
        </ul>
        <p className="nl-paragraph">
          <a className="nl-link" href="/api/v1/imports/sjabloon" download="import-sjabloon.csv">
            Download het sjabloon met twee voorbeeldregels (CSV)
          </a>
        </p>
      </Sectie>

      <Sectie titel="Bestand kiezen" id="upload">
        <form className="formulier" noValidate onSubmit={(e) => verstuur(true, e)} aria-label="Bestand importeren">
          <FoutOverzicht fouten={fouten} labels={{ bestand: 'Bestand' }} algemeen={algemeen} />
          <div className={`utrecht-form-field utrecht-form-field--distanced${fouten.bestand ? ' utrecht-form-field--invalid' : ''}`}>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="veld-bestand">
                Bestand
              </label>
            </div>
            <div className="utrecht-form-field__description utrecht-form-field-description" id="veld-bestand-hint">
              .csv, .json of .jsonl. Ook grote bestanden (honderdduizenden regels) kunnen in één keer.
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
                accept=".csv,.txt,.json,.jsonl,.ndjson,text/csv,application/json"
                className="bestand-invoer"
                aria-describedby={`veld-bestand-hint${fouten.bestand ? ' veld-bestand-fout' : ''}`}
                aria-invalid={fouten.bestand ? true : undefined}
                disabled={bezig !== null}
                onChange={(e) => {
                  setBestand(e.target.files?.[0] ?? null);
                  setUitkomst(null);
                  setAlgemeen(null);
                }}
              />
            </div>
          </div>
          <div className="knoppen">
            <Knop soort={alGecontroleerd ? 'secundair' : 'primair'} type="submit" disabled={bezig !== null}>
              Eerst controleren (proefdraai)
            </Knop>
            <Knop soort={alGecontroleerd ? 'primair' : 'secundair'} disabled={bezig !== null} onClick={() => verstuur(false)}>
              Importeren
            </Knop>
            {bezig ? <Knop onClick={() => afbreken.current?.()}>Stoppen</Knop> : null}
          </div>
          {bezig ? (
            <div className="voortgang" role="status" aria-live="polite">
              <progress id="upload-voortgang" max={100} value={procent} aria-label="Voortgang van het uploaden" />
              <span>
                {procent < 100
                  ? `${bezig.proefdraai ? 'Controleren' : 'Importeren'}: ${procent}% verstuurd (${megabytes(bezig.geladen)} van ${megabytes(bezig.totaal)})`
                  : 'Verstuurd; de laatste regels worden verwerkt…'}
              </span>
            </div>
          ) : null}
        </form>
      </Sectie>

      {uitkomst ? <Uitkomst run={uitkomst} kopRef={uitkomstRef} /> : null}

      <Sectie titel="Eerdere aanleveringen" id="eerder">
        {runs.laden && !runs.data ? <Laden /> : null}
        {runs.fout ? <Melding type="error">{runs.fout.melding}</Melding> : null}
        {runs.data && runs.data.resultaten.length === 0 ? <p className="nl-paragraph">Uw gemeente heeft nog niets aangeleverd.</p> : null}
        {runs.data && runs.data.resultaten.length > 0 ? <RunTabel runs={runs.data.resultaten} /> : null}
      </Sectie>
    </Pagina>
  );
}

function Uitkomst({ run: r, kopRef }: { run: ImportRunMetFouten; kopRef: RefObject<HTMLHeadingElement | null> }) {
  return (
    <section className="sectie" aria-labelledby="uitkomst-kop">
      <h2 className="nl-heading nl-heading--level-2" id="uitkomst-kop" ref={kopRef} tabIndex={-1}>
        {r.proefdraai ? 'Uitkomst van de controle (proefdraai)' : 'Uitkomst van de import'}
      </h2>
      <Melding type={r.status === 'afgebroken' ? 'error' : r.afgewezen > 0 ? 'warning' : 'ok'}>
        {r.status === 'afgebroken'
          ? 'Het bestand kon vanaf een bepaalde regel niet meer worden gelezen. De regels daarvoor zijn verwerkt; zie het rapport.'
          : r.proefdraai
            ? r.afgewezen > 0
              ? `${aantal(r.geaccepteerd, 'regel is', 'regels zijn')} goed en ${aantal(r.afgewezen, 'regel wordt', 'regels worden')} afgewezen. Er is niets opgeslagen.`
              : `Alle ${aantal(r.geaccepteerd, 'regel is', 'regels zijn')} goed. Er is nog niets opgeslagen: kies "Importeren".`
            : `${aantal(r.geaccepteerd, 'regel is', 'regels zijn')} verwerkt; ${aantal(r.afgewezen, 'regel is', 'regels zijn')} afgewezen en niet opgeslagen.`}
      </Melding>
      <dl className="bedragen import-telling">
        <div className="bedrag">
          <dt className="bedrag-label">Gelezen</dt>
          <dd className="bedrag-waarde">{getal(r.gelezen)}</dd>
        </div>
        <div className="bedrag">
          <dt className="bedrag-label">Geaccepteerd</dt>
          <dd className="bedrag-waarde" id="import-geaccepteerd">
            {getal(r.geaccepteerd)}
          </dd>
        </div>
        <div className="bedrag">
          <dt className="bedrag-label">Afgewezen</dt>
          <dd className="bedrag-waarde" id="import-afgewezen">
            {getal(r.afgewezen)}
          </dd>
        </div>
        <div className="bedrag">
          <dt className="bedrag-label">{r.proefdraai ? 'Zou worden: nieuw, gewijzigd, ongewijzigd' : 'Nieuw, gewijzigd, ongewijzigd'}</dt>
          <dd className="bedrag-waarde">
            {getal(r.nieuw)}, {getal(r.gewijzigd)}, {getal(r.ongewijzigd)}
          </dd>
        </div>
      </dl>
      {r.fouten.length > 0 ? (
        <RijFoutenTabel
          label="Afgewezen regels"
          bijschrift={
            <>Afgewezen regels{r.foutenTotaal > r.fouten.length ? ` (de eerste ${r.fouten.length} van ${getal(r.foutenTotaal)})` : ` (${r.fouten.length})`}</>
          }
          fouten={r.fouten}
        />
      ) : null}
      {r.foutenTotaal > 0 ? (
        <p className="nl-paragraph">
          <a className="nl-link" href={`/api/v1/imports/${r.id}/rapport`} download={`import-rapport-${r.id.slice(0, 8)}.csv`}>
            Download het volledige rapport (CSV, {aantal(r.foutenTotaal, 'probleem', 'problemen')})
          </a>
        </p>
      ) : null}
    </section>
  );
}

function RunTabel({ runs }: { runs: ImportRun[] }) {
  const status = (r: ImportRun) => (r.status === 'klaar' ? 'Klaar' : r.status === 'lopend' ? 'Bezig of onderbroken' : 'Afgebroken');
  return (
    <TabelVak label="Eerdere aanleveringen">
      <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color tabel-toolkit" id="eerdere-aanleveringen">
        <caption className="utrecht-table__caption">De laatste {runs.length} aanleveringen van uw gemeente</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              Gestart
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Bestand
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Soort
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Status
            </th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
              Geaccepteerd
            </th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
              Afgewezen
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Rapport
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {runs.map((r) => (
            <tr key={r.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">{tijdstip(r.gestartOp)}</td>
              <td className="utrecht-table__cell">{r.bestandsnaam ?? '—'}</td>
              <td className="utrecht-table__cell">
                {r.proefdraai ? 'Proefdraai' : 'Import'} (
                {r.gestartVia === 'api-token' ? 'koppeling' : r.gestartVia === 'cli' ? 'opdrachtregel' : r.gestartDoor})
              </td>
              <td className="utrecht-table__cell">{status(r)}</td>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data">{getal(r.geaccepteerd)}</td>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data">{getal(r.afgewezen)}</td>
              <td className="utrecht-table__cell">
                {r.foutenTotaal > 0 ? (
                  <a className="nl-link" href={`/api/v1/imports/${r.id}/rapport`} download={`import-rapport-${r.id.slice(0, 8)}.csv`}>
                    Rapport<span className="rhc-visually-hidden"> van {tijdstip(r.gestartOp)}</span>
                  </a>
                ) : (
                  'Geen problemen'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TabelVak>
  );
}
