import { ROLLEN } from '../../shared/codes.js';
import { navigatieVoor } from '../components/Layout.js';
import { Pagina } from '../components/Pagina.js';
import { AppLink } from '../lib/router.js';
import { useSessie } from '../lib/sessie.js';

export function StartPagina() {
  const { sessie } = useSessie();
  const g = sessie.gebruiker;
  const rollen = g.rollen.map((r) => ROLLEN[r].label.toLowerCase()).join(' en ');
  const nuAl = navigatieVoor(g).filter((item) => item.href !== '/start' && item.href !== '/wachtwoord');
  return (
    <Pagina titel="Welkom" kop={`Welkom, ${g.naam}`}>
      <p className="nl-paragraph">
        U bent ingelogd als {rollen} bij {g.organisatie.naam}.
      </p>
      {nuAl.length > 0 ? (
        <>
          <p className="nl-paragraph">Hier kunt u nu al mee aan de slag:</p>
          <ul className="utrecht-unordered-list">
            {nuAl.map((item) => (
              <li key={item.href} className="utrecht-unordered-list__item">
                <AppLink href={item.href}>{item.tekst}</AppLink>
              </li>
            ))}
          </ul>
          <p className="nl-paragraph">De rest van Passend voor uw rol komt binnenkort. We bouwen Passend stap voor stap.</p>
        </>
      ) : (
        <p className="nl-paragraph">
          Het deel van Passend voor uw rol komt binnenkort. We bouwen Passend stap voor stap. U krijgt bericht zodra u hier aan de slag kunt.
        </p>
      )}
      <p className="nl-paragraph">
        U kunt nu al uw <AppLink href="/wachtwoord">wachtwoord wijzigen</AppLink>.
      </p>
    </Pagina>
  );
}
