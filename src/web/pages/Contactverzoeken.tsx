import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { api } from '../api/client.js';
import type { Contactverzoek, ContactverzoekLijst, Groepscijfers, Reactietijden } from '../api/contactverzoeken.js';
import { KeuzeRondjes } from '../components/KeuzeRondjes.js';
import { Pagina } from '../components/Pagina.js';
import { Gegevens, Knop, Laden, Melding, Sectie, TabelVak } from '../components/ui.js';
import { FoutOverzicht, TekstvakVeld, Vinkje } from '../components/velden.js';
import { datumLang, tijdstip } from '../lib/format.js';
import { AppLink } from '../lib/router.js';
import { heeftRol, useSessie } from '../lib/sessie.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/contactverzoeken.css';

/** Employer: "Mijn contactverzoeken". Professional: the requests about persons of the own gemeente(n). */
export function ContactverzoekenPagina() {
  const { sessie } = useSessie();
  const werkgever = heeftRol(sessie.gebruiker, 'werkgever');
  const [status, setStatus] = useState<'alle' | 'open' | 'afgesloten'>('alle');
  const lijst = useData<ContactverzoekLijst>((signal) => api.get('/api/v1/contactverzoeken', { status, limit: '200' }, signal), [status]);
  const v = lijst.data;
  return (
    <Pagina
      titel={werkgever ? 'Mijn contactverzoeken' : 'Contactverzoeken'}
      intro={
        werkgever
          ? 'Uw verzoeken om contact met kandidaten. Zegt een kandidaat ja, dan ziet u hier de contactgegevens.'
          : 'Verzoeken van werkgevers over personen van uw gemeente. Bespreek elk verzoek met de kandidaat en leg het antwoord vast.'
      }
    >
      <KeuzeRondjes
        vraag="Welke verzoeken?"
        naam="status"
        waarde={status}
        onKies={(w) => setStatus(w as typeof status)}
        opties={[
          { waarde: 'alle', label: 'Alle' },
          { waarde: 'open', label: 'In behandeling' },
          { waarde: 'afgesloten', label: 'Afgehandeld' },
        ]}
      />
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {lijst.laden && !v ? <Laden /> : null}
      {v && v.resultaten.length === 0 ? <p className="nl-paragraph">Er zijn geen contactverzoeken.</p> : null}
      {v && v.resultaten.length > 0 ? (
        <TabelVak label="Contactverzoeken">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption rhc-visually-hidden">Contactverzoeken ({v.totaal})</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  Kandidaat
                </th>
                {werkgever ? null : (
                  <th className="utrecht-table__header-cell" scope="col">
                    Persoon
                  </th>
                )}
                <th className="utrecht-table__header-cell" scope="col">
                  {werkgever ? 'Functie' : 'Werkgever en functie'}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Aangevraagd
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {v.resultaten.map((c) => (
                <tr className="utrecht-table__row" key={c.id}>
                  <th className="utrecht-table__header-cell" scope="row">
                    <AppLink href={`/contactverzoeken/${c.id}`}>Verzoek over {c.publiekId}</AppLink>
                  </th>
                  {werkgever ? null : <td className="utrecht-table__cell">{c.persoon?.naam}</td>}
                  <td className="utrecht-table__cell">{werkgever ? c.functie : `${c.werkgever.organisatie}: ${c.functie}`}</td>
                  <td className="utrecht-table__cell">{datumLang(c.aangemaaktOp)}</td>
                  <td className="utrecht-table__cell">
                    <span className={`verzoek-status verzoek-status--${c.status.code}`}>{c.status.label}</span>
                    {c.teLaat ? <strong className="te-laat"> · Over de termijn</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabelVak>
      ) : null}
    </Pagina>
  );
}

function AntwoordFormulier({ c, onKlaar }: { c: Contactverzoek; onKlaar: (c: Contactverzoek) => void }) {
  const [antwoord, setAntwoord] = useState<string | undefined>();
  const [telefoon, setTelefoon] = useState(Boolean(c.inDossier?.telefoon));
  const [email, setEmail] = useState(false);
  const [toelichting, setToelichting] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  async function verstuur(e: FormEvent) {
    e.preventDefault();
    if (!antwoord) {
      setFouten({ antwoord: 'Kies ja of nee.' });
      return;
    }
    setBezig(true);
    setFouten({});
    setAlgemeen(null);
    try {
      const body = { antwoord, ...(toelichting.trim() ? { toelichting } : {}), ...(antwoord === 'ja' ? { delen: { telefoon, email } } : {}) };
      onKlaar(await api.post<Contactverzoek>(`/api/v1/contactverzoeken/${c.id}/antwoord`, body));
    } catch (err) {
      const a = alsApiError(err);
      const f = a.veldFouten();
      if (f['delen.telefoon'] || f['delen.email']) f.delen = f['delen.telefoon'] ?? f['delen.email']!;
      setFouten(f);
      setAlgemeen(a.invalidParams.length ? null : a.melding);
    } finally {
      setBezig(false);
    }
  }
  return (
    <form onSubmit={verstuur} noValidate className="antwoord-formulier">
      <FoutOverzicht fouten={fouten} labels={{ antwoord: 'Antwoord', delen: 'Contactgegevens', toelichting: 'Notitie' }} algemeen={algemeen} />
      <KeuzeRondjes
        vraag="Wil de kandidaat contact met deze werkgever?"
        naam="antwoord"
        waarde={antwoord}
        onKies={setAntwoord}
        fout={fouten.antwoord}
        opties={[
          { waarde: 'ja', label: 'Ja, de kandidaat wil kennismaken' },
          { waarde: 'nee', label: 'Nee' },
        ]}
        hint="Bij nee krijgt de werkgever een neutraal bericht, zonder reden."
      />
      {antwoord === 'ja' ? (
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" aria-describedby="delen-uitleg">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Welke gegevens mag de werkgever krijgen?</legend>
          <p className="nl-paragraph" id="delen-uitleg">
            De naam gaat altijd mee. Kies wat de kandidaat daarnaast wil delen. Dit wordt vastgelegd als toestemming; de kandidaat kan die intrekken.
          </p>
          {fouten.delen ? (
            <p className="utrecht-form-field-error-message" id="veld-delen">
              <span className="rhc-visually-hidden">Fout: </span>
              {fouten.delen}
            </p>
          ) : null}
          <Vinkje
            label={c.inDossier?.telefoon ? 'Telefoonnummer' : 'Telefoonnummer (staat niet in het dossier)'}
            naam="delen-telefoon"
            checked={telefoon}
            disabled={!c.inDossier?.telefoon}
            onChange={(e) => setTelefoon(e.target.checked)}
          />
          <Vinkje
            label={c.inDossier?.email ? 'E-mailadres' : 'E-mailadres (staat niet in het dossier)'}
            naam="delen-email"
            checked={email}
            disabled={!c.inDossier?.email}
            onChange={(e) => setEmail(e.target.checked)}
          />
        </fieldset>
      ) : null}
      <TekstvakVeld
        label="Notitie over het gesprek"
        naam="toelichting"
        hint="Alleen voor professionals. De werkgever ziet dit nooit."
        rows={3}
        value={toelichting}
        onChange={(e) => setToelichting(e.target.value)}
        fout={fouten.toelichting}
        verplicht={false}
        maxLength={2000}
      />
      <Knop type="submit" soort="primair" disabled={bezig}>
        Antwoord vastleggen
      </Knop>
    </form>
  );
}

/** One request: the professional records the candidate's answer; the employer follows it and, after yes, sees the contact details. */
export function ContactverzoekPagina({ id }: { id: string }) {
  const verzoek = useData<Contactverzoek>((signal) => api.get(`/api/v1/contactverzoeken/${id}`, undefined, signal), [id]);
  const [melding, setMelding] = useState<string | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const c = verzoek.data;
  const professional = Boolean(c?.persoon);
  async function intrekken() {
    setFout(null);
    try {
      verzoek.setData(await api.post<Contactverzoek>(`/api/v1/contactverzoeken/${id}/intrekken`, {}));
      setMelding('Uw verzoek is ingetrokken.');
    } catch (e) {
      setFout(alsApiError(e).melding);
    }
  }
  return (
    <Pagina titel={c ? `Contactverzoek over ${c.publiekId}` : 'Contactverzoek'}>
      <p className="nl-paragraph">
        <AppLink href={professional ? '/werklijst' : '/contactverzoeken'}>
          {professional ? 'Terug naar de werklijst' : 'Terug naar mijn contactverzoeken'}
        </AppLink>
      </p>
      {verzoek.fout ? (
        <Melding type="error">{verzoek.fout.status === 404 ? 'Dit contactverzoek bestaat niet of u heeft er geen toegang toe.' : verzoek.fout.melding}</Melding>
      ) : null}
      {verzoek.laden && !c ? <Laden /> : null}
      {melding ? <Melding type="ok">{melding}</Melding> : null}
      {fout ? <Melding type="error">{fout}</Melding> : null}
      {c ? (
        <>
          <Gegevens
            items={[
              [
                'Status',
                <span key="s" className={`verzoek-status verzoek-status--${c.status.code}`}>
                  {c.status.label}
                </span>,
              ],
              ...(professional
                ? ([
                    [
                      'Kandidaat',
                      c.dossierLink ? (
                        <AppLink key="p" href={c.dossierLink}>
                          {c.persoon!.naam}
                        </AppLink>
                      ) : (
                        c.persoon!.naam
                      ),
                    ],
                    ['Termijn', `${datumLang(c.deadline)}${c.teLaat ? ' — over de termijn' : ''} (${c.termijn.werkdagen} werkdagen)`],
                  ] as [string, ReactNode][])
                : ([['Antwoord uiterlijk', datumLang(c.deadline)]] as [string, ReactNode][])),
              ['Profiel', c.publiekId],
              ['Gemeente', c.gemeente.naam],
              ['Aangevraagd op', tijdstip(c.aangemaaktOp)],
            ]}
          />
          <Sectie titel="Het verzoek" id="verzoek">
            <Gegevens
              items={[
                ['Werkgever', c.werkgever.organisatie],
                ['Contactpersoon', c.werkgever.contactpersoon],
                ['E-mail werkgever', c.werkgever.email],
                ['Telefoon werkgever', c.werkgever.telefoon],
                ['Werk of functie', c.functie],
                ['Uren per week', c.urenPerWeek === null ? null : String(c.urenPerWeek).replace('.', ',')],
              ]}
            />
            <blockquote className="verzoek-bericht">
              <p className="nl-paragraph">{c.bericht}</p>
            </blockquote>
          </Sectie>
          {professional && c.magBeantwoorden ? (
            <Sectie titel="Antwoord van de kandidaat" id="antwoord">
              <AntwoordFormulier
                c={c}
                onKlaar={(n) => {
                  verzoek.setData(n);
                  setMelding('Het antwoord is vastgelegd. De taak is afgerond.');
                }}
              />
            </Sectie>
          ) : null}
          {professional && !c.magBeantwoorden && c.antwoordToelichting ? (
            <Sectie titel="Notitie" id="notitie">
              <p className="nl-paragraph">{c.antwoordToelichting}</p>
            </Sectie>
          ) : null}
          {!professional ? (
            <Sectie titel="Antwoord" id="antwoord">
              {c.boodschap ? <p className="nl-paragraph">{c.boodschap}</p> : null}
              {c.status.code === 'in_behandeling' ? (
                <p className="nl-paragraph">De professional van de kandidaat bespreekt uw verzoek. U hoort het zodra er een antwoord is.</p>
              ) : null}
              {c.contactgegevens ? (
                <Gegevens
                  items={[
                    ['Naam', c.contactgegevens.naam],
                    ...(c.contactgegevens.telefoon ? ([['Telefoon', c.contactgegevens.telefoon]] as [string, string][]) : []),
                    ...(c.contactgegevens.email ? ([['E-mail', c.contactgegevens.email]] as [string, string][]) : []),
                  ]}
                />
              ) : null}
              {c.magIntrekken ? (
                <Knop soort="secundair" onClick={() => void intrekken()}>
                  Verzoek intrekken
                </Knop>
              ) : null}
            </Sectie>
          ) : null}
        </>
      ) : null}
    </Pagina>
  );
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const dagen = (x: number | null) => (x === null ? '—' : `${String(x).replace('.', ',')} d`);

/** Horizontal bars: median days to an answer per group; a suppressed group is drawn as an outline with text. */
function ReactietijdGrafiek({ rijen }: { rijen: { naam: string; cijfers: Groepscijfers }[] }) {
  const id = useId();
  const max = Math.max(1, ...rijen.map((r) => r.cijfers.p90Dagen ?? r.cijfers.mediaanDagen ?? 0));
  const regel = 30;
  const links = 120;
  const breed = 300;
  const hoog = rijen.length * regel + 10;
  const beschrijving = rijen
    .map(
      (r) => `${r.naam}: ${r.cijfers.mediaanDagen === null ? 'niet getoond (te weinig verzoeken of antwoorden)' : `mediaan ${r.cijfers.mediaanDagen} dagen`}`,
    )
    .join('; ');
  return (
    <figure className="reactietijd-grafiek">
      <figcaption>Mediaan aantal dagen tot een antwoord</figcaption>
      <svg viewBox={`0 0 ${links + breed + 70} ${hoog}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>Mediaan aantal dagen tot een antwoord, per gemeente en voor de regio</title>
        <desc id={`${id}-d`}>{beschrijving}</desc>
        {rijen.map((r, i) => {
          const y = i * regel + 5;
          const m = r.cijfers.mediaanDagen;
          return (
            <g key={r.naam}>
              <text x={links - 8} y={y + 17} textAnchor="end" className="cv-staaf-tekst">
                {r.naam}
              </text>
              {m === null ? (
                <>
                  <rect x={links} y={y + 4} width={breed / 4} height={18} className="cv-staaf cv-staaf--afgeschermd" />
                  <text x={links + breed / 4 + 6} y={y + 17} className="cv-staaf-tekst">
                    niet getoond
                  </text>
                </>
              ) : (
                <>
                  <rect x={links} y={y + 4} width={Math.max(2, (m / max) * breed)} height={18} className="cv-staaf" />
                  <text x={links + Math.max(2, (m / max) * breed) + 6} y={y + 17} className="cv-staaf-tekst">
                    {dagen(m)}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Response times on contact requests for the region; small groups are not shown. */
export function ReactietijdenPagina() {
  const data = useData<Reactietijden>((signal) => api.get('/api/v1/contactverzoeken/statistiek', undefined, signal), []);
  const s = data.data;
  const rijen = s ? [...s.perGemeente.map((g) => ({ naam: g.gemeente.naam, cijfers: g.cijfers })), { naam: 'Regio', cijfers: s.regio }] : [];
  return (
    <Pagina titel="Reactietijden contactverzoeken" intro="Hoe snel werkgevers antwoord krijgen op een contactverzoek, per gemeente en voor de hele regio.">
      {data.fout ? <Melding type="error">{data.fout.melding}</Melding> : null}
      {data.laden && !s ? <Laden /> : null}
      {s ? (
        <>
          <p className="nl-paragraph">
            Periode: {datumLang(s.periode.van)} tot en met {datumLang(s.periode.tot)}. Afgesproken termijn: {s.standaardTermijn.werkdagen} werkdagen, tenzij een
            gemeente een eigen termijn heeft.
          </p>
          <Melding type="info">
            Groepen met minder dan {s.minimaleGroep.aantal} verzoeken (of antwoorden) tonen we niet als getal. Zo is niemand te herkennen.
          </Melding>
          <ReactietijdGrafiek rijen={rijen} />
          <TabelVak label="Reactietijden per gemeente">
            <table className="utrecht-table utrecht-table--html-table">
              <caption className="utrecht-table__caption">Cijfers per gemeente en voor de regio</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">
                    Gebied
                  </th>
                  {['Verzoeken', 'Beantwoord', 'Mediaan', '90% binnen', 'Ja', 'Open, te laat'].map((k) => (
                    <th key={k} className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                      {k}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {rijen.map((r) => (
                  <tr className="utrecht-table__row" key={r.naam}>
                    <th className="utrecht-table__header-cell" scope="row">
                      {r.naam}
                    </th>
                    {r.cijfers.onderdrukt ? (
                      <td className="utrecht-table__cell" colSpan={6}>
                        Minder dan {s.minimaleGroep.aantal} verzoeken: niet getoond
                      </td>
                    ) : (
                      <>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric">{r.cijfers.aantal}</td>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric">{pct(r.cijfers.aandeelBeantwoord)}</td>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric">{dagen(r.cijfers.mediaanDagen)}</td>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric">{dagen(r.cijfers.p90Dagen)}</td>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric">{pct(r.cijfers.aandeelJa)}</td>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric">{r.cijfers.openTeLaat}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TabelVak>
          <p className="nl-paragraph klein">Bron termijn: {s.standaardTermijn.bron}</p>
          <p className="nl-paragraph klein">Regel kleine aantallen: {s.minimaleGroep.bron}</p>
        </>
      ) : null}
    </Pagina>
  );
}
