import { useState } from 'react';
import { api } from '../api/client.js';
import type { Diagnose, DiagnoseOverzicht, Verloop } from '../api/diagnose.js';
import type { PersoonDetail } from '../api/types.js';
import { datumLang } from '../lib/format.js';
import { AppLink } from '../lib/router.js';
import { useData } from '../lib/useData.js';
import { Gegevens, Laden, Melding, Sectie, TabelVak } from './ui.js';
import { reeksKort, VerloopGrafiek, VerloopLegenda, veranderingTekst } from './VerloopGrafiek.js';
import '../styles/diagnose.css';

/**
 * Dossier section "Brede diagnose": the person's own view beside the professional's per leefgebied
 * (each dated), where they differ by 2 or more (a topic for the conversation), the participatieladder
 * and motivation, and a chart of the change over time with a table alternative. For the person
 * themselves the same in plain words, with the way to "Hoe gaat het met mij" and "Mijn plan".
 */
export function DiagnoseDossier({ p, eigen }: { p: PersoonDetail; eigen: boolean }) {
  const rechten = p.rechten as string[];
  if (!rechten.includes('diagnose.lezen') && !rechten.includes('plan.lezen')) return null;
  return (
    <>
      {rechten.includes('diagnose.lezen') ? (
        <Sectie titel={eigen ? 'Hoe gaat het met mij' : 'Brede diagnose'} id="diagnose">
          <DiagnoseInhoud p={p} eigen={eigen} />
        </Sectie>
      ) : null}
      {rechten.includes('plan.lezen') ? (
        <Sectie titel={eigen ? 'Mijn plan' : 'Eigen plan'} id="plan">
          <p className="nl-paragraph">
            {eigen
              ? 'In uw plan schrijft u waar u nu staat, waar u naartoe wilt en wat u daarvoor nodig heeft. Uw klantmanager reageert. Daarna spreekt u het plan samen af.'
              : 'Het plan dat de persoon zelf schrijft: waar sta ik, waar wil ik naartoe, wat heb ik nodig. U reageert per onderdeel en u spreekt samen een versie af.'}
          </p>
          <p className="nl-paragraph">
            <AppLink href={eigen ? '/mijn-gegevens/plan' : `/personen/${p.id}/plan`}>{eigen ? 'Naar mijn plan' : 'Eigen plan bekijken'}</AppLink>
          </p>
        </Sectie>
      ) : null}
    </>
  );
}

function DiagnoseInhoud({ p, eigen }: { p: PersoonDetail; eigen: boolean }) {
  const basis = `/api/v1/personen/${encodeURIComponent(p.id)}/diagnoses`;
  const overzicht = useData<DiagnoseOverzicht>((signal) => api.get(basis, undefined, signal), [basis]);
  const o = overzicht.data;
  const labels = eigen ? { persoon: 'Wat u zelf zegt', professional: 'Wat de klantmanager ziet' } : { persoon: 'Eigen beeld', professional: 'Professional' };
  return (
    <>
      {overzicht.fout ? <Melding type="error">{overzicht.fout.melding}</Melding> : null}
      {overzicht.laden && !o ? <Laden /> : null}
      {o ? (
        <>
          <div className="knoppen">
            {eigen && o.mag.eigenBeeld ? (
              <AppLink href="/mijn-gegevens/hoe-gaat-het" className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
                Vul in hoe het met u gaat
              </AppLink>
            ) : null}
            {!eigen && o.mag.beeldProfessional && p.status !== 'afgesloten' ? (
              <AppLink href={`/personen/${p.id}/diagnose`} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
                Diagnose vastleggen
              </AppLink>
            ) : null}
          </div>
          {o.geschiedenis.length === 0 ? (
            <p className="nl-paragraph">{eigen ? 'U heeft nog niet ingevuld hoe het met u gaat.' : 'Er is nog geen brede diagnose vastgelegd.'}</p>
          ) : (
            <>
              <Huidig o={o} eigen={eigen} labels={labels} />
              <Verloopweergave persoonId={p.id} eigen={eigen} labels={labels} />
              <Geschiedenis lijst={o.geschiedenis} eigen={eigen} />
            </>
          )}
        </>
      ) : null}
    </>
  );
}

function wanneer(d: Diagnose | null, eigen: boolean): string {
  if (!d) return 'nog niet ingevuld';
  const door = d.perspectief === 'persoon' && d.ingevuldDoor === 'professional' ? ` (samen ingevuld met ${d.auteur})` : eigen ? '' : ` door ${d.auteur}`;
  return `${datumLang(d.datum)}${door}${d.verouderd ? ' — ouder dan 30 dagen: bespreek of dit nog klopt' : ''}`;
}

