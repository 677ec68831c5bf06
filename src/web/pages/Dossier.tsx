import { type FormEvent, useState } from 'react';
import { HANDMATIGE_TIJDLIJN_SOORTEN, ROLLEN, type Rol, TIJDLIJN_SOORTEN } from '../../shared/codes.js';
import { api } from '../api/client.js';
import type { AuditRegel, PersoonDetail, Professional, TijdlijnGebeurtenis } from '../api/types.js';
import { AuditTabel } from '../components/AuditTabel.js';
import { BelastbaarheidDossier } from '../components/BelastbaarheidDossier.js';
import { DiagnoseDossier } from '../components/DiagnoseDossier.js';
import { VerwijzingenDossier } from '../components/Verwijzingen.js';
import { Jobcoaching } from '../components/Jobcoaching.js';
import { AfwegingDossier } from '../components/AfwegingDossier.js';
import { KandidaatprofielDossier } from '../components/Kandidaatprofiel.js';
import { Pagina } from '../components/Pagina.js';
import { Toestemmingen } from '../components/Toestemmingen.js';
import { Gegevens, Knop, Laden, Melding, Sectie, StatusLabel } from '../components/ui.js';
import { FoutOverzicht, KeuzeVeld, TekstVeld, TekstvakVeld } from '../components/velden.js';
import { datumLang, tijdstip, volledigeNaam } from '../lib/format.js';
import { AppLink, useLocatie } from '../lib/router.js';
import { alsApiError, useData } from '../lib/useData.js';

const GRONDSLAG: Record<string, string> = {
  eigen_gemeente: 'Uw organisatie is de verantwoordelijke gemeente.',
  samenwerking: 'Uw organisatie voert de Participatiewet uit voor deze gemeente (samenwerkingsafspraak).',
  toewijzing: 'U bent aan deze persoon toegewezen.',
  verwijzing: 'Deze persoon is naar uw organisatie verwezen.',
  toestemming: 'Deze persoon heeft toestemming gegeven om gegevens met uw organisatie te delen.',
  betrokkene: 'Dit zijn uw eigen gegevens.',
};

export function DossierPagina({ id, eigen = false }: { id: string; eigen?: boolean }) {
  const pad = `/api/v1/personen/${encodeURIComponent(id)}`;
  const persoon = useData<PersoonDetail>((signal) => api.get(pad, undefined, signal), [pad]);
  const { zoek } = useLocatie();
  const p = persoon.data;
  const titel = eigen ? 'Mijn gegevens' : p ? `Dossier ${volledigeNaam(p)}` : 'Dossier';
  return (
    <Pagina titel={titel} kop={eigen ? 'Mijn gegevens' : p ? volledigeNaam(p) : 'Dossier'}>
      {zoek.get('opgeslagen') === '1' ? <Melding type="ok">De wijzigingen zijn opgeslagen.</Melding> : null}
      {persoon.fout ? (
        <Melding type="error">
          {persoon.fout.status === 404 || persoon.fout.status === 403 ? 'Dit dossier bestaat niet, of u mag het niet inzien.' : persoon.fout.melding}
        </Melding>
      ) : null}
      {persoon.laden && !p ? <Laden /> : null}
      {p ? <Dossier p={p} eigen={eigen} onGewijzigd={(nieuw) => persoon.setData(nieuw)} herlaad={persoon.herlaad} /> : null}
    </Pagina>
  );
}

