import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import type { OnvolledigeProfielen, Taak, Werklijst } from '../api/contactverzoeken.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Laden, Melding, TabelVak } from '../components/ui.js';
import { TekstvakVeld, Vinkje } from '../components/velden.js';
import { datumLang } from '../lib/format.js';
import { AppLink } from '../lib/router.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/contactverzoeken.css';

/** The two tabs of the professional's worklist. */
function WerklijstTabs({ actief }: { actief: 'taken' | 'profielen' }) {
  return (
    <nav className="werklijst-tabs" aria-label="Onderdelen van de werklijst">
      <ul>
        <li>
          <AppLink href="/werklijst" aria-current={actief === 'taken' ? 'page' : undefined}>
            Taken
          </AppLink>
        </li>
        <li>
          <AppLink href="/werklijst/profielen" aria-current={actief === 'profielen' ? 'page' : undefined}>
            Onvolledige profielen
          </AppLink>
        </li>
      </ul>
    </nav>
  );
}

const TERMIJN_TEKST = { verlopen: 'Termijn verlopen', binnenkort: 'Binnenkort', op_tijd: 'Op tijd' } as const;

/** Deadline with a text signal (never colour alone). */
function Termijn({ taak }: { taak: Taak }) {
  if (!taak.deadline) return <span className="termijn">Geen termijn</span>;
  return (
    <span className={`termijn${taak.termijn ? ` termijn--${taak.termijn}` : ''}`}>
      {taak.termijn ? <strong>{TERMIJN_TEKST[taak.termijn]}: </strong> : null}
      uiterlijk {datumLang(taak.deadline)}
    </span>
  );
}

function Afronden({ taak, onKlaar }: { taak: Taak; onKlaar: () => void }) {
  const [tekst, setTekst] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  async function verstuur(e: FormEvent) {
    e.preventDefault();
    setBezig(true);
    setFout(null);
    try {
      await api.post(`/api/v1/taken/${taak.id}/afronden`, { afhandeling: tekst });
      onKlaar();
    } catch (err) {
      const a = alsApiError(err);
      setFout(a.veldFouten().afhandeling ?? a.melding);
    } finally {
      setBezig(false);
    }
  }
  return (
    <details className="taak-afronden">
      <summary>Afronden</summary>
      <form onSubmit={verstuur} noValidate>
        <TekstvakVeld
          label="Wat heeft u gedaan?"
          naam={`afhandeling-${taak.id}`}
          rows={2}
          value={tekst}
          onChange={(e) => setTekst(e.target.value)}
          fout={fout ?? undefined}
          verplicht
        />
        <Knop type="submit" soort="primair" disabled={bezig}>
          Taak afronden
        </Knop>
      </form>
    </details>
  );
}

function TaakItem({ taak, onKlaar }: { taak: Taak; onKlaar: () => void }) {
  return (
    <li className={`taak${taak.termijn === 'verlopen' ? ' taak--verlopen' : ''}`}>
      <h3 className="nl-heading nl-heading--level-3 taak-titel">{taak.titel}</h3>
      <p className="nl-paragraph taak-meta">
        {taak.persoon ? (
          <>
            Persoon: <AppLink href={`/personen/${taak.persoon.id}`}>{taak.persoon.naam}</AppLink> ·{' '}
          </>
        ) : null}
        {taak.status === 'open' ? <Termijn taak={taak} /> : <span>Afgerond op {datumLang(taak.afgerondOp)}</span>}
        {taak.toegewezenAan ? <> · Voor {taak.toegewezenAan.naam}</> : null}
      </p>
      {taak.omschrijving ? <p className="nl-paragraph">{taak.omschrijving}</p> : null}
      {taak.afhandeling ? <p className="nl-paragraph klein">Afhandeling: {taak.afhandeling}</p> : null}
      {taak.bron?.type === 'contactverzoek' ? (
        <p className="nl-paragraph">
          <AppLink href={`/contactverzoeken/${taak.bron.id}`}>Contactverzoek openen{taak.status === 'open' ? ' en antwoord vastleggen' : ''}</AppLink>
        </p>
      ) : null}
      {taak.soort.code === 'profiel_aanvullen' && taak.persoon && taak.status === 'open' ? (
        <p className="nl-paragraph">
          <AppLink href={`/personen/${taak.persoon.id}/kandidaatprofiel`}>Kandidaatprofiel aanvullen</AppLink>
        </p>
      ) : null}
      {taak.status === 'open' && taak.handmatigAfTeRonden ? <Afronden taak={taak} onKlaar={onKlaar} /> : null}
    </li>
  );
}

