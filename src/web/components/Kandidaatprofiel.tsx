import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { OPLEIDINGSNIVEAU_CODES, OPLEIDINGSNIVEAUS, WERKCONDITIE_CODES, WERKCONDITIES } from '../../shared/codes.js';
import { api } from '../api/client.js';
import type { EigenProfiel, ProfielInvoer, PubliekProfiel } from '../api/kandidaten.js';
import type { Functiegroepen } from '../api/matching.js';
import type { PersoonDetail } from '../api/types.js';
import { datumLang } from '../lib/format.js';
import { leesGetal } from '../lib/getallen.js';
import { AppLink } from '../lib/router.js';
import { alsApiError, useData } from '../lib/useData.js';
import { Gegevens, Knop, Laden, Melding, Sectie } from './ui.js';
import { FoutOverzicht, KeuzeVeld, TekstVeld, TekstvakVeld, Vinkje } from './velden.js';
import { VinkjesGroep } from './Vinkjes.js';
import '../styles/kandidaten.css';

/* ------------------------------------------------------------------------------------------------ */
/* What an employer sees                                                                            */
/* ------------------------------------------------------------------------------------------------ */

export function urenTekst(p: { urenMin: number | null; urenMax: number | null }): string | null {
  const { urenMin: min, urenMax: max } = p;
  if (min !== null && max !== null) return min === max ? `${min} uur per week` : `${min} tot ${max} uur per week`;
  if (min !== null) return `Minimaal ${min} uur per week`;
  if (max !== null) return `Maximaal ${max} uur per week`;
  return null;
}

export function beschikbaarTekst(p: { beschikbaarVanaf: string | null; beschikbaarNu: boolean }): string | null {
  if (!p.beschikbaarVanaf) return null;
  return p.beschikbaarNu ? 'Nu beschikbaar' : `Vanaf ${datumLang(p.beschikbaarVanaf)}`;
}

function Lijstje({ items }: { items: string[] }) {
  return (
    <ul className="utrecht-unordered-list profiel-lijstje">
      {items.map((x) => (
        <li key={x} className="utrecht-unordered-list__item">
          {x}
        </li>
      ))}
    </ul>
  );
}

/**
 * One anonymous profile as an employer sees it (search result, detail page and the preview for the
 * person). `href` makes the heading a link; `kopNiveau` fits the page's heading structure.
 */
