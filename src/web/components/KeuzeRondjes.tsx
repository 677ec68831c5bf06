import type { ReactNode } from 'react';

/**
 * One question with radio buttons (NL Design System / Utrecht classes): a fieldset whose legend is the
 * question. The first option carries the id `veld-${naam}`, so the error summary can link to it.
 */
export function KeuzeRondjes({
  vraag,
  naam,
  opties,
  waarde,
  onKies,
  fout,
  hint,
}: {
  vraag: ReactNode;
  naam: string;
  opties: { waarde: string; label: ReactNode }[];
  waarde: string | undefined;
  onKies: (waarde: string) => void;
  fout?: string | undefined;
  hint?: ReactNode;
}) {
  const hintId = `veld-${naam}-hint`;
  const foutId = `veld-${naam}-fout`;
  const beschreven = [hint ? hintId : '', fout ? foutId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset rondjes${fout ? ' utrecht-form-fieldset--invalid rondjes--fout' : ''}`}
      aria-describedby={beschreven}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend rondjes-vraag">{vraag}</legend>
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
      {opties.map((o, i) => {
        const id = i === 0 ? `veld-${naam}` : `veld-${naam}-${i + 1}`;
        return (
          <div key={o.waarde} className="utrecht-form-field utrecht-form-field--radio rondje">
            <input
              type="radio"
              id={id}
              name={naam}
              value={o.waarde}
              checked={waarde === o.waarde}
              onChange={() => onKies(o.waarde)}
              aria-invalid={fout ? true : undefined}
              className={`utrecht-radio-button utrecht-radio-button--html-input${fout ? ' utrecht-radio-button--invalid' : ''}`}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
              {o.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
