import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { Diagnose, Instrument, NieuweDiagnose } from '../api/diagnose.js';
import type { PersoonDetail } from '../api/types.js';
import { KeuzeRondjes } from '../components/KeuzeRondjes.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Laden, Melding } from '../components/ui.js';
import { FoutOverzicht, KeuzeVeld, TekstVeld, TekstvakVeld } from '../components/velden.js';
import { volledigeNaam } from '../lib/format.js';
import { AppLink, navigate } from '../lib/router.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/diagnose.css';
import { vandaag } from '../../shared/datum.js';

function useInstrument() {
  return useData<Instrument>((signal) => api.get('/api/v1/leefgebieden', undefined, signal), []);
}

const TEKST_LABELS: Record<string, string> = {
  datum: 'Datum',
  participatieladder: 'Participatieladder',
  motivatieScore: 'Motivatie',
  motivatieTekst: 'Motivatie in eigen woorden',
  sterkePunten: 'Sterke punten',
  obstakels: 'Wat in de weg zit',
  ondersteuningsbehoefte: 'Ondersteuningsbehoefte',
};

/** The professional's entry form: all leefgebieden on one page, with the level descriptions as options. */
export function DiagnoseInvoerPagina({ id }: { id: string }) {
  const instrument = useInstrument();
  const persoon = useData<PersoonDetail>((signal) => api.get(`/api/v1/personen/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const [datum, setDatum] = useState(vandaag());
  const [scores, setScores] = useState<Record<string, string>>({});
  const [toelichting, setToelichting] = useState<Record<string, string>>({});
  const [ladder, setLadder] = useState('');
  const [motivatie, setMotivatie] = useState('');
  const [tekst, setTekst] = useState<Record<string, string>>({});
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const i = instrument.data;
  const naam = persoon.data ? volledigeNaam(persoon.data) : '';

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    if (!i) return;
    setAlgemeen(null);
    const leefgebieden = i.leefgebieden.flatMap((l) =>
      scores[l.code] ? [{ code: l.code, score: Number(scores[l.code]), toelichting: toelichting[l.code]?.trim() || null }] : [],
    );
    if (leefgebieden.length === 0 && !ladder && !motivatie) {
      setFouten({ [`lg-${i.leefgebieden[0]!.code}`]: 'Geef minstens één leefgebied, de participatieladder of de motivatie een score.' });
      return;
    }
    setFouten({});
    const body: NieuweDiagnose = {
      perspectief: 'professional',
      datum,
      participatieladder: ladder ? Number(ladder) : null,
      motivatieScore: motivatie ? Number(motivatie) : null,
      motivatieTekst: tekst.motivatieTekst?.trim() || null,
      sterkePunten: tekst.sterkePunten?.trim() || null,
      obstakels: tekst.obstakels?.trim() || null,
      ondersteuningsbehoefte: tekst.ondersteuningsbehoefte?.trim() || null,
      leefgebieden,
    };
    setBezig(true);
    try {
      await api.post<Diagnose>(`/api/v1/personen/${encodeURIComponent(id)}/diagnoses`, body);
      navigate(`/personen/${id}#diagnose`);
    } catch (err) {
      const fout = alsApiError(err);
      const vf: Record<string, string> = {};
      for (const [k, v] of Object.entries(fout.veldFouten())) {
        const m = /^leefgebieden\.(\d+)\./.exec(k);
        vf[m ? `lg-${leefgebieden[Number(m[1])]?.code}` : k] = v;
      }
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    } finally {
      setBezig(false);
    }
  }

  return (
    <Pagina titel={naam ? `Brede diagnose vastleggen — ${naam}` : 'Brede diagnose vastleggen'} kop="Brede diagnose vastleggen">
      {naam ? <p className="nl-paragraph">Voor {naam}. Uw beeld als professional; het eigen beeld van de persoon staat ernaast in het dossier.</p> : null}
      {instrument.fout ? <Melding type="error">{instrument.fout.melding}</Melding> : null}
      {!i ? <Laden /> : null}
      {i ? (
        <form className="formulier formulier--breed" noValidate onSubmit={opslaan}>
          <FoutOverzicht
            fouten={fouten}
            labels={{ ...TEKST_LABELS, ...Object.fromEntries(i.leefgebieden.map((l) => [`lg-${l.code}`, l.naam])) }}
            algemeen={algemeen}
          />
          <TekstVeld
            label="Datum van de diagnose"
            naam="datum"
            type="date"
            value={datum}
            onChange={(e) => setDatum(e.target.value)}
            fout={fouten.datum}
            verplicht
            max={vandaag()}
          />
          <h2 className="nl-heading nl-heading--level-2">Leefgebieden</h2>
          <p className="nl-paragraph klein">
            Schaal: 1 acute problematiek, 2 niet zelfredzaam, 3 beperkt zelfredzaam, 4 voldoende zelfredzaam, 5 volledig zelfredzaam. Laat een leefgebied leeg
            als u het niet beoordeelt. Instrument versie {i.versie}.
          </p>
          {i.leefgebieden.map((l) => (
            <div key={l.code} className="plan-onderdeel">
              <KeuzeVeld
                label={l.naam}
                naam={`lg-${l.code}`}
                hint={l.omschrijving}
                value={scores[l.code] ?? ''}
                onChange={(e) => setScores({ ...scores, [l.code]: e.target.value })}
                fout={fouten[`lg-${l.code}`]}
                verplicht={false}
              >
                <option value="">Niet beoordeeld</option>
                {l.niveaus.map((n) => (
                  <option key={n.score} value={n.score}>
                    {n.score} – {i.schaal.find((s) => s.score === n.score)?.naam}: {n.omschrijving}
                  </option>
                ))}
              </KeuzeVeld>
              {scores[l.code] ? (
                <TekstVeld
                  label={`Toelichting bij ${l.naam.toLowerCase()}`}
                  naam={`lg-${l.code}-toelichting`}
                  value={toelichting[l.code] ?? ''}
                  onChange={(e) => setToelichting({ ...toelichting, [l.code]: e.target.value })}
                  verplicht={false}
                  maxLength={2000}
                />
              ) : null}
            </div>
          ))}
          <h2 className="nl-heading nl-heading--level-2">Participatie en motivatie</h2>
          <KeuzeVeld
            label="Participatieladder"
            naam="participatieladder"
            value={ladder}
            onChange={(e) => setLadder(e.target.value)}
            fout={fouten.participatieladder}
            verplicht={false}
          >
            <option value="">Niet beoordeeld</option>
            {i.participatieladder.sporten.map((s) => (
              <option key={s.sport} value={s.sport}>
                {s.sport} – {s.naam}: {s.omschrijving}
              </option>
            ))}
          </KeuzeVeld>
          <KeuzeVeld
            label="Motivatie"
            naam="motivatieScore"
            value={motivatie}
            onChange={(e) => setMotivatie(e.target.value)}
            fout={fouten.motivatieScore}
            verplicht={false}
          >
            <option value="">Niet beoordeeld</option>
            {i.motivatie.niveaus.map((n) => (
              <option key={n.score} value={n.score}>
                {n.score} – {n.omschrijving}
              </option>
            ))}
          </KeuzeVeld>
          {(['motivatieTekst', 'sterkePunten', 'obstakels', 'ondersteuningsbehoefte'] as const).map((k) => (
            <TekstvakVeld
              key={k}
              label={TEKST_LABELS[k]}
              naam={k}
              value={tekst[k] ?? ''}
              onChange={(e) => setTekst({ ...tekst, [k]: e.target.value })}
              fout={fouten[k]}
              verplicht={false}
              maxLength={4000}
            />
          ))}
          <div className="knoppen">
            <Knop soort="primair" type="submit" disabled={bezig}>
              Diagnose opslaan
            </Knop>
            <AppLink href={`/personen/${id}`}>Annuleren</AppLink>
          </div>
        </form>
      ) : null}
    </Pagina>
  );
}

