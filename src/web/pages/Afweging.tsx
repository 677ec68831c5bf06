import { type FormEvent, type ReactNode, useState } from 'react';
import { TRAJECTROUTE_CODES, TRAJECTROUTES, type Trajectroute } from '../../shared/codes.js';
import {
  type Advies,
  type Afweging,
  type AfwegingenOverzicht,
  type ArgumentenOverzicht,
  BRON_LABEL,
  type Casusoverleg,
  EENS_LABEL,
  type FactorInfo,
  type Factorwaarde,
  type KaderInfo,
  type Voorinvulling,
} from '../api/afweging.js';
import { api } from '../api/client.js';
import type { PersoonDetail } from '../api/types.js';
import { AdviesWeergave, Signaleringen } from '../components/AfwegingAdvies.js';
import { KeuzeRondjes } from '../components/KeuzeRondjes.js';
import { Pagina } from '../components/Pagina.js';
import { Gegevens, Knop, Laden, Melding, Sectie } from '../components/ui.js';
import { FoutOverzicht, KeuzeVeld, TekstVeld, TekstvakVeld, Vinkje } from '../components/velden.js';
import { datumLang, tijdstip, volledigeNaam } from '../lib/format.js';
import { vandaagIso } from '../lib/getallen.js';
import { AppLink } from '../lib/router.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/afweging.css';
import '../styles/toolkit.css';

/* ------------------------------------------------------------------------------------------------ */
/* Factor form helpers                                                                              */
/* ------------------------------------------------------------------------------------------------ */

const GROEPEN: { titel: string; codes: string[] }[] = [
  { titel: 'Motivatie en eigen wens', codes: ['motivatie', 'eigen_wens'] },
  {
    titel: 'Waar staat de persoon',
    codes: ['participatieladder', 'werkervaring', 'belastbaarheid_bekend', 'ondersteuning_werkplek', 'uwv_regeling', 'taalvaardigheid'],
  },
  {
    titel: 'Leefgebieden en zorg',
    codes: [
      'financien',
      'huisvesting',
      'geestelijke_gezondheid',
      'lichamelijke_gezondheid',
      'middelengebruik',
      'sociaal_netwerk',
      'zorgbehoefte',
      'kinderopvang',
    ],
  },
];

const veldNaam = (code: string) => `af-${code}`;

/** The select value for a stored value. */
function alsTekst(w: Factorwaarde | undefined): string {
  if (w === null || w === undefined) return '';
  if (typeof w === 'boolean') return w ? 'ja' : 'nee';
  if (Array.isArray(w)) return w.join(',');
  return String(w);
}

function alsWaarde(f: FactorInfo, tekst: string): Factorwaarde {
  if (tekst === '') return null;
  switch (f.waarde.soort) {
    case 'schaal':
    case 'getal':
      return Number(tekst);
    case 'janee':
      return tekst === 'ja';
    case 'gronden':
      return tekst.split(',').filter(Boolean);
    default:
      return tekst;
  }
}

/** Maps API field names (`factorwaarden.motivatie`, `toelichtingen.x`) to this form's fields. */
function naarVeld(naam: string): string {
  if (naam.startsWith('factorwaarden.')) return veldNaam(naam.slice('factorwaarden.'.length));
  if (naam.startsWith('toelichtingen.')) return `af-toelichting-${naam.slice('toelichtingen.'.length)}`;
  return naam;
}

/* ------------------------------------------------------------------------------------------------ */
/* Page                                                                                             */
/* ------------------------------------------------------------------------------------------------ */

export function AfwegingPagina({ id, eigen = false }: { id: string; eigen?: boolean }) {
  const basis = `/api/v1/personen/${encodeURIComponent(id)}`;
  const persoon = useData<PersoonDetail>((signal) => api.get(basis, undefined, signal), [basis]);
  const overzicht = useData<AfwegingenOverzicht>((signal) => api.get(`${basis}/afwegingen`, undefined, signal), [basis]);
  const p = persoon.data;
  const titel = eigen ? 'Welke stap past bij mij?' : p ? `Afweging ${volledigeNaam(p)}` : 'Afweging';
  const fout = persoon.fout ?? overzicht.fout;
  return (
    <Pagina
      titel={titel}
      kop={eigen ? 'Welke stap past bij mij?' : p ? `Afweging: ${volledigeNaam(p)}` : 'Afweging'}
      intro={
        eigen
          ? 'Hier ziet u welke stap naar werk of meedoen het best bij u past, en waarom. Dit is een advies. U en uw klantmanager besluiten samen.'
          : 'Het afwegingskader zet de argumenten voor en tegen elke route op een rij. Het geeft advies, geen besluit: u en de persoon besluiten samen en schrijven op waarom.'
      }
    >
      {p && !eigen ? (
        <p className="nl-paragraph">
          <AppLink href={`/personen/${p.id}`}>Terug naar het dossier</AppLink>
        </p>
      ) : null}
      {fout ? (
        <Melding type="error">{fout.status === 404 || fout.status === 403 ? 'Dit dossier bestaat niet, of u mag het niet inzien.' : fout.melding}</Melding>
      ) : null}
      {(persoon.laden && !p) || (overzicht.laden && !overzicht.data) ? <Laden /> : null}
      {p && overzicht.data ? (
        eigen ? (
          <EigenAfweging overzicht={overzicht.data} onGewijzigd={overzicht.herlaad} />
        ) : (
          <ProfessionalAfweging p={p} overzicht={overzicht.data} onGewijzigd={overzicht.herlaad} />
        )
      ) : null}
    </Pagina>
  );
}

