import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { LksInvoer, LksParameter, LksUitkomst } from '../api/toolkit.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Melding, Sectie, TabelVak } from '../components/ui.js';
import { FoutOverzicht, TekstVeld, Vinkje } from '../components/velden.js';
import { datumLang } from '../lib/format.js';
import { euro, getal, isIsoDatum, leesGetal, vandaagIso } from '../lib/getallen.js';
import { alsApiError } from '../lib/useData.js';
import '../styles/toolkit.css';

const LABELS: Record<string, string> = {
  peildatum: 'Peildatum',
  loonwaarde: 'Loonwaarde',
  urenPerWeek: 'Uren per week',
  forfaitair: 'Forfaitair',
  leeftijd: 'Leeftijd',
  voltijdsUrenSector: 'Volledige werkweek in de sector',
};

interface Invoer {
  peildatum: string;
  loonwaarde: string;
  urenPerWeek: string;
  forfaitair: boolean;
  leeftijd: string;
  voltijdsUrenSector: string;
}

/** Checks the form; returns the request body or the field errors. */
function controleer(i: Invoer): { body: LksInvoer | null; fouten: Record<string, string> } {
  const f: Record<string, string> = {};
  if (!i.peildatum) f.peildatum = 'Vul de peildatum in.';
  else if (!isIsoDatum(i.peildatum)) f.peildatum = 'Vul een bestaande datum in, bijvoorbeeld 1-7-2026.';
  const loonwaarde = leesGetal(i.loonwaarde);
  if (!i.forfaitair) {
    if (loonwaarde === null) f.loonwaarde = 'Vul de loonwaarde in, als percentage van het minimumloon.';
    else if (Number.isNaN(loonwaarde) || loonwaarde < 0 || loonwaarde > 100) f.loonwaarde = 'Vul een loonwaarde in tussen 0 en 100 procent.';
  }
  const uren = leesGetal(i.urenPerWeek);
  if (uren === null) f.urenPerWeek = 'Vul het aantal uren per week in.';
  else if (Number.isNaN(uren) || uren <= 0 || uren > 60) f.urenPerWeek = 'Vul een aantal uren in van meer dan 0 en hoogstens 60.';
  const leeftijd = leesGetal(i.leeftijd);
  if (leeftijd !== null && (Number.isNaN(leeftijd) || !Number.isInteger(leeftijd) || leeftijd < 15 || leeftijd > 75))
    f.leeftijd = 'Vul een leeftijd in hele jaren in, van 15 tot en met 75.';
  const voltijd = leesGetal(i.voltijdsUrenSector);
  if (voltijd !== null && (Number.isNaN(voltijd) || voltijd < 24 || voltijd > 40)) f.voltijdsUrenSector = 'Vul een werkweek in van 24 tot en met 40 uur.';
  if (Object.keys(f).length > 0) return { body: null, fouten: f };
  const body: LksInvoer = {
    peildatum: i.peildatum,
    // The forfaitaire route ignores the loonwaarde; the API still asks for a number.
    loonwaarde: i.forfaitair ? 0 : (loonwaarde as number),
    urenPerWeek: uren as number,
    forfaitair: i.forfaitair,
  };
  if (leeftijd !== null) body.leeftijd = leeftijd;
  if (voltijd !== null) body.voltijdsUrenSector = voltijd;
  return { body, fouten: {} };
}