function Dossier({ p, eigen, onGewijzigd, herlaad }: { p: PersoonDetail; eigen: boolean; onGewijzigd: (p: PersoonDetail) => void; herlaad: () => void }) {
  const mag = (r: PersoonDetail['rechten'][number]) => p.rechten.includes(r);
  const bewerkHref = eigen ? '/mijn-gegevens/bewerken' : `/personen/${p.id}/bewerken`;
  const kanBewerken = p.status !== 'afgesloten' && (mag('persoon.wijzigen') || mag('persoon.contact_wijzigen'));
  // Bumped when a consent changes here: sections that depend on a consent read their state again.
  const [toestemmingVersie, setToestemmingVersie] = useState(0);
  return (
    <>
      <div className="dossier-kop">
        <p className="nl-paragraph">
          Status: <StatusLabel status={p.status} />
          {eigen ? null : <span className="klein blok">Waarom u dit dossier ziet: {GRONDSLAG[p.grondslag] ?? p.grondslag}</span>}
        </p>
        <div className="knoppen">
          {kanBewerken ? (
            <AppLink href={bewerkHref} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
              {mag('persoon.wijzigen') ? 'Gegevens wijzigen' : 'Mijn contactgegevens wijzigen'}
            </AppLink>
          ) : null}
        </div>
      </div>

      {eigen ? (
        <Melding type="info">
          Hier ziet u welke gegevens wij van u hebben. Klopt er iets niet? Uw e-mailadres, telefoonnummer en adres kunt u zelf wijzigen. Voor andere gegevens
          neemt u contact op met uw klantmanager.
        </Melding>
      ) : null}

      <Sectie titel="Persoonsgegevens" id="persoon">
        <Gegevens
          items={[
            ['Naam', volledigeNaam(p)],
            ['Geboortedatum', datumLang(p.geboortedatum)],
            ['BSN', <Bsn key="bsn" p={p} />],
            ['Gemeente', p.gemeente.naam],
            ...(eigen ? [] : ([['Klantnummer', p.externId]] as [string, string | null][])),
          ]}
        />
      </Sectie>

      <Sectie titel="Contact en adres" id="contact">
        <Gegevens
          items={[
            ['E-mailadres', p.email],
            ['Telefoonnummer', p.telefoon],
            ['Adres', [p.straat, p.huisnummer].filter(Boolean).join(' ')],
            ['Postcode', p.postcode],
            ['Woonplaats', p.woonplaats],
          ]}
        />
      </Sectie>

      <Sectie titel="Status" id="status">
        <Gegevens
          items={[
            ['Status', <StatusLabel key="s" status={p.status} />],
            ['Dossier gemaakt op', datumLang(p.aangemaaktOp)],
            ['Laatst gewijzigd', tijdstip(p.gewijzigdOp)],
            ...(p.afgeslotenOp
              ? ([
                  ['Afgesloten op', datumLang(p.afgeslotenOp)],
                  ['Reden van afsluiten', p.afsluitreden],
                ] as [string, string | null][])
              : []),
          ]}
        />
      </Sectie>

      <Sectie titel={eigen ? 'Wie helpt u' : 'Betrokken professionals'} id="professionals">
        <Toewijzingen p={p} beheren={mag('toewijzing.beheren') && p.status !== 'afgesloten'} onGewijzigd={herlaad} />
      </Sectie>

      {mag('tijdlijn.lezen') ? (
        <Sectie titel="Tijdlijn" id="tijdlijn">
          <Tijdlijn persoonId={p.id} schrijven={mag('tijdlijn.schrijven') && !eigen} />
        </Sectie>
      ) : null}

      {mag('jobcoaching.lezen') ? (
        <Sectie titel={eigen ? 'Hulp van een jobcoach' : 'Jobcoaching'} id="jobcoaching">
          <Jobcoaching persoonId={p.id} gemeente={p.gemeente} beoordelen={mag('jobcoaching.beoordelen') && p.status !== 'afgesloten' && !eigen} eigen={eigen} />
        </Sectie>
      ) : null}

      <BelastbaarheidDossier p={p} eigen={eigen} />

      <KandidaatprofielDossier p={p} eigen={eigen} toestemmingVersie={toestemmingVersie} />

      <AfwegingDossier p={p} eigen={eigen} />

      <DiagnoseDossier p={p} eigen={eigen} />

      <VerwijzingenDossier p={p} eigen={eigen} />

      {!eigen && mag('loonwaarde.lezen') ? (
        <Sectie titel="Loonwaarde" id="loonwaarde">
          <p className="nl-paragraph">De loonwaardemetingen op de werkplek, met het rapport en de loonkostensubsidie die eruit volgt.</p>
          <p className="nl-paragraph">
            <AppLink href={`/personen/${p.id}/loonwaarde`}>
              {mag('loonwaarde.meten') && p.status !== 'afgesloten' ? 'Loonwaarde bekijken of meting vastleggen' : 'Loonwaarde bekijken'}
            </AppLink>
          </p>
        </Sectie>
      ) : null}

      {eigen ? (
        <Sectie titel="Meer over uw gegevens" id="meer">
          <ul className="utrecht-unordered-list">
            <li className="utrecht-unordered-list__item">
              <AppLink href="/mijn-gegevens/inzage">Wie heeft mijn gegevens bekeken</AppLink>
            </li>
            <li className="utrecht-unordered-list__item">
              <AppLink href="/mijn-gegevens/toestemmingen">Mijn toestemmingen</AppLink>
            </li>
          </ul>
        </Sectie>
      ) : null}

      {!eigen && mag('toestemming.lezen') ? (
        <Sectie titel="Toestemmingen" id="toestemmingen">
          <Toestemmingen persoonId={p.id} beheren={mag('toestemming.beheren')} onGewijzigd={() => setToestemmingVersie((v) => v + 1)} />
        </Sectie>
      ) : null}

      {!eigen && mag('audit.persoon') ? (
        <Sectie titel="Wie heeft deze gegevens bekeken" id="audit">
          <Inzage persoonId={p.id} />
        </Sectie>
      ) : null}

      {!eigen && mag('persoon.afsluiten') && p.status !== 'afgesloten' ? (
        <Sectie titel="Dossier afsluiten" id="afsluiten">
          <Afsluiten p={p} onAfgesloten={onGewijzigd} />
        </Sectie>
      ) : null}
    </>
  );
}

