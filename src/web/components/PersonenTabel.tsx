import type { PersoonSamenvatting } from '../api/types.js';
import { datumLang } from '../lib/format.js';
import { volledigeNaam } from '../lib/format.js';
import { AppLink } from '../lib/router.js';
import { StatusLabel, TabelVak } from './ui.js';

export function PersonenTabel({ personen, bijschrift }: { personen: PersoonSamenvatting[]; bijschrift: string }) {
  return (
    <TabelVak label={bijschrift}>
      <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color personen-tabel">
        <caption className="utrecht-table__caption">{bijschrift}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              Naam
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Geboortedatum
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Woonplaats
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Gemeente
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {personen.map((p) => (
            <tr key={p.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell utrecht-table__header-cell--row">
                <AppLink href={`/personen/${p.id}`}>{volledigeNaam(p)}</AppLink>
              </th>
              <td className="utrecht-table__cell">{datumLang(p.geboortedatum)}</td>
              <td className="utrecht-table__cell">{p.woonplaats ?? '—'}</td>
              <td className="utrecht-table__cell">{p.gemeente.naam}</td>
              <td className="utrecht-table__cell">
                <StatusLabel status={p.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TabelVak>
  );
}
