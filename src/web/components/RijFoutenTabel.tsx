import type { ReactNode } from 'react';
import { TabelVak } from './ui.js';

/** The row-level report of an import (functions or persons): line, field, reason per problem. */
export function RijFoutenTabel({
  label,
  bijschrift,
  fouten,
}: {
  label: string;
  bijschrift: ReactNode;
  fouten: readonly { regel: number; veld: string; reden: string }[];
}) {
  return (
    <TabelVak label={label}>
      <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color tabel-toolkit import-fouten">
        <caption className="utrecht-table__caption">{bijschrift}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
              Regel
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Veld
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Reden
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {fouten.map((f, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a line may have several problems in the same field
            <tr key={n} className="utrecht-table__row">
              <td className="utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data">{f.regel}</td>
              <td className="utrecht-table__cell">{f.veld}</td>
              <td className="utrecht-table__cell">{f.reden}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TabelVak>
  );
}
