import { type FormEvent, useEffect, useState } from 'react';
import { api, buildUrl } from '../api/client.js';
import type { FmlCatalogus, FunctieDetail, FunctieLijst } from '../api/matching.js';
import type { VacatureDetail, VacatureInvoer, VacatureKandidaten, VacatureSamenvatting, Vacaturestatus } from '../api/zoekopdrachten.js';
import { ProfielKaart } from '../components/Kandidaatprofiel.js';
import { KeuzeRondjes } from '../components/KeuzeRondjes.js';
import { Pagina } from '../components/Pagina.js';
import { Gegevens, Knop, Laden, Melding, Paginering, Sectie, TabelVak } from '../components/ui.js';
import { FoutOverzicht, KeuzeVeld, TekstVeld, TekstvakVeld } from '../components/velden.js';
import { aantal, datumKort } from '../lib/format.js';
import { leesGetal } from '../lib/getallen.js';
import { AppLink, navigate, useLocatie } from '../lib/router.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/kandidaten.css';
import '../styles/zoekopdrachten.css';

const PAGINA_GROOTTE = 20;
const STATUS: Record<Vacaturestatus, string> = { open: 'Open', gesloten: 'Gesloten' };

/** The vacancies of the user's organisation. */
export function VacaturesPagina() {
  const lijst = useData<{ resultaten: VacatureSamenvatting[] }>((signal) => api.get('/api/v1/vacatures', undefined, signal), []);
  return (
    <Pagina
      titel="Vacatures"
      intro="Leg een vacature vast op basis van een functie uit de catalogus. U ziet dan welke kandidaten passen bij wat het werk vraagt."
    >
      <p className="nl-paragraph">
        <AppLink href="/vacatures/nieuw" className="utrecht-button utrecht-button--primary-action knop-link">
          Nieuwe vacature
        </AppLink>
      </p>
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {lijst.laden && !lijst.data ? <Laden /> : null}
      {lijst.data && lijst.data.resultaten.length === 0 ? <p className="nl-paragraph">Uw organisatie heeft nog geen vacatures.</p> : null}
      {lijst.data && lijst.data.resultaten.length > 0 ? (
        <TabelVak label="Vacatures">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption rhc-visually-hidden">Vacatures van uw organisatie</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  Vacature
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Functie
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Uren per week
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Plaats
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {lijst.data.resultaten.map((v) => (
                <tr key={v.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">
                    <AppLink href={`/vacatures/${v.id}`}>{v.titel}</AppLink>
                  </td>
                  <td className="utrecht-table__cell">{v.functie.naam}</td>
                  <td className="utrecht-table__cell">
                    {v.urenMin} tot {v.urenMax}
                  </td>
                  <td className="utrecht-table__cell">{v.gemeente?.naam ?? '—'}</td>
                  <td className="utrecht-table__cell">{STATUS[v.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabelVak>
      ) : null}
    </Pagina>
  );
}

/** One vacancy: what the work asks, and the candidates ranked by fit with a non-medical summary. */
export function VacaturePagina({ id }: { id: string }) {
  const { zoek } = useLocatie();
  const pagina = Math.max(1, Number(zoek.get('pagina') ?? '1') || 1);
  const vacature = useData<VacatureDetail>((signal) => api.get(`/api/v1/vacatures/${id}`, undefined, signal), [id]);
  const kandidaten = useData<VacatureKandidaten>(
    (signal) => api.get(`/api/v1/vacatures/${id}/kandidaten`, { limit: PAGINA_GROOTTE, offset: (pagina - 1) * PAGINA_GROOTTE }, signal),
    [id, pagina],
  );
  const v = vacature.data;
  const k = kandidaten.data;
  return (
    <Pagina titel={v ? v.titel : 'Vacature'}>
      <p className="nl-paragraph">
        <AppLink href="/vacatures">Terug naar de vacatures</AppLink>
        {v ? (
          <>
            {' · '}
            <AppLink href={`/vacatures/${id}/bewerken`}>Vacature wijzigen</AppLink>
          </>
        ) : null}
      </p>
      {vacature.fout ? <Melding type="error">{vacature.fout.status === 404 ? 'Deze vacature bestaat niet (meer).' : vacature.fout.melding}</Melding> : null}
      {vacature.laden && !v ? <Laden /> : null}
      {v ? (
        <Sectie titel="Over de vacature" id="vacature">
          {v.status === 'gesloten' ? <Melding type="info">Deze vacature is gesloten.</Melding> : null}
          <Gegevens
            items={[
              ['Functie', v.functie.naam],
              ['Omschrijving', v.omschrijving],
              ['Uren per week', `${v.urenMin} tot ${v.urenMax}`],
              ['Plaats', v.gemeente?.naam ?? null],
              ['Sector', v.sector?.naam ?? null],
              ['Status', STATUS[v.status]],
              ['Gewijzigd', datumKort(v.gewijzigdOp)],
            ]}
          />
          <details className="uitklap">
            <summary>Wat het werk vraagt ({aantal(v.belasting.length, 'punt', 'punten')})</summary>
            <ul className="utrecht-unordered-list">
              {v.belasting.map((b) => (
                <li key={b.item} className="utrecht-unordered-list__item">
                  {b.naam}: {b.tekst}
                  {b.aangepast ? ' (aangepast voor deze vacature)' : ''}
                </li>
              ))}
            </ul>
          </details>
        </Sectie>
      ) : null}
      <section aria-labelledby="kandidaten-kop">
        <h2 id="kandidaten-kop" className="nl-heading nl-heading--level-2">
          Passende kandidaten
        </h2>
        {kandidaten.fout ? <Melding type="error">{kandidaten.fout.melding}</Melding> : null}
        {kandidaten.laden && !k ? <Laden /> : null}
        {k ? (
          <>
            <p className="nl-paragraph" role="status">
              {k.totaal === 0
                ? 'Er zijn nu geen kandidaten die passen.'
                : `${aantal(k.aantalPassend, 'kandidaat past', 'kandidaten passen')} bij de belasting van dit werk; van ${aantal(k.aantalOnbekend, 'kandidaat', 'kandidaten')} is de belastbaarheid niet bekend.`}
            </p>
            <p className="nl-paragraph klein">{k.disclaimer}</p>
            {k.resultaten.length > 0 ? (
              <ol className="resultaten kandidaten-lijst" aria-label="Kandidaten voor deze vacature">
                {k.resultaten.map((p) => (
                  <li key={p.publiekId} className="resultaat">
                    <div className={`fit fit--${p.fit.soort}`}>
                      <p className="nl-paragraph fit-label">
                        <strong>{p.fit.label}</strong>
                        {p.fit.bespreekTekst ? ` · ${p.fit.bespreekTekst}` : ''}
                        {p.urenPassen ? '' : ' · Uren passen niet helemaal'}
                      </p>
                      <p className="nl-paragraph klein">{p.fit.uitleg}</p>
                    </div>
                    <ProfielKaart p={p} href={`/kandidaten/${encodeURIComponent(p.publiekId)}`} kopNiveau={3} />
                  </li>
                ))}
              </ol>
            ) : null}
            <Paginering
              pagina={pagina}
              totaal={k.totaal}
              paginaGrootte={PAGINA_GROOTTE}
              label="Paginering kandidaten"
              naar={(pg) => navigate(buildUrl(`/vacatures/${id}`, { pagina: pg > 1 ? pg : undefined }))}
            />
          </>
        ) : null}
      </section>
    </Pagina>
  );
}

interface Waarden {
  titel: string;
  omschrijving: string;
  functieId: string;
  urenMin: string;
  urenMax: string;
  gemeenteId: string;
  status: Vacaturestatus;
  /** Ordinal FML item → chosen level ('' = as in the function). */
  niveaus: Record<string, string>;
}

const LEEG: Waarden = { titel: '', omschrijving: '', functieId: '', urenMin: '', urenMax: '', gemeenteId: '', status: 'open', niveaus: {} };

const LABELS: Record<string, string> = {
  titel: 'Titel',
  omschrijving: 'Omschrijving',
  functieId: 'Functie',
  urenMin: 'Minimaal uren per week',
  urenMax: 'Maximaal uren per week',
  gemeenteId: 'Plaats',
  status: 'Status',
};

/** Create or change a vacancy: title, a function from the catalogue (search and choose), hours, place, and per item what the work asks. */
export function VacatureBewerkenPagina({ id }: { id?: string }) {
  const bestaand = useData<VacatureDetail | null>((signal) => (id ? api.get(`/api/v1/vacatures/${id}`, undefined, signal) : Promise.resolve(null)), [id]);
  const gemeenten = useData<{ id: string; naam: string }[]>((signal) => api.get('/api/v1/organisaties', { soort: 'gemeente' }, signal), []);
  const catalogus = useData<FmlCatalogus>((signal) => api.get('/api/v1/fml-catalogus', undefined, signal), []);
  const [w, setW] = useState<Waarden>(LEEG);
  const [zoekterm, setZoekterm] = useState('');
  const [gevonden, setGevonden] = useState<FunctieLijst | null>(null);
  const [functie, setFunctie] = useState<FunctieDetail | null>(null);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  useEffect(() => {
    const v = bestaand.data;
    if (!v) return;
    setW({
      titel: v.titel,
      omschrijving: v.omschrijving ?? '',
      functieId: v.functie.id,
      urenMin: String(v.urenMin),
      urenMax: String(v.urenMax),
      gemeenteId: v.gemeente?.id ?? '',
      status: v.status,
      niveaus: Object.fromEntries(Object.entries(v.belastingAanpassingen).flatMap(([item, n]) => (typeof n === 'number' ? [[item, String(n)]] : []))),
    });
  }, [bestaand.data]);

  useEffect(() => {
    if (!w.functieId) {
      setFunctie(null);
      return;
    }
    const ac = new AbortController();
    api
      .get<FunctieDetail>(`/api/v1/functies/${w.functieId}`, undefined, ac.signal)
      .then(setFunctie)
      .catch(() => undefined);
    return () => ac.abort();
  }, [w.functieId]);

  async function zoekFuncties(e?: FormEvent) {
    e?.preventDefault();
    try {
      setGevonden(await api.get<FunctieLijst>('/api/v1/functies', { q: zoekterm.trim(), eigen: 'nee', limit: 15 }));
    } catch (err) {
      setAlgemeen(alsApiError(err).melding);
    }
  }

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    const f: Record<string, string> = {};
    const min = leesGetal(w.urenMin);
    const max = leesGetal(w.urenMax);
    if (w.titel.trim().length < 2) f.titel = 'Geef de vacature een titel.';
    if (!w.functieId) f.functieId = 'Kies een functie uit de catalogus.';
    if (min === null || Number.isNaN(min) || min <= 0 || min > 60) f.urenMin = 'Vul een aantal uren in van 1 tot en met 60.';
    if (max === null || Number.isNaN(max) || max <= 0 || max > 60) f.urenMax = 'Vul een aantal uren in van 1 tot en met 60.';
    if (!f.urenMin && !f.urenMax && min !== null && max !== null && max < min) f.urenMax = 'Het maximum is kleiner dan het minimum.';
    setFouten(f);
    setAlgemeen(null);
    if (Object.keys(f).length > 0) return;
    const body: VacatureInvoer = {
      titel: w.titel.trim(),
      omschrijving: w.omschrijving.trim() || null,
      functieId: w.functieId,
      belastingAanpassingen: Object.fromEntries(Object.entries(w.niveaus).flatMap(([item, n]) => (n === '' ? [] : [[item, Number(n)]]))),
      urenMin: min as number,
      urenMax: max as number,
      sector: functie?.sector ?? null,
      gemeenteId: w.gemeenteId || null,
      status: w.status,
      ...(bestaand.data ? { versie: bestaand.data.versie } : {}),
    };
    setBezig(true);
    try {
      const v = id ? await api.put<VacatureDetail>(`/api/v1/vacatures/${id}`, body) : await api.post<VacatureDetail>('/api/v1/vacatures', body);
      navigate(`/vacatures/${v.id}`);
    } catch (err) {
      const fout = alsApiError(err);
      const velden = fout.veldFouten();
      const bekend = Object.fromEntries(Object.entries(velden).filter(([k]) => k in LABELS));
      setFouten(bekend);
      if (Object.keys(bekend).length === 0) setAlgemeen(fout.invalidParams[0]?.reason ?? fout.melding);
    } finally {
      setBezig(false);
    }
  }

  const ordinaal = new Map((catalogus.data?.items ?? []).filter((i) => i.soort === 'ordinaal').map((i) => [i.code, i]));
  const functieOpties = [...(functie && !(gevonden?.resultaten ?? []).some((f) => f.id === functie.id) ? [functie] : []), ...(gevonden?.resultaten ?? [])];

  return (
    <Pagina titel={id ? 'Vacature wijzigen' : 'Nieuwe vacature'}>
      <p className="nl-paragraph">
        <AppLink href={id ? `/vacatures/${id}` : '/vacatures'}>Terug</AppLink>
      </p>
      {bestaand.fout ? <Melding type="error">{bestaand.fout.melding}</Melding> : null}
      <FoutOverzicht fouten={fouten} labels={LABELS} algemeen={algemeen} />
      <section className="zoekvak" aria-labelledby="functie-kop">
        <h2 id="functie-kop" className="nl-heading nl-heading--level-2">
          Functie
        </h2>
        <p className="nl-paragraph">De functie bepaalt wat het werk vraagt (de belasting). Daarna kunt u per punt aangeven wat bij u anders is.</p>
        <search>
          <form onSubmit={zoekFuncties} noValidate aria-labelledby="functie-kop">
            <TekstVeld
              label="Zoek een functie in de catalogus"
              naam="functieZoek"
              type="search"
              value={zoekterm}
              maxLength={100}
              onChange={(e) => setZoekterm(e.target.value)}
              hint="Bijvoorbeeld: bakkerij, magazijn of schoonmaak."
            />
            <div className="knoppen">
              <Knop soort="secundair" type="submit">
                Functies zoeken
              </Knop>
            </div>
          </form>
        </search>
        {gevonden && gevonden.resultaten.length === 0 ? <p className="nl-paragraph">Geen functies gevonden. Probeer een ander woord.</p> : null}
        {functieOpties.length > 0 ? (
          <KeuzeRondjes
            vraag="Kies de functie"
            naam="functieId"
            opties={functieOpties.map((f) => ({
              waarde: f.id,
              label: `${f.naam} (${f.sectorNaam}, ${f.urenMin} tot ${f.urenMax} uur)`,
            }))}
            waarde={w.functieId}
            onKies={(functieId) => setW({ ...w, functieId, niveaus: {} })}
            fout={fouten.functieId}
          />
        ) : fouten.functieId ? (
          <p className="nl-paragraph" id="veld-functieId">
            {fouten.functieId}
          </p>
        ) : null}
      </section>

      <form onSubmit={opslaan} noValidate aria-label="Vacature">
        <TekstVeld label="Titel" naam="titel" value={w.titel} maxLength={120} onChange={(e) => setW({ ...w, titel: e.target.value })} fout={fouten.titel} />
        <TekstvakVeld
          label="Omschrijving"
          naam="omschrijving"
          verplicht={false}
          value={w.omschrijving}
          maxLength={4000}
          onChange={(e) => setW({ ...w, omschrijving: e.target.value })}
          hint="Wat doet iemand, waar en met wie? Deze tekst helpt ook om kandidaten te vinden."
        />
        <div className="uren-velden">
          <TekstVeld
            label="Minimaal uren per week"
            naam="urenMin"
            inputMode="decimal"
            autoComplete="off"
            className="getal-invoer"
            value={w.urenMin}
            onChange={(e) => setW({ ...w, urenMin: e.target.value })}
            fout={fouten.urenMin}
          />
          <TekstVeld
            label="Maximaal uren per week"
            naam="urenMax"
            inputMode="decimal"
            autoComplete="off"
            className="getal-invoer"
            value={w.urenMax}
            onChange={(e) => setW({ ...w, urenMax: e.target.value })}
            fout={fouten.urenMax}
          />
        </div>
        <KeuzeVeld
          label="Plaats"
          naam="gemeenteId"
          verplicht={false}
          value={w.gemeenteId}
          onChange={(e) => setW({ ...w, gemeenteId: e.target.value })}
          fout={fouten.gemeenteId}
        >
          <option value="">Niet opgegeven</option>
          {(gemeenten.data ?? []).map((g) => (
            <option key={g.id} value={g.id}>
              {g.naam.replace(/^Gemeente /, '')}
            </option>
          ))}
        </KeuzeVeld>
        {id ? (
          <KeuzeVeld label="Status" naam="status" value={w.status} onChange={(e) => setW({ ...w, status: e.target.value as Vacaturestatus })}>
            <option value="open">Open</option>
            <option value="gesloten">Gesloten</option>
          </KeuzeVeld>
        ) : null}
        {functie ? (
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset belasting-aanpassen">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Wat vraagt het werk bij u?</legend>
            <p className="nl-paragraph">Zo staat het in de functie {functie.naam}. Is het bij u lichter of zwaarder, kies dan wat het werk bij u vraagt.</p>
            {functie.belasting
              .filter((b) => ordinaal.has(b.item))
              .map((b) => {
                const item = ordinaal.get(b.item)!;
                return (
                  <KeuzeVeld
                    key={b.item}
                    label={b.naam}
                    naam={`niveau-${b.item.replace('.', '-')}`}
                    value={w.niveaus[b.item] ?? ''}
                    onChange={(e) => setW({ ...w, niveaus: { ...w.niveaus, [b.item]: e.target.value } })}
                  >
                    <option value="">Zoals in de functie: {b.tekst}</option>
                    {(item.niveaus ?? []).map((tekst, n) => (
                      <option key={tekst} value={String(n)}>
                        {n === 0 ? 'Volledig: het werk vraagt een normale belastbaarheid' : `Ook te doen bij: ${tekst.toLowerCase()}`}
                      </option>
                    ))}
                  </KeuzeVeld>
                );
              })}
          </fieldset>
        ) : null}
        <div className="knoppen">
          <Knop soort="primair" type="submit" disabled={bezig}>
            {id ? 'Wijzigingen opslaan' : 'Vacature opslaan'}
          </Knop>
        </div>
      </form>
    </Pagina>
  );
}
