import { type FormEvent, useEffect, useRef, useState } from 'react';
import { OPLEIDINGSNIVEAUS, WERKCONDITIES } from '../../shared/codes.js';
import { api, buildUrl } from '../api/client.js';
import type { Facetwaarde, KandidatenZoekresultaat, PubliekProfiel } from '../api/kandidaten.js';
import type { Functiegroepen } from '../api/matching.js';
import { ProfielKaart } from '../components/Kandidaatprofiel.js';
import { Pagina } from '../components/Pagina.js';
import { ZoekopdrachtBewaren } from '../components/ZoekopdrachtBewaren.js';
import { ContactAanvragen } from '../components/ContactAanvragen.js';
import { Knop, Laden, Melding, Paginering, Sectie } from '../components/ui.js';
import { FoutOverzicht, TekstVeld, Vinkje } from '../components/velden.js';
import { VinkjesGroep } from '../components/Vinkjes.js';
import { aantal } from '../lib/format.js';
import { leesGetal } from '../lib/getallen.js';
import { AppLink, navigate, useLocatie } from '../lib/router.js';
import { useData } from '../lib/useData.js';
import { heeftRol, useSessie } from '../lib/sessie.js';
import '../styles/matching.css';
import '../styles/kandidaten.css';

const PAGINA_GROOTTE = 20;
const LAATSTE_ZOEKOPDRACHT = 'passend:kandidaten-zoekopdracht';
const CONTACT_NOTITIE =
  'Contact loopt via de professional van de kandidaat: u vraagt contact aan, de professional bespreekt het met de kandidaat, en alleen als de kandidaat ja zegt krijgt u de contactgegevens.';

type Facet = 'gemeenten' | 'sectoren' | 'opleidingsniveaus' | 'werkcondities';
const FACETTEN: Facet[] = ['gemeenten', 'sectoren', 'opleidingsniveaus', 'werkcondities'];

interface Zoekopdracht {
  q: string;
  gemeenten: string[];
  sectoren: string[];
  opleidingsniveaus: string[];
  werkcondities: string[];
  urenMin: string;
  urenMax: string;
  beschikbaarNu: boolean;
}

const lijst = (s: string | null) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function uitUrl(zoek: URLSearchParams): Zoekopdracht {
  return {
    q: zoek.get('q') ?? '',
    gemeenten: lijst(zoek.get('gemeenten')),
    sectoren: lijst(zoek.get('sectoren')),
    opleidingsniveaus: lijst(zoek.get('opleidingsniveaus')),
    werkcondities: lijst(zoek.get('werkcondities')),
    urenMin: zoek.get('urenMin') ?? '',
    urenMax: zoek.get('urenMax') ?? '',
    beschikbaarNu: zoek.get('beschikbaarNu') === 'ja',
  };
}

/** The query string of the page and of the API: lists comma-separated (`sectoren=groen,horeca`). */
function naarQuery(z: Zoekopdracht) {
  return {
    q: z.q.trim(),
    gemeenten: z.gemeenten.join(','),
    sectoren: z.sectoren.join(','),
    opleidingsniveaus: z.opleidingsniveaus.join(','),
    werkcondities: z.werkcondities.join(','),
    urenMin: z.urenMin,
    urenMax: z.urenMax,
    beschikbaarNu: z.beschikbaarNu ? 'ja' : '',
  };
}

const LABELS: Record<string, string> = {
  q: 'Zoeken',
  urenMin: 'Minimaal uren per week',
  urenMax: 'Maximaal uren per week',
  gemeenten: 'Gemeente',
  sectoren: 'Sector',
  opleidingsniveaus: 'Opleidingsniveau',
  werkcondities: 'Werkomstandigheden',
};

/**
 * Kandidaten zoeken: free text (Dutch stemming on the server), filters built from the facets with their
 * counts, result cards and paging. The whole search lives in the URL.
 */
