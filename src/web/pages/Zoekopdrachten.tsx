import { useState } from 'react';
import { OPLEIDINGSNIVEAUS, WERKCONDITIES } from '../../shared/codes.js';
import { api, buildUrl } from '../api/client.js';
import type { Functiegroepen } from '../api/matching.js';
import type { Melding, Meldingen, OpgeslagenZoekopdracht, ZoekopdrachtResultaten } from '../api/zoekopdrachten.js';
import { ProfielKaart } from '../components/Kandidaatprofiel.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Laden, Melding as Bericht, Paginering } from '../components/ui.js';
import { aantal, tijdstip } from '../lib/format.js';
import { AppLink, navigate, useLocatie } from '../lib/router.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/kandidaten.css';
import '../styles/zoekopdrachten.css';

const PAGINA_GROOTTE = 20;

/** A saved search's filters in words, e.g. "Zoekwoorden: kassen · Sector: Groen · Vanaf 8 uur per week". */
export function filtersInWoorden(f: Record<string, string>, sectoren: Map<string, string>): string {
  const lijst = (s: string | undefined) => (s ? s.split(',').filter(Boolean) : []);
  const delen: string[] = [];
  if (f.q) delen.push(`Zoekwoorden: ${f.q}`);
  const sec = lijst(f.sectoren);
  if (sec.length) delen.push(`Sector: ${sec.map((c) => sectoren.get(c) ?? c).join(', ')}`);
  const opl = lijst(f.opleidingsniveaus);
  if (opl.length) delen.push(`Opleiding: ${opl.map((c) => OPLEIDINGSNIVEAUS[c as keyof typeof OPLEIDINGSNIVEAUS]?.label ?? c).join(', ')}`);
  const wc = lijst(f.werkcondities);
  if (wc.length) delen.push(`Werkomstandigheden: ${wc.map((c) => WERKCONDITIES[c as keyof typeof WERKCONDITIES]?.label ?? c).join(', ')}`);
  const gem = lijst(f.gemeenten);
  if (gem.length) delen.push(aantal(gem.length, 'gemeente', 'gemeenten'));
  if (f.urenMin && f.urenMax) delen.push(`${f.urenMin} tot ${f.urenMax} uur per week`);
  else if (f.urenMin) delen.push(`Vanaf ${f.urenMin} uur per week`);
  else if (f.urenMax) delen.push(`Tot ${f.urenMax} uur per week`);
  if (f.beschikbaarNu === 'ja') delen.push('Nu beschikbaar');
  return delen.length ? delen.join(' · ') : 'Alle kandidaten';
}

