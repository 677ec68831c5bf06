import { Pagina } from '../components/Pagina.js';
import { Toestemmingen } from '../components/Toestemmingen.js';
import { Inzage } from './Dossier.js';

export function InzagePagina({ id }: { id: string }) {
  return (
    <Pagina titel="Wie heeft mijn gegevens bekeken">
      <Inzage persoonId={id} zelf />
    </Pagina>
  );
}

export function MijnToestemmingenPagina({ id }: { id: string }) {
  return (
    <Pagina
      titel="Mijn toestemmingen"
      intro="Hier ziet u voor welke dingen u toestemming heeft gegeven. U kunt een toestemming altijd weer intrekken. U kunt ook nieuwe toestemming geven."
    >
      <Toestemmingen persoonId={id} beheren zelf kopNiveau={2} />
    </Pagina>
  );
}
