import { type FormEvent, useState } from 'react';
import { api, buildUrl } from '../api/client.js';
import type { Functiegroepen, Match, PassendeFuncties, Verwant } from '../api/matching.js';
import type { PersoonDetail } from '../api/types.js';
import { Disclaimer, FunctieZoeker, matchOordeel, matchTelling, OordeelLabel, UitlegLijst, uren } from '../components/Matching.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Laden, Melding, Paginering, Sectie } from '../components/ui.js';
import { FoutOverzicht, KeuzeVeld, TekstVeld, Vinkje } from '../components/velden.js';
import { aantal, volledigeNaam } from '../lib/format.js';
import { leesGetal } from '../lib/getallen.js';
import { AppLink, navigate, useLocatie } from '../lib/router.js';
import { useData } from '../lib/useData.js';
import '../styles/matching.css';

const PAGINA_GROOTTE = 20;

interface Filters {
  wens: string;
  opleidingsniveau: string;
  urenMin: string;
  urenMax: string;
  groep: string;
  alle: string;
  pagina?: number | undefined;
}

/**
 * Passende functies for one person: the wished function's verdict with the reason per FML item, related
 * functions that do fit, and the ranked list with filters. The page state lives in the URL.
 */
export function PassendeFunctiesPagina({ id }: { id: string }) {
  const persoonPad = `/api/v1/personen/${encodeURIComponent(id)}`;
  const eigenPad = `/personen/${encodeURIComponent(id)}/passende-functies`;
  const { zoek } = useLocatie();
  const persoon = useData<PersoonDetail>((signal) => api.get(persoonPad, undefined, signal), [persoonPad]);
  const groepen = useData<Functiegroepen>((signal) => api.get('/api/v1/functiegroepen', undefined, signal), []);
  const p = persoon.data;
  // The dossier may carry the person's wish; an explicit choice in the URL ("geen" = none) wins.
  const standaardWens = (p as (PersoonDetail & { gewensteFunctieId?: string | null }) | null)?.gewensteFunctieId ?? '';
  const f: Filters = {
    wens: zoek.get('wens') ?? standaardWens,
    opleidingsniveau: zoek.get('opleidingsniveau') ?? '',
    urenMin: zoek.get('urenMin') ?? '',
    urenMax: zoek.get('urenMax') ?? '',
    groep: zoek.get('groep') ?? '',
    alle: zoek.get('alle') ?? '',
  };
  const pagina = Math.max(1, Number(zoek.get('pagina') ?? '1') || 1);
  const wensId = f.wens && f.wens !== 'geen' ? f.wens : '';
  const query = {
    wens: wensId,
    opleidingsniveau: f.opleidingsniveau,
    urenMin: f.urenMin,
    urenMax: f.urenMax,
    groep: f.groep,
    inclusiefNietPassend: f.alle === 'ja' ? 'ja' : '',
    limit: PAGINA_GROOTTE,
    offset: (pagina - 1) * PAGINA_GROOTTE,
  };
  const sleutel = JSON.stringify(query);
  const lijst = useData<PassendeFuncties>(
    (signal) => (p ? api.get(`${persoonPad}/passende-functies`, query, signal) : new Promise<PassendeFuncties>(() => undefined)),
    [persoonPad, sleutel, Boolean(p)],
  );

  const naar = (nieuw: Partial<Filters>, focus?: string) => {
    const v = { ...f, pagina: undefined, ...nieuw };
    navigate(
      buildUrl(eigenPad, {
        wens: v.wens === standaardWens ? '' : v.wens || (standaardWens ? 'geen' : ''),
        opleidingsniveau: v.opleidingsniveau,
        urenMin: v.urenMin,
        urenMax: v.urenMax,
        groep: v.groep,
        alle: v.alle,
        pagina: v.pagina && v.pagina > 1 ? v.pagina : undefined,
      }),
    );
    if (focus) requestAnimationFrame(() => document.getElementById(focus)?.focus());
  };

  const data = lijst.data;
  const fout = persoon.fout ?? lijst.fout;
  return (
    <Pagina titel="Passende functies" kop={p ? `Passende functies: ${volledigeNaam(p)}` : 'Passende functies'}>
      <p className="nl-paragraph">
        <AppLink href={`/personen/${encodeURIComponent(id)}`}>Terug naar het dossier</AppLink>
        {' · '}
        <AppLink href={`/personen/${encodeURIComponent(id)}/belastbaarheid`}>Belastbaarheid bekijken</AppLink>
      </p>
      {fout ? (
        <Melding type="error">
          {fout.status === 404 && wensId && !persoon.fout ? (
            <>
              <p className="nl-paragraph">De gekozen gewenste functie bestaat niet (meer) in de catalogus van uw regio.</p>
              <Knop soort="secundair" onClick={() => naar({ wens: 'geen' })}>
                Gewenste functie weghalen
              </Knop>
            </>
          ) : fout.status === 404 || fout.status === 403 ? (
            'Dit dossier bestaat niet, of u mag de belastbaarheid niet inzien.'
          ) : (
            fout.melding
          )}
        </Melding>
      ) : null}
      {!fout && !data ? <Laden /> : null}
      {p && data ? (
        <>
          <Disclaimer tekst={data.disclaimer} />
          {!data.profielAanwezig ? (
            <Melding type="warning" kop="Er is nog geen belastbaarheid vastgelegd">
              <p className="nl-paragraph">
                Zonder belastbaarheidsprofiel kan Passend niet zeggen welke functies passen: elke functie lijkt dan te passen.{' '}
                <AppLink href={`/personen/${encodeURIComponent(id)}/belastbaarheid`}>Belastbaarheid vastleggen of bekijken</AppLink>
              </p>
            </Melding>
          ) : (
            <p className="nl-paragraph">
              Het profiel van {p.voornaam} heeft {aantal(data.aantalBeperkingen, 'onderdeel', 'onderdelen')} met een beperking. Een functie past als zij op geen
              enkel onderdeel meer vraagt dan {p.voornaam} kan, of als er een werkplekaanpassing voor is.
            </p>
          )}

          <Sectie titel="Gewenste functie" id="wens">
            {data.wens ? (
              <WensOordeel wens={data.wens} voornaam={p.voornaam} />
            ) : (
              <p className="nl-paragraph">
                Kies de functie die {p.voornaam} graag wil doen. U ziet dan of die past, waarom, en welke verwante functies wel passen.
              </p>
            )}
            <div className="kader">
              <FunctieZoeker
                naam="wens"
                label={data.wens ? 'Andere gewenste functie kiezen' : 'Zoek de gewenste functie'}
                hint="Typ een deel van de naam of een taak, bijvoorbeeld metselaar of inpakken."
                kiesTekst="Kies als gewenste functie"
                onKies={(functie) => naar({ wens: functie.id }, 'wens-kop')}
              />
              {data.wens ? (
                <Knop soort="subtiel" onClick={() => naar({ wens: 'geen' }, 'wens-kop')}>
                  Gewenste functie weghalen
                </Knop>
              ) : null}
            </div>
          </Sectie>

          <FilterFormulier filters={f} groepen={groepen.data} onToepassen={(nieuw) => naar(nieuw, 'resultaten-kop')} />

          <section className="sectie" aria-labelledby="resultaten-kop">
            <h2 className="nl-heading nl-heading--level-2" id="resultaten-kop" tabIndex={-1}>
              {f.alle === 'ja' ? 'Alle functies, best passend eerst' : 'Passende functies, best passend eerst'}
            </h2>
            <p className="nl-paragraph" role="status">
              {f.alle === 'ja'
                ? `${aantal(data.totaal, 'functie', 'functies')} gevonden.`
                : data.totaal === 0
                  ? 'Er zijn geen functies gevonden die passen met deze filters.'
                  : `${aantal(data.totaal, 'functie past', 'functies passen')}.`}
            </p>
            {data.resultaten.length > 0 ? (
              <ol className="resultaten" start={(pagina - 1) * PAGINA_GROOTTE + 1} aria-label="Functies">
                {data.resultaten.map((m, n) => (
                  <li key={m.functie.id} className="resultaat">
                    <MatchKaart m={m} rang={(pagina - 1) * PAGINA_GROOTTE + n + 1} />
                  </li>
                ))}
              </ol>
            ) : null}
            <Paginering
              pagina={pagina}
              totaal={data.totaal}
              paginaGrootte={PAGINA_GROOTTE}
              label="Paginering passende functies"
              naar={(pg) => naar({ pagina: pg }, 'resultaten-kop')}
            />
          </section>
        </>
      ) : null}
    </Pagina>
  );
}