function ProfessionalAfweging({ p, overzicht, onGewijzigd }: { p: PersoonDetail; overzicht: AfwegingenOverzicht; onGewijzigd: () => void }) {
  const [melding, setMelding] = useState<string | null>(null);
  const laatste = overzicht.afwegingen[0] ?? null;
  const eerdere = overzicht.afwegingen.slice(1);
  const schrijven = overzicht.magSchrijven && p.status !== 'afgesloten';
  return (
    <>
      {melding ? <Melding type="ok">{melding}</Melding> : null}
      <Sectie titel="Laatste afweging" id="laatste">
        {laatste ? (
          <AfwegingDetail persoonId={p.id} a={laatste} schrijven={schrijven} onGewijzigd={onGewijzigd} kopNiveau={3} />
        ) : (
          <p className="nl-paragraph">Er is nog geen afweging gemaakt.</p>
        )}
      </Sectie>
      {schrijven ? (
        <Sectie titel={laatste ? 'Nieuwe afweging maken' : 'Afweging maken'} id="nieuw">
          <FactorFormulier
            p={p}
            vorige={laatste}
            onBewaard={() => {
              setMelding('De afweging is bewaard. Het advies staat hieronder bij "Laatste afweging".');
              onGewijzigd();
              document.querySelector<HTMLElement>('h1')?.focus();
            }}
          />
        </Sectie>
      ) : null}
      <Sectie titel="Casusoverleg" id="casusoverleg">
        <Casusoverleggen persoonId={p.id} afwegingId={laatste?.id ?? null} schrijven={schrijven} />
      </Sectie>
      {eerdere.length > 0 ? (
        <Sectie titel="Eerdere afwegingen" id="eerder">
          {eerdere.map((a) => (
            <details key={a.id} className="beoordeling">
              <summary className="beoordeling-samenvatting">
                {tijdstip(a.aangemaaktOp)} · {a.auteur}
                {a.besluiten[0] ? ` · besluit: ${a.besluiten[0].routeLabel}` : ''}
              </summary>
              <AfwegingDetail persoonId={p.id} a={a} schrijven={false} onGewijzigd={onGewijzigd} kopNiveau={3} />
            </details>
          ))}
        </Sectie>
      ) : null}
    </>
  );
}

function KaderRegel({ kader }: { kader: KaderInfo }) {
  return <p className="nl-paragraph klein">Berekend met: {kader.omschrijving}</p>;
}