export function KandidatenPagina() {
  const { zoek, href } = useLocatie();
  const huidig = uitUrl(zoek);
  const pagina = Math.max(1, Number(zoek.get('pagina') ?? '1') || 1);
  const query = { ...naarQuery(huidig), limit: PAGINA_GROOTTE, offset: (pagina - 1) * PAGINA_GROOTTE };
  const sleutel = JSON.stringify(query);
  const resultaat = useData<KandidatenZoekresultaat>((signal) => api.get('/api/v1/kandidaatprofielen', query, signal), [sleutel]);
  const groepen = useData<Functiegroepen>((signal) => api.get('/api/v1/functiegroepen', undefined, signal), []);
  const [w, setW] = useState<Zoekopdracht>(huidig);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  // Names of values seen in earlier answers, so a chosen value with no hits keeps its name.
  const namen = useRef<Record<Facet, Map<string, string>>>({
    gemeenten: new Map(),
    sectoren: new Map(),
    opleidingsniveaus: new Map(),
    werkcondities: new Map(),
  });

  // Back and forward in the browser change the URL: show that search in the form as well.
  useEffect(() => {
    setW(uitUrl(new URL(href, 'http://x').searchParams));
    setFouten({});
    sessionStorage.setItem(LAATSTE_ZOEKOPDRACHT, new URL(href, 'http://x').search);
  }, [href]);

  const data = resultaat.data;
  if (data) for (const f of FACETTEN) for (const x of data.facetten[f]) namen.current[f].set(x.code, x.naam);

  function naamVan(f: Facet, code: string): string {
    const bekend = namen.current[f].get(code);
    if (bekend) return bekend;
    if (f === 'werkcondities') return WERKCONDITIES[code as keyof typeof WERKCONDITIES]?.label ?? code;
    if (f === 'opleidingsniveaus') return OPLEIDINGSNIVEAUS[code as keyof typeof OPLEIDINGSNIVEAUS]?.label ?? code;
    if (f === 'sectoren') return groepen.data?.sectoren.find((s) => s.code === code)?.naam ?? code;
    return 'Gemeente (onbekend)';
  }

  /** Options of one facet: the values with hits, plus the chosen ones without hits (count 0). */
  function opties(f: Facet) {
    const lijst: Facetwaarde[] = [...(data?.facetten[f] ?? [])];
    for (const code of w[f]) if (!lijst.some((x) => x.code === code)) lijst.push({ code, naam: naamVan(f, code), aantal: 0 });
    return lijst.map((x) => ({
      waarde: x.code,
      label: (
        <>
          {x.naam}{' '}
          <span className="facet-aantal">
            ({x.aantal}
            <span className="rhc-visually-hidden"> {x.aantal === 1 ? 'profiel' : 'profielen'}</span>)
          </span>
        </>
      ),
    }));
  }

  function zoekNu(e: FormEvent) {
    e.preventDefault();
    const f: Record<string, string> = {};
    const min = leesGetal(w.urenMin);
    const max = leesGetal(w.urenMax);
    if (min !== null && (Number.isNaN(min) || min < 0 || min > 60)) f.urenMin = 'Vul een aantal uren in van 0 tot en met 60.';
    if (max !== null && (Number.isNaN(max) || max < 0 || max > 60)) f.urenMax = 'Vul een aantal uren in van 0 tot en met 60.';
    if (!f.urenMin && !f.urenMax && min !== null && max !== null && max < min) f.urenMax = 'Het maximum is kleiner dan het minimum.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    const nieuw = { ...w, urenMin: min === null ? '' : String(min), urenMax: max === null ? '' : String(max) };
    navigate(buildUrl('/kandidaten', naarQuery(nieuw)));
    requestAnimationFrame(() => document.getElementById('resultaten-kop')?.focus());
  }

  function wisFilters() {
    navigate(buildUrl('/kandidaten', { q: w.q.trim() }));
    requestAnimationFrame(() => document.getElementById('resultaten-kop')?.focus());
  }

  const filtersActief =
    huidig.gemeenten.length + huidig.sectoren.length + huidig.opleidingsniveaus.length + huidig.werkcondities.length > 0 ||
    Boolean(huidig.urenMin || huidig.urenMax || huidig.beschikbaarNu);

  return (
    <Pagina
      titel="Kandidaten zoeken"
      intro="Zoek in de profielen van mensen met een arbeidsbeperking die werk zoeken in de regio. U ziet wat iemand zoekt en kan, maar geen naam of contactgegevens."
    >
      <section className="zoekvak" aria-labelledby="zoeken-kop">
        <h2 id="zoeken-kop" className="nl-heading nl-heading--level-2">
          Zoeken
        </h2>
        <search>
          <form className="zoekformulier" aria-labelledby="zoeken-kop" onSubmit={zoekNu} noValidate>
            <TekstVeld
              label="Zoek op woorden uit het profiel"
              naam="q"
              type="search"
              value={w.q}
              onChange={(e) => setW({ ...w, q: e.target.value })}
              hint="Bijvoorbeeld: buiten werken, tuin of horeca."
              maxLength={200}
            />
            <div className="knoppen">
              <Knop soort="primair" type="submit">
                Zoeken
              </Knop>
            </div>
          </form>
        </search>
      </section>

      <div className="kandidaten-indeling">
        <section className="zoekvak kandidaten-filters" aria-labelledby="filters-kop">
          <h2 id="filters-kop" className="nl-heading nl-heading--level-2">
            Filters
          </h2>
          <form noValidate onSubmit={zoekNu} aria-labelledby="filters-kop">
            <FoutOverzicht fouten={fouten} labels={LABELS} />
            <VinkjesGroep
              vraag="Gemeente"
              naam="gemeenten"
              opties={opties('gemeenten')}
              gekozen={w.gemeenten}
              onWijzig={(gemeenten) => setW({ ...w, gemeenten })}
              leeg={data ? 'Geen profielen met deze zoekopdracht.' : 'Bezig met laden…'}
            />
            <VinkjesGroep
              vraag="Sector"
              naam="sectoren"
              opties={opties('sectoren')}
              gekozen={w.sectoren}
              onWijzig={(sectoren) => setW({ ...w, sectoren })}
              leeg={data ? 'Geen profielen met deze zoekopdracht.' : 'Bezig met laden…'}
            />
            <VinkjesGroep
              vraag="Opleidingsniveau"
              naam="opleidingsniveaus"
              opties={opties('opleidingsniveaus')}
              gekozen={w.opleidingsniveaus}
              onWijzig={(opleidingsniveaus) => setW({ ...w, opleidingsniveaus })}
              leeg={data ? 'Geen profielen met deze zoekopdracht.' : 'Bezig met laden…'}
            />
            <VinkjesGroep
              vraag="Werkomstandigheden"
              naam="werkcondities"
              hint="Profielen met alle gekozen werkomstandigheden."
              opties={opties('werkcondities')}
              gekozen={w.werkcondities}
              onWijzig={(werkcondities) => setW({ ...w, werkcondities })}
              leeg={data ? 'Geen profielen met deze zoekopdracht.' : 'Bezig met laden…'}
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
            <Vinkje label="Nu beschikbaar" naam="beschikbaarNu" checked={w.beschikbaarNu} onChange={(e) => setW({ ...w, beschikbaarNu: e.target.checked })} />
            <div className="knoppen">
              <Knop soort="primair" type="submit">
                Filters toepassen
              </Knop>
              {filtersActief ? (
                <Knop soort="subtiel" onClick={wisFilters}>
                  Alle filters wissen
                </Knop>
              ) : null}
            </div>
          </form>
        </section>

        <section className="kandidaten-resultaten" aria-labelledby="resultaten-kop">
          <h2 id="resultaten-kop" tabIndex={-1} className="nl-heading nl-heading--level-2">
            Profielen
          </h2>
          {resultaat.fout ? <Melding type="error">{resultaat.fout.melding}</Melding> : null}
          {resultaat.laden && !data ? <Laden /> : null}
          {data ? (
            <>
              <p className="nl-paragraph" role="status">
                {data.totaal === 0
                  ? `Er zijn geen profielen gevonden${huidig.q ? ` voor "${huidig.q}"` : ''}. Probeer andere woorden of minder filters.`
                  : `${aantal(data.totaal, 'profiel gevonden', 'profielen gevonden')}${huidig.q ? ` voor "${huidig.q}"` : ''}.`}
              </p>
              {data.resultaten.length > 0 ? (
                <ol className="resultaten kandidaten-lijst" aria-label="Gevonden profielen">
                  {data.resultaten.map((p) => (
                    <li key={p.publiekId} className="resultaat">
                      <ProfielKaart p={p} href={`/kandidaten/${encodeURIComponent(p.publiekId)}`} kopNiveau={3} />
                    </li>
                  ))}
                </ol>
              ) : null}
              <Paginering
                pagina={pagina}
                totaal={data.totaal}
                paginaGrootte={PAGINA_GROOTTE}
                label="Paginering profielen"
                naar={(pg) => {
                  navigate(buildUrl('/kandidaten', { ...naarQuery(huidig), pagina: pg > 1 ? pg : undefined }));
                  requestAnimationFrame(() => document.getElementById('resultaten-kop')?.focus());
                }}
              />
            </>
          ) : null}
          <p className="nl-paragraph klein">{CONTACT_NOTITIE}</p>
          <ZoekopdrachtBewaren filters={naarQuery(huidig)} />
        </section>
      </div>
    </Pagina>
  );
}

