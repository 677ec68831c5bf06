import { ROLLEN } from '../../shared/codes.js';
import { Pagina } from '../components/Pagina.js';
import { AppLink } from '../lib/router.js';
import { useSessie } from '../lib/sessie.js';

export function StartPagina() {
  const { sessie } = useSessie();
  const g = sessie.gebruiker;
  const rollen = g.rollen.map((r) => ROLLEN[r].label.toLowerCase()).join(' en ');
  return (
    <Pagina titel="Welkom" kop={`Welkom, ${g.naam}`}>
      <p className="nl-paragraph">
        U bent ingelogd als {rollen} bij {g.organisatie.naam}.
      </p>
      <p className="nl-paragraph">
        Het deel van Passend voor uw rol komt binnenkort. We bouwen Passend stap voor stap. U krijgt bericht zodra u hier aan de slag kunt.
      </p>
      <p className="nl-paragraph">
        U kunt nu al uw <AppLink href="/wachtwoord">wachtwoord wijzigen</AppLink>.
      </p>
    </Pagina>
  );
}
