import { type FormEvent, useId, useState } from 'react';
import { buildUrl } from '../api/client.js';
import { api } from '../api/client.js';
import type { Dashboard, DashboardTabel } from '../api/verwijzingen.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Laden, Melding, TabelVak } from '../components/ui.js';
import { KeuzeVeld, TekstVeld } from '../components/velden.js';
import { datumLang } from '../lib/format.js';
import { useData } from '../lib/useData.js';
import '../styles/verwijzingen.css';

/** Which column of each table the bar chart shows (none for the route matrix: the table is the chart). */
const GRAFIEKKOLOM: Record<string, { kolom: number; eenheid: string } | undefined> = {
  'terugval-per-aanbieder': { kolom: 2, eenheid: '%' },
  'terugval-per-route': { kolom: 2, eenheid: '%' },
  terugmeldredenen: { kolom: 0, eenheid: 'terugmeldingen' },
  doorlooptijd: { kolom: 1, eenheid: 'dagen (mediaan)' },
  participatieladder: { kolom: 0, eenheid: 'personen' },
};

interface Vraag {
  gemeente: string;
  van: string;
  tot: string;
}

export function BeleidsdashboardPagina() {
  const [vraag, setVraag] = useState<Vraag>({ gemeente: '', van: '', tot: '' });
  const data = useData<Dashboard>((signal) => api.get('/api/v1/dashboard', { ...vraag }, signal), [vraag.gemeente, vraag.van, vraag.tot]);
  const d = data.data;
  return (
    <Pagina
      titel="Beleidsdashboard"
      intro="Waar vallen mensen terug, en waarom? Alleen aantallen: groepen kleiner dan 5 personen ziet u als “<5”, ook in de downloads."
    >
      <Filters key={d ? `${d.scope.id}|${d.periode.van}|${d.periode.tot}` : 'leeg'} dashboard={d} onZoek={(v) => setVraag(v)} />
      {data.fout ? <Melding type="error">{data.fout.melding}</Melding> : null}
      {data.laden && !d ? <Laden /> : null}
      {d ? (
        <>
          <p className="nl-paragraph" role="status">
            {d.scope.naam}, {datumLang(d.periode.van)} tot en met {datumLang(d.periode.tot)} (peildatum {datumLang(d.peildatum)}).
          </p>
          {d.tabellen.map((t) => (
            <DashboardBlok key={t.sleutel} t={t} vraag={{ gemeente: d.scope.id, van: d.periode.van, tot: d.periode.tot }} />
          ))}
        </>
      ) : null}
    </Pagina>
  );
}

function Filters({ dashboard, onZoek }: { dashboard: Dashboard | null; onZoek: (v: Vraag) => void }) {
  const [gemeente, setGemeente] = useState(dashboard?.scope.id ?? '');
  const [van, setVan] = useState(dashboard?.periode.van ?? '');
  const [tot, setTot] = useState(dashboard?.periode.tot ?? '');
  function zoek(e: FormEvent) {
    e.preventDefault();
    onZoek({ gemeente, van, tot });
  }
  return (
    <form className="filterformulier" noValidate onSubmit={zoek} aria-label="Filters van het dashboard">
      <KeuzeVeld label="Gemeente of regio" naam="gemeente" value={gemeente} onChange={(e) => setGemeente(e.target.value)}>
        {(dashboard?.keuzes ?? []).map((k) => (
          <option key={k.id} value={k.id}>
            {k.naam}
          </option>
        ))}
      </KeuzeVeld>
      <TekstVeld label="Van" naam="van" type="date" className="datum-invoer" value={van} onChange={(e) => setVan(e.target.value)} />
      <TekstVeld label="Tot en met" naam="tot" type="date" className="datum-invoer" value={tot} onChange={(e) => setTot(e.target.value)} />
      <div className="knoppen">
        <Knop soort="primair" type="submit">
          Toon
        </Knop>
      </div>
    </form>
  );
}

