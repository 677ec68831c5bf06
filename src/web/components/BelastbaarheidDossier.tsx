import type { PersoonDetail } from '../api/types.js';
import { AppLink } from '../lib/router.js';
import { Sectie } from './ui.js';

/**
 * The way from the dossier to the belastbaarheid (FML) and the passende functies. The profile itself
 * is read on its own page, so opening a dossier does not read (and audit) medical data.
 */
export function BelastbaarheidDossier({ p, eigen }: { p: PersoonDetail; eigen: boolean }) {
  const rechten = p.rechten as string[];
  if (!rechten.includes('belastbaarheid.lezen')) return null;
  if (eigen) {
    return (
      <Sectie titel="Wat u kunt in werk" id="belastbaarheid">
        <p className="nl-paragraph">Wat u kunt in werk, volgens de arbeidsdeskundige of de arts. Wij gebruiken dit om werk te zoeken dat bij u past.</p>
        <p className="nl-paragraph">
          <AppLink href="/mijn-gegevens/belastbaarheid">Bekijk wat u kunt in werk</AppLink>
        </p>
      </Sectie>
    );
  }
  const basis = `/personen/${encodeURIComponent(p.id)}`;
  const schrijven = rechten.includes('belastbaarheid.schrijven') && p.status !== 'afgesloten';
  return (
    <Sectie titel="Belastbaarheid en passende functies" id="belastbaarheid">
      <p className="nl-paragraph">
        Wat deze persoon kan in werk (Functionele Mogelijkhedenlijst), werkplekaanpassingen, en welke functies uit de catalogus passen — met de uitleg waarom.
      </p>
      <div className="knoppen">
        <AppLink href={`${basis}/passende-functies`} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
          Passende functies
        </AppLink>
        <AppLink href={`${basis}/belastbaarheid`}>{schrijven ? 'Belastbaarheid bekijken of vastleggen' : 'Belastbaarheid bekijken'}</AppLink>
      </div>
    </Sectie>
  );
}
