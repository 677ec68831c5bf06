import { type FormEvent, useState } from 'react';
import { TOESTEMMINGSDOEL_CODES, TOESTEMMINGSDOELEN, VASTGELEGD_VIA } from '../../shared/codes.js';
import { api } from '../api/client.js';
import type { Organisatie, Toestemming } from '../api/types.js';
import { datumLang } from '../lib/format.js';
import { alsApiError, useData } from '../lib/useData.js';
import { Knop, Laden, Melding, TabelVak } from './ui.js';
import { FoutOverzicht, KeuzeVeld, TekstvakVeld } from './velden.js';

const VIA_LABEL: Record<string, string> = { mondeling: 'Mondeling', schriftelijk: 'Schriftelijk (formulier)', digitaal: 'Digitaal' };
const LABELS = { doel: 'Waarvoor', ontvangerId: 'Met welke organisatie', vastgelegdVia: 'Hoe gegeven', toelichting: 'Toelichting', reden: 'Reden' };
/** Field names unique on the dossier page (the referral form there has its own `doel` and `toelichting`). */
const VELD: Record<string, string> = { doel: 'toestemmingsdoel', toelichting: 'toestemmingToelichting' };
const VELD_LABELS = { ...LABELS, toestemmingsdoel: LABELS.doel, toestemmingToelichting: LABELS.toelichting };

/**
 * Consents of one person. `zelf` = the person looks at their own consents (B1 text, always "digitaal").
 * `beheren` = the viewer may add and withdraw. `onGewijzigd` lets other parts of the page follow (e.g. the
 * kandidaatprofiel's publication, which depends on a consent).
 */