function AfwegingDetail({
  persoonId,
  a,
  schrijven,
  onGewijzigd,
  kopNiveau,
}: {
  persoonId: string;
  a: Afweging;
  schrijven: boolean;
  onGewijzigd: () => void;
  kopNiveau: 3;
}) {
  const [besluitOpen, setBesluitOpen] = useState(false);
  return (
    <div className="afweging" data-afweging={a.id}>
      <p className="nl-paragraph klein">
        Gemaakt op {tijdstip(a.aangemaaktOp)} door {a.auteur}.
      </p>
      <KaderRegel kader={a.kader} />
      <Signaleringen lijst={a.signaleringen} />
      <AdviesWeergave advies={a.advies} kopNiveau={kopNiveau} />
      <details className="route-details">
        <summary>De gebruikte waarden ({a.factorwaarden.length})</summary>
        <Gegevens
          items={a.factorwaarden.map((f) => [
            f.label,
            <span key={f.factor}>
              {f.waardeTekst} <span className="bron-label">({f.beschermdeGrond ? 'telt niet mee' : (BRON_LABEL[f.bron] ?? f.bron)})</span>
              {f.toelichting ? <span className="blok klein">{f.toelichting}</span> : null}
            </span>,
          ])}
        />
      </details>
      <Gegevens
        items={[
          ['Visie van de professional', a.visieProfessional],
          [
            'Mening van de persoon',
            a.visiePersoon ? (
              <span key="v">
                {a.visiePersoon}
                <span className="blok klein">
                  Vastgelegd {a.visiePersoonOp ? tijdstip(a.visiePersoonOp) : ''} door {a.visiePersoonDoor}
                </span>
              </span>
            ) : null,
          ],
        ]}
      />
      {schrijven ? <VisieFormulier persoonId={persoonId} a={a} eigen={false} onOpgeslagen={onGewijzigd} /> : null}
      <h3 className="nl-heading nl-heading--level-3">Besluit</h3>
      {a.besluiten.length === 0 ? <p className="nl-paragraph">Er is nog geen besluit vastgelegd.</p> : null}
      {a.besluiten.map((b) => (
        <div key={b.id} className="beoordeling" data-besluit={b.id}>
          <Gegevens
            items={[
              ['Gekozen route', b.routeLabel],
              ['Redenen', b.redenen],
              ['Is de persoon het eens?', EENS_LABEL[b.persoonEens]],
              ['Reactie van de persoon', b.reactiePersoon],
              ['Volgt het advies?', b.volgtAdvies ? 'Ja' : 'Nee, wijkt af (de redenen staan hierboven)'],
              ['Datum', `${datumLang(b.besluitdatum)}, vastgelegd door ${b.vastgelegdDoor}`],
            ]}
          />
          <Signaleringen lijst={b.signaleringen} />
        </div>
      ))}
      {schrijven ? (
        besluitOpen ? (
          <BesluitFormulier
            persoonId={persoonId}
            a={a}
            onOpgeslagen={() => {
              setBesluitOpen(false);
              onGewijzigd();
            }}
            onAnnuleren={() => setBesluitOpen(false)}
          />
        ) : (
          <Knop soort="primair" onClick={() => setBesluitOpen(true)}>
            Besluit vastleggen
          </Knop>
        )
      ) : null}
    </div>
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* Entering factor values                                                                           */
/* ------------------------------------------------------------------------------------------------ */

function FactorFormulier({ p, vorige, onBewaard }: { p: PersoonDetail; vorige: Afweging | null; onBewaard: () => void }) {
  const catalogus = useData<ArgumentenOverzicht>(
    (signal) => api.get(`/api/v1/afwegingskader/argumenten?gemeenteId=${encodeURIComponent(p.gemeente.id)}`, undefined, signal),
    [p.gemeente.id],
  );
  const voor = useData<Voorinvulling>((signal) => api.get(`/api/v1/personen/${encodeURIComponent(p.id)}/afwegingen/voorinvulling`, undefined, signal), [p.id]);
  if (catalogus.fout || voor.fout) return <Melding type="error">{(catalogus.fout ?? voor.fout)!.melding}</Melding>;
  if (!catalogus.data || !voor.data) return <Laden />;
  return <FactorInvoer p={p} catalogus={catalogus.data} voor={voor.data} vorige={vorige} onBewaard={onBewaard} />;
}

function FactorInvoer({
  p,
  catalogus,
  voor,
  vorige,
  onBewaard,
}: {
  p: PersoonDetail;
  catalogus: ArgumentenOverzicht;
  voor: Voorinvulling;
  vorige: Afweging | null;
  onBewaard: () => void;
}) {
  const factoren = catalogus.factoren;
  const beginwaarden: Record<string, string> = {};
  for (const f of factoren) {
    const oud = vorige?.factorwaarden.find((x) => x.factor === f.code)?.waarde;
    const w = voor.waarden[f.code] ?? oud;
    beginwaarden[f.code] = alsTekst(w);
  }
  const [waarden, setWaarden] = useState<Record<string, string>>(beginwaarden);
  const [toelichtingen, setToelichtingen] = useState<Record<string, string>>({});
  const [visieProfessional, setVisieProfessional] = useState('');
  const [visiePersoon, setVisiePersoon] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [voorbeeld, setVoorbeeld] = useState<Advies | null>(null);
  const [bezig, setBezig] = useState(false);

  const labels: Record<string, string> = Object.fromEntries(factoren.map((f) => [veldNaam(f.code), f.label]));
  function body() {
    const factorwaarden: Record<string, Factorwaarde> = {};
    for (const f of factoren) {
      if (!f.vastleggen) continue;
      const w = alsWaarde(f, waarden[f.code] ?? '');
      if (w !== null && !(Array.isArray(w) && w.length === 0)) factorwaarden[f.code] = w;
    }
    const t = Object.fromEntries(Object.entries(toelichtingen).filter(([, v]) => v.trim()));
    return { factorwaarden, toelichtingen: t, visieProfessional: visieProfessional.trim() || null, visiePersoon: visiePersoon.trim() || null };
  }
  function toonFout(err: unknown) {
    const fout = alsApiError(err);
    const vf = Object.fromEntries(Object.entries(fout.veldFouten()).map(([k, v]) => [naarVeld(k), v]));
    setFouten(vf);
    setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
  }
  async function bekijk() {
    setAlgemeen(null);
    setFouten({});
    try {
      const { factorwaarden, toelichtingen: t, visieProfessional: vp } = body();
      const r = await api.post<{ advies: Advies }>('/api/v1/afwegingskader/advies', {
        gemeenteId: p.gemeente.id,
        factorwaarden,
        toelichtingen: t,
        visieProfessional: vp,
      });
      setVoorbeeld(r.advies);
    } catch (err) {
      toonFout(err);
    }
  }
  async function bewaar(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    setFouten({});
    setBezig(true);
    try {
      await api.post(`/api/v1/personen/${encodeURIComponent(p.id)}/afwegingen`, body());
      onBewaard();
    } catch (err) {
      toonFout(err);
    } finally {
      setBezig(false);
    }
  }

  const veld = (f: FactorInfo) => {
    const naam = veldNaam(f.code);
    const bron = voor.bronnen[f.code];
    const label = (
      <>
        {f.label}
        {bron ? <span className="bron-label"> ({BRON_LABEL[bron] ?? bron})</span> : null}
      </>
    );
    if (f.waarde.soort === 'gronden') {
      const gekozen = new Set((waarden[f.code] ?? '').split(',').filter(Boolean));
      return (
        <fieldset key={f.code} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset rondjes">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend rondjes-vraag">{f.label}</legend>
          <div className="utrecht-form-field-description">{f.omschrijving}</div>
          {f.waarde.opties.map((o) => (
            <Vinkje
              key={o.code}
              naam={`${naam}-${o.code}`}
              label={o.label}
              checked={gekozen.has(o.code)}
              onChange={(e) => {
                const s = new Set(gekozen);
                if (e.target.checked) s.add(o.code);
                else s.delete(o.code);
                setWaarden({ ...waarden, [f.code]: [...s].join(',') });
              }}
            />
          ))}
        </fieldset>
      );
    }
    if (f.waarde.soort === 'getal') {
      return (
        <TekstVeld
          key={f.code}
          label={label}
          naam={naam}
          inputMode="numeric"
          autoComplete="off"
          className="getal-invoer"
          value={waarden[f.code] ?? ''}
          onChange={(e) => setWaarden({ ...waarden, [f.code]: e.target.value.replace(/\D/g, '') })}
          hint={f.omschrijving}
          fout={fouten[naam]}
          verplicht={false}
        />
      );
    }
    const opties =
      f.waarde.soort === 'janee'
        ? [
            { code: 'ja', label: 'Ja' },
            { code: 'nee', label: 'Nee' },
          ]
        : f.waarde.opties;
    return (
      <div key={f.code}>
        <KeuzeVeld
          label={label}
          naam={naam}
          value={waarden[f.code] ?? ''}
          onChange={(e) => setWaarden({ ...waarden, [f.code]: e.target.value })}
          hint={f.omschrijving}
          fout={fouten[naam]}
          verplicht={false}
        >
          <option value="">Onbekend (telt niet mee)</option>
          {opties.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </KeuzeVeld>
        {f.beschermdeGrond ? null : (
          <details className="route-details">
            <summary>Toelichting bij {f.label.toLowerCase()}</summary>
            <TekstVeld
              label={`Toelichting bij ${f.label.toLowerCase()}`}
              naam={`af-toelichting-${f.code}`}
              value={toelichtingen[f.code] ?? ''}
              onChange={(e) => setToelichtingen({ ...toelichtingen, [f.code]: e.target.value })}
              fout={fouten[`af-toelichting-${f.code}`]}
              verplicht={false}
              maxLength={2000}
            />
          </details>
        )}
      </div>
    );
  };

  const ingedeeld = new Set(GROEPEN.flatMap((g) => g.codes));
  const overig = factoren.filter((f) => !f.beschermdeGrond && !ingedeeld.has(f.code));
  const beschermd = factoren.filter((f) => f.beschermdeGrond && f.vastleggen);
  const nooit = factoren.filter((f) => f.beschermdeGrond && !f.vastleggen);
  return (
    <form className="formulier formulier--breed" noValidate onSubmit={bewaar}>
      <FoutOverzicht fouten={fouten} labels={labels} algemeen={algemeen} />
      {voor.herkomst.length > 0 ? (
        <Melding type="info" kop="Overgenomen uit het dossier">
          <ul className="utrecht-unordered-list">
            {voor.herkomst.map((h) => (
              <li key={h} className="utrecht-unordered-list__item">
                {h}
              </li>
            ))}
          </ul>
        </Melding>
      ) : null}
      {[...GROEPEN, ...(overig.length > 0 ? [{ titel: 'Overig', codes: overig.map((f) => f.code) }] : [])].map((g) => (
        <fieldset key={g.titel} className="factor-groep">
          <legend>{g.titel}</legend>
          {g.codes
            .map((c) => factoren.find((f) => f.code === c))
            .filter((f): f is FactorInfo => Boolean(f))
            .map(veld)}
        </fieldset>
      ))}
      <fieldset className="factor-groep">
        <legend>Beschermde gronden: tellen nooit mee</legend>
        <p className="nl-paragraph">
          U kunt dit noteren, zodat zichtbaar is dat het niet meetelt. Leeftijd, zwangerschap, een beperking als zodanig en weerstand van werkgevers op zulke
          gronden wegen nooit tegen de persoon. {nooit.map((f) => f.label).join(', ')} worden niet vastgelegd.
        </p>
        {beschermd.map(veld)}
      </fieldset>
      <TekstvakVeld
        label="Visie van de professional"
        naam="visieProfessional"
        value={visieProfessional}
        onChange={(e) => setVisieProfessional(e.target.value)}
        fout={fouten.visieProfessional}
        verplicht={false}
        maxLength={4000}
        rows={3}
      />
      <TekstvakVeld
        label="Mening van de persoon (zoals besproken)"
        naam="visiePersoon"
        hint="De persoon kan dit later ook zelf invullen of aanvullen."
        value={visiePersoon}
        onChange={(e) => setVisiePersoon(e.target.value)}
        fout={fouten.visiePersoon}
        verplicht={false}
        maxLength={4000}
        rows={3}
      />
      <div className="knoppen">
        <Knop soort="secundair" onClick={() => void bekijk()}>
          Advies bekijken (nog niet bewaren)
        </Knop>
        <Knop soort="primair" type="submit" disabled={bezig}>
          {bezig ? 'Bezig met bewaren…' : 'Afweging bewaren'}
        </Knop>
      </div>
      {voorbeeld ? (
        <section aria-labelledby="voorbeeld-kop" className="kader">
          <h3 className="nl-heading nl-heading--level-3" id="voorbeeld-kop">
            Voorbeeld van het advies (nog niet bewaard)
          </h3>
          <Signaleringen lijst={voorbeeld.signaleringen} />
          <AdviesWeergave advies={voorbeeld} kopNiveau={4} />
        </section>
      ) : null}
    </form>
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* Decision and views                                                                               */
/* ------------------------------------------------------------------------------------------------ */

function BesluitFormulier({ persoonId, a, onOpgeslagen, onAnnuleren }: { persoonId: string; a: Afweging; onOpgeslagen: () => void; onAnnuleren: () => void }) {
  const [route, setRoute] = useState<string>(a.advies.meestPassend[0] ?? '');
  const [redenen, setRedenen] = useState('');
  const [eens, setEens] = useState<string>('');
  const [reactie, setReactie] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const wijktAf = route !== '' && !a.advies.meestPassend.includes(route as Trajectroute);
  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    const f: Record<string, string> = {};
    if (!route) f.route = 'Kies de route waarvoor u samen kiest.';
    if (redenen.trim().length < 10) f.redenen = 'Schrijf op waarom u samen voor deze route kiest (minstens 10 tekens).';
    if (!eens) f.persoonEens = 'Geef aan of de persoon het eens is met het besluit.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    try {
      await api.post(`/api/v1/personen/${encodeURIComponent(persoonId)}/afwegingen/${encodeURIComponent(a.id)}/besluit`, {
        route,
        redenen: redenen.trim(),
        persoonEens: eens,
        reactiePersoon: reactie.trim() || null,
      });
      onOpgeslagen();
    } catch (err) {
      const fout = alsApiError(err);
      const vf = fout.veldFouten();
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    }
  }
  return (
    <form className="formulier kader" noValidate onSubmit={opslaan}>
      <h4 className="nl-heading klein-kop">Besluit vastleggen</h4>
      <FoutOverzicht fouten={fouten} labels={{ route: 'Route', redenen: 'Redenen', persoonEens: 'Eens', reactiePersoon: 'Reactie' }} algemeen={algemeen} />
      <KeuzeRondjes
        vraag="Voor welke route kiest u samen?"
        naam="route"
        waarde={route}
        onKies={setRoute}
        fout={fouten.route}
        opties={TRAJECTROUTE_CODES.map((r) => ({
          waarde: r,
          label: `${TRAJECTROUTES[r].label}${a.advies.meestPassend.includes(r) ? ' (meest passend volgens het advies)' : ''}`,
        }))}
      />
      {wijktAf ? <p className="nl-paragraph afwijking">U wijkt af van het advies. Dat mag; schrijf in de redenen op waarom.</p> : null}
      <TekstvakVeld
        label="Redenen"
        naam="redenen"
        hint="Verplicht. Waarom past deze route nu? Leeftijd, zwangerschap, herkomst, godsdienst of een beperking als zodanig zijn geen reden."
        value={redenen}
        onChange={(e) => setRedenen(e.target.value)}
        fout={fouten.redenen}
        verplicht
        maxLength={4000}
        rows={4}
      />
      <KeuzeRondjes
        vraag="Is de persoon het eens met dit besluit?"
        naam="persoonEens"
        waarde={eens}
        onKies={setEens}
        fout={fouten.persoonEens}
        opties={[
          { waarde: 'ja', label: 'Ja' },
          { waarde: 'deels', label: 'Deels' },
          { waarde: 'nee', label: 'Nee' },
        ]}
      />
      <TekstvakVeld
        label="Reactie van de persoon"
        naam="reactiePersoon"
        value={reactie}
        onChange={(e) => setReactie(e.target.value)}
        fout={fouten.reactiePersoon}
        verplicht={false}
        maxLength={4000}
        rows={2}
      />
      <div className="knoppen">
        <Knop soort="primair" type="submit">
          Besluit opslaan
        </Knop>
        <Knop soort="secundair" onClick={onAnnuleren}>
          Annuleren
        </Knop>
      </div>
    </form>
  );
}

function VisieFormulier({ persoonId, a, eigen, onOpgeslagen }: { persoonId: string; a: Afweging; eigen: boolean; onOpgeslagen: () => void }) {
  const [visie, setVisie] = useState(a.visiePersoon ?? '');
  const [fout, setFout] = useState<string | null>(null);
  const [klaar, setKlaar] = useState(false);
  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setKlaar(false);
    if (!visie.trim()) {
      setFout(eigen ? 'Schrijf op wat u ervan vindt.' : 'Schrijf de mening van de persoon op.');
      return;
    }
    setFout(null);
    try {
      await api.post(`/api/v1/personen/${encodeURIComponent(persoonId)}/afwegingen/${encodeURIComponent(a.id)}/visie`, { visie: visie.trim() });
      setKlaar(true);
      onOpgeslagen();
    } catch (err) {
      setFout(alsApiError(err).veldFouten().visie ?? alsApiError(err).melding);
    }
  }
  return (
    <form className="formulier" noValidate onSubmit={opslaan}>
      {klaar ? <Melding type="ok">{eigen ? 'Uw mening is opgeslagen.' : 'De mening van de persoon is opgeslagen.'}</Melding> : null}
      <TekstvakVeld
        label={eigen ? 'Wat vindt u ervan?' : 'Mening van de persoon vastleggen'}
        naam="visie"
        hint={eigen ? 'Schrijf in uw eigen woorden wat u van het advies vindt. Uw klantmanager leest dit.' : undefined}
        value={visie}
        onChange={(e) => setVisie(e.target.value)}
        fout={fout ?? undefined}
        verplicht
        maxLength={4000}
        rows={3}
      />
      <div className="knoppen">
        <Knop soort={eigen ? 'primair' : 'secundair'} type="submit">
          {eigen ? 'Mijn mening opslaan' : 'Mening opslaan'}
        </Knop>
      </div>
    </form>
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* Case consultations                                                                               */
/* ------------------------------------------------------------------------------------------------ */

interface DeelnemerInvoer {
  organisatieId: string;
  organisatie: string;
  rol: string;
  naam: string;
}
interface ArgumentInvoer {
  partij: string;
  route: string;
  richting: string;
  tekst: string;
}

function Casusoverleggen({ persoonId, afwegingId, schrijven }: { persoonId: string; afwegingId: string | null; schrijven: boolean }) {
  const pad = `/api/v1/personen/${encodeURIComponent(persoonId)}/casusoverleggen`;
  const lijst = useData<Casusoverleg[]>((signal) => api.get(pad, undefined, signal), [pad]);
  const [open, setOpen] = useState(false);
  return (
    <>
      <p className="nl-paragraph">
        Overleg met andere partijen, zoals het wijkteam, UWV of een aanbieder: wie deden mee, welke argumenten kwamen op tafel, wat is de conclusie.
      </p>
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {lijst.laden && !lijst.data ? <Laden /> : null}
      {lijst.data && lijst.data.length === 0 ? <p className="nl-paragraph">Er is nog geen casusoverleg vastgelegd.</p> : null}
      {(lijst.data ?? []).map((c) => (
        <CasusoverlegWeergave key={c.id} c={c} />
      ))}
      {schrijven ? (
        open ? (
          <CasusoverlegFormulier
            pad={pad}
            afwegingId={afwegingId}
            onOpgeslagen={() => {
              setOpen(false);
              lijst.herlaad();
            }}
            onAnnuleren={() => setOpen(false)}
          />
        ) : (
          <Knop soort="secundair" onClick={() => setOpen(true)}>
            Casusoverleg vastleggen
          </Knop>
        )
      ) : null}
    </>
  );
}

function CasusoverlegWeergave({ c, eigen = false }: { c: Casusoverleg; eigen?: boolean }) {
  return (
    <div className="beoordeling" data-casusoverleg={c.id}>
      <p className="nl-paragraph">
        <strong>{datumLang(c.datum)}</strong>
        <span className="klein"> · vastgelegd door {c.vastgelegdDoor}</span>
      </p>
      <Gegevens
        items={[
          [eigen ? 'Wie deden mee' : 'Deelnemers', c.deelnemers.map((d) => `${d.organisatie} (${d.rol}${d.naam ? `, ${d.naam}` : ''})`).join('; ')],
          ...(eigen
            ? []
            : ([
                [
                  'Argumenten',
                  c.argumenten.length === 0 ? null : (
                    <ul key="a" className="utrecht-unordered-list">
                      {c.argumenten.map((a, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: arguments have no id and never reorder
                        <li key={i} className="utrecht-unordered-list__item">
                          {a.partij}
                          {a.richting && a.routeLabel ? ` (${a.richting} ${a.routeLabel.toLowerCase()})` : ''}: {a.tekst}
                        </li>
                      ))}
                    </ul>
                  ),
                ],
              ] as [string, ReactNode][])),
          [eigen ? 'Wat is besproken' : 'Conclusie', c.conclusie],
        ]}
      />
      {eigen ? null : <Signaleringen lijst={c.signaleringen} />}
    </div>
  );
}

function CasusoverlegFormulier({
  pad,
  afwegingId,
  onOpgeslagen,
  onAnnuleren,
}: {
  pad: string;
  afwegingId: string | null;
  onOpgeslagen: () => void;
  onAnnuleren: () => void;
}) {
  const organisaties = useData<{ id: string; naam: string }[]>((signal) => api.get('/api/v1/organisaties', undefined, signal), []);
  const [datum, setDatum] = useState(vandaagIso());
  const [deelnemers, setDeelnemers] = useState<DeelnemerInvoer[]>([{ organisatieId: '', organisatie: '', rol: '', naam: '' }]);
  const [argumenten, setArgumenten] = useState<ArgumentInvoer[]>([]);
  const [conclusie, setConclusie] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const zetDeelnemer = (i: number, d: Partial<DeelnemerInvoer>) => setDeelnemers(deelnemers.map((x, j) => (j === i ? { ...x, ...d } : x)));
  const zetArgument = (i: number, a: Partial<ArgumentInvoer>) => setArgumenten(argumenten.map((x, j) => (j === i ? { ...x, ...a } : x)));
  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    try {
      await api.post(pad, {
        datum,
        afwegingId,
        deelnemers: deelnemers.map((d) => ({
          organisatieId: d.organisatieId && d.organisatieId !== 'anders' ? d.organisatieId : null,
          organisatie: d.organisatieId === 'anders' ? d.organisatie.trim() || null : null,
          rol: d.rol.trim(),
          naam: d.naam.trim() || null,
        })),
        argumenten: argumenten.map((a) => ({ partij: a.partij.trim(), route: a.route || null, richting: a.richting || null, tekst: a.tekst.trim() })),
        conclusie: conclusie.trim(),
      });
      onOpgeslagen();
    } catch (err) {
      const fout = alsApiError(err);
      const vf = Object.fromEntries(Object.entries(fout.veldFouten()).map(([k, v]) => [`co-${k.replace(/\./g, '-')}`, v]));
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    }
  }
  return (
    <form className="formulier formulier--breed kader" noValidate onSubmit={opslaan}>
      <h3 className="nl-heading nl-heading--level-3">Casusoverleg vastleggen</h3>
      <FoutOverzicht fouten={fouten} labels={{ 'co-datum': 'Datum', 'co-conclusie': 'Conclusie', 'co-deelnemers': 'Deelnemers' }} algemeen={algemeen} />
      <TekstVeld label="Datum" naam="co-datum" type="date" value={datum} onChange={(e) => setDatum(e.target.value)} fout={fouten['co-datum']} verplicht />
      <fieldset className="factor-groep">
        <legend>Deelnemers</legend>
        {deelnemers.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own
          <div key={i} className="lijst-rij">
            <KeuzeVeld
              label={`Organisatie deelnemer ${i + 1}`}
              naam={`co-deelnemers-${i}-organisatieId`}
              value={d.organisatieId}
              onChange={(e) => zetDeelnemer(i, { organisatieId: e.target.value })}
              fout={fouten[`co-deelnemers-${i}-organisatieId`] ?? fouten[`co-deelnemers-${i}-organisatie`]}
            >
              <option value="">Kies een organisatie</option>
              {(organisaties.data ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.naam}
                </option>
              ))}
              <option value="anders">Andere partij (bijvoorbeeld wijkteam)</option>
            </KeuzeVeld>
            {d.organisatieId === 'anders' ? (
              <TekstVeld
                label={`Naam van de partij ${i + 1}`}
                naam={`co-deelnemers-${i}-organisatie`}
                value={d.organisatie}
                onChange={(e) => zetDeelnemer(i, { organisatie: e.target.value })}
                maxLength={200}
              />
            ) : null}
            <TekstVeld
              label={`Rol deelnemer ${i + 1}`}
              naam={`co-deelnemers-${i}-rol`}
              value={d.rol}
              onChange={(e) => zetDeelnemer(i, { rol: e.target.value })}
              fout={fouten[`co-deelnemers-${i}-rol`]}
              maxLength={100}
            />
            <TekstVeld
              label={`Naam deelnemer ${i + 1}`}
              naam={`co-deelnemers-${i}-naam`}
              value={d.naam}
              onChange={(e) => zetDeelnemer(i, { naam: e.target.value })}
              verplicht={false}
              maxLength={200}
            />
            {deelnemers.length > 1 ? (
              <Knop soort="subtiel" onClick={() => setDeelnemers(deelnemers.filter((_, j) => j !== i))}>
                Verwijder<span className="rhc-visually-hidden"> deelnemer {i + 1}</span>
              </Knop>
            ) : null}
          </div>
        ))}
        <Knop soort="subtiel" onClick={() => setDeelnemers([...deelnemers, { organisatieId: '', organisatie: '', rol: '', naam: '' }])}>
          Deelnemer toevoegen
        </Knop>
      </fieldset>
      <fieldset className="factor-groep">
        <legend>Uitgewisselde argumenten</legend>
        {argumenten.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own
          <div key={i} className="lijst-rij">
            <TekstVeld
              label={`Wie bracht argument ${i + 1} in`}
              naam={`co-argumenten-${i}-partij`}
              value={a.partij}
              onChange={(e) => zetArgument(i, { partij: e.target.value })}
              fout={fouten[`co-argumenten-${i}-partij`]}
              maxLength={200}
            />
            <KeuzeVeld
              label={`Route bij argument ${i + 1}`}
              naam={`co-argumenten-${i}-route`}
              value={a.route}
              onChange={(e) => zetArgument(i, { route: e.target.value })}
              verplicht={false}
            >
              <option value="">Geen bepaalde route</option>
              {TRAJECTROUTE_CODES.map((r) => (
                <option key={r} value={r}>
                  {TRAJECTROUTES[r].label}
                </option>
              ))}
            </KeuzeVeld>
            <KeuzeVeld
              label={`Voor of tegen (argument ${i + 1})`}
              naam={`co-argumenten-${i}-richting`}
              value={a.richting}
              onChange={(e) => zetArgument(i, { richting: e.target.value })}
              verplicht={false}
            >
              <option value="">Niet aangegeven</option>
              <option value="voor">Voor</option>
              <option value="tegen">Tegen</option>
            </KeuzeVeld>
            <TekstVeld
              label={`Argument ${i + 1}`}
              naam={`co-argumenten-${i}-tekst`}
              value={a.tekst}
              onChange={(e) => zetArgument(i, { tekst: e.target.value })}
              fout={fouten[`co-argumenten-${i}-tekst`]}
              maxLength={2000}
            />
            <Knop soort="subtiel" onClick={() => setArgumenten(argumenten.filter((_, j) => j !== i))}>
              Verwijder<span className="rhc-visually-hidden"> argument {i + 1}</span>
            </Knop>
          </div>
        ))}
        <Knop soort="subtiel" onClick={() => setArgumenten([...argumenten, { partij: '', route: '', richting: '', tekst: '' }])}>
          Argument toevoegen
        </Knop>
      </fieldset>
      <TekstvakVeld
        label="Conclusie"
        naam="co-conclusie"
        value={conclusie}
        onChange={(e) => setConclusie(e.target.value)}
        fout={fouten['co-conclusie']}
        verplicht
        maxLength={4000}
        rows={3}
      />
      <div className="knoppen">
        <Knop soort="primair" type="submit">
          Casusoverleg opslaan
        </Knop>
        <Knop soort="secundair" onClick={onAnnuleren}>
          Annuleren
        </Knop>
      </div>
    </form>
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* The person's own view (B1)                                                                       */
/* ------------------------------------------------------------------------------------------------ */

