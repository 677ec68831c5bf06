import { type FormEvent, useState } from 'react';
import { TERUGMELDREDEN_CATEGORIE_CODES, TERUGMELDREDEN_CATEGORIEEN, TRAJECTROUTE_CODES, TRAJECTROUTES, type Verwijzingstatus } from '../../shared/codes.js';
import { api } from '../api/client.js';
import type { PersoonDetail } from '../api/types.js';
import type { Redenlijst, Verwijzing } from '../api/verwijzingen.js';
import { datumLang, tijdstip } from '../lib/format.js';
import { vandaagIso } from '../lib/getallen.js';
import { AppLink } from '../lib/router.js';
import { alsApiError, useData } from '../lib/useData.js';
import { Knop, Laden, Melding, Sectie } from './ui.js';
import { FoutOverzicht, KeuzeVeld, TekstVeld, TekstvakVeld } from './velden.js';
import '../styles/verwijzingen.css';

export const STAP_KNOP: Record<Verwijzingstatus, string> = {
  aangemeld: 'Aanmelden',
  geaccepteerd: 'Accepteren',
  geweigerd: 'Weigeren',
  gestart: 'Traject gestart',
  afgerond: 'Traject afronden',
  teruggemeld: 'Terugmelden',
  ingetrokken: 'Verwijzing intrekken',
};
/** Steps that need a reason in words. */
const MET_TOELICHTING: Verwijzingstatus[] = ['geweigerd', 'ingetrokken'];

export function VerwijzingStatusLabel({ code, label }: { code: string; label: string }) {
  return <span className={`status-label verwijzing-status verwijzing-status--${code}`}>{label}</span>;
}

/** The "Verwijzingen" section of a dossier. */
export function VerwijzingenDossier({ p, eigen }: { p: PersoonDetail; eigen: boolean }) {
  const mag = (r: PersoonDetail['rechten'][number]) => p.rechten.includes(r);
  const pad = `/api/v1/personen/${encodeURIComponent(p.id)}/verwijzingen`;
  const lijst = useData<Verwijzing[]>((signal) => api.get(pad, undefined, signal), [pad]);
  const [melding, setMelding] = useState<string | null>(null);
  if (!mag('verwijzing.lezen')) return null;
  const verwijzen = !eigen && mag('verwijzing.beheren') && p.status !== 'afgesloten';
  return (
    <Sectie titel={eigen ? 'Mijn trajecten' : 'Verwijzingen'} id="verwijzingen">
      {melding ? <Melding type="ok">{melding}</Melding> : null}
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {lijst.laden && !lijst.data ? <Laden /> : null}
      {lijst.data && lijst.data.length === 0 ? (
        <p className="nl-paragraph">{eigen ? 'U bent nog niet naar een traject verwezen.' : 'Deze persoon is nog niet verwezen.'}</p>
      ) : null}
      {lijst.data?.map((v) => (
        <VerwijzingKaart
          key={v.id}
          v={v}
          persoonId={p.id}
          eigen={eigen}
          onGewijzigd={(tekst) => {
            setMelding(tekst);
            lijst.herlaad();
          }}
        />
      ))}
      {verwijzen ? (
        <NieuweVerwijzing
          pad={pad}
          onKlaar={() => {
            setMelding('De verwijzing is vastgelegd. De aanbieder ziet de aanmelding nu.');
            lijst.herlaad();
          }}
        />
      ) : null}
    </Sectie>
  );
}