export function LoonkostensubsidiePagina() {
  const [invoer, setInvoer] = useState<Invoer>({
    peildatum: vandaagIso(),
    loonwaarde: '',
    urenPerWeek: '',
    forfaitair: false,
    leeftijd: '',
    voltijdsUrenSector: '',
  });
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [uitkomst, setUitkomst] = useState<{ invoer: LksInvoer; uitkomst: LksUitkomst } | null>(null);

  const zet = (veld: keyof Invoer) => (e: { target: { value: string } }) => setInvoer((x) => ({ ...x, [veld]: e.target.value }));

  async function bereken(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    const { body, fouten: f } = controleer(invoer);
    setFouten(f);
    if (!body) return;
    setBezig(true);
    try {
      const u = await api.post<LksUitkomst>('/api/v1/loonkostensubsidie/berekeningen', body);
      setUitkomst({ invoer: body, uitkomst: u });
    } catch (err) {
      const fout = alsApiError(err);
      const vf = fout.veldFouten();
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
      setUitkomst(null);
    } finally {
      setBezig(false);
    }
  }

  return (
    <Pagina
      titel="Loonkostensubsidie berekenen"
      intro="Bereken hoeveel loonkostensubsidie een werkgever krijgt (Participatiewet, artikel 10d). U ziet elke stap en de bedragen die gelden op de peildatum."
    >
      <p className="nl-paragraph">Dit is een berekening, geen besluit. U vult geen persoonsgegevens in en de berekening wordt niet opgeslagen.</p>
      <form className="formulier" noValidate onSubmit={bereken} aria-label="Gegevens voor de berekening">
        <FoutOverzicht fouten={fouten} labels={LABELS} algemeen={algemeen} />
        <TekstVeld
          label="Peildatum"
          naam="peildatum"
          type="date"
          className="datum-invoer"
          value={invoer.peildatum}
          onChange={zet('peildatum')}
          fout={fouten.peildatum}
          hint="De berekening gebruikt het minimumloon en de regels die op deze datum gelden."
          verplicht
        />
        <Vinkje
          label="De loonwaarde is nog niet vastgesteld (forfaitaire loonkostensubsidie, hoogstens 6 maanden)"
          naam="forfaitair"
          checked={invoer.forfaitair}
          onChange={(e) => setInvoer((x) => ({ ...x, forfaitair: e.target.checked }))}
        />
        {invoer.forfaitair ? null : (
          <TekstVeld
            label="Loonwaarde (procent van het minimumloon)"
            naam="loonwaarde"
            inputMode="decimal"
            autoComplete="off"
            className="getal-invoer"
            value={invoer.loonwaarde}
            onChange={zet('loonwaarde')}
            fout={fouten.loonwaarde}
            hint="Een getal van 0 tot en met 100, bijvoorbeeld 60."
            verplicht
          />
        )}
        <TekstVeld
          label="Uren per week"
          naam="urenPerWeek"
          inputMode="decimal"
          autoComplete="off"
          className="getal-invoer"
          value={invoer.urenPerWeek}
          onChange={zet('urenPerWeek')}
          fout={fouten.urenPerWeek}
          hint="De uren in de arbeidsovereenkomst, bijvoorbeeld 32 of 24,5."
          verplicht
        />
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset groep">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Alleen als het nodig is</legend>
          <TekstVeld
            label="Leeftijd op de peildatum"
            naam="leeftijd"
            inputMode="numeric"
            autoComplete="off"
            className="getal-invoer"
            value={invoer.leeftijd}
            onChange={zet('leeftijd')}
            fout={fouten.leeftijd}
            hint="Alleen nodig onder de 21 jaar: dan geldt het minimumjeugdloon."
            verplicht={false}
          />
          <TekstVeld
            label="Volledige werkweek in de sector (uren)"
            naam="voltijdsUrenSector"
            inputMode="decimal"
            autoComplete="off"
            className="getal-invoer"
            value={invoer.voltijdsUrenSector}
            onChange={zet('voltijdsUrenSector')}
            fout={fouten.voltijdsUrenSector}
            hint="Van 24 tot en met 40 uur. Leeg laten: 36 uur. Er tellen niet meer uren mee dan de volledige werkweek."
            verplicht={false}
          />
        </fieldset>
        <div className="knoppen">
          <Knop soort="primair" type="submit" disabled={bezig}>
            {bezig ? 'Bezig met berekenen…' : 'Bereken loonkostensubsidie'}
          </Knop>
        </div>
      </form>

      {uitkomst ? <Uitkomst invoer={uitkomst.invoer} u={uitkomst.uitkomst} /> : null}
    </Pagina>
  );
}