/** Mijn zoekopdrachten: every saved search with "n nieuw", a link to its results and a delete button. */
export function MijnZoekopdrachtenPagina() {
  const lijst = useData<{ resultaten: OpgeslagenZoekopdracht[] }>((signal) => api.get('/api/v1/opgeslagen-zoekopdrachten', undefined, signal), []);
  const groepen = useData<Functiegroepen>((signal) => api.get('/api/v1/functiegroepen', undefined, signal), []);
  const [bericht, setBericht] = useState<{ type: 'ok' | 'error'; tekst: string } | null>(null);
  const sectoren = new Map((groepen.data?.sectoren ?? []).map((s) => [s.code, s.naam]));

  async function verwijder(z: OpgeslagenZoekopdracht) {
    if (!window.confirm(`Zoekopdracht '${z.naam}' verwijderen?`)) return;
    try {
      await api.delete(`/api/v1/opgeslagen-zoekopdrachten/${z.id}`);
      setBericht({ type: 'ok', tekst: `Zoekopdracht '${z.naam}' is verwijderd.` });
      lijst.herlaad();
    } catch (e) {
      setBericht({ type: 'error', tekst: alsApiError(e).melding });
    }
  }

  return (
    <Pagina
      titel="Mijn zoekopdrachten"
      intro="Bewaarde zoekopdrachten in de kandidaatprofielen. Komen er nieuwe kandidaten bij die passen, dan krijgt u een melding."
    >
      <p className="nl-paragraph">
        <AppLink href="/kandidaten">Nieuwe zoekopdracht maken in Kandidaten zoeken</AppLink>
      </p>
      {bericht ? <Bericht type={bericht.type}>{bericht.tekst}</Bericht> : null}
      {lijst.fout ? <Bericht type="error">{lijst.fout.melding}</Bericht> : null}
      {lijst.laden && !lijst.data ? <Laden /> : null}
      {lijst.data && lijst.data.resultaten.length === 0 ? (
        <p className="nl-paragraph">U heeft nog geen zoekopdrachten bewaard. Zoek kandidaten en kies dan "Zoekopdracht bewaren".</p>
      ) : null}
      {lijst.data && lijst.data.resultaten.length > 0 ? (
        <ul className="zoekopdrachten-lijst" aria-label="Bewaarde zoekopdrachten">
          {lijst.data.resultaten.map((z) => (
            <li key={z.id} className="zoekopdracht-kaart">
              <h2 className="nl-heading nl-heading--level-2 klein-kop">
                <AppLink href={`/zoekopdrachten/${z.id}`}>{z.naam}</AppLink>
              </h2>
              <p className="nl-paragraph">{filtersInWoorden(z.filters, sectoren)}</p>
              <p className="nl-paragraph">
                {!z.geldig ? (
                  'Deze zoekopdracht past niet meer bij de zoekmogelijkheden. Maak hem opnieuw.'
                ) : z.aantalNieuw > 0 ? (
                  <AppLink href={`/zoekopdrachten/${z.id}?alleenNieuw=ja`} className="nieuw-label">
                    {z.aantalNieuw} nieuw
                  </AppLink>
                ) : (
                  'Geen nieuwe kandidaten sinds u de vorige keer keek.'
                )}
              </p>
              <div className="knoppen">
                <Knop soort="subtiel" onClick={() => void verwijder(z)} aria-label={`Zoekopdracht ${z.naam} verwijderen`}>
                  Verwijderen
                </Knop>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </Pagina>
  );
}

/** The results of one saved search; with ?alleenNieuw=ja only the new ones. Opening it marks them seen. */
export function ZoekopdrachtPagina({ id }: { id: string }) {
  const { zoek } = useLocatie();
  const alleenNieuw = zoek.get('alleenNieuw') === 'ja';
  const pagina = Math.max(1, Number(zoek.get('pagina') ?? '1') || 1);
  const query = { alleenNieuw: alleenNieuw ? 'ja' : 'nee', limit: PAGINA_GROOTTE, offset: (pagina - 1) * PAGINA_GROOTTE };
  const data = useData<ZoekopdrachtResultaten>(
    (signal) => api.get(`/api/v1/opgeslagen-zoekopdrachten/${id}/resultaten`, query, signal),
    [id, JSON.stringify(query)],
  );
  const r = data.data;
  return (
    <Pagina titel={r ? `Zoekopdracht: ${r.zoekopdracht.naam}` : 'Zoekopdracht'}>
      <p className="nl-paragraph">
        <AppLink href="/zoekopdrachten">Terug naar mijn zoekopdrachten</AppLink>
        {r ? (
          <>
            {' · '}
            <AppLink href={buildUrl('/kandidaten', r.zoekopdracht.filters)}>Aanpassen in Kandidaten zoeken</AppLink>
          </>
        ) : null}
      </p>
      {data.fout ? <Bericht type="error">{data.fout.status === 404 ? 'Deze zoekopdracht bestaat niet (meer).' : data.fout.melding}</Bericht> : null}
      {data.laden && !r ? <Laden /> : null}
      {r ? (
        <section aria-labelledby="resultaten-kop">
          <h2 id="resultaten-kop" className="nl-heading nl-heading--level-2">
            {alleenNieuw ? 'Nieuwe kandidaten' : 'Alle kandidaten'}
          </h2>
          <p className="nl-paragraph" role="status">
            {alleenNieuw
              ? r.totaal === 0
                ? 'Er zijn geen nieuwe kandidaten.'
                : `${aantal(r.totaal, 'nieuwe kandidaat', 'nieuwe kandidaten')}${r.nieuwNa ? ` sinds ${tijdstip(r.nieuwNa)}` : ''}.`
              : `${aantal(r.totaal, 'kandidaat gevonden', 'kandidaten gevonden')}.`}{' '}
            {alleenNieuw ? <AppLink href={`/zoekopdrachten/${id}`}>Alle kandidaten bekijken</AppLink> : null}
          </p>
          {r.resultaten.length > 0 ? (
            <ol className="resultaten kandidaten-lijst" aria-label="Kandidaten">
              {r.resultaten.map((p) => (
                <li key={p.publiekId} className="resultaat">
                  {p.nieuw ? <p className="nl-paragraph nieuw-label">Nieuw</p> : null}
                  <ProfielKaart p={p} href={`/kandidaten/${encodeURIComponent(p.publiekId)}`} kopNiveau={3} />
                </li>
              ))}
            </ol>
          ) : null}
          <Paginering
            pagina={pagina}
            totaal={r.totaal}
            paginaGrootte={PAGINA_GROOTTE}
            label="Paginering kandidaten"
            naar={(pg) => navigate(buildUrl(`/zoekopdrachten/${id}`, { alleenNieuw: alleenNieuw ? 'ja' : undefined, pagina: pg > 1 ? pg : undefined }))}
          />
        </section>
      ) : null}
    </Pagina>
  );
}

/** All my notifications, newest first; opening one marks it read and follows its link. */
export function MeldingenPagina() {
  const data = useData<Meldingen>((signal) => api.get('/api/v1/meldingen', { limit: 50 }, signal), []);
  const [fout, setFout] = useState<string | null>(null);

  async function open(m: Melding) {
    try {
      if (!m.gelezenOp) await api.post(`/api/v1/meldingen/${m.id}/gelezen`);
      window.dispatchEvent(new Event('passend:meldingen'));
      if (m.link) navigate(m.link);
      else data.herlaad();
    } catch (e) {
      setFout(alsApiError(e).melding);
    }
  }

  return (
    <Pagina titel="Meldingen">
      {fout ? <Bericht type="error">{fout}</Bericht> : null}
      {data.fout ? <Bericht type="error">{data.fout.melding}</Bericht> : null}
      {data.laden && !data.data ? <Laden /> : null}
      {data.data && data.data.resultaten.length === 0 ? <p className="nl-paragraph">U heeft geen meldingen.</p> : null}
      {data.data && data.data.resultaten.length > 0 ? (
        <ul className="meldingen-lijst" aria-label="Meldingen">
          {data.data.resultaten.map((m) => (
            <li key={m.id} className={m.gelezenOp ? 'melding-item' : 'melding-item melding-item--ongelezen'}>
              <p className="nl-paragraph">
                {m.gelezenOp ? null : <strong className="nieuw-label">Ongelezen: </strong>}
                <Knop soort="subtiel" onClick={() => void open(m)}>
                  {m.titel}
                </Knop>
              </p>
              {m.tekst ? <p className="nl-paragraph">{m.tekst}</p> : null}
              <p className="nl-paragraph klein">{tijdstip(m.aangemaaktOp)}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </Pagina>
  );
}