/** The organisation's tasks, grouped by kind, oldest deadline first. */
export function WerklijstPagina() {
  const [alleenMijn, setAlleenMijn] = useState(false);
  const [status, setStatus] = useState<'open' | 'afgerond'>('open');
  const lijst = useData<Werklijst>(
    (signal) => api.get('/api/v1/taken', { status, alleenMijn: alleenMijn ? 'ja' : 'nee', limit: '200' }, signal),
    [status, alleenMijn],
  );
  const w = lijst.data;
  const groepen = new Map<string, Taak[]>();
  for (const t of w?.resultaten ?? []) groepen.set(t.soort.label, [...(groepen.get(t.soort.label) ?? []), t]);
  const verlopen = (w?.resultaten ?? []).filter((t) => t.termijn === 'verlopen').length;
  return (
    <Pagina titel="Werklijst" intro="Wat er voor uw organisatie te doen is: contactverzoeken van werkgevers, profielen om aan te vullen en andere taken.">
      <WerklijstTabs actief="taken" />
      <div className="werklijst-filters">
        <Vinkje label="Alleen taken voor mij (en niet toegewezen)" naam="alleen-mijn" checked={alleenMijn} onChange={(e) => setAlleenMijn(e.target.checked)} />
        <Vinkje
          label="Toon afgeronde taken"
          naam="afgerond"
          checked={status === 'afgerond'}
          onChange={(e) => setStatus(e.target.checked ? 'afgerond' : 'open')}
        />
      </div>
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {lijst.laden && !w ? <Laden /> : null}
      {w ? (
        <>
          <p className="nl-paragraph" aria-live="polite">
            {w.totaal === 0
              ? status === 'open'
                ? 'Er staan geen open taken op de werklijst.'
                : 'Er zijn nog geen afgeronde taken.'
              : `${w.totaal} ${status === 'open' ? 'open' : 'afgeronde'} ${w.totaal === 1 ? 'taak' : 'taken'}${verlopen ? `, waarvan ${verlopen} over de termijn` : ''}.`}
          </p>
          {[...groepen.entries()].map(([label, taken]) => (
            <section key={label} className="taakgroep" aria-labelledby={`groep-${taken[0]!.soort.code}`}>
              <h2 className="nl-heading nl-heading--level-2" id={`groep-${taken[0]!.soort.code}`}>
                {label} ({taken.length})
              </h2>
              <ul className="taken-lijst">
                {taken.map((t) => (
                  <TaakItem key={t.id} taak={t} onKlaar={lijst.herlaad} />
                ))}
              </ul>
            </section>
          ))}
        </>
      ) : null}
    </Pagina>
  );
}

/** Persons whose kandidaatprofiel is missing, incomplete or not published for lack of consent. */
export function OnvolledigeProfielenPagina() {
  const lijst = useData<OnvolledigeProfielen>((signal) => api.get('/api/v1/kandidaatprofielen/werklijst', { limit: '100' }, signal), []);
  const [resultaat, setResultaat] = useState<string | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  async function takenMaken() {
    setBezig(true);
    setFout(null);
    try {
      const r = await api.post<{ aangemaakt: number; alOpen: number }>('/api/v1/kandidaatprofielen/werklijst/taken', { maximum: 100 });
      setResultaat(`${r.aangemaakt} ${r.aangemaakt === 1 ? 'taak' : 'taken'} gemaakt; ${r.alOpen} stonden al open.`);
    } catch (e) {
      setFout(alsApiError(e).melding);
    } finally {
      setBezig(false);
    }
  }
  const w = lijst.data;
  return (
    <Pagina
      titel="Onvolledige profielen"
      intro="Personen van uw gemeente(n) zonder kandidaatprofiel, met een onvolledig profiel of zonder toestemming om het te publiceren. Meeste winst bovenaan."
    >
      <WerklijstTabs actief="profielen" />
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {lijst.laden && !w ? <Laden /> : null}
      {w ? (
        <>
          <p className="nl-paragraph">
            {w.totaal} {w.totaal === 1 ? 'persoon' : 'personen'} onder de drempel van {w.drempel.waarde}% of zonder toestemming.{' '}
            <span className="klein">Drempel: {w.drempel.bron}</span>
          </p>
          <p className="nl-paragraph">
            <Knop soort="secundair" onClick={() => void takenMaken()} disabled={bezig || w.totaal === 0}>
              Taken maken voor deze lijst
            </Knop>
          </p>
          {resultaat ? <Melding type="ok">{resultaat}</Melding> : null}
          {fout ? <Melding type="error">{fout}</Melding> : null}
          {w.resultaten.length > 0 ? (
            <TabelVak label="Onvolledige profielen">
              <table className="utrecht-table utrecht-table--html-table">
                <caption className="utrecht-table__caption rhc-visually-hidden">Onvolledige kandidaatprofielen, meeste winst eerst</caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th className="utrecht-table__header-cell" scope="col">
                      Persoon
                    </th>
                    <th className="utrecht-table__header-cell" scope="col">
                      Gemeente
                    </th>
                    <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                      Compleet
                    </th>
                    <th className="utrecht-table__header-cell" scope="col">
                      Toestemming
                    </th>
                    <th className="utrecht-table__header-cell" scope="col">
                      Wat ontbreekt
                    </th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {w.resultaten.map((r) => (
                    <tr className="utrecht-table__row" key={r.persoon.id}>
                      <th className="utrecht-table__header-cell" scope="row">
                        <AppLink href={`/personen/${r.persoon.id}/kandidaatprofiel`}>{r.persoon.naam}</AppLink>
                      </th>
                      <td className="utrecht-table__cell">{r.gemeente.naam}</td>
                      <td className="utrecht-table__cell utrecht-table__cell--numeric">{r.profielAanwezig ? `${r.compleetheid}%` : 'Geen profiel'}</td>
                      <td className="utrecht-table__cell">{r.toestemming ? 'Ja' : 'Nee'}</td>
                      <td className="utrecht-table__cell">{r.profielAanwezig ? r.ontbrekend.map((o) => o.label).join(', ') || '—' : 'Alles'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TabelVak>
          ) : null}
        </>
      ) : null}
    </Pagina>
  );
}
