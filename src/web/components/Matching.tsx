import { type KeyboardEvent, useId, useState } from 'react';
import { api } from '../api/client.js';
import type { FunctieLijst, FunctieSamenvatting, ItemUitleg, Match, Oordeel } from '../api/matching.js';
import { aantal } from '../lib/format.js';
import { getal } from '../lib/getallen.js';
import { alsApiError } from '../lib/useData.js';
import '../styles/matching.css';
import { Knop, Melding } from './ui.js';
import { TekstVeld } from './velden.js';

/** Verdict per FML item: text plus a symbol, never colour alone. */
export const OORDEEL_TEKST: Record<Oordeel, { label: string; teken: string }> = {
  past_niet: { label: 'Past niet', teken: '✗' },
  aangepast: { label: 'Past met aanpassing', teken: '+' },
  op_de_grens: { label: 'Op de grens', teken: '!' },
  past: { label: 'Past', teken: '✓' },
};

export function OordeelLabel({ oordeel, tekst }: { oordeel: Oordeel; tekst?: string }) {
  const o = OORDEEL_TEKST[oordeel];
  return (
    <span className={`oordeel oordeel--${oordeel}`}>
      <span className="oordeel-teken" aria-hidden="true">
        {o.teken}
      </span>
      {tekst ?? o.label}
    </span>
  );
}

/** The overall verdict of a function for the person. */
export function matchOordeel(m: Pick<Match, 'passend' | 'opDeGrens' | 'aangepast'>): { oordeel: Oordeel; tekst: string } {
  if (!m.passend) return { oordeel: 'past_niet', tekst: 'Past niet' };
  if (m.aangepast > 0) return { oordeel: 'aangepast', tekst: 'Past met aanpassing' };
  if (m.opDeGrens > 0) return { oordeel: 'op_de_grens', tekst: 'Past, op de grens' };
  return { oordeel: 'past', tekst: 'Past' };
}

/** "2 onderdelen passen niet, 1 op de grens" */
export function matchTelling(m: Pick<Match, 'mismatches' | 'opDeGrens' | 'aangepast'>): string {
  const delen: string[] = [];
  if (m.mismatches > 0) delen.push(`${aantal(m.mismatches, 'onderdeel past', 'onderdelen passen')} niet`);
  if (m.aangepast > 0) delen.push(`${aantal(m.aangepast, 'onderdeel past', 'onderdelen passen')} met een aanpassing`);
  if (m.opDeGrens > 0) delen.push(`${aantal(m.opDeGrens, 'onderdeel is', 'onderdelen zijn')} precies de grens`);
  return delen.length === 0 ? 'Alle onderdelen passen.' : `${delen.join(', ')}.`;
}

/** The explanation per FML item, most serious first (the server already orders it). */
export function UitlegLijst({ uitleg, label }: { uitleg: ItemUitleg[]; label?: string }) {
  if (uitleg.length === 0) return <p className="nl-paragraph">De functie vraagt niets waar deze persoon beperkt in is.</p>;
  return (
    <ul className="uitleg" aria-label={label}>
      {uitleg.map((u) => (
        <li key={u.item} className="uitleg-regel" data-item={u.item} data-oordeel={u.oordeel}>
          <OordeelLabel oordeel={u.oordeel} />
          <span>
            {u.zin} <span className="klein">({u.item})</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function uren(f: Pick<FunctieSamenvatting, 'urenMin' | 'urenMax'>): string {
  return f.urenMin === f.urenMax ? `${getal(f.urenMin)} uur per week` : `${getal(f.urenMin)} tot ${getal(f.urenMax)} uur per week`;
}

/**
 * Search the catalogue and choose one function. Not a <form> of its own, so it can sit inside another
 * form: Enter in the search box searches instead of submitting the outer form.
 */
export function FunctieZoeker({
  naam,
  label,
  hint,
  kiesTekst = 'Kies',
  onKies,
  fout,
}: {
  naam: string;
  label: string;
  hint?: string;
  kiesTekst?: string;
  onKies: (f: FunctieSamenvatting) => void;
  fout?: string | undefined;
}) {
  const [q, setQ] = useState('');
  const [resultaat, setResultaat] = useState<FunctieLijst | null>(null);
  const [zoekFout, setZoekFout] = useState<string | undefined>();
  const [bezig, setBezig] = useState(false);
  const kopId = useId();

  async function zoek() {
    if (q.trim().length < 2) {
      setZoekFout('Typ minstens 2 letters van de functie.');
      setResultaat(null);
      document.getElementById(`veld-${naam}`)?.focus();
      return;
    }
    setZoekFout(undefined);
    setBezig(true);
    try {
      setResultaat(await api.get<FunctieLijst>('/api/v1/functies', { q: q.trim(), limit: 10 }));
    } catch (err) {
      setZoekFout(alsApiError(err).melding);
    } finally {
      setBezig(false);
    }
  }

  const opEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void zoek();
    }
  };

  return (
    <div className="functiezoeker-vak">
      {/* biome-ignore lint/a11y/useSemanticElements: a <search> here would wrap no form (it may sit inside one) */}
      <div className="functiezoeker" role="search" aria-label={label}>
        <TekstVeld
          label={label}
          naam={naam}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={opEnter}
          hint={hint}
          fout={zoekFout ?? fout}
          maxLength={100}
          autoComplete="off"
        />
        <div className="knoppen">
          <Knop soort="secundair" onClick={() => void zoek()} disabled={bezig}>
            Zoek functie
          </Knop>
        </div>
      </div>
      {bezig ? (
        <p className="nl-paragraph laden" role="status">
          Bezig met zoeken…
        </p>
      ) : null}
      {resultaat ? (
        <div>
          <p className="nl-paragraph" id={kopId} role="status">
            {resultaat.totaal === 0
              ? `Geen functie gevonden voor "${q.trim()}". Probeer een ander woord.`
              : `${aantal(resultaat.totaal, 'functie gevonden', 'functies gevonden')}${resultaat.totaal > resultaat.resultaten.length ? ` (de eerste ${resultaat.resultaten.length})` : ''}.`}
          </p>
          {resultaat.resultaten.length > 0 ? (
            <ul className="keuzelijst">
              {resultaat.resultaten.map((f) => (
                <li key={f.id} className="keuzelijst-item">
                  <span>
                    <strong>{f.naam}</strong>
                    <span className="klein blok">
                      {f.groepNaam} · {f.opleidingsniveauNaam}
                      {f.eigen ? ' · eigen functie van de gemeente' : ''}
                    </span>
                  </span>
                  <Knop
                    soort="secundair"
                    onClick={() => {
                      onKies(f);
                      setResultaat(null);
                      setQ('');
                    }}
                  >
                    {kiesTekst}
                    <span className="rhc-visually-hidden">: {f.naam}</span>
                  </Knop>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** A short note that this is an aid, not a decision. */
export function Disclaimer({ tekst }: { tekst: string }) {
  return (
    <Melding type="info" kop="Let op">
      {tekst}
    </Melding>
  );
}