function Bsn({ p }: { p: PersoonDetail }) {
  const [bsn, setBsn] = useState<string | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  if (!p.bsnGemaskeerd) return <span className="leeg">Niet vastgelegd</span>;
  if (bsn) {
    return (
      <span>
        <span className="bsn">{bsn}</span>
        <span className="klein blok" role="status">
          Dat u het BSN heeft bekeken, is vastgelegd.
        </span>
      </span>
    );
  }
  return (
    <span>
      <span className="bsn">
        <span className="rhc-visually-hidden">Afgeschermd, laatste drie cijfers: </span>
        <span aria-hidden="true">{p.bsnGemaskeerd}</span>
        <span className="rhc-visually-hidden">{p.bsnGemaskeerd.replace(/\*/g, '')}</span>
      </span>
      {p.rechten.includes('persoon.bsn_inzien') ? (
        <>
          {' '}
          <Knop
            soort="subtiel"
            disabled={bezig}
            aria-describedby="bsn-uitleg"
            onClick={async () => {
              setBezig(true);
              try {
                const r = await api.post<{ bsn: string | null }>(`/api/v1/personen/${encodeURIComponent(p.id)}/bsn-inzien`);
                setBsn(r.bsn ?? 'Niet vastgelegd');
              } catch (err) {
                setFout(alsApiError(err).melding);
              } finally {
                setBezig(false);
              }
            }}
          >
            Toon BSN
          </Knop>
          <span className="klein blok" id="bsn-uitleg">
            Als u het BSN bekijkt, wordt dat vastgelegd.
          </span>
        </>
      ) : null}
      {fout ? (
        <span className="fouttekst blok" role="alert">
          {fout}
        </span>
      ) : null}
    </span>
  );
}

const TOEWIJS_ROLLEN: Rol[] = ['klantmanager', 'arbeidsdeskundige', 'jobcoach', 'loonwaardedeskundige', 'school'];