function Uitkomst({ invoer, u }: { invoer: LksInvoer; u: LksUitkomst }) {
  const kopRef = useRef<HTMLHeadingElement>(null);
  // Each new result gets focus, so screen reader users hear it and keyboard users continue from it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again for every new result
  useEffect(() => {
    kopRef.current?.focus();
  }, [u]);
  return (
    <section className="sectie lks-uitkomst" aria-labelledby="uitkomst-kop">
      <h2 className="nl-heading nl-heading--level-2" id="uitkomst-kop" ref={kopRef} tabIndex={-1}>
        Uitkomst
      </h2>
      <p className="nl-paragraph">
        Berekend voor {datumLang(invoer.peildatum)}:{' '}
        {u.route === 'forfaitair' ? 'forfaitair (loonwaarde nog niet vastgesteld)' : `loonwaarde ${getal(invoer.loonwaarde)}%`}, {getal(invoer.urenPerWeek)} uur
        per week
        {invoer.leeftijd !== undefined ? `, leeftijd ${invoer.leeftijd} jaar` : ''}
        {invoer.voltijdsUrenSector !== undefined ? `, volledige werkweek ${getal(invoer.voltijdsUrenSector)} uur` : ''}.
      </p>
      <dl className="bedragen">
        <div className="bedrag">
          <dt className="bedrag-label">Loonkostensubsidie per maand</dt>
          <dd className="bedrag-waarde" id="lks-maandbedrag">
            {euro(u.maandbedrag)}
          </dd>
        </div>
        <div className="bedrag">
          <dt className="bedrag-label">{u.maanden === 12 ? 'Loonkostensubsidie per jaar' : `Loonkostensubsidie over hoogstens ${u.maanden} maanden`}</dt>
          <dd className="bedrag-waarde" id="lks-jaarbedrag">
            {euro(u.jaarbedrag)}
          </dd>
        </div>
      </dl>
      {u.toelichting.length > 0 ? (
        <Melding type="info" kop="Goed om te weten">
          <ul className="utrecht-unordered-list">
            {u.toelichting.map((t) => (
              <li key={t} className="utrecht-unordered-list__item">
                {t}
              </li>
            ))}
          </ul>
        </Melding>
      ) : null}

      <Sectie titel="Berekening stap voor stap" id="stappen">
        <TabelVak label="Berekening stap voor stap">
          <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color tabel-toolkit">
            <caption className="utrecht-table__caption">Elke stap van de berekening (bedragen afgerond op centen)</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Stap
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Wat
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Berekening
                </th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  Bedrag
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {u.stappen.map((s) => (
                <tr key={s.nr} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{s.nr}</td>
                  <th scope="row" className="utrecht-table__header-cell utrecht-table__header-cell--row stap-wat">
                    {s.omschrijving}
                  </th>
                  <td className="utrecht-table__cell berekening">{s.berekening}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data geen-afbreken">{euro(s.bedrag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabelVak>
      </Sectie>

      <Sectie titel="Gebruikte bedragen en regels" id="parameters">
        <p className="nl-paragraph">Deze waarden gelden op de peildatum. Bij elke waarde staat waar die vandaan komt en van wanneer tot wanneer die geldt.</p>
        <TabelVak label="Gebruikte bedragen en regels">
          <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color tabel-toolkit">
            <caption className="utrecht-table__caption">Parameters met bron en geldigheid</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Wat
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Waarde
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Geldig van
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Geldig tot en met
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Bron
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {u.parameters.map((p) => (
                <tr key={p.naam} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell utrecht-table__header-cell--row">
                    {p.omschrijving}
                  </th>
                  <td className="utrecht-table__cell geen-afbreken">{parameterWaarde(p)}</td>
                  <td className="utrecht-table__cell geen-afbreken">{datumLang(p.geldigVan)}</td>
                  <td className="utrecht-table__cell geen-afbreken">{p.geldigTot ? datumLang(p.geldigTot) : 'Tot nader bericht'}</td>
                  <td className="utrecht-table__cell bron">{p.bron}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabelVak>
      </Sectie>
    </section>
  );
}

function parameterWaarde(p: LksParameter): string {
  switch (p.eenheid) {
    case '%':
      return `${getal(p.waarde)}%`;
    case 'EUR/uur':
      return `${euro(p.waarde)} per uur`;
    case 'uur/week':
      return `${getal(p.waarde)} uur per week`;
    case 'maanden':
      return `${getal(p.waarde)} maanden`;
    default:
      return `${getal(p.waarde)} ${p.eenheid}`;
  }
}
