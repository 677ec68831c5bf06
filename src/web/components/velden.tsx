import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useEffect, useId, useRef } from 'react';

/**
 * Form fields with NL Design System (Utrecht) classes. Every field has a visible label; the hint and
 * the error message are linked with aria-describedby; the input gets aria-invalid when wrong.
 */

interface VeldBasis {
  label: ReactNode;
  naam: string;
  fout?: string | undefined;
  hint?: ReactNode;
  verplicht?: boolean;
}

function useVeldIds(naam: string) {
  const uniek = useId();
  const id = `veld-${naam}`;
  return { id, hintId: `${id}-hint-${uniek}`, foutId: `${id}-fout` };
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
}

function Omhulsel({
  id,
  label,
  verplicht,
  hint,
  hintId,
  fout,
  foutId,
  soort,
  children,
}: {
  id: string;
  label: ReactNode;
  verplicht: boolean | undefined;
  hint: ReactNode;
  hintId: string;
  fout: string | undefined;
  foutId: string;
  soort: string;
  children: ReactNode;
}) {
  return (
    <div className={`utrecht-form-field utrecht-form-field--${soort} utrecht-form-field--distanced${fout ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {verplicht === false ? <span className="veld-optioneel"> (niet verplicht)</span> : null}
        </label>
      </div>
      {hint ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={hintId}>
          {hint}
        </div>
      ) : null}
      {fout ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={foutId}>
          <span className="rhc-visually-hidden">Fout: </span>
          {fout}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

export function TekstVeld({ label, naam, fout, hint, verplicht, className, ...input }: VeldBasis & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  const { id, hintId, foutId } = useVeldIds(naam);
  return (
    <Omhulsel id={id} label={label} verplicht={verplicht} hint={hint} hintId={hintId} fout={fout} foutId={foutId} soort="text">
      <input
        {...input}
        id={id}
        name={naam}
        required={verplicht === true ? true : undefined}
        aria-invalid={fout ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : undefined, fout ? foutId : undefined)}
        className={`utrecht-textbox utrecht-textbox--html-input${fout ? ' utrecht-textbox--invalid' : ''}${className ? ` ${className}` : ''}`}
      />
    </Omhulsel>
  );
}

export function KeuzeVeld({
  label,
  naam,
  fout,
  hint,
  verplicht,
  children,
  ...select
}: VeldBasis & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>) {
  const { id, hintId, foutId } = useVeldIds(naam);
  return (
    <Omhulsel id={id} label={label} verplicht={verplicht} hint={hint} hintId={hintId} fout={fout} foutId={foutId} soort="select">
      <select
        {...select}
        id={id}
        name={naam}
        required={verplicht === true ? true : undefined}
        aria-invalid={fout ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : undefined, fout ? foutId : undefined)}
        className={`utrecht-select utrecht-select--html-select${fout ? ' utrecht-select--invalid' : ''}`}
      >
        {children}
      </select>
    </Omhulsel>
  );
}

export function TekstvakVeld({ label, naam, fout, hint, verplicht, ...area }: VeldBasis & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>) {
  const { id, hintId, foutId } = useVeldIds(naam);
  return (
    <Omhulsel id={id} label={label} verplicht={verplicht} hint={hint} hintId={hintId} fout={fout} foutId={foutId} soort="textarea">
      <textarea
        rows={4}
        {...area}
        id={id}
        name={naam}
        required={verplicht === true ? true : undefined}
        aria-invalid={fout ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : undefined, fout ? foutId : undefined)}
        className={`utrecht-textarea utrecht-textarea--html-textarea${fout ? ' utrecht-textarea--invalid' : ''}`}
      />
    </Omhulsel>
  );
}

/** A checkbox with its label after it. */
export function Vinkje({ label, naam, ...input }: { label: ReactNode; naam: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'type'>) {
  const id = `veld-${naam}`;
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox utrecht-form-field--distanced vinkje">
      <input {...input} type="checkbox" id={id} name={naam} className="utrecht-checkbox utrecht-checkbox--html-input" />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

/**
 * Error summary at the top of a form (GOV.UK / NL DS pattern): gets focus when it appears and links
 * to each wrong field. `algemeen` is a message that belongs to no single field.
 */
export function FoutOverzicht({
  fouten,
  labels,
  algemeen,
}: {
  fouten: Record<string, string>;
  labels: Record<string, string>;
  algemeen?: string | null | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const kopId = useId();
  const velden = Object.entries(fouten).filter(([naam]) => naam !== '_');
  const sleutel = `${algemeen ?? ''}|${velden.map(([k, v]) => k + v).join('|')}`;
  const tonen = velden.length > 0 || Boolean(algemeen) || Boolean(fouten._);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again whenever the set of errors changes
  useEffect(() => {
    if (tonen) ref.current?.focus();
  }, [sleutel, tonen]);
  if (!tonen) return null;
  return (
    <div ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error fout-overzicht" role="alert" aria-labelledby={kopId}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 id={kopId} className="nl-heading nl-heading--level-2 klein-kop">
            {velden.length > 0 ? 'Controleer de volgende gegevens' : 'Dat lukte niet'}
          </h2>
          {algemeen || fouten._ ? <p className="nl-paragraph">{algemeen ?? fouten._}</p> : null}
          {velden.length > 0 ? (
            <ul className="utrecht-unordered-list">
              {velden.map(([naam, tekst]) => (
                <li key={naam} className="utrecht-unordered-list__item">
                  <a
                    className="nl-link"
                    href={`#veld-${naam}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(`veld-${naam}`)?.focus();
                    }}
                  >
                    {labels[naam] ? `${labels[naam]}: ` : ''}
                    {tekst}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}