export function VerwijzingKaart({
  v,
  persoonId,
  eigen = false,
  onGewijzigd,
}: {
  v: Verwijzing;
  persoonId: string;
  eigen?: boolean;
  onGewijzigd: (melding: string) => void;
}) {
  const [open, setOpen] = useState<Verwijzingstatus | null>(null);
  const kopId = `verwijzing-${v.id}`;
  return (
    <article className="kader verwijzing" aria-labelledby={kopId}>
      <h3 id={kopId} className="nl-heading nl-heading--level-3">
        {v.aanbieder.naam}: {v.route.label}
      </h3>
      <p className="nl-paragraph">
        <VerwijzingStatusLabel code={v.status.code} label={v.status.label} /> · start {datumLang(v.startdatum)}
      </p>
      <p className="nl-paragraph">{v.doel}</p>
      {v.terugmelding ? (
        <div className="terugmelding">
          <h4 className="nl-heading nl-heading--level-4">Terugmelding op {datumLang(v.terugmelding.datum)}</h4>
          <ul className="utrecht-unordered-list">
            {v.terugmelding.redenen.map((r) => (
              <li key={r.code} className="utrecht-unordered-list__item">
                {r.label}
                {r.primair ? <strong> (hoofdreden)</strong> : null}
                <span className="klein"> · {TERUGMELDREDEN_CATEGORIEEN[r.categorie].label}</span>
              </li>
            ))}
          </ul>
          <p className="nl-paragraph">{v.terugmelding.toelichting}</p>
          {v.terugmelding.vervolgtaakId ? (
            <p className="nl-paragraph">
              Er staat een vervolgtaak klaar voor de gemeente. <AppLink href="/werklijst">Naar de werklijst</AppLink>
            </p>
          ) : null}
        </div>
      ) : null}
      <details className="verwijzing-verloop">
        <summary>Verloop ({v.geschiedenis.length} stappen)</summary>
        <ol className="utrecht-ordered-list">
          {v.geschiedenis.map((s) => (
            <li key={`${s.naar}-${s.tijdstip}`} className="utrecht-ordered-list__item">
              {tijdstip(s.tijdstip)}: {STAP_LABEL[s.naar]}
              {s.door || s.doorOrganisatie ? ` door ${[s.door, s.doorOrganisatie].filter(Boolean).join(', ')}` : ''}
              {s.toelichting && s.naar !== 'teruggemeld' ? <span className="klein blok">{s.toelichting}</span> : null}
            </li>
          ))}
        </ol>
      </details>
      {!eigen && v.stappen.length > 0 ? (
        <div className="knoppen">
          {v.stappen.map((s) => (
            <Knop
              key={s}
              soort={s === 'teruggemeld' || s === 'ingetrokken' || s === 'geweigerd' ? 'secundair' : 'primair'}
              onClick={() => setOpen(s)}
              aria-expanded={open === s}
            >
              {STAP_KNOP[s]}
            </Knop>
          ))}
        </div>
      ) : null}
      {open === 'teruggemeld' ? (
        <TerugmeldFormulier
          persoonId={persoonId}
          verwijzingId={v.id}
          onKlaar={(ok) => {
            setOpen(null);
            if (ok) onGewijzigd('De terugmelding is vastgelegd. De gemeente krijgt een vervolgtaak.');
          }}
        />
      ) : open ? (
        <StapFormulier
          key={open}
          persoonId={persoonId}
          v={v}
          stap={open}
          onKlaar={(ok) => {
            setOpen(null);
            if (ok) onGewijzigd(`De verwijzing is bijgewerkt: ${STAP_LABEL[open].toLowerCase()}.`);
          }}
        />
      ) : null}
    </article>
  );
}

const STAP_LABEL: Record<Verwijzingstatus, string> = {
  aangemeld: 'Aangemeld',
  geaccepteerd: 'Geaccepteerd',
  geweigerd: 'Geweigerd',
  gestart: 'Gestart',
  afgerond: 'Afgerond',
  teruggemeld: 'Teruggemeld',
  ingetrokken: 'Ingetrokken',
};

function StapFormulier({ persoonId, v, stap, onKlaar }: { persoonId: string; v: Verwijzing; stap: Verwijzingstatus; onKlaar: (ok: boolean) => void }) {
  const [toelichting, setToelichting] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const nodig = MET_TOELICHTING.includes(stap);
  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    if (nodig && !toelichting.trim()) {
      setFouten({ toelichting: 'Schrijf kort op waarom.' });
      return;
    }
    try {
      await api.post(`/api/v1/personen/${encodeURIComponent(persoonId)}/verwijzingen/${encodeURIComponent(v.id)}/status`, {
        status: stap,
        toelichting: toelichting.trim() || null,
        versie: v.versie,
      });
      onKlaar(true);
    } catch (err) {
      const fout = alsApiError(err);
      const vf = fout.veldFouten();
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    }
  }
  return (
    <form className="formulier kader" noValidate onSubmit={opslaan}>
      <FoutOverzicht fouten={fouten} labels={{ toelichting: 'Toelichting', status: 'Stap' }} algemeen={algemeen} />
      <p className="nl-paragraph">
        <strong>{STAP_KNOP[stap]}</strong>: {v.aanbieder.naam}, {v.route.label}
      </p>
      <TekstvakVeld
        label={nodig ? 'Waarom?' : 'Toelichting'}
        naam={`toelichting-${v.id}`}
        verplicht={nodig}
        value={toelichting}
        onChange={(e) => setToelichting(e.target.value)}
        rows={2}
        maxLength={4000}
        fout={fouten.toelichting}
      />
      <div className="knoppen">
        <Knop soort="primair" type="submit">
          {STAP_KNOP[stap]} bevestigen
        </Knop>
        <Knop soort="secundair" onClick={() => onKlaar(false)}>
          Annuleren
        </Knop>
      </div>
    </form>
  );
}

