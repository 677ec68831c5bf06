import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import type { Organisatie, PersoonDetail } from '../api/types.js';
import { Pagina } from '../components/Pagina.js';
import { PersoonVelden } from '../components/PersoonVelden.js';
import { Knop, Laden } from '../components/ui.js';
import { FoutOverzicht } from '../components/velden.js';
import { controleer, LABELS, LEEG, nieuwBody, type PersoonWaarden } from '../lib/persoonFormulier.js';
import { AppLink, navigate } from '../lib/router.js';
import { useSessie } from '../lib/sessie.js';
import { alsApiError, useData } from '../lib/useData.js';

const VELDEN: (keyof PersoonWaarden)[] = [
  'voornaam',
  'tussenvoegsel',
  'achternaam',
  'geboortedatum',
  'bsn',
  'gemeenteId',
  'email',
  'telefoon',
  'straat',
  'huisnummer',
  'postcode',
  'woonplaats',
];

export function NieuwDossierPagina() {
  const { sessie } = useSessie();
  const eigenOrg = sessie.gebruiker.organisatie;
  const [waarden, setWaarden] = useState<PersoonWaarden>({ ...LEEG, gemeenteId: eigenOrg.soort === 'gemeente' ? eigenOrg.id : '' });
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const gemeenten = useData<Organisatie[]>((signal) => api.get('/api/v1/organisaties', { soort: 'gemeente' }, signal), []);

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    const f = controleer(waarden, VELDEN);
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    setBezig(true);
    try {
      const p = await api.post<PersoonDetail>('/api/v1/personen', nieuwBody(waarden));
      navigate(`/personen/${p.id}`);
    } catch (err) {
      const fout = alsApiError(err);
      const vf = fout.veldFouten();
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    } finally {
      setBezig(false);
    }
  }

  return (
    <Pagina titel="Nieuw dossier" intro="Vul de gegevens in van de persoon voor wie u een dossier maakt. Velden met (niet verplicht) mag u leeg laten.">
      <FoutOverzicht fouten={fouten} labels={LABELS} algemeen={algemeen} />
      {gemeenten.laden && !gemeenten.data ? <Laden tekst="Gemeenten laden…" /> : null}
      <form className="formulier" noValidate onSubmit={opslaan}>
        <PersoonVelden
          velden={VELDEN}
          waarden={waarden}
          fouten={fouten}
          zet={(k, v) => setWaarden((w) => ({ ...w, [k]: v }))}
          gemeenten={gemeenten.data ?? []}
        />
        <div className="knoppen">
          <Knop soort="primair" type="submit" disabled={bezig}>
            Dossier aanmaken
          </Knop>
          <AppLink href="/personen">Annuleren</AppLink>
        </div>
      </form>
    </Pagina>
  );
}