function Toewijzingen({ p, beheren, onGewijzigd }: { p: PersoonDetail; beheren: boolean; onGewijzigd: () => void }) {
  const professionals = useData<Professional[]>(
    (signal) => (beheren ? api.get('/api/v1/gebruikers/professionals', undefined, signal) : Promise.resolve([])),
    [beheren],
  );
  const [gebruikerId, setGebruikerId] = useState('');
  const [rol, setRol] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const gekozen = professionals.data?.find((x) => x.id === gebruikerId);

  async function voegToe(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    setMelding(null);
    const f: Record<string, string> = {};
    if (!gebruikerId) f.gebruikerId = 'Kies een professional.';
    if (!rol) f.rol = 'Kies de rol van deze professional.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    try {
      await api.post(`/api/v1/personen/${encodeURIComponent(p.id)}/toewijzingen`, { gebruikerId, rol });
      setGebruikerId('');
      setRol('');
      setMelding('De professional is toegevoegd.');
      onGewijzigd();
    } catch (err) {
      const fout = alsApiError(err);
      const vf = fout.veldFouten();
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    }
  }

  async function beeindig(tid: string) {
    setAlgemeen(null);
    try {
      await api.delete(`/api/v1/personen/${encodeURIComponent(p.id)}/toewijzingen/${encodeURIComponent(tid)}`);
      setMelding('De toewijzing is beëindigd.');
      onGewijzigd();
    } catch (err) {
      setAlgemeen(alsApiError(err).melding);
    }
  }

  return (
    <>
      {melding ? <Melding type="ok">{melding}</Melding> : null}
      {p.toewijzingen.length === 0 ? (
        <p className="nl-paragraph">Er zijn nog geen professionals betrokken.</p>
      ) : (
        <ul className="kaartlijst">
          {p.toewijzingen.map((t) => (
            <li key={t.id} className="kaart">
              <span>
                <strong>{t.gebruiker.naam}</strong>
                <span className="blok">
                  {ROLLEN[t.rol].label} bij {t.gebruiker.organisatie}
                </span>
                <span className="klein blok">Sinds {datumLang(t.van)}</span>
              </span>
              {beheren ? (
                <Knop soort="subtiel" onClick={() => void beeindig(t.id)}>
                  Beëindigen<span className="rhc-visually-hidden">: {t.gebruiker.naam}</span>
                </Knop>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {beheren ? (
        <form className="formulier" noValidate onSubmit={voegToe}>
          <h3 className="nl-heading nl-heading--level-3">Professional toevoegen</h3>
          <FoutOverzicht fouten={fouten} labels={{ gebruikerId: 'Professional', rol: 'Rol' }} algemeen={algemeen} />
          <KeuzeVeld
            label="Professional"
            naam="gebruikerId"
            value={gebruikerId}
            onChange={(e) => {
              setGebruikerId(e.target.value);
              const pr = professionals.data?.find((x) => x.id === e.target.value);
              if (pr && pr.rollen.length === 1) setRol(pr.rollen[0]!);
            }}
            fout={fouten.gebruikerId}
            verplicht
          >
            <option value="">Kies een professional</option>
            {(professionals.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.naam} ({x.organisatie})
              </option>
            ))}
          </KeuzeVeld>
          <KeuzeVeld label="Rol" naam="rol" value={rol} onChange={(e) => setRol(e.target.value)} fout={fouten.rol} verplicht>
            <option value="">Kies een rol</option>
            {(gekozen ? gekozen.rollen : TOEWIJS_ROLLEN).map((r) => (
              <option key={r} value={r}>
                {ROLLEN[r].label}
              </option>
            ))}
          </KeuzeVeld>
          <div className="knoppen">
            <Knop soort="secundair" type="submit">
              Professional toevoegen
            </Knop>
          </div>
        </form>
      ) : null}
    </>
  );
}

function Tijdlijn({ persoonId, schrijven }: { persoonId: string; schrijven: boolean }) {
  const basis = `/api/v1/personen/${encodeURIComponent(persoonId)}/tijdlijn`;
  const lijst = useData<TijdlijnGebeurtenis[]>((signal) => api.get(basis, undefined, signal), [basis]);
  const [soort, setSoort] = useState<string>('notitie');
  const [titel, setTitel] = useState('');
  const [tekst, setTekst] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);

  async function voegToe(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    const f: Record<string, string> = {};
    if (!titel.trim()) f.titel = 'Vul een titel in.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    try {
      const nieuw = await api.post<TijdlijnGebeurtenis>(basis, { soort, titel: titel.trim(), tekst: tekst.trim() || null });
      lijst.setData([nieuw, ...(lijst.data ?? [])]);
      setTitel('');
      setTekst('');
    } catch (err) {
      const fout = alsApiError(err);
      const vf = fout.veldFouten();
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    }
  }

  return (
    <>
      {schrijven ? (
        <form className="formulier kader" noValidate onSubmit={voegToe}>
          <h3 className="nl-heading nl-heading--level-3">Notitie of gesprek toevoegen</h3>
          <FoutOverzicht fouten={fouten} labels={{ soort: 'Soort', titel: 'Titel', tekst: 'Tekst' }} algemeen={algemeen} />
          <KeuzeVeld label="Soort" naam="soort" value={soort} onChange={(e) => setSoort(e.target.value)}>
            {HANDMATIGE_TIJDLIJN_SOORTEN.map((s) => (
              <option key={s} value={s}>
                {TIJDLIJN_SOORTEN[s].label}
              </option>
            ))}
          </KeuzeVeld>
          <TekstVeld label="Titel" naam="titel" value={titel} onChange={(e) => setTitel(e.target.value)} fout={fouten.titel} verplicht maxLength={200} />
          <TekstvakVeld
            label="Tekst"
            naam="tekst"
            value={tekst}
            onChange={(e) => setTekst(e.target.value)}
            fout={fouten.tekst}
            verplicht={false}
            maxLength={10000}
          />
          <div className="knoppen">
            <Knop soort="secundair" type="submit">
              Toevoegen aan tijdlijn
            </Knop>
          </div>
        </form>
      ) : null}
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {lijst.laden && !lijst.data ? <Laden /> : null}
      {lijst.data && lijst.data.length === 0 ? <p className="nl-paragraph">Er staat nog niets in de tijdlijn.</p> : null}
      {lijst.data && lijst.data.length > 0 ? (
        <ol className="tijdlijn">
          {lijst.data.map((g) => (
            <li key={g.id} className="tijdlijn-item">
              <p className="nl-paragraph tijdlijn-meta">
                <span className="soort-label">{TIJDLIJN_SOORTEN[g.soort]?.label ?? g.soort}</span> <time dateTime={g.tijdstip}>{tijdstip(g.tijdstip)}</time>
                {g.auteur ? ` · ${g.auteur}` : ''}
                {g.organisatie ? ` (${g.organisatie})` : ''}
              </p>
              <p className="nl-paragraph tijdlijn-titel">
                <strong>{g.titel}</strong>
              </p>
              {g.tekst ? <p className="nl-paragraph tijdlijn-tekst">{g.tekst}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}

export function Inzage({ persoonId, zelf = false }: { persoonId: string; zelf?: boolean }) {
  const basis = `/api/v1/personen/${encodeURIComponent(persoonId)}/audit`;
  const lijst = useData<AuditRegel[]>((signal) => api.get(basis, undefined, signal), [basis]);
  const [alles, setAlles] = useState(zelf);
  const regels = lijst.data ? (alles ? lijst.data : lijst.data.slice(0, 10)) : [];
  return (
    <>
      <p className="nl-paragraph">
        {zelf
          ? 'Hier ziet u wie uw gegevens heeft bekeken of gewijzigd, wanneer, en waarom.'
          : 'Elke keer dat iemand deze gegevens bekijkt of wijzigt, wordt dat vastgelegd. De persoon mag dit overzicht zien (AVG artikel 15).'}
      </p>
      <p className="nl-paragraph">
        <a className="nl-link" href={`${basis}?formaat=csv`} download="inzage-verwerkingen.csv">
          {zelf ? 'Download dit overzicht (CSV-bestand)' : 'Download als CSV-bestand'}
        </a>
      </p>
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {lijst.laden && !lijst.data ? <Laden /> : null}
      {lijst.data && lijst.data.length === 0 ? <p className="nl-paragraph">Er is nog niets vastgelegd.</p> : null}
      {regels.length > 0 ? (
        <AuditTabel
          regels={regels}
          bijschrift={zelf ? 'Wie heeft mijn gegevens bekeken' : alles ? 'Wie heeft deze gegevens bekeken' : 'Wie heeft deze gegevens bekeken (laatste 10)'}
        />
      ) : null}
      {lijst.data && !alles && lijst.data.length > regels.length ? (
        <Knop soort="secundair" onClick={() => setAlles(true)}>
          Toon alle {lijst.data.length} regels
        </Knop>
      ) : null}
    </>
  );
}

function Afsluiten({ p, onAfgesloten }: { p: PersoonDetail; onAfgesloten: (p: PersoonDetail) => void }) {
  const [open, setOpen] = useState(false);
  const [reden, setReden] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  if (!open) {
    return (
      <>
        <p className="nl-paragraph">Sluit het dossier af als de persoon geen ondersteuning meer nodig heeft. U moet een reden opgeven.</p>
        <Knop soort="secundair" onClick={() => setOpen(true)}>
          Dossier afsluiten…
        </Knop>
      </>
    );
  }
  return (
    <form
      className="formulier kader"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setAlgemeen(null);
        if (!reden.trim()) {
          setFouten({ reden: 'Vul de reden in waarom u het dossier afsluit.' });
          return;
        }
        setFouten({});
        try {
          const nieuw = await api.post<PersoonDetail>(`/api/v1/personen/${encodeURIComponent(p.id)}/afsluiten`, { reden: reden.trim() });
          onAfgesloten(nieuw);
          document.querySelector<HTMLElement>('h1')?.focus();
        } catch (err) {
          const fout = alsApiError(err);
          const vf = fout.veldFouten();
          setFouten(vf);
          setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
        }
      }}
    >
      <FoutOverzicht fouten={fouten} labels={{ reden: 'Reden' }} algemeen={algemeen} />
      <TekstvakVeld
        label="Reden van afsluiten"
        naam="reden"
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        fout={fouten.reden}
        verplicht
        maxLength={1000}
        autoFocus
      />
      <div className="knoppen">
        <Knop soort="primair" type="submit">
          Dossier definitief afsluiten
        </Knop>
        <Knop soort="secundair" onClick={() => setOpen(false)}>
          Annuleren
        </Knop>
      </div>
    </form>
  );
}