/**
 * The provider returns a person: at least one coded reason from the region's list (one primary),
 * plus an explanation. Free text alone is not enough — the server refuses it too.
 */
export function TerugmeldFormulier({ persoonId, verwijzingId, onKlaar }: { persoonId: string; verwijzingId: string; onKlaar: (ok: boolean) => void }) {
  const redenen = useData<Redenlijst>((signal) => api.get('/api/v1/terugmeldredenen', { alleenGeldig: 'ja' }, signal), []);
  const [gekozen, setGekozen] = useState<string[]>([]);
  const [hoofdreden, setHoofdreden] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const hoofd = gekozen.length === 1 ? gekozen[0]! : hoofdreden;

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    const f: Record<string, string> = {};
    if (gekozen.length === 0) f.redenen = 'Kies minstens één reden uit de lijst. Alleen een toelichting is niet genoeg.';
    else if (!gekozen.includes(hoofd)) f.hoofdreden = 'Kies welke reden de hoofdreden is.';
    if (toelichting.trim().length < 2) f.toelichting = 'Licht de terugmelding toe.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    setBezig(true);
    try {
      await api.post(`/api/v1/personen/${encodeURIComponent(persoonId)}/verwijzingen/${encodeURIComponent(verwijzingId)}/terugmelding`, {
        redenen: gekozen.map((code) => ({ code, primair: code === hoofd })),
        toelichting: toelichting.trim(),
      });
      onKlaar(true);
    } catch (err) {
      const fout = alsApiError(err);
      const vf = fout.veldFouten();
      const samengevat: Record<string, string> = {};
      for (const [k, v] of Object.entries(vf)) samengevat[k.startsWith('redenen') ? 'redenen' : k] = v;
      setFouten(samengevat);
      setAlgemeen(Object.keys(samengevat).length === 0 ? fout.melding : null);
    } finally {
      setBezig(false);
    }
  }

  const lijst = redenen.data?.redenen ?? [];
  return (
    <form className="formulier kader terugmeldformulier" noValidate onSubmit={opslaan} aria-label="Terugmelden">
      <h4 className="nl-heading nl-heading--level-4">Terugmelden</h4>
      <p className="nl-paragraph">Kies de reden of redenen uit de lijst en licht ze toe. Als u meer redenen kiest, geeft u aan welke de hoofdreden is.</p>
      <FoutOverzicht fouten={fouten} labels={{ redenen: 'Reden', hoofdreden: 'Hoofdreden', toelichting: 'Toelichting' }} algemeen={algemeen} />
      {redenen.fout ? <Melding type="error">{redenen.fout.melding}</Melding> : null}
      {redenen.laden && !redenen.data ? <Laden /> : null}
      <fieldset
        className={`utrecht-form-fieldset redenenkeuze${fouten.redenen ? ' utrecht-form-fieldset--invalid' : ''}`}
        id="veld-redenen"
        tabIndex={-1}
        aria-describedby={fouten.redenen ? 'veld-redenen-fout' : undefined}
      >
        <legend className="utrecht-form-fieldset__legend">Reden van terugmelding</legend>
        {fouten.redenen ? (
          <p className="fouttekst" id="veld-redenen-fout">
            {fouten.redenen}
          </p>
        ) : null}
        {TERUGMELDREDEN_CATEGORIE_CODES.map((c) => {
          const inCategorie = lijst.filter((r) => r.categorie === c);
          if (inCategorie.length === 0) return null;
          return (
            <div key={c} className="redenengroep">
              <p className="nl-paragraph redenengroep-kop">{TERUGMELDREDEN_CATEGORIEEN[c].label}</p>
              {inCategorie.map((r) => (
                <div key={r.code} className="utrecht-form-field utrecht-form-field--checkbox vinkje">
                  <input
                    type="checkbox"
                    id={`reden-${verwijzingId}-${r.code}`}
                    name="reden"
                    value={r.code}
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                    checked={gekozen.includes(r.code)}
                    onChange={(e) => setGekozen((g) => (e.target.checked ? [...g, r.code] : g.filter((x) => x !== r.code)))}
                  />
                  <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`reden-${verwijzingId}-${r.code}`}>
                    {r.label}
                    {r.omschrijving ? <span className="klein blok">{r.omschrijving}</span> : null}
                  </label>
                </div>
              ))}
            </div>
          );
        })}
      </fieldset>
      {gekozen.length > 1 ? (
        <KeuzeVeld label="Hoofdreden" naam="hoofdreden" verplicht value={hoofdreden} onChange={(e) => setHoofdreden(e.target.value)} fout={fouten.hoofdreden}>
          <option value="">Kies de hoofdreden</option>
          {gekozen.map((code) => (
            <option key={code} value={code}>
              {lijst.find((r) => r.code === code)?.label ?? code}
            </option>
          ))}
        </KeuzeVeld>
      ) : null}
      <TekstvakVeld
        label="Toelichting"
        naam="toelichting"
        verplicht
        hint="Beschrijf concreet wat er speelt, zodat de gemeente de volgende stap kan kiezen."
        value={toelichting}
        onChange={(e) => setToelichting(e.target.value)}
        rows={3}
        maxLength={4000}
        fout={fouten.toelichting}
      />
      <div className="knoppen">
        <Knop soort="primair" type="submit" disabled={bezig}>
          Terugmelding versturen
        </Knop>
        <Knop soort="secundair" onClick={() => onKlaar(false)}>
          Annuleren
        </Knop>
      </div>
    </form>
  );
}

