import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { EigenProfiel } from '../api/kandidaten.js';
import type { PersoonDetail } from '../api/types.js';
import { Compleetheid, ProfielFormulier, ProfielKaart, Publicatie } from '../components/Kandidaatprofiel.js';
import { Pagina } from '../components/Pagina.js';
import { Laden, Melding, Sectie } from '../components/ui.js';
import { volledigeNaam } from '../lib/format.js';
import { AppLink } from '../lib/router.js';
import { useData } from '../lib/useData.js';

/**
 * The kandidaatprofiel of one person: completeness, publication state, the employer's view and the form.
 * `eigen` = the person's own page ("Mijn profiel voor werkgevers", in simple words).
 */
export function KandidaatprofielPagina({ id, eigen = false }: { id: string; eigen?: boolean }) {
  const persoonPad = `/api/v1/personen/${encodeURIComponent(id)}`;
  const persoon = useData<PersoonDetail | null>((signal) => (eigen ? Promise.resolve(null) : api.get(persoonPad, undefined, signal)), [persoonPad, eigen]);
  const profiel = useData<EigenProfiel>((signal) => api.get(`${persoonPad}/kandidaatprofiel`, undefined, signal), [persoonPad]);
  const [opgeslagen, setOpgeslagen] = useState(0);
  const meldingRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (opgeslagen > 0) meldingRef.current?.focus();
  }, [opgeslagen]);

  const p = persoon.data;
  const e = profiel.data;
  const fout = persoon.fout ?? profiel.fout;
  const rechten = (p?.rechten ?? []) as string[];
  const toestemmingHref = eigen
    ? '/mijn-gegevens/toestemmingen'
    : rechten.includes('toestemming.lezen')
      ? `/personen/${encodeURIComponent(id)}#toestemmingen-kop`
      : null;
  const magBeheren = Boolean(e?.magBeheren) && (eigen || p?.status !== 'afgesloten');
  const klaar = e && (eigen || p);

  return (
    <Pagina
      titel={eigen ? 'Mijn profiel voor werkgevers' : 'Kandidaatprofiel'}
      kop={eigen ? 'Mijn profiel voor werkgevers' : p ? `Kandidaatprofiel: ${volledigeNaam(p)}` : 'Kandidaatprofiel'}
      intro={
        eigen
          ? 'Werkgevers in de regio kunnen zoeken naar mensen die werk zoeken. Met dit profiel laat u zien wat voor werk u zoekt en waar u goed in bent. Werkgevers zien niet wie u bent.'
          : 'Het anonieme profiel waarmee werkgevers in de regio deze persoon kunnen vinden. Werkgevers zien nooit een naam, BSN, adres, telefoonnummer of e-mailadres.'
      }
    >
      <p className="nl-paragraph">
        {eigen ? (
          <AppLink href="/mijn-gegevens">Terug naar mijn gegevens</AppLink>
        ) : (
          <AppLink href={`/personen/${encodeURIComponent(id)}`}>Terug naar het dossier</AppLink>
        )}
      </p>
      {opgeslagen > 0 && e ? (
        <div ref={meldingRef} tabIndex={-1} className="focus-doel">
          <Melding type="ok">
            {eigen
              ? e.gepubliceerd
                ? 'Uw profiel is opgeslagen. Werkgevers zien nu de nieuwe versie.'
                : 'Uw profiel is opgeslagen.'
              : e.gepubliceerd
                ? 'Het profiel is opgeslagen. Werkgevers zien nu de nieuwe versie.'
                : 'Het profiel is opgeslagen. Het is nog niet gepubliceerd.'}
          </Melding>
        </div>
      ) : null}
      {fout ? (
        <Melding type="error">{fout.status === 404 || fout.status === 403 ? 'Dit profiel bestaat niet, of u mag het niet inzien.' : fout.melding}</Melding>
      ) : null}
      {!fout && !klaar ? <Laden /> : null}
      {klaar ? (
        <>
          <div className="profiel-samenvatting">
            <Sectie titel={eigen ? 'Kunnen werkgevers mijn profiel zien?' : 'Publicatie'} id="publicatie">
              <Publicatie e={e} eigen={eigen} toestemmingHref={toestemmingHref} />
            </Sectie>
            <Sectie titel={eigen ? 'Hoeveel heeft u ingevuld?' : 'Compleetheid'} id="compleetheid">
              <Compleetheid e={e} eigen={eigen} />
            </Sectie>
          </div>

          <Sectie titel={eigen ? 'Zo ziet een werkgever uw profiel' : 'Zo ziet een werkgever dit profiel'} id="voorbeeld">
            {e.zoalsWerkgeverZiet ? (
              <>
                <p className="nl-paragraph">
                  {e.gepubliceerd
                    ? eigen
                      ? 'Dit ziet een werkgever als hij uw profiel opent.'
                      : 'Dit is precies wat een werkgever ziet.'
                    : eigen
                      ? 'Dit zou een werkgever zien. Nu ziet nog geen werkgever uw profiel.'
                      : 'Dit is precies wat een werkgever zou zien. Het profiel is nu niet gepubliceerd.'}
                </p>
                <div className="voorbeeld-kader">
                  <ProfielKaart p={e.zoalsWerkgeverZiet} kopNiveau={3} />
                </div>
              </>
            ) : (
              <p className="nl-paragraph">
                {eigen ? 'U heeft nog geen profiel. Vul hieronder in wat voor werk u zoekt.' : 'Er is nog geen kandidaatprofiel. Vul het hieronder in.'}
              </p>
            )}
          </Sectie>

          {magBeheren ? (
            <div className="sectie">
              <ProfielFormulier
                key={e.versie ?? 0}
                persoonId={id}
                e={e}
                eigen={eigen}
                onOpgeslagen={(nieuw) => {
                  profiel.setData(nieuw);
                  setOpgeslagen((n) => n + 1);
                }}
                onHerladen={() => {
                  setOpgeslagen(0);
                  profiel.herlaad();
                  requestAnimationFrame(() => document.querySelector<HTMLElement>('h1')?.focus());
                }}
              />
            </div>
          ) : eigen ? null : (
            <p className="nl-paragraph">U mag dit profiel bekijken, maar niet wijzigen. De klantmanager of arbeidsdeskundige kan het profiel wijzigen.</p>
          )}
        </>
      ) : null}
    </Pagina>
  );
}
