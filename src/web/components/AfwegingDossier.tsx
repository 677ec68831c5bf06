import { TRAJECTROUTES } from '../../shared/codes.js';
import type { AfwegingenOverzicht } from '../api/afweging.js';
import { api } from '../api/client.js';
import type { PersoonDetail } from '../api/types.js';
import { datumLang } from '../lib/format.js';
import { AppLink } from '../lib/router.js';
import { useData } from '../lib/useData.js';
import { Gegevens, Laden, Melding, Sectie } from './ui.js';

/** Dossier section: the latest advice and joint decision, with a link to the afweging page. */
export function AfwegingDossier({ p, eigen }: { p: PersoonDetail; eigen: boolean }) {
  const mag = p.rechten.includes('afweging.lezen');
  const pad = `/api/v1/personen/${encodeURIComponent(p.id)}/afwegingen`;
  const data = useData<AfwegingenOverzicht | null>((signal) => (mag ? api.get(pad, undefined, signal) : Promise.resolve(null)), [pad, mag]);
  if (!mag) return null;
  const o = data.data;
  const laatste = o?.afwegingen[0] ?? null;
  const besluit = o?.laatsteBesluit ?? null;
  const href = eigen ? '/mijn-gegevens/welke-stap' : `/personen/${p.id}/afweging`;
  return (
    <Sectie titel={eigen ? 'Welke stap past bij u' : 'Afweging en besluit'} id="afweging">
      {data.fout ? <Melding type="error">{data.fout.melding}</Melding> : null}
      {data.laden && !o ? <Laden /> : null}
      {o ? (
        laatste ? (
          <Gegevens
            items={[
              [
                eigen ? 'Advies' : 'Advies (geen besluit)',
                laatste.advies.meestPassend.length > 0
                  ? laatste.advies.meestPassend.map((r) => TRAJECTROUTES[r].label).join(' of ')
                  : 'Nog te weinig argumenten voor een advies',
              ],
              [eigen ? 'Datum advies' : 'Afweging gemaakt op', datumLang(laatste.aangemaaktOp)],
              [
                eigen ? 'Samen besloten' : 'Besluit',
                besluit ? `${besluit.routeLabel} (${datumLang(besluit.besluitdatum)})` : eigen ? 'Nog niet' : 'Nog geen besluit',
              ],
            ]}
          />
        ) : (
          <p className="nl-paragraph">{eigen ? 'Er is nog geen advies voor u.' : 'Er is nog geen afweging gemaakt.'}</p>
        )
      ) : null}
      <p className="nl-paragraph">
        <AppLink href={href}>
          {eigen
            ? 'Bekijk het advies en zeg wat u ervan vindt'
            : o?.magSchrijven && p.status !== 'afgesloten'
              ? 'Afweging bekijken of maken'
              : 'Afweging bekijken'}
        </AppLink>
      </p>
    </Sectie>
  );
}
