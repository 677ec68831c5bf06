import { AUDIT_ACTIES, DOELEN } from '../../shared/codes.js';
import type { AuditRegel } from '../api/types.js';
import { tijdstip } from '../lib/format.js';
import { TabelVak } from './ui.js';

const GEGEVENS: Record<string, string> = {
  persoon: 'Persoonsgegevens',
  bsn: 'BSN',
  tijdlijn: 'Tijdlijn',
  toestemming: 'Toestemming',
  toewijzing: 'Betrokken professional',
  gebruiker: 'Gebruiker',
  audit: 'Auditlog',
  api_token: 'API-token',
};

export function actieLabel(actie: string): string {
  return AUDIT_ACTIES[actie as keyof typeof AUDIT_ACTIES]?.label ?? actie;
}

export function doelLabel(doel: string): string {
  return DOELEN[doel as keyof typeof DOELEN]?.label ?? doel;
}

/** Who did what, when: for the AVG inzage (person) and for the beheerder's audit log. */
export function AuditTabel({ regels, bijschrift, beheer = false }: { regels: AuditRegel[]; bijschrift: string; beheer?: boolean }) {
  return (
    <TabelVak label={bijschrift}>
      <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color">
        <caption className="utrecht-table__caption">{bijschrift}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              Wanneer
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Wat
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Welke gegevens
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Wie
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Organisatie
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Waarom (doel)
            </th>
            {beheer ? (
              <th scope="col" className="utrecht-table__header-cell">
                Toelichting
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {regels.map((r) => (
            <tr key={r.id} className="utrecht-table__row">
              <td className="utrecht-table__cell geen-afbreken">{tijdstip(r.tijdstip)}</td>
              <td className="utrecht-table__cell">{actieLabel(r.actie)}</td>
              <td className="utrecht-table__cell">
                {GEGEVENS[r.resource] ?? r.resource}
                {r.wijzigingen && Object.keys(r.wijzigingen).length > 0 ? <span className="klein"> ({Object.keys(r.wijzigingen).join(', ')})</span> : null}
              </td>
              <td className="utrecht-table__cell">{r.gebruiker ?? 'Systeem'}</td>
              <td className="utrecht-table__cell">{r.organisatie ?? '—'}</td>
              <td className="utrecht-table__cell audit-doel">{doelLabel(r.doel)}</td>
              {beheer ? <td className="utrecht-table__cell">{r.toelichting ?? ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TabelVak>
  );
}
