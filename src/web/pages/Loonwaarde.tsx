import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { Meting } from '../api/loonwaarde.js';
import type { PersoonDetail } from '../api/types.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Laden, Melding, Sectie, TabelVak } from '../components/ui.js';
import { FoutOverzicht, TekstVeld, TekstvakVeld, Vinkje } from '../components/velden.js';
import { datumLang, volledigeNaam } from '../lib/format.js';
import { euro, getal, vandaagIso } from '../lib/getallen.js';
import { controleer, LEGE_TAAK, labels, legeMeting, MAX_TAKEN, type MetingWaarden, type TaakWaarden } from '../lib/loonwaardeFormulier.js';
import { AppLink } from '../lib/router.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/toolkit.css';

/*
 * Required textareas carry aria-required rather than `required`: the NL DS textarea style marks an
 * empty `required` textarea as invalid (:invalid) before anyone typed in it.
 */

/** Loonwaardemetingen of one person: the latest outcome, earlier ones with their printable report, and (for a deskundige) a new one. */
export function LoonwaardePagina({ id }: { id: string }) {
  const persoonPad = `/api/v1/personen/${encodeURIComponent(id)}`;
  const persoon = useData<PersoonDetail>((signal) => api.get(persoonPad, undefined, signal), [persoonPad]);
  const metingenPad = `${persoonPad}/loonwaardemetingen`;
  const lijst = useData<Meting[]>((signal) => api.get(metingenPad, undefined, signal), [metingenPad]);
  const p = persoon.data;
  const rechten = (p?.rechten ?? []) as string[];
  const meten = rechten.includes('loonwaarde.meten') && p?.status !== 'afgesloten';
  const fout = persoon.fout ?? lijst.fout;
  return (
    <Pagina titel="Loonwaarde" kop={p ? `Loonwaarde: ${volledigeNaam(p)}` : 'Loonwaarde'}>
      <p className="nl-paragraph">
        <AppLink href={`/personen/${encodeURIComponent(id)}`}>Terug naar het dossier</AppLink>
      </p>
      {fout ? (
        <Melding type="error">
          {fout.status === 404 || fout.status === 403 ? 'Dit dossier bestaat niet, of u mag de loonwaarde niet inzien.' : fout.melding}
        </Melding>
      ) : null}
      {(persoon.laden && !p) || (lijst.laden && !lijst.data) ? <Laden /> : null}
      {p && lijst.data ? (
        <>
          <Overzicht metingen={lijst.data} />
          {meten ? <NieuweMetingFormulier pad={metingenPad} onOpgeslagen={(m) => lijst.setData([m, ...(lijst.data ?? [])])} /> : null}
        </>
      ) : null}
    </Pagina>
  );
}

