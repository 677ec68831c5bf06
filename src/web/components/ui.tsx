import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { PERSOONSTATUSSEN, type Persoonstatus } from '../../shared/codes.js';

/*
 * Button and Alert render the same markup and classes as the RHC/Utrecht React components
 * (`utrecht-button--primary-action`, `utrecht-alert--error`, …), styled by
 * @rijkshuisstijl-community/components-css. We do not import @rijkshuisstijl-community/components-react
 * itself: it ships as one 676 kB ESM file with all icon sets that does not tree-shake, which
 * made the app bundle four times larger for two components.
 */

export type Knopsoort = 'primair' | 'secundair' | 'subtiel';
const APPEARANCE: Record<Knopsoort, string> = { primair: 'primary-action', secundair: 'secondary-action', subtiel: 'subtle' };

/** NL Design System button. Defaults to type="button" so it never submits by accident. */
export function Knop({ soort = 'secundair', type = 'button', className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { soort?: Knopsoort }) {
  const klassen = ['utrecht-button', `utrecht-button--${APPEARANCE[soort]}`];
  if (type === 'submit') klassen.push('utrecht-button--submit');
  if (rest.disabled) klassen.push('utrecht-button--disabled');
  if (className) klassen.push(className);
  return <button type={type} className={klassen.join(' ')} {...rest} />;
}

export function Melding({ type = 'info', kop, children }: { type?: 'info' | 'ok' | 'warning' | 'error'; kop?: ReactNode; children?: ReactNode }) {
  const role = type === 'error' ? 'alert' : 'status';
  return (
    <div className={`utrecht-alert utrecht-alert--${type} melding`} role={role}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {kop ? <p className="nl-paragraph melding-kop">{kop}</p> : null}
          {typeof children === 'string' ? <p className="nl-paragraph">{children}</p> : children}
        </div>
      </div>
    </div>
  );
}

/** Status with text (never colour alone), plus a subtle border for distinction. */
export function StatusLabel({ status }: { status: Persoonstatus }) {
  return <span className={`status-label status-label--${status}`}>{PERSOONSTATUSSEN[status].label}</span>;
}

export function Laden({ tekst = 'Bezig met laden…' }: { tekst?: string }) {
  return (
    <p className="nl-paragraph laden" role="status">
      {tekst}
    </p>
  );
}

/** Definition list for "label: value" data (NL DS data-list). */
export function Gegevens({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows gegevens">
      {items.map(([k, v]) => (
        <div className="utrecht-data-list__item" key={k}>
          <dt className="utrecht-data-list__item-key">{k}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {v === null || v === undefined || v === '' ? <span className="leeg">Niet ingevuld</span> : v}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Paging for a result table: previous/next plus "pagina x van y". */
export function Paginering({
  pagina,
  totaal,
  paginaGrootte,
  label,
  naar,
}: {
  pagina: number;
  totaal: number;
  paginaGrootte: number;
  label: string;
  naar: (p: number) => void;
}) {
  const aantalPaginas = Math.max(1, Math.ceil(totaal / paginaGrootte));
  if (aantalPaginas <= 1) return null;
  return (
    <nav className="paginering" aria-label={label}>
      <Knop soort="secundair" disabled={pagina <= 1} onClick={() => naar(pagina - 1)}>
        Vorige pagina
      </Knop>
      <span className="paginering-tekst" aria-current="page">
        Pagina {pagina} van {aantalPaginas}
      </span>
      <Knop soort="secundair" disabled={pagina >= aantalPaginas} onClick={() => naar(pagina + 1)}>
        Volgende pagina
      </Knop>
    </nav>
  );
}

export function Sectie({ titel, id, children, acties }: { titel: string; id: string; children: ReactNode; acties?: ReactNode }) {
  return (
    <section className="sectie" aria-labelledby={`${id}-kop`}>
      <div className="sectie-kop">
        <h2 className="nl-heading nl-heading--level-2" id={`${id}-kop`}>
          {titel}
        </h2>
        {acties ? <div className="sectie-acties">{acties}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** Scroll container for a wide table; focusable so keyboard users can scroll it (WCAG 2.1.1). */
export function TabelVak({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="utrecht-table-container tabel-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
