import { useState } from 'react';
import { api } from '../api/client.js';
import type { Verwijzing, VerwijzingInLijst } from '../api/verwijzingen.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Laden, Melding, TabelVak } from '../components/ui.js';
import { VerwijzingKaart, VerwijzingStatusLabel } from '../components/Verwijzingen.js';
import { datumLang } from '../lib/format.js';
import { AppLink } from '../lib/router.js';
import { useSessie } from '../lib/sessie.js';
import { useData } from '../lib/useData.js';

interface Lijst {
  resultaten: VerwijzingInLijst[];
  totaal: number;
  richting: 'inkomend' | 'uitgaand';
}

/**
 * For a provider: "Aangemelde personen", the running referrals to its organisation, each with its next
 * steps and the return form. For a gemeente: its own referrals.
 */
export function VerwijzingenPagina() {
  const { sessie } = useSessie();
  const aanbieder = sessie.gebruiker.organisatie.soort !== 'gemeente';
  const [alle, setAlle] = useState(false);
  const lijst = useData<Lijst>((signal) => api.get('/api/v1/verwijzingen', { status: alle ? 'alle' : 'lopend' }, signal), [alle]);
  const [open, setOpen] = useState<VerwijzingInLijst | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const titel = aanbieder ? 'Aangemelde personen' : 'Verwijzingen';
  return (
    <Pagina
      titel={titel}
      intro={
        aanbieder
          ? 'De personen die een gemeente naar uw organisatie heeft verwezen. Accepteer, start of rond af, of meld terug met een reden uit de lijst.'
          : 'De verwijzingen van uw gemeente naar trajecten en aanbieders.'
      }
    >
      {melding ? <Melding type="ok">{melding}</Melding> : null}
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {!aanbieder ? (
        <p className="nl-paragraph">
          <Knop soort="subtiel" onClick={() => setAlle((a) => !a)} aria-pressed={alle}>
            {alle ? 'Alleen lopende verwijzingen tonen' : 'Ook afgelopen verwijzingen tonen'}
          </Knop>
        </p>
      ) : null}
      {lijst.laden && !lijst.data ? <Laden /> : null}
      {lijst.data && lijst.data.resultaten.length === 0 ? (
        <p className="nl-paragraph">{aanbieder ? 'Er zijn nu geen personen bij uw organisatie aangemeld.' : 'Er zijn geen verwijzingen.'}</p>
      ) : null}
      {lijst.data && lijst.data.resultaten.length > 0 ? (
        <TabelVak label={titel}>
          <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color">
            <caption className="utrecht-table__caption">
              {titel} ({lijst.data.totaal})
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Persoon
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {aanbieder ? 'Gemeente' : 'Aanbieder'}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Route
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Start
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Status
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  <span className="rhc-visually-hidden">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {lijst.data.resultaten.map((v) => (
                <tr key={v.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">
                    <AppLink href={`/personen/${v.persoon.id}#verwijzingen`}>{v.persoon.naam}</AppLink>
                  </td>
                  <td className="utrecht-table__cell">{aanbieder ? v.gemeente.naam : v.aanbieder.naam}</td>
                  <td className="utrecht-table__cell">{v.route.label}</td>
                  <td className="utrecht-table__cell geen-afbreken">{datumLang(v.startdatum)}</td>
                  <td className="utrecht-table__cell">
                    <VerwijzingStatusLabel code={v.status.code} label={v.status.label} />
                  </td>
                  <td className="utrecht-table__cell">
                    <Knop soort="subtiel" onClick={() => setOpen(v)} aria-expanded={open?.id === v.id}>
                      Behandelen<span className="rhc-visually-hidden">: {v.persoon.naam}</span>
                    </Knop>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabelVak>
      ) : null}
      {open ? (
        <Behandelen
          key={open.id}
          item={open}
          onGewijzigd={(tekst) => {
            setMelding(tekst);
            setOpen(null);
            lijst.herlaad();
          }}
        />
      ) : null}
    </Pagina>
  );
}

function Behandelen({ item, onGewijzigd }: { item: VerwijzingInLijst; onGewijzigd: (melding: string) => void }) {
  const pad = `/api/v1/personen/${encodeURIComponent(item.persoon.id)}/verwijzingen`;
  const data = useData<Verwijzing[]>((signal) => api.get(pad, undefined, signal), [pad]);
  const v = data.data?.find((x) => x.id === item.id);
  return (
    <section className="behandelen" aria-labelledby="behandelen-kop">
      <h2 id="behandelen-kop" className="nl-heading nl-heading--level-2">
        {item.persoon.naam}
      </h2>
      {data.fout ? <Melding type="error">{data.fout.melding}</Melding> : null}
      {data.laden && !data.data ? <Laden /> : null}
      {v ? <VerwijzingKaart v={v} persoonId={item.persoon.id} onGewijzigd={onGewijzigd} /> : null}
    </section>
  );
}
