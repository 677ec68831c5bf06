import { useId } from 'react';
import type { Advies, Argument, RouteAdvies, Signalering } from '../api/afweging.js';
import { getal } from '../lib/getallen.js';
import { Melding } from './ui.js';
import '../styles/afweging.css';

const OORDEEL: Record<RouteAdvies['oordeel'], { prof: string; b1: string }> = {
  meest_passend: { prof: 'Meest passend volgens het kader', b1: 'Past nu het best' },
  passend: { prof: 'Passend', b1: 'Past ook' },
  minder_passend: { prof: 'Minder passend', b1: 'Past nu minder' },
  geen_argumenten: { prof: 'Geen argumenten', b1: 'Hier zegt het kader niets over' },
};

const breedte = (x: number, schaal: number) => `${Math.max(0, Math.min(100, (Math.abs(x) / schaal) * 100))}%`;

/** A horizontal bar with its number in text beside it: the bar is decoration, the text carries the meaning. */
function Balk({ waarde, schaal, soort, label }: { waarde: number; schaal: number; soort: 'voor' | 'tegen'; label: string }) {
  return (
    <div className={`balk-rij balk-rij--${soort}`}>
      <span className="balk-label">{label}</span>
      <span className="balk-spoor" aria-hidden="true">
        <span className={`balk balk--${soort}`} style={{ width: breedte(waarde, schaal) }} />
      </span>
      <span className="balk-getal">{getal(Math.abs(waarde))}</span>
    </div>
  );
}

function ArgumentLijst({ items, schaal, soort, eigen }: { items: Argument[]; schaal: number; soort: 'voor' | 'tegen'; eigen: boolean }) {
  if (items.length === 0) return <p className="nl-paragraph klein">{soort === 'voor' ? 'Geen argumenten voor.' : 'Geen argumenten tegen.'}</p>;
  return (
    <ul className={`argumenten argumenten--${soort}`}>
      {items.map((a) => (
        <li key={a.factor} className="argument">
          <span className="argument-kop">
            <strong>{a.label}</strong>: {a.waarde}
            <span className="klein">
              {' '}
              ({soort === 'voor' ? '+' : '−'}
              {getal(Math.abs(a.bijdrage))}
              {eigen ? '' : ` = gewicht ${getal(a.gewicht)} × aandeel ${getal(a.aandeel)} × sterkte ${getal(a.sterkte)}`}
              {a.bron !== 'invoer' ? `, ${a.bron === 'diagnose' ? 'uit de brede diagnose' : 'uit het dossier'}` : ''})
            </span>
          </span>
          <span className="balk-spoor balk-spoor--klein" aria-hidden="true">
            <span className={`balk balk--${soort}`} style={{ width: breedte(a.bijdrage, schaal) }} />
          </span>
          <span className="klein blok">{a.uitleg}</span>
        </li>
      ))}
    </ul>
  );
}