function EigenAfweging({ overzicht, onGewijzigd }: { overzicht: AfwegingenOverzicht; onGewijzigd: () => void }) {
  const laatste = overzicht.afwegingen[0] ?? null;
  const casus = useData<Casusoverleg[]>(
    (signal) => api.get(`/api/v1/personen/${encodeURIComponent(overzicht.persoonId)}/casusoverleggen`, undefined, signal),
    [overzicht.persoonId],
  );
  if (!laatste) {
    return <Melding type="info">Er is nog geen advies voor u. Uw klantmanager bespreekt met u welke stap bij u past. Daarna ziet u het advies hier.</Melding>;
  }
  const besluit = overzicht.laatsteBesluit;
  return (
    <>
      <Sectie titel="Wat we samen hebben besloten" id="besluit">
        {besluit ? (
          <Gegevens
            items={[
              ['Uw volgende stap', besluit.routeLabel],
              ['Waarom', besluit.redenen],
              ['Was u het eens?', besluit.persoonEens === 'ja' ? 'Ja' : besluit.persoonEens === 'deels' ? 'Voor een deel' : 'Nee'],
              ['Datum', datumLang(besluit.besluitdatum)],
            ]}
          />
        ) : (
          <p className="nl-paragraph">Er is nog geen besluit. U en uw klantmanager besluiten samen welke stap u zet.</p>
        )}
      </Sectie>
      <Sectie titel="Het advies" id="advies">
        <p className="nl-paragraph">Gemaakt op {datumLang(laatste.aangemaaktOp)}.</p>
        <AdviesWeergave advies={laatste.advies} eigen kopNiveau={3} />
      </Sectie>
      <Sectie titel="Wat vindt u ervan?" id="mening">
        {laatste.visiePersoon ? <p className="nl-paragraph">U schreef: “{laatste.visiePersoon}”</p> : null}
        {overzicht.magEigenVisie ? <VisieFormulier persoonId={overzicht.persoonId} a={laatste} eigen onOpgeslagen={onGewijzigd} /> : null}
      </Sectie>
      {casus.data && casus.data.length > 0 ? (
        <Sectie titel="Overleg over u" id="overleg">
          <p className="nl-paragraph">Soms praat uw klantmanager met andere mensen over u, zoals het wijkteam of UWV. Dat ziet u hier.</p>
          {casus.data.map((c) => (
            <CasusoverlegWeergave key={c.id} c={c} eigen />
          ))}
        </Sectie>
      ) : null}
    </>
  );
}