function scoreTekst(score: number | null, o: DiagnoseOverzicht['huidig']['persoon'], code: string, eigen: boolean): string {
  if (score === null) return '—';
  const lg = o?.leefgebieden.find((l) => l.code === code);
  const naam = eigen ? lg?.schaalIkNaam : lg?.schaalNaam;
  return naam ? `${score} · ${naam}` : String(score);
}

function Huidig({ o, eigen, labels }: { o: DiagnoseOverzicht; eigen: boolean; labels: { persoon: string; professional: string } }) {
  const { persoon, professional } = o.huidig;
  const v = o.vergelijking;
  const bespreken = v.leefgebieden.filter((l) => l.gespreksonderwerp);
  return (
    <>
      <Gegevens
        items={[
          [labels.persoon, wanneer(persoon, eigen)],
          [labels.professional, wanneer(professional, eigen)],
        ]}
      />
      {bespreken.length > 0 ? (
        <Melding
          type="info"
          kop={eigen ? 'Hier kijken u en uw klantmanager verschillend naar' : 'Gespreksonderwerpen: de beelden verschillen 2 punten of meer'}
        >
          <ul className="utrecht-unordered-list">
            {bespreken.map((l) => (
              <li key={l.code} className="utrecht-unordered-list__item">
                {l.naam}: {labels.persoon.toLowerCase()} {l.persoon}, {labels.professional.toLowerCase()} {l.professional}
              </li>
            ))}
          </ul>
        </Melding>
      ) : null}
      <TabelVak label="Leefgebieden naast elkaar">
        <table className="utrecht-table utrecht-table--html-table tabel-diagnose" id="diagnose-naast-elkaar">
          <caption className="utrecht-table__caption">
            {eigen
              ? 'Hoe het gaat per onderwerp (1 = het gaat heel slecht, 5 = het gaat heel goed)'
              : 'Leefgebieden naast elkaar (1 = acute problematiek, 5 = volledig zelfredzaam)'}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                Leefgebied
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {labels.persoon}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {labels.professional}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Verschil
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {v.leefgebieden.map((l) => (
              <tr key={l.code} className={`utrecht-table__row${l.gespreksonderwerp ? ' rij-bespreken' : ''}`} data-leefgebied={l.code}>
                <th scope="row" className="utrecht-table__header-cell">
                  {l.naam}
                </th>
                <td className="utrecht-table__cell cel-persoon">{scoreTekst(l.persoon, persoon, l.code, eigen)}</td>
                <td className="utrecht-table__cell cel-professional">{scoreTekst(l.professional, professional, l.code, eigen)}</td>
                <td className="utrecht-table__cell">
                  {l.verschil === null ? '—' : l.verschil === 0 ? 'gelijk' : `${Math.abs(l.verschil)}`}
                  {l.gespreksonderwerp ? <strong className="label-bespreken"> Bespreken</strong> : null}
                </td>
              </tr>
            ))}
            <tr className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                Participatieladder (1–6)
              </th>
              <td className="utrecht-table__cell">{persoon?.participatieladder ? `${persoon.participatieladder} · ${persoon.participatieladderNaam}` : '—'}</td>
              <td className="utrecht-table__cell">
                {professional?.participatieladder ? `${professional.participatieladder} · ${professional.participatieladderNaam}` : '—'}
              </td>
              <td className="utrecht-table__cell">
                {v.participatieladder.verschil === null ? '—' : v.participatieladder.verschil === 0 ? 'gelijk' : Math.abs(v.participatieladder.verschil)}
                {v.participatieladder.gespreksonderwerp ? <strong className="label-bespreken"> Bespreken</strong> : null}
              </td>
            </tr>
            <tr className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                Motivatie (1–5)
              </th>
              <td className="utrecht-table__cell">{persoon?.motivatieScore ? `${persoon.motivatieScore} · ${persoon.motivatieOmschrijving}` : '—'}</td>
              <td className="utrecht-table__cell">
                {professional?.motivatieScore ? `${professional.motivatieScore} · ${professional.motivatieOmschrijving}` : '—'}
              </td>
              <td className="utrecht-table__cell">
                {v.motivatie.verschil === null ? '—' : v.motivatie.verschil === 0 ? 'gelijk' : Math.abs(v.motivatie.verschil)}
                {v.motivatie.gespreksonderwerp ? <strong className="label-bespreken"> Bespreken</strong> : null}
              </td>
            </tr>
          </tbody>
        </table>
      </TabelVak>
      <div className="diagnose-teksten">
        {([persoon, professional] as const).map((d, i) =>
          d ? (
            <div key={d.id} className="kader">
              <h3 className="nl-heading nl-heading--level-3">{i === 0 ? labels.persoon : labels.professional}</h3>
              <Gegevens
                items={[
                  ['Motivatie in eigen woorden', d.motivatieTekst],
                  ['Sterke punten', d.sterkePunten],
                  ['Wat in de weg zit', d.obstakels],
                  ['Welke ondersteuning nodig is', d.ondersteuningsbehoefte],
                ]}
              />
            </div>
          ) : null,
        )}
      </div>
    </>
  );
}