function Overzicht({ metingen }: { metingen: Meting[] }) {
  const laatste = metingen[0];
  const vandaag = vandaagIso();
  return (
    <>
      <Sectie titel="Laatste meting" id="laatste">
        {!laatste ? (
          <p className="nl-paragraph">Er is nog geen loonwaarde gemeten.</p>
        ) : (
          <>
            <p className="nl-paragraph">
              Gemeten op {datumLang(laatste.meetdatum)} bij {laatste.werkplek.werkgever} ({laatste.werkplek.functie}), vergeleken met de normfunctie{' '}
              {laatste.normfunctie.naam}.
            </p>
            <dl className="bedragen">
              <div className="bedrag">
                <dt className="bedrag-label">Loonwaarde</dt>
                <dd className="bedrag-waarde" id="laatste-loonwaarde">
                  {getal(laatste.uitkomst.loonwaarde)}%
                </dd>
              </div>
              <div className="bedrag">
                <dt className="bedrag-label">Loonkostensubsidie per maand</dt>
                <dd className="bedrag-waarde">{laatste.loonkostensubsidie ? euro(laatste.loonkostensubsidie.maandbedrag) : 'Niet berekend'}</dd>
              </div>
              <div className="bedrag">
                <dt className="bedrag-label">Volgende meting</dt>
                <dd className="bedrag-waarde">{datumLang(laatste.volgendeMetingOp)}</dd>
              </div>
            </dl>
            {laatste.volgendeMetingOp <= vandaag ? (
              <Melding type="warning">De volgende meting was afgesproken op {datumLang(laatste.volgendeMetingOp)}. Het is tijd voor een nieuwe meting.</Melding>
            ) : null}
            <p className="nl-paragraph klein">
              De loonkostensubsidie is een berekening voor {getal(laatste.werkplek.arbeidsurenPerWeek)} uur per week met de bedragen op de meetdatum; het
              besluit neemt de gemeente.
            </p>
          </>
        )}
      </Sectie>
      {metingen.length > 0 ? (
        <Sectie titel="Alle metingen" id="metingen">
          <TabelVak label="Loonwaardemetingen">
            <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color tabel-toolkit">
              <caption className="utrecht-table__caption">Loonwaardemetingen, nieuwste eerst</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    Meetdatum
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Werkgever en functie
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Normfunctie
                  </th>
                  <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                    Loonwaarde
                  </th>
                  <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                    Loonkostensubsidie per maand
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Volgende meting
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Loonwaardedeskundige
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Rapport
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {metingen.map((m) => (
                  <tr key={m.id} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell utrecht-table__header-cell--row geen-afbreken">
                      {datumLang(m.meetdatum)}
                    </th>
                    <td className="utrecht-table__cell">
                      {m.werkplek.werkgever}
                      <span className="klein blok">{m.werkplek.functie}</span>
                    </td>
                    <td className="utrecht-table__cell">{m.normfunctie.naam}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data">
                      {getal(m.uitkomst.loonwaarde)}%
                      {m.uitkomst.afgeweken ? <span className="klein blok">berekend {getal(m.uitkomst.berekendeLoonwaarde)}%</span> : null}
                    </td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data geen-afbreken">
                      {m.loonkostensubsidie ? euro(m.loonkostensubsidie.maandbedrag) : '—'}
                    </td>
                    <td className="utrecht-table__cell geen-afbreken">{datumLang(m.volgendeMetingOp)}</td>
                    <td className="utrecht-table__cell">
                      {m.deskundige.naam}
                      {m.deskundige.organisatie ? <span className="klein blok">{m.deskundige.organisatie}</span> : null}
                    </td>
                    <td className="utrecht-table__cell">
                      <a className="nl-link" href={m.rapportUrl}>
                        Rapport<span className="rhc-visually-hidden"> van de meting op {datumLang(m.meetdatum)}</span> bekijken en afdrukken
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabelVak>
        </Sectie>
      ) : null}
    </>
  );
}

function NieuweMetingFormulier({ pad, onOpgeslagen }: { pad: string; onOpgeslagen: (m: Meting) => void }) {
  const [w, setW] = useState<MetingWaarden>(() => legeMeting(vandaagIso()));
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [opgeslagen, setOpgeslagen] = useState<Meting | null>(null);
  /** A new form after each saved measurement, so no field keeps the browser's "user-invalid" state. */
  const [versie, setVersie] = useState(0);
  const uitkomstRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (opgeslagen) uitkomstRef.current?.focus();
  }, [opgeslagen]);

  const zet = (veld: keyof MetingWaarden) => (e: { target: { value: string } }) => setW((x) => ({ ...x, [veld]: e.target.value }));
  const zetTaak = (i: number, veld: keyof TaakWaarden) => (e: { target: { value: string } }) =>
    setW((x) => ({ ...x, taken: x.taken.map((t, j) => (j === i ? { ...t, [veld]: e.target.value } : t)) }));

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    setOpgeslagen(null);
    const { body, fouten: f } = controleer(w);
    setFouten(f);
    if (!body) return;
    setBezig(true);
    try {
      const m = await api.post<Meting>(pad, body);
      onOpgeslagen(m);
      setOpgeslagen(m);
      setW(legeMeting(vandaagIso()));
      setVersie((v) => v + 1);
    } catch (err) {
      const fout = alsApiError(err);
      const vf = fout.veldFouten();
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    } finally {
      setBezig(false);
    }
  }

  const getalVeld = (label: string, naam: string, value: string, onChange: (e: { target: { value: string } }) => void, hint?: string) => (
    <TekstVeld
      label={label}
      naam={naam}
      inputMode="decimal"
      autoComplete="off"
      className="getal-invoer"
      value={value}
      onChange={onChange}
      fout={fouten[naam]}
      hint={hint}
      verplicht
    />
  );

  return (
    <Sectie titel="Nieuwe meting vastleggen" id="nieuw">
      {opgeslagen ? (
        <div ref={uitkomstRef} tabIndex={-1} className="loonwaarde-opgeslagen">
          <Melding type="ok" kop={`De meting is vastgelegd. De loonwaarde is ${getal(opgeslagen.uitkomst.loonwaarde)}%.`}>
            <p className="nl-paragraph">
              {opgeslagen.loonkostensubsidie
                ? `Daaruit volgt een loonkostensubsidie van ${euro(opgeslagen.loonkostensubsidie.maandbedrag)} per maand. `
                : `${opgeslagen.loonkostensubsidieToelichting ?? ''} `}
              <a className="nl-link" href={opgeslagen.rapportUrl}>
                Rapport bekijken en afdrukken
              </a>
            </p>
          </Melding>
        </div>
      ) : null}
      <p className="nl-paragraph">
        Vergelijk de werknemer per hoofdtaak met een gemiddelde werknemer in de normfunctie (100%). Passend berekent per hoofdtaak tempo × kwaliteit ×
        inzetbaarheid en middelt die, gewogen naar de uren. Een hoofdtaak duurt minstens 1/16 van de werkweek en minstens 30 minuten per werkdag.
      </p>
      <form key={versie} className="formulier formulier--breed" noValidate onSubmit={opslaan} aria-label="Nieuwe loonwaardemeting">
        <FoutOverzicht fouten={fouten} labels={labels(w.taken.length)} algemeen={algemeen} />

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset groep">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Werkplek</legend>
          <TekstVeld
            label="Werkgever"
            naam="werkplek.werkgever"
            value={w.werkgever}
            onChange={zet('werkgever')}
            fout={fouten['werkplek.werkgever']}
            verplicht
            maxLength={200}
          />
          <TekstVeld
            label="Functie bij de werkgever"
            naam="werkplek.functie"
            value={w.functie}
            onChange={zet('functie')}
            fout={fouten['werkplek.functie']}
            verplicht
            maxLength={200}
          />
          {getalVeld(
            'Arbeidsuren per week',
            'werkplek.arbeidsurenPerWeek',
            w.arbeidsurenPerWeek,
            zet('arbeidsurenPerWeek'),
            'De uren in de arbeidsovereenkomst, bijvoorbeeld 32 of 24,5.',
          )}
          {getalVeld('Werkdagen per week', 'werkplek.werkdagenPerWeek', w.werkdagenPerWeek, zet('werkdagenPerWeek'), 'Een heel getal van 1 tot en met 7.')}
        </fieldset>

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset groep">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Normfunctie</legend>
          <TekstVeld
            label="Naam van de normfunctie"
            naam="normfunctie.naam"
            value={w.normfunctieNaam}
            onChange={zet('normfunctieNaam')}
            fout={fouten['normfunctie.naam']}
            hint="De functie van een gemiddelde werknemer zonder beperking die het dichtst ligt bij het werk dat de werknemer doet."
            verplicht
            maxLength={200}
          />
          <TekstvakVeld
            label="Omschrijving van de normfunctie"
            naam="normfunctie.omschrijving"
            value={w.normfunctieOmschrijving}
            onChange={zet('normfunctieOmschrijving')}
            fout={fouten['normfunctie.omschrijving']}
            aria-required
            maxLength={2000}
            rows={3}
          />
          {getalVeld(
            'Volledige werkweek van de normfunctie (uren)',
            'normfunctie.urenPerWeek',
            w.normurenPerWeek,
            zet('normurenPerWeek'),
            'Van 24 tot en met 40 uur, bijvoorbeeld 38. Voor de loonkostensubsidie tellen niet meer uren mee.',
          )}
        </fieldset>

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset groep">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend" id="veld-hoofdtaken" tabIndex={-1}>
            Hoofdtaken (1 tot en met {MAX_TAKEN})
          </legend>
          {fouten.hoofdtaken ? (
            <p className="nl-paragraph fouttekst" id="hoofdtaken-fout">
              <span className="rhc-visually-hidden">Fout: </span>
              {fouten.hoofdtaken}
            </p>
          ) : null}
          <p className="nl-paragraph klein" id="scores-uitleg">
            Tempo, kwaliteit en inzetbaarheid zijn percentages van een gemiddelde werknemer in de normfunctie: 100 is gemiddeld. Tempo mag hoger zijn dan 100
            (tot 150); kwaliteit en inzetbaarheid hoogstens 100.
          </p>
          {w.taken.map((t, i) => {
            const pad = `hoofdtaken.${i}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: tasks have no id; their position is their identity in this form
              <fieldset key={i} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset kader">
                <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Hoofdtaak {i + 1}</legend>
                <TekstVeld
                  label="Omschrijving"
                  naam={`${pad}.omschrijving`}
                  value={t.omschrijving}
                  onChange={zetTaak(i, 'omschrijving')}
                  fout={fouten[`${pad}.omschrijving`]}
                  verplicht
                  maxLength={500}
                />
                {getalVeld('Uren per week', `${pad}.urenPerWeek`, t.urenPerWeek, zetTaak(i, 'urenPerWeek'))}
                {getalVeld('Tempo (%)', `${pad}.tempo`, t.tempo, zetTaak(i, 'tempo'))}
                {getalVeld('Kwaliteit (%)', `${pad}.kwaliteit`, t.kwaliteit, zetTaak(i, 'kwaliteit'))}
                {getalVeld(
                  'Inzetbaarheid (%)',
                  `${pad}.inzetbaarheid`,
                  t.inzetbaarheid,
                  zetTaak(i, 'inzetbaarheid'),
                  'De netto werktijd: het deel van de tijd dat productief is.',
                )}
                <TekstvakVeld
                  label="Toelichting"
                  naam={`${pad}.toelichting`}
                  value={t.toelichting}
                  onChange={zetTaak(i, 'toelichting')}
                  fout={fouten[`${pad}.toelichting`]}
                  verplicht={false}
                  maxLength={2000}
                  rows={2}
                />
                {w.taken.length > 1 ? (
                  <Knop
                    soort="subtiel"
                    onClick={() => {
                      setW((x) => ({ ...x, taken: x.taken.filter((_, j) => j !== i) }));
                      setFouten({});
                      document.getElementById('veld-hoofdtaken')?.focus();
                    }}
                  >
                    Hoofdtaak {i + 1} verwijderen
                  </Knop>
                ) : null}
              </fieldset>
            );
          })}
          {w.taken.length < MAX_TAKEN ? (
            <Knop
              soort="secundair"
              onClick={() => {
                const nieuw = w.taken.length;
                setW((x) => ({ ...x, taken: [...x.taken, { ...LEGE_TAAK }] }));
                requestAnimationFrame(() => document.getElementById(`veld-hoofdtaken.${nieuw}.omschrijving`)?.focus());
              }}
            >
              Hoofdtaak toevoegen
            </Knop>
          ) : (
            <p className="nl-paragraph klein">U heeft het maximum van {MAX_TAKEN} hoofdtaken bereikt.</p>
          )}
        </fieldset>

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset groep">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Meting en loonwaardedeskundige</legend>
          <TekstVeld
            label="Meetdatum"
            naam="meetdatum"
            type="date"
            className="datum-invoer"
            value={w.meetdatum}
            onChange={zet('meetdatum')}
            fout={fouten.meetdatum}
            hint="De dag waarop u op de werkplek heeft gemeten."
            verplicht
          />
          <TekstVeld
            label="Volgende meting op"
            naam="volgendeMetingOp"
            type="date"
            className="datum-invoer"
            value={w.volgendeMetingOp}
            onChange={zet('volgendeMetingOp')}
            fout={fouten.volgendeMetingOp}
            hint="De datum die u met werkgever en werknemer heeft afgesproken."
            verplicht
          />
          <TekstVeld
            label="Gebruikte methode"
            naam="methode"
            value={w.methode}
            onChange={zet('methode')}
            fout={fouten.methode}
            hint="Bijvoorbeeld de naam van de gevalideerde loonwaardemethode."
            verplicht
            maxLength={300}
          />
          <TekstvakVeld
            label="Uw kwalificatie als loonwaardedeskundige"
            naam="kwalificatie.omschrijving"
            value={w.kwalificatie}
            onChange={zet('kwalificatie')}
            fout={fouten['kwalificatie.omschrijving']}
            hint="Opleiding, ervaring en certificering, bijvoorbeeld: hbo, 5 jaar loonwaardebepaling, gecertificeerd voor de methode."
            aria-required
            maxLength={1000}
            rows={2}
          />
          {getalVeld(
            'Jaren relevante werkervaring',
            'kwalificatie.jarenErvaring',
            w.jarenErvaring,
            zet('jarenErvaring'),
            'Minstens 2 jaar (Regeling loonkostensubsidie, artikel 3).',
          )}
          <Vinkje
            label="Ik heb een hbo-opleiding of een gelijkwaardige kwalificatie"
            naam="kwalificatie.hboOfGelijkwaardig"
            checked={w.hboOfGelijkwaardig}
            aria-invalid={fouten['kwalificatie.hboOfGelijkwaardig'] ? true : undefined}
            aria-describedby={fouten['kwalificatie.hboOfGelijkwaardig'] ? 'hbo-fout' : undefined}
            onChange={(e) => setW((x) => ({ ...x, hboOfGelijkwaardig: e.target.checked }))}
          />
          {fouten['kwalificatie.hboOfGelijkwaardig'] ? (
            <p className="nl-paragraph fouttekst" id="hbo-fout">
              <span className="rhc-visually-hidden">Fout: </span>
              {fouten['kwalificatie.hboOfGelijkwaardig']}
            </p>
          ) : null}
        </fieldset>

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset groep">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Afwijken van de berekening</legend>
          <Vinkje
            label="Ik stel een andere loonwaarde vast dan de berekende"
            naam="afwijken"
            checked={w.afwijken}
            onChange={(e) => setW((x) => ({ ...x, afwijken: e.target.checked }))}
          />
          {w.afwijken ? (
            <>
              {getalVeld(
                'Vastgestelde loonwaarde (%)',
                'afwijking.loonwaarde',
                w.afwijkingLoonwaarde,
                zet('afwijkingLoonwaarde'),
                'Een heel getal van 0 tot en met 100.',
              )}
              <TekstvakVeld
                label="Reden van afwijken"
                naam="afwijking.reden"
                value={w.afwijkingReden}
                onChange={zet('afwijkingReden')}
                fout={fouten['afwijking.reden']}
                hint="Minstens 10 tekens. De berekende loonwaarde blijft in het rapport staan."
                aria-required
                maxLength={2000}
                rows={3}
              />
            </>
          ) : null}
        </fieldset>

        <div className="knoppen">
          <Knop soort="primair" type="submit" disabled={bezig}>
            {bezig ? 'Bezig met vastleggen…' : 'Meting vastleggen'}
          </Knop>
        </div>
      </form>
    </Sectie>
  );
}