/**
 * "Hoe gaat het met mij": the person's own view, in plain words, one subject at a time with the level
 * descriptions as choices. Every question may be skipped.
 */
export function EigenBeeldPagina({ id }: { id: string }) {
  const instrument = useInstrument();
  const [stap, setStap] = useState(0);
  const [scores, setScores] = useState<Record<string, string>>({});
  const [ladder, setLadder] = useState('');
  const [motivatie, setMotivatie] = useState('');
  const [tekst, setTekst] = useState<Record<string, string>>({});
  const [fout, setFout] = useState<string | null>(null);
  const [klaar, setKlaar] = useState(false);
  const [bezig, setBezig] = useState(false);
  const kop = useRef<HTMLHeadingElement>(null);
  const eerste = useRef(true);
  const i = instrument.data;
  const aantalStappen = i ? i.leefgebieden.length + 2 : 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: move focus to the new question whenever the step changes
  useEffect(() => {
    if (eerste.current) {
      eerste.current = false;
      return;
    }
    kop.current?.focus();
  }, [stap, klaar]);

  async function versturen() {
    if (!i) return;
    setFout(null);
    const leefgebieden = i.leefgebieden.flatMap((l) =>
      scores[l.code] && scores[l.code] !== 'overslaan' ? [{ code: l.code, score: Number(scores[l.code]) }] : [],
    );
    if (leefgebieden.length === 0 && !ladder && !motivatie) {
      setFout('U heeft nog niets ingevuld. Ga terug en kies bij minstens één vraag een antwoord.');
      return;
    }
    setBezig(true);
    try {
      await api.post<Diagnose>(`/api/v1/personen/${encodeURIComponent(id)}/diagnoses`, {
        perspectief: 'persoon',
        participatieladder: ladder && ladder !== 'overslaan' ? Number(ladder) : null,
        motivatieScore: motivatie && motivatie !== 'overslaan' ? Number(motivatie) : null,
        motivatieTekst: tekst.motivatieTekst?.trim() || null,
        sterkePunten: tekst.sterkePunten?.trim() || null,
        obstakels: tekst.obstakels?.trim() || null,
        ondersteuningsbehoefte: tekst.ondersteuningsbehoefte?.trim() || null,
        leefgebieden,
      } satisfies NieuweDiagnose);
      setKlaar(true);
    } catch (err) {
      setFout(alsApiError(err).melding);
    } finally {
      setBezig(false);
    }
  }

  const overslaan = { waarde: 'overslaan', label: 'Dit wil ik nu niet zeggen' };
  let inhoud = null;
  if (i && klaar) {
    inhoud = (
      <>
        <h2 ref={kop} tabIndex={-1} className="nl-heading nl-heading--level-2">
          Dank u wel
        </h2>
        <Melding type="ok">Uw antwoorden zijn opgeslagen. Uw klantmanager kan ze nu zien. U praat er samen over in het volgende gesprek.</Melding>
        <p className="nl-paragraph">
          <AppLink href="/mijn-gegevens#diagnose">Bekijk hoe het met u gaat</AppLink>
        </p>
        <p className="nl-paragraph">
          <AppLink href="/mijn-gegevens/plan">Schrijf of bekijk uw plan</AppLink>
        </p>
      </>
    );
  } else if (i && stap < i.leefgebieden.length) {
    const l = i.leefgebieden[stap]!;
    inhoud = (
      <>
        <p className="nl-paragraph stap-teller">
          Vraag {stap + 1} van {aantalStappen}
        </p>
        <h2 ref={kop} tabIndex={-1} className="nl-heading nl-heading--level-2">
          {l.naam}
        </h2>
        <KeuzeRondjes
          vraag={l.vraag}
          naam={`eigen-${l.code}`}
          hint={`Kies wat het beste past. Het gaat over: ${l.omschrijving.charAt(0).toLowerCase()}${l.omschrijving.slice(1)}`}
          opties={[...l.niveaus.map((n) => ({ waarde: String(n.score), label: n.ikZin })).reverse(), overslaan]}
          waarde={scores[l.code]}
          onKies={(w) => setScores({ ...scores, [l.code]: w })}
        />
      </>
    );
  } else if (i && stap === i.leefgebieden.length) {
    inhoud = (
      <>
        <p className="nl-paragraph stap-teller">
          Vraag {stap + 1} van {aantalStappen}
        </p>
        <h2 ref={kop} tabIndex={-1} className="nl-heading nl-heading--level-2">
          Meedoen en werk
        </h2>
        <KeuzeRondjes
          vraag="Wat past het beste bij u op dit moment?"
          naam="eigen-ladder"
          opties={[...i.participatieladder.sporten.map((s) => ({ waarde: String(s.sport), label: s.ikZin })).reverse(), overslaan]}
          waarde={ladder}
          onKies={setLadder}
        />
        <KeuzeRondjes
          vraag={i.motivatie.vraag}
          naam="eigen-motivatie"
          opties={[...i.motivatie.niveaus.map((n) => ({ waarde: String(n.score), label: n.ikZin })).reverse(), overslaan]}
          waarde={motivatie}
          onKies={setMotivatie}
        />
        <TekstvakVeld
          label="Waarom wilt u dat (niet)? Schrijf het in uw eigen woorden."
          naam="motivatieTekst"
          value={tekst.motivatieTekst ?? ''}
          onChange={(e) => setTekst({ ...tekst, motivatieTekst: e.target.value })}
          verplicht={false}
          maxLength={4000}
        />
      </>
    );
  } else if (i) {
    inhoud = (
      <>
        <p className="nl-paragraph stap-teller">
          Vraag {stap + 1} van {aantalStappen}
        </p>
        <h2 ref={kop} tabIndex={-1} className="nl-heading nl-heading--level-2">
          Over uzelf
        </h2>
        <TekstvakVeld
          label="Waar bent u goed in?"
          naam="sterkePunten"
          value={tekst.sterkePunten ?? ''}
          onChange={(e) => setTekst({ ...tekst, sterkePunten: e.target.value })}
          verplicht={false}
          maxLength={4000}
        />
        <TekstvakVeld
          label="Wat zit u in de weg?"
          naam="obstakels"
          value={tekst.obstakels ?? ''}
          onChange={(e) => setTekst({ ...tekst, obstakels: e.target.value })}
          verplicht={false}
          maxLength={4000}
        />
        <TekstvakVeld
          label="Welke hulp wilt u?"
          naam="ondersteuningsbehoefte"
          value={tekst.ondersteuningsbehoefte ?? ''}
          onChange={(e) => setTekst({ ...tekst, ondersteuningsbehoefte: e.target.value })}
          verplicht={false}
          maxLength={4000}
        />
      </>
    );
  }

  return (
    <Pagina
      titel="Hoe gaat het met mij"
      intro="Hier vult u zelf in hoe het met u gaat. U krijgt steeds één vraag. Kies het antwoord dat het beste bij u past. U mag een vraag overslaan. Uw klantmanager ziet uw antwoorden en praat er met u over."
    >
      {instrument.fout ? <Melding type="error">{instrument.fout.melding}</Melding> : null}
      {!i ? <Laden /> : null}
      {i ? (
        <form
          className="formulier"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (stap < aantalStappen - 1) setStap(stap + 1);
            else void versturen();
          }}
        >
          {fout ? <Melding type="error">{fout}</Melding> : null}
          {inhoud}
          {!klaar ? (
            <div className="knoppen">
              {stap > 0 ? (
                <Knop soort="secundair" onClick={() => setStap(stap - 1)}>
                  Vorige vraag
                </Knop>
              ) : null}
              <Knop soort="primair" type="submit" disabled={bezig}>
                {stap < aantalStappen - 1 ? 'Volgende vraag' : 'Klaar: versturen'}
              </Knop>
            </div>
          ) : null}
        </form>
      ) : null}
    </Pagina>
  );
}