function WensOordeel({ wens, voornaam }: { wens: NonNullable<PassendeFuncties['wens']>; voornaam: string }) {
  const b = wens.beoordeling;
  const o = matchOordeel(b);
  const nietPast = b.uitleg.filter((u) => u.oordeel !== 'past');
  const past = b.uitleg.filter((u) => u.oordeel === 'past');
  return (
    <>
      <article className={`wens wens--${o.oordeel}`} aria-labelledby="wens-naam" id="wens-oordeel">
        <div className="wens-kop">
          <h3 className="nl-heading nl-heading--level-3" id="wens-naam">
            <AppLink href={`/functies/${encodeURIComponent(b.functie.id)}`}>{b.functie.naam}</AppLink>
          </h3>
          <OordeelLabel oordeel={o.oordeel} tekst={o.tekst} />
        </div>
        <p className="nl-paragraph wens-conclusie">
          {b.passend ? `${b.functie.naam} past bij wat ${voornaam} kan.` : `${b.functie.naam} past niet bij wat ${voornaam} kan.`}{' '}
          <span className="klein">{matchTelling(b)}</span>
        </p>
        {nietPast.length > 0 ? (
          <>
            <p className="nl-paragraph">
              <strong>{b.passend ? 'Let op:' : 'Waarom niet:'}</strong>
            </p>
            <UitlegLijst uitleg={nietPast} label={`Waarom ${b.functie.naam} ${b.passend ? 'aandacht vraagt' : 'niet past'}`} />
          </>
        ) : null}
        {past.length > 0 ? (
          <details className="uitklap">
            <summary>Onderdelen die wel passen ({past.length})</summary>
            <UitlegLijst uitleg={past} />
          </details>
        ) : null}
      </article>

      <section aria-labelledby="verwant-kop">
        <h3 className="nl-heading nl-heading--level-3" id="verwant-kop">
          Verwante functies die wel passen
        </h3>
        {wens.verwant.length === 0 ? (
          <p className="nl-paragraph">Er zijn geen verwante functies (zelfde functiegroep of dezelfde taken) gevonden die passen.</p>
        ) : (
          <>
            <p className="nl-paragraph">
              Functies in dezelfde functiegroep als {b.functie.naam}, of met dezelfde taken, die wel passen bij wat {voornaam} kan.
            </p>
            <ul className="resultaten verwant-lijst">
              {wens.verwant.map((v) => (
                <li key={v.functie.id} className="resultaat">
                  <MatchKaart m={v} kopNiveau={4} verwant={v} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function MatchKaart({ m, rang, kopNiveau = 3, verwant }: { m: Match; rang?: number; kopNiveau?: 3 | 4; verwant?: Verwant }) {
  const o = matchOordeel(m);
  const Kop = `h${kopNiveau}` as 'h3' | 'h4';
  const aandacht = m.uitleg.filter((u) => u.oordeel !== 'past');
  return (
    <>
      <div className="resultaat-kop">
        <Kop className={`nl-heading nl-heading--level-${kopNiveau}`}>
          {rang ? <span className="resultaat-rang">{rang}. </span> : null}
          <AppLink href={`/functies/${encodeURIComponent(m.functie.id)}`}>{m.functie.naam}</AppLink>
        </Kop>
        <OordeelLabel oordeel={o.oordeel} tekst={o.tekst} />
      </div>
      <ul className="kenmerken">
        <li>{m.functie.groepNaam}</li>
        <li>{m.functie.opleidingsniveauNaam}</li>
        <li>{uren(m.functie)}</li>
        {m.functie.eigen ? <li>Eigen functie van de gemeente</li> : null}
      </ul>
      {verwant ? (
        <p className="nl-paragraph">
          {verwant.zelfdeGroep ? 'Zelfde functiegroep.' : null}
          {verwant.zelfdeGroep && verwant.gedeeldeTaken.length > 0 ? ' ' : null}
          {verwant.gedeeldeTaken.length > 0 ? `Dezelfde taken: ${verwant.gedeeldeTaken.join(', ').toLowerCase()}.` : null}
        </p>
      ) : null}
      <p className="nl-paragraph klein">{matchTelling(m)}</p>
      <details className="uitklap">
        <summary>
          Uitleg per onderdeel<span className="rhc-visually-hidden">: {m.functie.naam}</span> ({m.uitleg.length})
        </summary>
        <UitlegLijst uitleg={aandacht.length > 0 ? [...aandacht, ...m.uitleg.filter((u) => u.oordeel === 'past')] : m.uitleg} />
      </details>
    </>
  );
}

function FilterFormulier({ filters, groepen, onToepassen }: { filters: Filters; groepen: Functiegroepen | null; onToepassen: (f: Partial<Filters>) => void }) {
  const [w, setW] = useState(filters);
  const [fouten, setFouten] = useState<Record<string, string>>({});

  function toepassen(e: FormEvent) {
    e.preventDefault();
    const f: Record<string, string> = {};
    const min = leesGetal(w.urenMin);
    const max = leesGetal(w.urenMax);
    if (min !== null && (Number.isNaN(min) || min < 0 || min > 60)) f.urenMin = 'Vul een aantal uren in van 0 tot en met 60.';
    if (max !== null && (Number.isNaN(max) || max < 0 || max > 60)) f.urenMax = 'Vul een aantal uren in van 0 tot en met 60.';
    if (!f.urenMin && !f.urenMax && min !== null && max !== null && max < min) f.urenMax = 'Het maximum is kleiner dan het minimum.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    onToepassen({
      opleidingsniveau: w.opleidingsniveau,
      urenMin: min === null ? '' : String(min),
      urenMax: max === null ? '' : String(max),
      groep: w.groep,
      alle: w.alle,
    });
  }

  return (
    <section className="zoekvak" aria-labelledby="filters-kop">
      <h2 className="nl-heading nl-heading--level-2" id="filters-kop">
        Filters
      </h2>
      <form className="filterformulier" noValidate onSubmit={toepassen} aria-labelledby="filters-kop">
        <FoutOverzicht fouten={fouten} labels={{ urenMin: 'Minimaal aantal uren per week', urenMax: 'Maximaal aantal uren per week' }} />
        <KeuzeVeld
          label="Hoogste opleidingsniveau"
          naam="opleidingsniveau"
          value={w.opleidingsniveau}
          onChange={(e) => setW({ ...w, opleidingsniveau: e.target.value })}
        >
          <option value="">Alle niveaus</option>
          {(groepen?.opleidingsniveaus ?? []).map((o) => (
            <option key={o.code} value={o.code}>
              {o.naam}
            </option>
          ))}
        </KeuzeVeld>
        <KeuzeVeld label="Functiegroep" naam="groep" value={w.groep} onChange={(e) => setW({ ...w, groep: e.target.value })}>
          <option value="">Alle functiegroepen</option>
          {(groepen?.groepen ?? []).map((g) => (
            <option key={g.code} value={g.code}>
              {g.naam}
            </option>
          ))}
        </KeuzeVeld>
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
        <Vinkje
          label="Ook functies tonen die niet passen"
          naam="alle"
          checked={w.alle === 'ja'}
          onChange={(e) => setW({ ...w, alle: e.target.checked ? 'ja' : '' })}
        />
        <div className="knoppen">
          <Knop soort="primair" type="submit">
            Filters toepassen
          </Knop>
        </div>
      </form>
    </section>
  );
}