/** Advice per route with the arguments for and against as bars. `eigen`: the person's own view in B1 Dutch. */
export function AdviesWeergave({ advies, eigen = false, kopNiveau = 3 }: { advies: Advies; eigen?: boolean; kopNiveau?: 3 | 4 }) {
  const schaal = Math.max(1, ...advies.routes.flatMap((r) => [r.voor, r.tegen]));
  const Kop = `h${kopNiveau}` as 'h3' | 'h4';
  const SubKop = `h${kopNiveau + 1}` as 'h4' | 'h5';
  const id = useId();
  return (
    <div className="advies" data-testid="advies">
      <p className="nl-paragraph advies-label">
        <strong>{eigen ? 'Dit is een advies, geen besluit.' : 'Advies, geen besluit'}</strong>{' '}
        {eigen
          ? 'U en uw klantmanager besluiten samen welke stap u zet. U mag het oneens zijn met het advies.'
          : 'De professional en de persoon besluiten samen en schrijven op waarom.'}
      </p>
      <ol className="routes" aria-label={eigen ? 'De stappen, de best passende eerst' : 'Routes, de meest passende eerst'}>
        {advies.routes.map((r) => (
          <li key={r.route} className={`route-kaart route-kaart--${r.oordeel}`} data-route={r.route}>
            <Kop className={`nl-heading nl-heading--level-${kopNiveau} route-kop`} id={`${id}-${r.route}`}>
              {r.label}
              <span className="route-oordeel">{eigen ? OORDEEL[r.oordeel].b1 : OORDEEL[r.oordeel].prof}</span>
            </Kop>
            <Balk waarde={r.voor} schaal={schaal} soort="voor" label={eigen ? 'Spreekt voor' : 'Voor'} />
            <Balk waarde={r.tegen} schaal={schaal} soort="tegen" label={eigen ? 'Spreekt tegen' : 'Tegen'} />
            {eigen ? null : (
              <p className="nl-paragraph klein">
                Saldo {getal(r.netto)} · plaats {r.rang}
              </p>
            )}
            {r.argumentenVoor.length + r.argumentenTegen.length > 0 ? (
              <details className="route-details">
                <summary>{eigen ? 'Waarom?' : 'Argumenten voor en tegen'}</summary>
                <SubKop className="nl-heading klein-kop">{eigen ? 'Wat spreekt voor deze stap' : 'Argumenten voor'}</SubKop>
                <ArgumentLijst items={r.argumentenVoor} schaal={schaal} soort="voor" eigen={eigen} />
                <SubKop className="nl-heading klein-kop">{eigen ? 'Wat spreekt ertegen' : 'Argumenten tegen'}</SubKop>
                <ArgumentLijst items={r.argumentenTegen} schaal={schaal} soort="tegen" eigen={eigen} />
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {advies.nietMeegewogen.length > 0 ? (
        <div className="niet-meegewogen">
          <p className="nl-paragraph">
            <strong>{eigen ? 'Dit telt niet mee' : 'Genoteerd, telt niet mee (beschermde grond)'}</strong>
          </p>
          <ul className="utrecht-unordered-list">
            {advies.nietMeegewogen.map((n) => (
              <li key={n.factor} className="utrecht-unordered-list__item">
                {n.label}: {n.waarde}. {eigen ? `Uw ${n.grondLabel} telt nooit mee tegen u.` : n.reden}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {advies.aandachtspunten.length > 0 ? (
        <ul className="utrecht-unordered-list">
          {advies.aandachtspunten.map((a) => (
            <li key={a} className="utrecht-unordered-list__item">
              {a}
            </li>
          ))}
        </ul>
      ) : null}
      {!eigen && advies.ontbrekend.length > 0 ? (
        <p className="nl-paragraph klein">Nog onbekend (telt niet mee): {advies.ontbrekend.map((o) => o.label.toLowerCase()).join(', ')}.</p>
      ) : null}
    </div>
  );
}

const VELD_LABEL: Record<string, string> = {
  visieProfessional: 'de visie van de professional',
  visiePersoon: 'de mening van de persoon',
  redenen: 'de redenen van het besluit',
  reactiePersoon: 'de reactie van de persoon',
  conclusie: 'de conclusie',
};
function veldLabel(veld: string): string {
  if (VELD_LABEL[veld]) return VELD_LABEL[veld];
  if (veld.startsWith('toelichtingen.')) return `de toelichting bij ${veld.slice('toelichtingen.'.length).replace(/_/g, ' ')}`;
  if (veld.startsWith('argumenten.')) return `argument ${Number(veld.split('.')[1]) + 1}`;
  return veld;
}

/** Flagged free text: shown to the professional with the explanation. It never changes the advice. */
export function Signaleringen({ lijst }: { lijst: Signalering[] }) {
  if (lijst.length === 0) return null;
  return (
    <Melding type="warning" kop="Let op: tekst die verwijst naar een beschermde grond">
      <p className="nl-paragraph">
        Deze tekst is bewaard met een markering. Een beschermde grond mag nooit tegen de persoon wegen; de tekst verandert het advies niet.
      </p>
      <ul className="utrecht-unordered-list signaleringen">
        {lijst.map((s) => (
          <li key={`${s.veld}-${s.grond}-${s.fragment}`} className="utrecht-unordered-list__item">
            In {veldLabel(s.veld)}: “{s.fragment}” ({s.grondLabel}). {s.uitleg}
          </li>
        ))}
      </ul>
    </Melding>
  );
}