function DashboardBlok({ t, vraag }: { t: DashboardTabel; vraag: Vraag }) {
  const kopId = useId();
  const grafiek = GRAFIEKKOLOM[t.sleutel];
  const csv = buildUrl('/api/v1/dashboard/export', { tabel: t.sleutel, ...vraag });
  return (
    <section className="dashboard-blok" aria-labelledby={kopId}>
      <h2 id={kopId} className="nl-heading nl-heading--level-2">
        {t.titel}
      </h2>
      <p className="nl-paragraph klein">{t.toelichting}</p>
      {!t.beschikbaar ? (
        <p className="nl-paragraph">Nog geen gegevens: er zijn nog geen diagnoses met een trede op de participatieladder.</p>
      ) : (
        <>
          {grafiek ? (
            <Staafgrafiek
              titel={`${t.titel} (${t.kolommen[grafiek.kolom]!.label.toLowerCase()})`}
              eenheid={grafiek.eenheid}
              items={t.rijen
                .filter((r) => r.soort === 'groep')
                .map((r) => ({ label: r.label, waarde: r.cellen[grafiek.kolom]!.waarde, weergave: r.cellen[grafiek.kolom]!.weergave }))}
            />
          ) : null}
          <TabelVak label={t.titel}>
            <table className="utrecht-table utrecht-table--html-table dashboard-tabel">
              <caption className="utrecht-table__caption">{t.titel}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    {t.sleutel === 'routewisselingen' ? 'Van route ↓ / naar route →' : <span className="rhc-visually-hidden">Groep</span>}
                  </th>
                  {t.kolommen.map((k) => (
                    <th key={k.sleutel} scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                      {k.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {t.rijen.map((r) => (
                  <tr key={r.sleutel} className={`utrecht-table__row dashboard-rij--${r.soort}`}>
                    <th scope="row" className="utrecht-table__header-cell">
                      {r.label}
                    </th>
                    {r.cellen.map((c, i) => (
                      <td key={t.kolommen[i]!.sleutel} className="utrecht-table__cell utrecht-table__cell--numeric">
                        {c.weergave === '<5' ? (
                          <>
                            <span aria-hidden="true">&lt;5</span>
                            <span className="rhc-visually-hidden">minder dan 5, afgeschermd</span>
                          </>
                        ) : (
                          c.weergave
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TabelVak>
        </>
      )}
      <p className="nl-paragraph">
        <a className="utrecht-link" href={csv} download>
          Download als CSV<span className="rhc-visually-hidden">: {t.titel}</span>
        </a>
      </p>
    </section>
  );
}

/** A horizontal bar chart as accessible SVG: a title and a description with every value; the table below is the full alternative. */
export function Staafgrafiek({
  titel,
  eenheid,
  items,
}: {
  titel: string;
  eenheid: string;
  items: { label: string; waarde: number | null; weergave: string }[];
}) {
  const id = useId();
  if (items.length === 0) return <p className="nl-paragraph">Geen gegevens in deze periode.</p>;
  const max = Math.max(1, ...items.map((i) => i.waarde ?? 0));
  const rij = 28;
  const labelBreedte = 260;
  const staafBreedte = 360;
  const hoogte = items.length * rij + 8;
  const beschrijving = items.map((i) => `${i.label}: ${i.weergave === '<5' ? 'minder dan 5 (afgeschermd)' : i.weergave}`).join('; ');
  return (
    <figure className="staafgrafiek">
      <svg
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        viewBox={`0 0 ${labelBreedte + staafBreedte + 90} ${hoogte}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{titel}</title>
        <desc id={`${id}-d`}>
          {beschrijving} ({eenheid})
        </desc>
        {items.map((it, n) => {
          const y = 4 + n * rij;
          const breedte = it.waarde === null ? 0 : Math.max(2, (it.waarde / max) * staafBreedte);
          return (
            <g key={it.label}>
              <text x={labelBreedte - 8} y={y + 18} textAnchor="end" className="staaf-label">
                {it.label.length > 34 ? `${it.label.slice(0, 33)}…` : it.label}
              </text>
              {it.waarde === null ? (
                <rect x={labelBreedte} y={y + 4} width={24} height={rij - 10} className="staaf staaf--afgeschermd" />
              ) : (
                <rect x={labelBreedte} y={y + 4} width={breedte} height={rij - 10} className="staaf" />
              )}
              <text x={labelBreedte + (it.waarde === null ? 24 : breedte) + 6} y={y + 18} className="staaf-waarde">
                {it.weergave}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="klein">
        {titel}. Eenheid: {eenheid}. De tabel hieronder bevat dezelfde gegevens.
      </figcaption>
    </figure>
  );
}
