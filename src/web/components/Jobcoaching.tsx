import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type Begrip, BEGRIP_CODES, BEGRIPPEN, REGIME_GRENZEN, REGIME_LABELS, REGIMES, type Regime } from '../../shared/jobcoaching.js';
import { api } from '../api/client.js';
import type { GemeenteBeleid, JobcoachBeoordeling } from '../api/toolkit.js';
import { datumLang, tijdstip } from '../lib/format.js';
import { getal, isIsoDatum, leesGetal, vandaagIso } from '../lib/getallen.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/toolkit.css';
import { Brief } from './Brief.js';
import { KeuzeRondjes } from './KeuzeRondjes.js';
import { Gegevens, Knop, Laden, Melding, TabelVak } from './ui.js';
import { FoutOverzicht, KeuzeVeld, TekstVeld, TekstvakVeld, Vinkje } from './velden.js';

/** Short names of the concepts, for tables and the error summary. */
const BEGRIP_NAMEN: Record<Begrip, string> = {
  aard_beperking: 'Invloed van de beperking',
  taakcomplexiteit: 'Taken',
  werkomgeving: 'Werkomgeving',
  leervermogen: 'Leren',
  natuurlijke_steun: 'Steun van de werkgever',
  communicatie_en_gedrag: 'Samenwerken en communiceren',
  werkervaring: 'Werkervaring',
};

const begripNaam = (b: string) => BEGRIP_NAMEN[b as Begrip] ?? b.replace(/_/g, ' ');
const antwoordTekst = (code: string) => {
  const s = code.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};