function Verloopweergave({ persoonId, eigen, labels }: { persoonId: string; eigen: boolean; labels: { persoon: string; professional: string } }) {
  const pad = `/api/v1/personen/${encodeURIComponent(persoonId)}/diagnoses/verloop`;
  const verloop = useData<Verloop>((signal) => api.get(pad, undefined, signal), [pad]);
  const [alleen, setAlleen] = useState<'met' | 'alle'>('met');
  const v = verloop.data;
  if (verloop.fout) return <Melding type="error">{verloop.fout.melding}</Melding>;
  if (!v) return <Laden />;
  const metGegevens = v.leefgebieden.filter((l) => l.persoon.punten.length + l.professional.punten.length > 0);
  const getoond = alleen === 'met' ? metGegevens : v.leefgebieden;
  return (
    <section aria-labelledby="verloop-kop" className="verloop">
      <h3 className="nl-heading nl-heading--level-3" id="verloop-kop">
        {eigen ? 'Hoe het veranderd is' : 'Verloop per leefgebied'}
      </h3>
      <VerloopLegenda labels={eigen ? { persoon: labels.persoon, professional: labels.professional } : undefined} />
      {metGegevens.length < v.leefgebieden.length ? (
        <p className="nl-paragraph">
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setAlleen(alleen === 'met' ? 'alle' : 'met')}>
            {alleen === 'met' ? `Toon alle ${v.leefgebieden.length} leefgebieden` : 'Toon alleen leefgebieden met scores'}
          </button>
        </p>
      ) : null}
      <div className="verloop-raster-lijst">
        <VerloopGrafiek
          titel="Participatieladder"
          max={6}
          persoon={v.participatieladder.persoon}
          professional={v.participatieladder.professional}
          labels={labels}
        />
        <VerloopGrafiek titel="Motivatie" max={5} persoon={v.motivatie.persoon} professional={v.motivatie.professional} labels={labels} />
        {getoond.map((l) => (
          <VerloopGrafiek key={l.code} titel={l.naam} max={5} persoon={l.persoon} professional={l.professional} labels={labels} />
        ))}
      </div>
      <details className="verloop-tabel">
        <summary>De cijfers als tabel</summary>
        <TabelVak label="Verloop als tabel">
          <table className="utrecht-table utrecht-table--html-table" id="verloop-tabel">
            <caption className="utrecht-table__caption">Verloop per leefgebied: score (datum), oudste eerst</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Onderwerp
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {labels.persoon}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {labels.professional}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {[
                { code: 'participatieladder', naam: 'Participatieladder', ...v.participatieladder },
                { code: 'motivatie', naam: 'Motivatie', ...v.motivatie },
                ...v.leefgebieden,
              ].map((l) => (
                <tr key={l.code} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {l.naam}
                  </th>
                  <td className="utrecht-table__cell">
                    {reeksKort(l.persoon)} <span className="klein blok">{veranderingTekst(l.persoon)}</span>
                  </td>
                  <td className="utrecht-table__cell">
                    {reeksKort(l.professional)} <span className="klein blok">{veranderingTekst(l.professional)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabelVak>
      </details>
    </section>
  );
}

function Geschiedenis({ lijst, eigen }: { lijst: Diagnose[]; eigen: boolean }) {
  return (
    <details className="diagnose-geschiedenis">
      <summary>{eigen ? `Alles wat eerder is ingevuld (${lijst.length})` : `Alle diagnoses (${lijst.length})`}</summary>
      <ul className="utrecht-unordered-list">
        {lijst.map((d) => (
          <li key={d.id} className="utrecht-unordered-list__item">
            {datumLang(d.datum)} — {d.perspectiefLabel}, ingevuld door {d.auteur}
            {d.leefgebieden.length > 0 ? ` (${d.leefgebieden.length} leefgebieden)` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