/** One published profile. Opening it is recorded; the person sees that in their own inzage. */
export function KandidaatPagina({ publiekId }: { publiekId: string }) {
  const profiel = useData<PubliekProfiel>((signal) => api.get(`/api/v1/kandidaatprofielen/${encodeURIComponent(publiekId)}`, undefined, signal), [publiekId]);
  const werkgever = heeftRol(useSessie().sessie.gebruiker, 'werkgever');
  const terug = `/kandidaten${sessionStorage.getItem(LAATSTE_ZOEKOPDRACHT) ?? ''}`;
  const p = profiel.data;
  return (
    <Pagina titel={`Kandidaat ${publiekId}`}>
      <p className="nl-paragraph">
        <AppLink href={terug}>Terug naar de zoekresultaten</AppLink>
      </p>
      {profiel.fout ? (
        <Melding type="error">
          {profiel.fout.status === 404 || profiel.fout.status === 400
            ? 'Dit profiel bestaat niet of is niet meer gepubliceerd. Misschien heeft de persoon de toestemming ingetrokken.'
            : profiel.fout.melding}
        </Melding>
      ) : null}
      {profiel.laden && !p ? <Laden /> : null}
      {p ? (
        <>
          <ProfielKaart p={p} kopNiveau={2} kop="Profiel" />
          <Sectie titel="Contact" id="contact">
            <p className="nl-paragraph">{CONTACT_NOTITIE}</p>
            <p className="nl-paragraph">
              De code van dit profiel is <strong>{p.publiekId}</strong>. De persoon kan zien dat u het profiel heeft bekeken.
            </p>
            {werkgever ? <ContactAanvragen publiekId={p.publiekId} /> : null}
          </Sectie>
        </>
      ) : null}
    </Pagina>
  );
}