const regimeTekst = (r: Regime) => REGIME_LABELS[r] ?? r;
const Regime1 = (r: Regime) => {
  const s = regimeTekst(r);
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** Field names in this form carry the prefix `jc-`, so they never clash with other forms on the dossier page. */
const VELD = {
  peildatum: 'jc-peildatum',
  urenPerWeek: 'jc-uren',
  begeleidingsjaar: 'jc-jaar',
  regime: 'jc-regime',
  reden: 'jc-reden',
} as const;

const LABELS: Record<string, string> = {
  [VELD.peildatum]: 'Peildatum',
  [VELD.urenPerWeek]: 'Uren per week',
  [VELD.begeleidingsjaar]: 'Begeleidingsjaar',
  [VELD.regime]: 'Gekozen regime',
  [VELD.reden]: 'Reden van afwijken',
  ...Object.fromEntries(BEGRIP_CODES.map((b) => [`jc-${b}`, BEGRIP_NAMEN[b]])),
};

/** Maps the API's field names (`antwoorden.werkomgeving`, `afwijking.reden`, …) to this form's fields. */
function naarVeld(naam: string): string {
  if (naam.startsWith('antwoorden.')) return `jc-${naam.slice('antwoorden.'.length)}`;
  if (naam === 'afwijking.reden' || naam === 'afwijking') return VELD.reden;
  if (naam === 'afwijking.regime') return VELD.regime;
  if (naam in VELD) return VELD[naam as keyof typeof VELD];
  return naam;
}

/** The advised regime for complete answers, computed from the same shared table the server uses. */
function advies(antwoorden: Partial<Record<Begrip, string>>): { score: number; regime: Regime } | null {
  let score = 0;
  for (const b of BEGRIP_CODES) {
    const a = antwoorden[b];
    if (!a) return null;
    score += (BEGRIPPEN[b].antwoorden as Record<string, number>)[a] ?? 0;
  }
  return { score, regime: REGIME_GRENZEN.find((g) => score >= g.vanaf)!.regime };
}

/**
 * Jobcoaching in the dossier: earlier assessments (regime, hours, arguments, letters) and, for those who
 * may assess, the form. `eigen` = the person looks at their own dossier (plain language, own letter only).
 */
export function Jobcoaching({
  persoonId,
  gemeente,
  beoordelen,
  eigen = false,
}: {
  persoonId: string;
  gemeente: { id: string; naam: string };
  beoordelen: boolean;
  eigen?: boolean;
}) {
  const basis = `/api/v1/personen/${encodeURIComponent(persoonId)}/jobcoach-beoordelingen`;
  const lijst = useData<JobcoachBeoordeling[]>((signal) => api.get(basis, undefined, signal), [basis]);
  const [formulierOpen, setFormulierOpen] = useState(false);
  const [nieuw, setNieuw] = useState<JobcoachBeoordeling | null>(null);

  if (eigen) {
    return (
      <>
        <p className="nl-paragraph">Hier ziet u hoeveel hulp u krijgt van een jobcoach op uw werk, en waarom.</p>
        {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
        {lijst.laden && !lijst.data ? <Laden /> : null}
        {lijst.data && lijst.data.length === 0 ? <p className="nl-paragraph">U krijgt nu geen hulp van een jobcoach via ons.</p> : null}
        {(lijst.data ?? []).map((b) => (
          <details key={b.id} className="beoordeling">
            <summary className="beoordeling-samenvatting">
              {datumLang(b.peildatum)}: {getal(b.advies.urenPerHalfjaar)} uur hulp per half jaar
            </summary>
            <Gegevens
              items={[
                ['Hoeveel hulp', `${getal(b.advies.urenPerHalfjaar)} uur per half jaar (ongeveer ${getal(b.advies.urenPerHalfjaar / 26)} uur per week)`],
                ['Soort begeleiding', regimeTekst(b.advies.regime)],
                ['Wanneer we samen kijken hoe het gaat', datumLang(b.evaluatieOp)],
              ]}
            />
            <Brief titel="Uw brief" tekst={b.brieven.persoon} kopNiveau={3} />
          </details>
        ))}
      </>
    );
  }

  return (
    <>
      <p className="nl-paragraph">
        Hoeveel begeleiding door een jobcoach past bij deze persoon? De beoordeling geeft een advies volgens de tabel van het Protocol Jobcoach, binnen het
        beleid van {gemeente.naam}. Het is een advies: u en de persoon beslissen.
      </p>
      {beoordelen && !formulierOpen ? (
        <div className="knoppen">
          <Knop id="jc-openen" soort="primair" onClick={() => setFormulierOpen(true)}>
            Jobcoaching beoordelen
          </Knop>
        </div>
      ) : null}
      {beoordelen && formulierOpen ? (
        <Beoordelen
          basis={basis}
          gemeente={gemeente}
          onKlaar={(b) => {
            setFormulierOpen(false);
            if (b) {
              setNieuw(b);
              lijst.setData([b, ...(lijst.data ?? []).filter((x) => x.id !== b.id)]);
            } else {
              requestAnimationFrame(() => document.getElementById('jc-openen')?.focus());
            }
          }}
        />
      ) : null}

      {nieuw ? <NieuweUitkomst b={nieuw} /> : null}

      <h3 className="nl-heading nl-heading--level-3">Eerdere beoordelingen</h3>
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {lijst.laden && !lijst.data ? <Laden /> : null}
      {lijst.data && lijst.data.length === 0 ? <p className="nl-paragraph">Er is nog geen beoordeling van jobcoaching gemaakt.</p> : null}
      {(lijst.data ?? []).map((b) => (
        <details key={b.id} className="beoordeling">
          <summary className="beoordeling-samenvatting">
            {datumLang(b.peildatum)}: regime {regimeTekst(b.advies.regime)}, {getal(b.advies.urenPerHalfjaar)} uur per half jaar
            <span className="klein"> (evaluatie {datumLang(b.evaluatieOp)})</span>
          </summary>
          <Uitkomst b={b} />
        </details>
      ))}
    </>
  );
}

/** The assessment just made; its heading gets focus. */
function NieuweUitkomst({ b }: { b: JobcoachBeoordeling }) {
  const kop = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again for every new result
  useEffect(() => {
    kop.current?.focus();
  }, [b]);
  return (
    <section className="kader beoordeling-nieuw" aria-labelledby="jc-uitkomst-kop">
      <h3 className="nl-heading nl-heading--level-3" id="jc-uitkomst-kop" ref={kop} tabIndex={-1}>
        Uitkomst van de beoordeling
      </h3>
      <Melding type="ok">De beoordeling is opgeslagen en staat in de tijdlijn.</Melding>
      <Uitkomst b={b} />
    </section>
  );
}

/** The full outcome of one assessment: regime, hours, bounds, arguments, explanation, sources and letters. */
function Uitkomst({ b }: { b: JobcoachBeoordeling }) {
  const a = b.advies;
  return (
    <div className="beoordeling-uitkomst">
      <dl className="bedragen">
        <div className="bedrag">
          <dt className="bedrag-label">Regime</dt>
          <dd className="bedrag-waarde jc-regime">{Regime1(a.regime)}</dd>
        </div>
        <div className="bedrag">
          <dt className="bedrag-label">Uren jobcoaching per half jaar</dt>
          <dd className="bedrag-waarde jc-uren">{getal(a.urenPerHalfjaar)} uur</dd>
        </div>
        <div className="bedrag">
          <dt className="bedrag-label">Evaluatie op</dt>
          <dd className="bedrag-waarde jc-evaluatie">{datumLang(b.evaluatieOp)}</dd>
        </div>
      </dl>
      <Gegevens
        items={[
          [
            'Advies volgens de antwoorden',
            `${Regime1(a.geadviseerdRegime)} (score ${a.score} van ${a.maxScore})${a.afgeweken ? ' — de professional is hiervan afgeweken' : ''}`,
          ],
          [
            'Percentage van de werkuren',
            `${getal(a.percentage)}%${a.regimeVolgensProtocol !== a.regime ? ` (telt in het protocol als ${regimeTekst(a.regimeVolgensProtocol)})` : ''}`,
          ],
          ['Werkuren per half jaar', `${getal(a.werkurenPerHalfjaar)} uur`],
          ['Uren volgens het protocol', `${getal(a.urenVolgensProtocol)} uur per half jaar`],
          [
            'Begrensd door het beleid van de gemeente',
            a.begrensdDoorBeleid ? `Ja: begrensd van ${getal(a.urenVolgensProtocol)} tot ${getal(a.urenPerHalfjaar)} uur per half jaar` : 'Nee',
          ],
          ['Binnen de maximale duur van het beleid', a.binnenMaxDuur ? 'Ja' : 'Nee: verlenging vraagt een besluit met een reden'],
          ['Peildatum', datumLang(b.peildatum)],
          ['Gemaakt', `${tijdstip(b.aangemaaktOp)} door ${b.auteur}`],
        ]}
      />
      <h4 className="nl-heading nl-heading--level-4">Argumenten per begrip</h4>
      <TabelVak label={`Argumenten per begrip, beoordeling van ${datumLang(b.peildatum)}`}>
        <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color tabel-toolkit">
          <caption className="utrecht-table__caption">Antwoorden en score per begrip (0 = weinig hulp nodig, 3 = veel hulp nodig)</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                Begrip
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Vraag
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Antwoord
              </th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                Score
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {a.argumenten.map((x) => (
              <tr key={x.begrip} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell utrecht-table__header-cell--row">
                  {begripNaam(x.begrip)}
                </th>
                <td className="utrecht-table__cell">{x.vraag}</td>
                <td className="utrecht-table__cell">{antwoordTekst(x.antwoord)}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data">{x.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TabelVak>
      {a.toelichting.length > 0 ? (
        <>
          <h4 className="nl-heading nl-heading--level-4">Toelichting</h4>
          <ul className="utrecht-unordered-list">
            {a.toelichting.map((t) => (
              <li key={t} className="utrecht-unordered-list__item">
                {t}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4 className="nl-heading nl-heading--level-4">Bronnen</h4>
      <ul className="utrecht-unordered-list">
        {a.bronnen.map((t) => (
          <li key={t} className="utrecht-unordered-list__item">
            {t}
          </li>
        ))}
      </ul>
      <h4 className="nl-heading nl-heading--level-4">Brieven</h4>
      <div className="brieven">
        <Brief titel="Brief aan de persoon (taalniveau B1)" tekst={b.brieven.persoon} kopNiveau={5} />
        <Brief titel="Brief aan de werkgever" tekst={b.brieven.werkgever} kopNiveau={5} />
      </div>
    </div>
  );
}

function Beoordelen({ basis, gemeente, onKlaar }: { basis: string; gemeente: { id: string; naam: string }; onKlaar: (b: JobcoachBeoordeling | null) => void }) {
  const beleid = useData<GemeenteBeleid>((signal) => api.get(`/api/v1/gemeenten/${encodeURIComponent(gemeente.id)}/beleid`, undefined, signal), [gemeente.id]);
  const [peildatum, setPeildatum] = useState(vandaagIso());
  const [uren, setUren] = useState('');
  const [jaar, setJaar] = useState('1');
  const [antwoorden, setAntwoorden] = useState<Partial<Record<Begrip, string>>>({});
  const [afwijken, setAfwijken] = useState(false);
  const [regime, setRegime] = useState('');
  const [reden, setReden] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const kopRef = useRef<HTMLHeadingElement>(null);
  const nu = advies(antwoorden);
  useEffect(() => {
    kopRef.current?.focus();
  }, []);

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    const f: Record<string, string> = {};
    if (!peildatum) f[VELD.peildatum] = 'Vul de peildatum in.';
    else if (!isIsoDatum(peildatum)) f[VELD.peildatum] = 'Vul een bestaande datum in.';
    const u = leesGetal(uren);
    if (u === null) f[VELD.urenPerWeek] = 'Vul in hoeveel uur per week de persoon werkt.';
    else if (Number.isNaN(u) || u <= 0 || u > 60) f[VELD.urenPerWeek] = 'Vul een aantal uren in van meer dan 0 en hoogstens 60.';
    const j = leesGetal(jaar);
    if (j === null) f[VELD.begeleidingsjaar] = 'Vul het begeleidingsjaar in.';
    else if (Number.isNaN(j) || !Number.isInteger(j) || j < 1 || j > 20) f[VELD.begeleidingsjaar] = 'Vul een heel getal in van 1 tot en met 20.';
    for (const b of BEGRIP_CODES) if (!antwoorden[b]) f[`jc-${b}`] = 'Kies een antwoord.';
    if (afwijken) {
      if (!regime) f[VELD.regime] = 'Kies het regime dat u wilt toekennen.';
      if (reden.trim().length < 10) f[VELD.reden] = 'Schrijf op waarom u afwijkt van het advies (minstens 10 tekens).';
    }
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    setBezig(true);
    try {
      const b = await api.post<JobcoachBeoordeling>(basis, {
        peildatum,
        urenPerWeek: u,
        begeleidingsjaar: j,
        antwoorden,
        ...(afwijken ? { afwijking: { regime, reden: reden.trim() } } : {}),
      });
      onKlaar(b);
    } catch (err) {
      const fout = alsApiError(err);
      const vf = Object.fromEntries(Object.entries(fout.veldFouten()).map(([k, v]) => [naarVeld(k), v]));
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    } finally {
      setBezig(false);
    }
  }

  return (
    <form className="formulier formulier--breed kader" noValidate onSubmit={verstuur} aria-labelledby="jc-formulier-kop">
      <h3 className="nl-heading nl-heading--level-3" id="jc-formulier-kop" ref={kopRef} tabIndex={-1}>
        Nieuwe beoordeling van jobcoaching
      </h3>
      <FoutOverzicht fouten={fouten} labels={LABELS} algemeen={algemeen} />
      {beleid.data ? (
        <p className="nl-paragraph klein">
          Beleid van {gemeente.naam}:{' '}
          {beleid.data.jobcoachMaxUrenPerHalfjaar === null
            ? 'geen grens aan de uren'
            : `hoogstens ${getal(beleid.data.jobcoachMaxUrenPerHalfjaar)} uur per half jaar`}
          {beleid.data.jobcoachMaxDuurJaren === null ? '' : `, hoogstens ${beleid.data.jobcoachMaxDuurJaren} jaar`}. Bron: {beleid.data.bron}.
        </p>
      ) : null}
      <TekstVeld
        label="Peildatum"
        naam={VELD.peildatum}
        type="date"
        className="datum-invoer"
        value={peildatum}
        onChange={(e) => setPeildatum(e.target.value)}
        fout={fouten[VELD.peildatum]}
        hint="Het begin van het half jaar waarvoor u de uren vaststelt. De evaluatie is 6 maanden later."
        verplicht
      />
      <TekstVeld
        label="Uren per week dat de persoon werkt"
        naam={VELD.urenPerWeek}
        inputMode="decimal"
        autoComplete="off"
        className="getal-invoer"
        value={uren}
        onChange={(e) => setUren(e.target.value)}
        fout={fouten[VELD.urenPerWeek]}
        hint="Bijvoorbeeld 24 of 30,5."
        verplicht
      />
      <TekstVeld
        label="Begeleidingsjaar bij deze werkgever"
        naam={VELD.begeleidingsjaar}
        inputMode="numeric"
        autoComplete="off"
        className="getal-invoer"
        value={jaar}
        onChange={(e) => setJaar(e.target.value)}
        fout={fouten[VELD.begeleidingsjaar]}
        hint="1 is het eerste jaar. Vanaf het 3e jaar geldt de tabel voor jaar 3 en later."
        verplicht
      />
      <h4 className="nl-heading nl-heading--level-4">Vragen over de behoefte aan begeleiding</h4>
      <p className="nl-paragraph">Beantwoord elke vraag. Het eerste antwoord betekent weinig hulp nodig, het laatste veel hulp nodig.</p>
      {BEGRIP_CODES.map((b) => (
        <KeuzeRondjes
          key={b}
          vraag={BEGRIPPEN[b].vraag}
          naam={`jc-${b}`}
          opties={Object.keys(BEGRIPPEN[b].antwoorden).map((code) => ({ waarde: code, label: antwoordTekst(code) }))}
          waarde={antwoorden[b]}
          onKies={(w) => setAntwoorden((x) => ({ ...x, [b]: w }))}
          fout={fouten[`jc-${b}`]}
        />
      ))}
      <p className="nl-paragraph advies-nu" role="status">
        {nu
          ? `Advies op basis van de antwoorden: regime ${regimeTekst(nu.regime)} (score ${nu.score} van ${BEGRIP_CODES.length * 3}).`
          : `Nog ${BEGRIP_CODES.filter((b) => !antwoorden[b]).length} van de ${BEGRIP_CODES.length} vragen te beantwoorden.`}
      </p>
      <Vinkje label="Ik wijk af van het advies" naam="jc-afwijken" checked={afwijken} onChange={(e) => setAfwijken(e.target.checked)} />
      {afwijken ? (
        <div className="afwijking">
          <KeuzeVeld
            label="Regime dat u kiest"
            naam={VELD.regime}
            value={regime}
            onChange={(e) => setRegime(e.target.value)}
            fout={fouten[VELD.regime]}
            verplicht
          >
            <option value="">Kies een regime</option>
            {REGIMES.map((r) => (
              <option key={r} value={r}>
                {Regime1(r)}
              </option>
            ))}
          </KeuzeVeld>
          <TekstvakVeld
            label="Reden van afwijken"
            naam={VELD.reden}
            value={reden}
            onChange={(e) => setReden(e.target.value)}
            fout={fouten[VELD.reden]}
            hint="Schrijf op waarom een ander regime beter past. De reden komt in de brief aan de persoon."
            verplicht
            maxLength={2000}
          />
        </div>
      ) : null}
      <div className="knoppen">
        <Knop soort="primair" type="submit" disabled={bezig}>
          {bezig ? 'Bezig met beoordelen…' : 'Beoordeling maken'}
        </Knop>
        <Knop soort="secundair" onClick={() => onKlaar(null)}>
          Annuleren
        </Knop>
      </div>
    </form>
  );
}
