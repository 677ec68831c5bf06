import { Pagina } from '../components/Pagina.js';
import { AppLink } from '../lib/router.js';

export function NietGevondenPagina() {
  return (
    <Pagina titel="Pagina niet gevonden">
      <p className="nl-paragraph">Deze pagina bestaat niet. Misschien is het adres verkeerd getypt, of is de pagina verplaatst.</p>
      <p className="nl-paragraph">
        <AppLink href="/">Ga naar de startpagina</AppLink>
      </p>
    </Pagina>
  );
}

export function GeenToegang() {
  return (
    <Pagina titel="Geen toegang">
      <p className="nl-paragraph">U heeft met uw rol geen toegang tot deze pagina.</p>
      <p className="nl-paragraph">
        <AppLink href="/">Ga naar de startpagina</AppLink>
      </p>
    </Pagina>
  );
}