export function Toestemmingen({
  persoonId,
  beheren,
  zelf = false,
  kopNiveau = 3,
  onGewijzigd,
}: {
  persoonId: string;
  beheren: boolean;
  zelf?: boolean;
  kopNiveau?: 2 | 3;
  onGewijzigd?: () => void;
}) {
  const basis = `/api/v1/personen/${encodeURIComponent(persoonId)}/toestemmingen`;
  const lijst = useData<Toestemming[]>((signal) => api.get(basis, undefined, signal), [basis]);
  const orgs = useData<Organisatie[]>((signal) => (beheren ? api.get('/api/v1/organisaties', undefined, signal) : Promise.resolve([])), [beheren]);
  const [intrekken, setIntrekken] = useState<Toestemming | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const Kop = kopNiveau === 2 ? 'h2' : 'h3';

  return (
    <>
      {melding ? <Melding type="ok">{melding}</Melding> : null}
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {lijst.laden && !lijst.data ? <Laden /> : null}
      {lijst.data && lijst.data.length === 0 ? (
        <p className="nl-paragraph">{zelf ? 'U heeft nog geen toestemming gegeven.' : 'Er zijn nog geen toestemmingen vastgelegd.'}</p>
      ) : null}
      {lijst.data && lijst.data.length > 0 ? (
        <TabelVak label={zelf ? 'Mijn toestemmingen' : 'Toestemmingen'}>
          <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color">
            <caption className="utrecht-table__caption">{zelf ? 'Mijn toestemmingen' : 'Toestemmingen'}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Waarvoor
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Organisatie
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Gegeven
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Geldig
                </th>
                {beheren ? (
                  <th scope="col" className="utrecht-table__header-cell">
                    <span className="rhc-visually-hidden">Actie</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {lijst.data.map((t) => (
                <tr key={t.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">
                    {TOESTEMMINGSDOELEN[t.doel].label}
                    {t.toelichting ? <span className="klein blok">{t.toelichting}</span> : null}
                  </td>
                  <td className="utrecht-table__cell">{t.ontvanger?.naam ?? 'Geen bepaalde organisatie'}</td>
                  <td className="utrecht-table__cell">
                    {datumLang(t.verleendOp)}
                    <span className="klein blok">
                      {VIA_LABEL[t.vastgelegdVia]}, door {t.verleendDoor}
                    </span>
                  </td>
                  <td className="utrecht-table__cell">
                    {t.actief ? (
                      <span className="status-label status-label--actief">Geldig</span>
                    ) : (
                      <>
                        <span className="status-label status-label--afgesloten">Ingetrokken</span>
                        <span className="klein blok">
                          op {datumLang(t.ingetrokkenOp)}
                          {t.intrekkingsreden ? `: ${t.intrekkingsreden}` : ''}
                        </span>
                      </>
                    )}
                  </td>
                  {beheren ? (
                    <td className="utrecht-table__cell">
                      {t.actief ? (
                        <Knop soort="subtiel" onClick={() => setIntrekken(t)}>
                          Intrekken<span className="rhc-visually-hidden">: {TOESTEMMINGSDOELEN[t.doel].label}</span>
                        </Knop>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TabelVak>
      ) : null}
      {beheren && intrekken ? (
        <IntrekForm
          key={intrekken.id}
          basis={basis}
          toestemming={intrekken}
          zelf={zelf}
          onKlaar={(ok) => {
            setIntrekken(null);
            if (ok) {
              setMelding('De toestemming is ingetrokken.');
              lijst.herlaad();
              onGewijzigd?.();
            }
          }}
        />
      ) : null}
      {beheren ? (
        <>
          <Kop className={`nl-heading nl-heading--level-${kopNiveau === 2 ? 2 : 3}`}>{zelf ? 'Toestemming geven' : 'Toestemming vastleggen'}</Kop>
          <NieuweToestemming
            basis={basis}
            organisaties={orgs.data ?? []}
            zelf={zelf}
            onKlaar={() => {
              setMelding(zelf ? 'Uw toestemming is vastgelegd.' : 'De toestemming is vastgelegd.');
              lijst.herlaad();
              onGewijzigd?.();
            }}
          />
        </>
      ) : null}
    </>
  );
}

function IntrekForm({ basis, toestemming, zelf, onKlaar }: { basis: string; toestemming: Toestemming; zelf: boolean; onKlaar: (ok: boolean) => void }) {
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  return (
    <form
      className="formulier kader"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await api.post(`${basis}/${encodeURIComponent(toestemming.id)}/intrekken`, { reden: reden.trim() || null });
          onKlaar(true);
        } catch (err) {
          setFout(alsApiError(err).melding);
        }
      }}
    >
      <p className="nl-paragraph">
        <strong>Toestemming intrekken:</strong> {TOESTEMMINGSDOELEN[toestemming.doel].label}
        {toestemming.ontvanger ? ` (${toestemming.ontvanger.naam})` : ''}
      </p>
      <FoutOverzicht fouten={{}} labels={LABELS} algemeen={fout} />
      <TekstvakVeld
        label={zelf ? 'Waarom trekt u de toestemming in?' : 'Reden van intrekken'}
        naam="intrekreden"
        verplicht={false}
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        rows={2}
        maxLength={2000}
        autoFocus
      />
      <div className="knoppen">
        <Knop soort="primair" type="submit">
          Toestemming intrekken
        </Knop>
        <Knop soort="secundair" onClick={() => onKlaar(false)}>
          Niet intrekken
        </Knop>
      </div>
    </form>
  );
}

function NieuweToestemming({ basis, organisaties, zelf, onKlaar }: { basis: string; organisaties: Organisatie[]; zelf: boolean; onKlaar: () => void }) {
  const [doel, setDoel] = useState('');
  const [ontvangerId, setOntvangerId] = useState('');
  const [via, setVia] = useState(zelf ? 'digitaal' : '');
  const [toelichting, setToelichting] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    const f: Record<string, string> = {};
    if (!doel) f.toestemmingsdoel = 'Kies waarvoor de toestemming is.';
    if (doel === 'gegevens_delen' && !ontvangerId) f.ontvangerId = 'Kies met welke organisatie de gegevens gedeeld mogen worden.';
    if (!via) f.vastgelegdVia = 'Kies hoe de toestemming is gegeven.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    try {
      await api.post(basis, { doel, ontvangerId: ontvangerId || null, vastgelegdVia: via, toelichting: toelichting.trim() || null });
      setDoel('');
      setOntvangerId('');
      setToelichting('');
      onKlaar();
    } catch (err) {
      const fout = alsApiError(err);
      const vf = Object.fromEntries(Object.entries(fout.veldFouten()).map(([k, v]) => [VELD[k] ?? k, v]));
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    }
  }

  return (
    <form className="formulier" noValidate onSubmit={opslaan}>
      <FoutOverzicht fouten={fouten} labels={VELD_LABELS} algemeen={algemeen} />
      <KeuzeVeld label={LABELS.doel} naam="toestemmingsdoel" value={doel} onChange={(e) => setDoel(e.target.value)} fout={fouten.toestemmingsdoel} verplicht>
        <option value="">Kies een doel</option>
        {TOESTEMMINGSDOEL_CODES.map((d) => (
          <option key={d} value={d}>
            {TOESTEMMINGSDOELEN[d].label}
          </option>
        ))}
      </KeuzeVeld>
      <KeuzeVeld
        label={LABELS.ontvangerId}
        naam="ontvangerId"
        value={ontvangerId}
        onChange={(e) => setOntvangerId(e.target.value)}
        fout={fouten.ontvangerId}
        verplicht={false}
      >
        <option value="">Geen bepaalde organisatie</option>
        {organisaties.map((o) => (
          <option key={o.id} value={o.id}>
            {o.naam}
          </option>
        ))}
      </KeuzeVeld>
      {zelf ? null : (
        <KeuzeVeld label={LABELS.vastgelegdVia} naam="vastgelegdVia" value={via} onChange={(e) => setVia(e.target.value)} fout={fouten.vastgelegdVia} verplicht>
          <option value="">Kies hoe</option>
          {VASTGELEGD_VIA.map((v) => (
            <option key={v} value={v}>
              {VIA_LABEL[v]}
            </option>
          ))}
        </KeuzeVeld>
      )}
      <TekstvakVeld
        label={LABELS.toelichting}
        naam="toestemmingToelichting"
        verplicht={false}
        value={toelichting}
        onChange={(e) => setToelichting(e.target.value)}
        rows={2}
        maxLength={2000}
        fout={fouten.toestemmingToelichting}
      />
      <div className="knoppen">
        <Knop soort="primair" type="submit">
          {zelf ? 'Toestemming geven' : 'Toestemming vastleggen'}
        </Knop>
      </div>
    </form>
  );
}
