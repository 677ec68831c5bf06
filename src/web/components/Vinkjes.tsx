import type { ReactNode } from 'react';

/**
 * A question with several checkboxes (NL Design System / Utrecht classes): a fieldset whose legend is
 * the question. The first checkbox carries the id `veld-${naam}`, so the error summary can link to it;
 * the others `veld-${naam}-${waarde}`.
 */
export function VinkjesGroep({
  vraag,
  naam,
  opties,
  gekozen,
  onWijzig,
  fout,
  hint,
  leeg = 'Er is niets om uit te kiezen.',
  className,
}: {
  vraag: ReactNode;
  naam: string;
  opties: { waarde: string; label: ReactNode }[];
  gekozen: readonly string[];
  onWijzig: (gekozen: string[]) => void;
  fout?: string | undefined;
  hint?: ReactNode;
  leeg?: string;
  className?: string;
}) {
  const hintId = `veld-${naam}-hint`;
  const foutId = `veld-${naam}-fout`;
  const beschreven = [hint ? hintId : '', fout ? foutId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset vinkjes${fout ? ' utrecht-form-fieldset--invalid vinkjes--fout' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={beschreven}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend vinkjes-vraag">{vraag}</legend>
      {hint ? (
        <div className="utrecht-form-field-description" id={hintId}>
          {hint}
        </div>
      ) : null}
      {fout ? (
        <div className="utrecht-form-field-error-message" id={foutId}>
          <span className="rhc-visually-hidden">Fout: </span>
          {fout}
        </div>
      ) : null}
      {opties.length === 0 ? <p className="nl-paragraph klein">{leeg}</p> : null}
      {opties.map((o, i) => {
        const id = i === 0 ? `veld-${naam}` : `veld-${naam}-${o.waarde}`;
        const aan = gekozen.includes(o.waarde);
        return (
          <div key={o.waarde} className="utrecht-form-field utrecht-form-field--checkbox vinkje">
            <input
              type="checkbox"
              id={id}
              name={naam}
              value={o.waarde}
              checked={aan}
              aria-invalid={fout ? true : undefined}
              onChange={(e) => onWijzig(e.target.checked ? [...gekozen, o.waarde] : gekozen.filter((x) => x !== o.waarde))}
              className="utrecht-checkbox utrecht-checkbox--html-input"
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
              {o.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