function NieuweVerwijzing({ pad, onKlaar }: { pad: string; onKlaar: () => void }) {
  const aanbieders = useData<{ id: string; naam: string; soort: string }[]>((signal) => api.get('/api/v1/verwijzingen/aanbieders', undefined, signal), []);
  const [aanbiederId, setAanbiederId] = useState('');
  const [route, setRoute] = useState('');
  const [doel, setDoel] = useState('');
  const [startdatum, setStartdatum] = useState(() => vandaagIso());
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const labels = { aanbiederId: 'Aanbieder', route: 'Route', doel: 'Doel van de verwijzing', startdatum: 'Startdatum' };

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    const f: Record<string, string> = {};
    if (!aanbiederId) f.aanbiederId = 'Kies naar welke aanbieder u verwijst.';
    if (!route) f.route = 'Kies een route.';
    if (doel.trim().length < 2) f.doel = 'Schrijf op waarvoor u verwijst.';
    if (!startdatum) f.startdatum = 'Vul de startdatum in.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    try {
      await api.post(pad, { aanbiederId, route, doel: doel.trim(), startdatum });
      setAanbiederId('');
      setRoute('');
      setDoel('');
      onKlaar();
    } catch (err) {
      const fout = alsApiError(err);
      const vf = fout.veldFouten();
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    }
  }

  return (
    <form className="formulier" noValidate onSubmit={opslaan}>
      <h3 className="nl-heading nl-heading--level-3">Nieuwe verwijzing</h3>
      <FoutOverzicht fouten={fouten} labels={labels} algemeen={algemeen} />
      <KeuzeVeld label={labels.route} naam="route" verplicht value={route} onChange={(e) => setRoute(e.target.value)} fout={fouten.route}>
        <option value="">Kies een route</option>
        {TRAJECTROUTE_CODES.map((r) => (
          <option key={r} value={r}>
            {TRAJECTROUTES[r].label}
          </option>
        ))}
      </KeuzeVeld>
      <KeuzeVeld
        label={labels.aanbiederId}
        naam="aanbiederId"
        verplicht
        value={aanbiederId}
        onChange={(e) => setAanbiederId(e.target.value)}
        fout={fouten.aanbiederId}
      >
        <option value="">Kies een aanbieder</option>
        {(aanbieders.data ?? []).map((a) => (
          <option key={a.id} value={a.id}>
            {a.naam}
          </option>
        ))}
      </KeuzeVeld>
      <TekstvakVeld
        label={labels.doel}
        naam="doel"
        verplicht
        value={doel}
        onChange={(e) => setDoel(e.target.value)}
        rows={2}
        maxLength={2000}
        fout={fouten.doel}
      />
      <TekstVeld
        label={labels.startdatum}
        naam="startdatum"
        type="date"
        verplicht
        className="datum-invoer"
        value={startdatum}
        onChange={(e) => setStartdatum(e.target.value)}
        fout={fouten.startdatum}
      />
      <div className="knoppen">
        <Knop soort="primair" type="submit">
          Verwijzen
        </Knop>
      </div>
    </form>
  );
}