export function ProfielKaart({ p, href, kopNiveau = 3, kop }: { p: PubliekProfiel; href?: string; kopNiveau?: 2 | 3; kop?: string }) {
  const Kop = `h${kopNiveau}` as 'h2' | 'h3';
  const kopId = useId();
  return (
    <article className="profiel-kaart" aria-labelledby={kopId} data-publiek-id={p.publiekId}>
      <div className="profiel-kaart-kop">
        <Kop className={`nl-heading nl-heading--level-${kopNiveau}`} id={kopId}>
          {href ? <AppLink href={href}>Kandidaat {p.publiekId}</AppLink> : (kop ?? `Kandidaat ${p.publiekId}`)}
        </Kop>
        <ul className="kenmerken">
          <li>Woont in gemeente {p.gemeente}</li>
          {p.beschikbaarNu ? <li>Nu beschikbaar</li> : null}
          {p.banenafspraak ? <li>Banenafspraak</li> : null}
        </ul>
      </div>
      {p.wensen ? (
        <>
          <p className="nl-paragraph profiel-kaart-label">Wensen</p>
          <p className="nl-paragraph profiel-tekst">{p.wensen}</p>
        </>
      ) : null}
      {p.kwaliteiten ? (
        <>
          <p className="nl-paragraph profiel-kaart-label">Kwaliteiten</p>
          <p className="nl-paragraph profiel-tekst">{p.kwaliteiten}</p>
        </>
      ) : null}
      <Gegevens
        items={[
          ['Sectoren', p.sectoren.length > 0 ? p.sectoren.map((s) => s.naam).join(', ') : null],
          ['Gewenste functies', p.gewensteFuncties.length > 0 ? <Lijstje key="f" items={p.gewensteFuncties} /> : null],
          ['Opleidingsniveau', p.opleidingsniveau?.naam ?? null],
          ['Uren', urenTekst(p)],
          ['Beschikbaar', beschikbaarTekst(p)],
          ['Werkomstandigheden', p.werkcondities.length > 0 ? <Lijstje key="w" items={p.werkcondities.map((x) => x.label)} /> : null],
          ['Banenafspraak', p.banenafspraak ? 'Ja, valt onder de banenafspraak (doelgroepregister)' : 'Nee'],
        ]}
      />
    </article>
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* Completeness and publication                                                                     */
/* ------------------------------------------------------------------------------------------------ */

export function Compleetheid({ e, eigen }: { e: EigenProfiel; eigen: boolean }) {
  return (
    <div className="compleetheid">
      <p className="nl-paragraph">
        <strong>{eigen ? `Uw profiel is voor ${e.compleetheid}% ingevuld.` : `Compleetheid: ${e.compleetheid}%`}</strong>
      </p>
      <div className="compleetheid-balk" aria-hidden="true">
        <div className="compleetheid-vulling" style={{ inlineSize: `${Math.max(0, Math.min(100, e.compleetheid))}%` }} />
      </div>
      {e.ontbrekend.length > 0 ? (
        <>
          <p className="nl-paragraph">{eigen ? 'Dit kunt u nog invullen:' : 'Nog niet ingevuld:'}</p>
          <ul className="utrecht-unordered-list ontbrekend">
            {e.ontbrekend.map((o) => (
              <li key={o.veld} className="utrecht-unordered-list__item">
                {o.label}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="nl-paragraph">{eigen ? 'Alles is ingevuld.' : 'Alle onderdelen zijn ingevuld.'}</p>
      )}
    </div>
  );
}

/**
 * Whether employers can find the profile, and why not. `toestemmingHref` points to where consent is
 * recorded (the dossier's consent section, or Mijn toestemmingen for the person).
 */
export function Publicatie({ e, eigen, toestemmingHref }: { e: EigenProfiel; eigen: boolean; toestemmingHref: string | null }) {
  const link = (tekst: string) =>
    toestemmingHref ? (
      toestemmingHref.startsWith('#') ? (
        <a className="nl-link" href={toestemmingHref}>
          {tekst}
        </a>
      ) : (
        <AppLink href={toestemmingHref}>{tekst}</AppLink>
      )
    ) : null;
  if (eigen) {
    return (
      <div className="publicatie">
        <p className="nl-paragraph">
          <span className={`status-label ${e.gepubliceerd ? 'status-label--actief' : 'status-label--afgesloten'}`}>
            {e.gepubliceerd ? 'Werkgevers kunnen uw profiel zien' : 'Werkgevers kunnen uw profiel nu niet zien'}
          </span>
        </p>
        {e.gepubliceerd ? (
          <>
            <p className="nl-paragraph">
              Werkgevers in de regio kunnen uw profiel vinden. Zij zien niet uw naam, adres, telefoonnummer of e-mailadres. Zij zien alleen een code, zoals{' '}
              {e.zoalsWerkgeverZiet?.publiekId ?? 'K-ABC234'}.
            </p>
            <p className="nl-paragraph">
              Wilt u dit niet meer? Trek dan uw toestemming in bij {link('Mijn toestemmingen')}. Werkgevers zien uw profiel dan meteen niet meer.
            </p>
          </>
        ) : e.toestemmingActief ? (
          <p className="nl-paragraph">
            U heeft toestemming gegeven. Maar werkgevers zien uw profiel nu toch niet. {e.aanwezig ? 'Uw dossier is gesloten.' : 'Vul eerst uw profiel in.'}
          </p>
        ) : (
          <p className="nl-paragraph">
            Werkgevers zien uw profiel pas als u daar toestemming voor geeft. Dat kan bij {link('Mijn toestemmingen')}. Kies daar: &quot;Anoniem
            kandidaatprofiel publiceren voor werkgevers&quot;. U kunt uw toestemming altijd weer intrekken.
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="publicatie">
      <p className="nl-paragraph">
        <span className={`status-label ${e.gepubliceerd ? 'status-label--actief' : 'status-label--afgesloten'}`}>
          {e.gepubliceerd ? 'Gepubliceerd' : 'Niet gepubliceerd'}
        </span>
      </p>
      {e.gepubliceerd ? (
        <p className="nl-paragraph">Werkgevers en professionals in de regio kunnen dit profiel vinden, zonder naam of contactgegevens.</p>
      ) : e.toestemmingActief ? (
        <p className="nl-paragraph">
          {e.aanwezig
            ? 'Er is toestemming, maar het dossier is afgesloten. Daarom is het profiel niet te vinden.'
            : 'Er is toestemming, maar nog geen profiel. Zodra het profiel is opgeslagen, kunnen werkgevers het vinden.'}
        </p>
      ) : (
        <p className="nl-paragraph">
          Het profiel wordt pas gepubliceerd als de persoon toestemming geeft voor &quot;Anoniem kandidaatprofiel publiceren voor werkgevers&quot;.{' '}
          {toestemmingHref ? link('Toestemming vastleggen bij Toestemmingen') : 'De klantmanager kan die toestemming vastleggen.'}
        </p>
      )}
    </div>
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* The form                                                                                         */
/* ------------------------------------------------------------------------------------------------ */

const MAX_FUNCTIES = 10;

interface Werk {
  wensen: string;
  kwaliteiten: string;
  sectoren: string[];
  functies: { sleutel: number; naam: string }[];
  opleidingsniveau: string;
  urenMin: string;
  urenMax: string;
  beschikbaarVanaf: string;
  werkcondities: string[];
  banenafspraak: boolean;
}

function beginWaarden(p: PubliekProfiel | null): Werk {
  return {
    wensen: p?.wensen ?? '',
    kwaliteiten: p?.kwaliteiten ?? '',
    sectoren: p?.sectoren.map((s) => s.code) ?? [],
    functies: (p?.gewensteFuncties ?? []).map((naam, i) => ({ sleutel: i, naam })),
    opleidingsniveau: p?.opleidingsniveau?.code ?? '',
    urenMin: p?.urenMin === null || p?.urenMin === undefined ? '' : String(p.urenMin).replace('.', ','),
    urenMax: p?.urenMax === null || p?.urenMax === undefined ? '' : String(p.urenMax).replace('.', ','),
    beschikbaarVanaf: p?.beschikbaarVanaf ?? '',
    werkcondities: p?.werkcondities.map((w) => w.code) ?? [],
    banenafspraak: p?.banenafspraak ?? false,
  };
}

/** Field labels for a professional, and in simple words (B1) for the person. */
function labelsVoor(eigen: boolean) {
  return eigen
    ? {
        wensen: 'Wat voor werk zoekt u?',
        kwaliteiten: 'Waar bent u goed in?',
        sectoren: 'In welke sector wilt u werken?',
        functies: 'Welk werk wilt u graag doen?',
        functie: 'Werk',
        opleidingsniveau: 'Wat is uw hoogste opleiding?',
        urenMin: 'Minimaal aantal uur per week',
        urenMax: 'Maximaal aantal uur per week',
        beschikbaarVanaf: 'Vanaf welke datum kunt u beginnen?',
        werkcondities: 'Wat is belangrijk voor u op het werk?',
        banenafspraak: 'Ik sta in het doelgroepregister (banenafspraak)',
      }
    : {
        wensen: 'Wensen',
        kwaliteiten: 'Kwaliteiten',
        sectoren: 'Sectoren',
        functies: 'Gewenste functies',
        functie: 'Gewenste functie',
        opleidingsniveau: 'Opleidingsniveau',
        urenMin: 'Minimaal uren per week',
        urenMax: 'Maximaal uren per week',
        beschikbaarVanaf: 'Beschikbaar vanaf',
        werkcondities: 'Werkomstandigheden',
        banenafspraak: 'Valt onder de banenafspraak (staat in het doelgroepregister)',
      };
}

/** Maps a server field name (`gewensteFuncties[2]`, `gewensteFuncties.2`, `sectoren.0`) to the form's field. */
function veldNaam(naam: string): string {
  const m = /^gewensteFuncties(?:\[(\d+)\]|\.(\d+))/.exec(naam);
  if (m) return `functie-${m[1] ?? m[2]}`;
  return naam.split(/[.[]/)[0] ?? naam;
}

function uurFout(waarde: number | null, eigen: boolean): string | undefined {
  if (waarde === null) return undefined;
  if (Number.isNaN(waarde) || waarde < 1 || waarde > 60) return eigen ? 'Vul een getal in van 1 tot en met 60.' : 'Vul een aantal uren in van 1 tot en met 60.';
  return undefined;
}

/**
 * The kandidaatprofiel form. Sends `versie` for optimistic locking; a 412 asks to reload. The server
 * refuses contact details in the free texts, per field.
 */
export function ProfielFormulier({
  persoonId,
  e,
  eigen,
  onOpgeslagen,
  onHerladen,
}: {
  persoonId: string;
  e: EigenProfiel;
  eigen: boolean;
  onOpgeslagen: (nieuw: EigenProfiel) => void;
  onHerladen: () => void;
}) {
  const groepen = useData<Functiegroepen>((signal) => api.get('/api/v1/functiegroepen', undefined, signal), []);
  const [w, setW] = useState<Werk>(() => beginWaarden(e.zoalsWerkgeverZiet));
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [bezig, setBezig] = useState(false);
  const volgende = useRef(w.functies.length);
  const focusNa = useRef<string | null>(null);
  const L = labelsVoor(eigen);

  useEffect(() => {
    if (focusNa.current) {
      document.getElementById(focusNa.current)?.focus();
      focusNa.current = null;
    }
  });

  const labels: Record<string, string> = {
    wensen: L.wensen,
    kwaliteiten: L.kwaliteiten,
    sectoren: L.sectoren,
    opleidingsniveau: L.opleidingsniveau,
    urenMin: L.urenMin,
    urenMax: L.urenMax,
    beschikbaarVanaf: L.beschikbaarVanaf,
    werkcondities: L.werkcondities,
    banenafspraak: L.banenafspraak,
    gewensteFuncties: L.functies,
  };
  w.functies.forEach((_, i) => {
    labels[`functie-${i}`] = `${L.functie} ${i + 1}`;
  });

  async function opslaan(ev: FormEvent) {
    ev.preventDefault();
    setAlgemeen(null);
    setConflict(false);
    const f: Record<string, string> = {};
    const min = leesGetal(w.urenMin);
    const max = leesGetal(w.urenMax);
    const fMin = uurFout(min, eigen);
    const fMax = uurFout(max, eigen);
    if (fMin) f.urenMin = fMin;
    if (fMax) f.urenMax = fMax;
    if (!fMin && !fMax && min !== null && max !== null && max < min)
      f.urenMax = eigen ? 'Het maximum is kleiner dan het minimum.' : 'Het maximum aantal uren is kleiner dan het minimum.';
    if (w.beschikbaarVanaf && !/^\d{4}-\d{2}-\d{2}$/.test(w.beschikbaarVanaf)) f.beschikbaarVanaf = 'Vul een datum in, bijvoorbeeld 1-3-2026.';
    const functies: string[] = [];
    w.functies.forEach((fn, i) => {
      const naam = fn.naam.trim();
      if (naam === '') return;
      if (naam.length < 2) f[`functie-${i}`] = 'Vul minimaal 2 tekens in.';
      functies.push(naam);
    });
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    const body: ProfielInvoer = {
      wensen: w.wensen.trim() || null,
      kwaliteiten: w.kwaliteiten.trim() || null,
      sectoren: w.sectoren,
      gewensteFuncties: functies,
      opleidingsniveau: w.opleidingsniveau || null,
      urenMin: min,
      urenMax: max,
      beschikbaarVanaf: w.beschikbaarVanaf || null,
      werkcondities: w.werkcondities,
      banenafspraak: w.banenafspraak,
      ...(e.versie !== null ? { versie: e.versie } : {}),
    };
    setBezig(true);
    try {
      const nieuw = await api.put<EigenProfiel>(`/api/v1/personen/${encodeURIComponent(persoonId)}/kandidaatprofiel`, body);
      onOpgeslagen(nieuw);
    } catch (err) {
      const fout = alsApiError(err);
      if (fout.status === 412) {
        setConflict(true);
        setAlgemeen(
          eigen
            ? 'Iemand anders heeft uw profiel net gewijzigd. Uw wijzigingen zijn niet opgeslagen. Laad het profiel opnieuw en vul uw wijzigingen daarna nog een keer in.'
            : 'Iemand anders heeft dit profiel intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen. Laad het profiel opnieuw en voer uw wijzigingen daarna opnieuw in.',
        );
        setFouten({});
        return;
      }
      const vf: Record<string, string> = {};
      for (const p of fout.invalidParams) {
        const naam = veldNaam(p.name.replace(/^(body|query|params|querystring)\.?/, ''));
        // A server error on a function row points to the row as typed (empty rows were left out).
        const veld = naam.startsWith('functie-') ? functieRij(w, Number(naam.slice(8))) : naam;
        if (!(veld in vf)) vf[veld] = p.reason;
      }
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    } finally {
      setBezig(false);
    }
  }

  const sectoren = groepen.data?.sectoren ?? [];
  const tekstHint = eigen
    ? 'Werkgevers lezen dit. Schrijf er daarom niet uw naam, telefoonnummer, e-mailadres of adres in.'
    : 'Werkgevers lezen deze tekst. Namen, telefoonnummers, e-mailadressen, adressen en een BSN zijn niet toegestaan.';

  return (
    <form className="formulier profiel-formulier" noValidate onSubmit={opslaan} aria-labelledby="profiel-formulier-kop">
      <h2 className="nl-heading nl-heading--level-2" id="profiel-formulier-kop">
        {eigen ? 'Uw profiel invullen of wijzigen' : e.aanwezig ? 'Profiel wijzigen' : 'Profiel invullen'}
      </h2>
      <p className="nl-paragraph">
        {eigen
          ? 'U hoeft niet alles in te vullen. Maar hoe meer u invult, hoe beter een werkgever ziet of u bij zijn bedrijf past.'
          : 'Geen enkel veld is verplicht. Hoe completer het profiel, hoe beter een werkgever kan inschatten of de persoon past.'}
      </p>
      <FoutOverzicht fouten={fouten} labels={labels} algemeen={algemeen} />
      {conflict ? (
        <div className="knoppen">
          <Knop soort="secundair" onClick={onHerladen}>
            Profiel opnieuw laden
          </Knop>
        </div>
      ) : null}
      <TekstvakVeld
        label={L.wensen}
        naam="wensen"
        value={w.wensen}
        onChange={(x) => setW({ ...w, wensen: x.target.value })}
        fout={fouten.wensen}
        hint={
          eigen ? <>Schrijf in uw eigen woorden wat u graag wilt doen. {tekstHint}</> : <>Wat voor werk zoekt deze persoon, in eigen woorden? {tekstHint}</>
        }
        maxLength={2000}
      />
      <TekstvakVeld
        label={L.kwaliteiten}
        naam="kwaliteiten"
        value={w.kwaliteiten}
        onChange={(x) => setW({ ...w, kwaliteiten: x.target.value })}
        fout={fouten.kwaliteiten}
        hint={eigen ? <>Bijvoorbeeld: ik ben altijd op tijd, of ik werk netjes. {tekstHint}</> : <>Sterke punten en ervaring. {tekstHint}</>}
        maxLength={2000}
      />
      <VinkjesGroep
        vraag={L.sectoren}
        naam="sectoren"
        hint={eigen ? 'U mag meer dan één sector kiezen.' : 'Kies een of meer sectoren.'}
        opties={sectoren.map((s) => ({ waarde: s.code, label: s.naam }))}
        gekozen={w.sectoren}
        onWijzig={(sectoren) => setW({ ...w, sectoren })}
        fout={fouten.sectoren}
        leeg={groepen.laden ? 'Bezig met laden…' : 'De sectoren konden niet worden geladen.'}
        className="vinkjes--kolommen"
      />
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset groep functies-bewerker" aria-describedby="functies-hint">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend vinkjes-vraag">{L.functies}</legend>
        <div className="utrecht-form-field-description" id="functies-hint">
          {eigen
            ? `Bijvoorbeeld: medewerker groenvoorziening. U kunt er ${MAX_FUNCTIES} invullen.`
            : `Bijvoorbeeld: medewerker groenvoorziening. Hoogstens ${MAX_FUNCTIES} functies.`}
        </div>
        {fouten.gewensteFuncties ? (
          <div className="utrecht-form-field-error-message" id="veld-gewensteFuncties">
            <span className="rhc-visually-hidden">Fout: </span>
            {fouten.gewensteFuncties}
          </div>
        ) : null}
        {w.functies.length === 0 ? <p className="nl-paragraph klein">{eigen ? 'U heeft nog geen werk ingevuld.' : 'Nog geen functies.'}</p> : null}
        <ul className="functies-lijst">
          {w.functies.map((fn, i) => (
            <li key={fn.sleutel} className="functies-rij">
              <TekstVeld
                label={`${L.functie} ${i + 1}`}
                naam={`functie-${i}`}
                value={fn.naam}
                maxLength={100}
                autoComplete="off"
                fout={fouten[`functie-${i}`]}
                onChange={(x) => setW({ ...w, functies: w.functies.map((g) => (g.sleutel === fn.sleutel ? { ...g, naam: x.target.value } : g)) })}
              />
              <Knop
                soort="subtiel"
                onClick={() => {
                  const rest = w.functies.filter((g) => g.sleutel !== fn.sleutel);
                  setW({ ...w, functies: rest });
                  focusNa.current = rest.length > 0 ? `veld-functie-${Math.min(i, rest.length - 1)}` : 'functie-toevoegen';
                }}
              >
                Weghalen<span className="rhc-visually-hidden">: {`${L.functie.toLowerCase()} ${i + 1}`}</span>
              </Knop>
            </li>
          ))}
        </ul>
        {w.functies.length < MAX_FUNCTIES ? (
          <Knop
            soort="secundair"
            id="functie-toevoegen"
            onClick={() => {
              const sleutel = volgende.current++;
              setW({ ...w, functies: [...w.functies, { sleutel, naam: '' }] });
              focusNa.current = `veld-functie-${w.functies.length}`;
            }}
          >
            {w.functies.length === 0 ? (eigen ? 'Werk toevoegen' : 'Functie toevoegen') : eigen ? 'Nog een werk toevoegen' : 'Nog een functie toevoegen'}
          </Knop>
        ) : null}
      </fieldset>
      <KeuzeVeld
        label={L.opleidingsniveau}
        naam="opleidingsniveau"
        value={w.opleidingsniveau}
        onChange={(x) => setW({ ...w, opleidingsniveau: x.target.value })}
        fout={fouten.opleidingsniveau}
      >
        <option value="">{eigen ? 'Kies uw opleiding' : 'Niet ingevuld'}</option>
        {OPLEIDINGSNIVEAU_CODES.map((c) => (
          <option key={c} value={c}>
            {OPLEIDINGSNIVEAUS[c].label}
          </option>
        ))}
      </KeuzeVeld>
      <div className="uren-velden">
        <TekstVeld
          label={L.urenMin}
          naam="urenMin"
          inputMode="decimal"
          autoComplete="off"
          className="getal-invoer"
          value={w.urenMin}
          onChange={(x) => setW({ ...w, urenMin: x.target.value })}
          fout={fouten.urenMin}
        />
        <TekstVeld
          label={L.urenMax}
          naam="urenMax"
          inputMode="decimal"
          autoComplete="off"
          className="getal-invoer"
          value={w.urenMax}
          onChange={(x) => setW({ ...w, urenMax: x.target.value })}
          fout={fouten.urenMax}
        />
      </div>
      <TekstVeld
        label={L.beschikbaarVanaf}
        naam="beschikbaarVanaf"
        type="date"
        className="datum-invoer"
        value={w.beschikbaarVanaf}
        onChange={(x) => setW({ ...w, beschikbaarVanaf: x.target.value })}
        fout={fouten.beschikbaarVanaf}
      />
      <VinkjesGroep
        vraag={L.werkcondities}
        naam="werkcondities"
        hint={
          eigen
            ? 'Kies wat voor u belangrijk is. Werkgevers zien dit. Schrijf hier niets over uw gezondheid.'
            : 'In gewone woorden, zonder medische termen. Werkgevers zien deze keuzes.'
        }
        opties={WERKCONDITIE_CODES.map((c) => ({ waarde: c, label: WERKCONDITIES[c].label }))}
        gekozen={w.werkcondities}
        onWijzig={(werkcondities) => setW({ ...w, werkcondities })}
        fout={fouten.werkcondities}
        className="vinkjes--kolommen"
      />
      <Vinkje label={L.banenafspraak} naam="banenafspraak" checked={w.banenafspraak} onChange={(x) => setW({ ...w, banenafspraak: x.target.checked })} />
      <div className="knoppen">
        <Knop soort="primair" type="submit" disabled={bezig}>
          {eigen ? 'Mijn profiel opslaan' : 'Profiel opslaan'}
        </Knop>
      </div>
    </form>
  );
}

/** The row index as typed for the n-th non-empty function (empty rows are not sent). */
function functieRij(w: Werk, n: number): string {
  let teller = -1;
  for (const [i, fn] of w.functies.entries()) {
    if (fn.naam.trim() === '') continue;
    teller++;
    if (teller === n) return `functie-${i}`;
  }
  return 'gewensteFuncties';
}

/* ------------------------------------------------------------------------------------------------ */
/* The section in the dossier                                                                       */
/* ------------------------------------------------------------------------------------------------ */

/**
 * Kandidaatprofiel in the dossier: completeness, publication state and the way to the profile page.
 * Shown when the dossier's rights include `kandidaatprofiel.lezen`. `toestemmingVersie` changes when a
 * consent is given or withdrawn on the same page: publication depends on it, so the state is read again.
 */
export function KandidaatprofielDossier({ p, eigen, toestemmingVersie = 0 }: { p: PersoonDetail; eigen: boolean; toestemmingVersie?: number }) {
  const rechten = p.rechten as string[];
  const lezen = rechten.includes('kandidaatprofiel.lezen');
  const pad = `/api/v1/personen/${encodeURIComponent(p.id)}/kandidaatprofiel`;
  const profiel = useData<EigenProfiel | null>((signal) => (lezen ? api.get(pad, undefined, signal) : Promise.resolve(null)), [pad, lezen, toestemmingVersie]);
  useAnker(Boolean(profiel.data) || Boolean(profiel.fout));
  if (!lezen) return null;
  const e = profiel.data;
  const paginaHref = eigen ? '/mijn-gegevens/profiel-voor-werkgevers' : `/personen/${encodeURIComponent(p.id)}/kandidaatprofiel`;
  const toestemmingHref = eigen ? '/mijn-gegevens/toestemmingen' : rechten.includes('toestemming.lezen') ? '#toestemmingen-kop' : null;
  return (
    <Sectie titel={eigen ? 'Mijn profiel voor werkgevers' : 'Kandidaatprofiel voor werkgevers'} id="kandidaatprofiel">
      <p className="nl-paragraph">
        {eigen
          ? 'Werkgevers kunnen zoeken naar mensen die werk zoeken. Met uw profiel laat u zien wat voor werk u zoekt. Werkgevers zien niet wie u bent.'
          : 'Een anoniem profiel waarmee werkgevers in de regio kandidaten vinden: wensen, kwaliteiten, uren en werkomstandigheden, zonder naam of contactgegevens.'}
      </p>
      {profiel.fout ? <Melding type="error">{profiel.fout.melding}</Melding> : null}
      {profiel.laden && !e ? <Laden /> : null}
      {e ? (
        <div className="profiel-samenvatting">
          <Compleetheid e={e} eigen={eigen} />
          <Publicatie e={e} eigen={eigen} toestemmingHref={toestemmingHref} />
        </div>
      ) : null}
      {e ? (
        <div className="knoppen">
          <AppLink href={paginaHref} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action">
            {eigen
              ? e.magBeheren
                ? 'Mijn profiel bekijken of wijzigen'
                : 'Mijn profiel bekijken'
              : e.magBeheren && p.status !== 'afgesloten'
                ? e.aanwezig
                  ? 'Kandidaatprofiel bekijken of wijzigen'
                  : 'Kandidaatprofiel invullen'
                : 'Kandidaatprofiel bekijken'}
          </AppLink>
        </div>
      ) : null}
    </Sectie>
  );
}

/**
 * The dossier loads its sections after the data arrives, so the browser cannot scroll to a `#anker`
 * in the address by itself; do it once the content is there (e.g. `#toestemmingen-kop`).
 */
function useAnker(klaar: boolean) {
  const gedaan = useRef(false);
  useEffect(() => {
    if (!klaar || gedaan.current) return;
    gedaan.current = true;
    const anker = decodeURIComponent(window.location.hash.slice(1));
    if (!anker) return;
    const doel = document.getElementById(anker);
    if (!doel) return;
    if (!doel.hasAttribute('tabindex')) doel.setAttribute('tabindex', '-1');
    doel.scrollIntoView();
    doel.focus({ preventScroll: true });
  }, [klaar]);
}
