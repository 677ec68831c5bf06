import { PERSOONSTATUS_CODES, PERSOONSTATUSSEN } from '../../shared/codes.js';
import type { Organisatie } from '../api/types.js';
import { LABELS, type PersoonWaarden } from '../lib/persoonFormulier.js';
import { KeuzeVeld, TekstVeld } from './velden.js';
import { vandaagIso } from '../lib/getallen.js';

interface Props {
  velden: readonly (keyof PersoonWaarden)[];
  waarden: PersoonWaarden;
  fouten: Record<string, string>;
  zet: (k: keyof PersoonWaarden, v: string) => void;
  gemeenten?: Organisatie[];
  /** Hint for the BSN field (different for new and existing dossiers). */
  bsnHint?: string;
}

/** The dossier's input fields, grouped in fieldsets (persoon, contact, adres). */
export function PersoonVelden({ velden, waarden, fouten, zet, gemeenten, bsnHint }: Props) {
  const toon = (k: keyof PersoonWaarden) => velden.includes(k);
  const tekst = (k: keyof PersoonWaarden, extra: Record<string, unknown> = {}, verplicht = false) =>
    toon(k) ? (
      <TekstVeld label={LABELS[k]} naam={k} value={waarden[k]} onChange={(e) => zet(k, e.target.value)} fout={fouten[k]} verplicht={verplicht} {...extra} />
    ) : null;
  const persoon = (['voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'bsn', 'gemeenteId', 'status'] as const).some(toon);
  return (
    <>
      {persoon ? (
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset groep">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Persoonsgegevens</legend>
          {tekst('voornaam', { autoComplete: 'off', maxLength: 100 }, true)}
          {tekst('tussenvoegsel', { autoComplete: 'off', maxLength: 30, className: 'utrecht-textbox--voorvoegsel-size' })}
          {tekst('achternaam', { autoComplete: 'off', maxLength: 100 }, true)}
          {tekst('geboortedatum', { type: 'date', max: vandaagIso(), className: 'datum-invoer' }, true)}
          {tekst('bsn', {
            inputMode: 'numeric',
            autoComplete: 'off',
            maxLength: 11,
            hint: bsnHint ?? '9 cijfers. U mag dit leeg laten.',
            className: 'utrecht-textbox--bsn',
          })}
          {toon('gemeenteId') && gemeenten ? (
            <KeuzeVeld
              label={LABELS.gemeenteId}
              naam="gemeenteId"
              value={waarden.gemeenteId}
              onChange={(e) => zet('gemeenteId', e.target.value)}
              fout={fouten.gemeenteId}
              verplicht
            >
              <option value="">Kies een gemeente</option>
              {gemeenten.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.naam}
                </option>
              ))}
            </KeuzeVeld>
          ) : null}
          {toon('status') ? (
            <KeuzeVeld label={LABELS.status} naam="status" value={waarden.status} onChange={(e) => zet('status', e.target.value)} fout={fouten.status}>
              {PERSOONSTATUS_CODES.filter((s) => s !== 'afgesloten').map((s) => (
                <option key={s} value={s}>
                  {PERSOONSTATUSSEN[s].label}
                </option>
              ))}
            </KeuzeVeld>
          ) : null}
        </fieldset>
      ) : null}
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset groep">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Contact</legend>
        {tekst('email', { type: 'email', autoComplete: 'off', maxLength: 254 })}
        {tekst('telefoon', { type: 'tel', autoComplete: 'off', maxLength: 20, className: 'utrecht-textbox--tel-size' })}
      </fieldset>
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset groep">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Adres</legend>
        {tekst('straat', { autoComplete: 'off', maxLength: 200 })}
        {tekst('huisnummer', { autoComplete: 'off', maxLength: 20, className: 'utrecht-textbox--house-number-size' })}
        {tekst('postcode', { autoComplete: 'off', maxLength: 7, className: 'utrecht-textbox--postal-code-nl-size' })}
        {tekst('woonplaats', { autoComplete: 'off', maxLength: 100 })}
      </fieldset>
    </>
  );
}
