import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import type { PersoonDetail } from '../api/types.js';
import { Pagina } from '../components/Pagina.js';
import { PersoonVelden } from '../components/PersoonVelden.js';
import { Knop, Laden, Melding } from '../components/ui.js';
import { FoutOverzicht } from '../components/velden.js';
import { volledigeNaam } from '../lib/format.js';
import { CONTACT_VELDEN, controleer, LABELS, type PersoonWaarden, uitDetail, wijzigBody } from '../lib/persoonFormulier.js';
import { AppLink, navigate } from '../lib/router.js';
import { alsApiError, useData } from '../lib/useData.js';

const ALLE: (keyof PersoonWaarden)[] = ['voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'bsn', 'status', ...CONTACT_VELDEN];

export function BewerkenPagina({ id, eigen = false }: { id: string; eigen?: boolean }) {
  const persoon = useData<PersoonDetail>((signal) => api.get(`/api/v1/personen/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const terug = eigen ? '/mijn-gegevens' : `/personen/${id}`;
  const p = persoon.data;
  const titel = eigen ? 'Mijn contactgegevens wijzigen' : 'Dossier wijzigen';
  return (
    <Pagina titel={titel} kop={p && !eigen ? `Dossier wijzigen: ${volledigeNaam(p)}` : titel}>
      {persoon.fout ? <Melding type="error">{persoon.fout.melding}</Melding> : null}
      {persoon.laden && !p ? <Laden /> : null}
      {p ? <Formulier persoon={p} terug={terug} /> : null}
    </Pagina>
  );
}

function Formulier({ persoon, terug }: { persoon: PersoonDetail; terug: string }) {
  const volledig = persoon.rechten.includes('persoon.wijzigen');
  const velden: readonly (keyof PersoonWaarden)[] = volledig ? ALLE.filter((k) => k !== 'status' || persoon.status !== 'afgesloten') : CONTACT_VELDEN;
  const [oud, setOud] = useState(() => uitDetail(persoon));
  const [versie, setVersie] = useState(persoon.versie);
  const [waarden, setWaarden] = useState(oud);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [bezig, setBezig] = useState(false);

  if (!volledig && !persoon.rechten.includes('persoon.contact_wijzigen')) {
    return <Melding type="warning">U mag de gegevens van dit dossier niet wijzigen.</Melding>;
  }

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    setConflict(false);
    const f = controleer(waarden, velden);
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    const body = wijzigBody(oud, waarden, velden);
    if (Object.keys(body).length === 0) {
      setAlgemeen('U heeft niets veranderd.');
      return;
    }
    setBezig(true);
    try {
      await api.patch<PersoonDetail>(`/api/v1/personen/${encodeURIComponent(persoon.id)}`, { ...body, versie });
      navigate(`${terug}?opgeslagen=1`);
    } catch (err) {
      const fout = alsApiError(err);
      if (fout.status === 412) {
        setConflict(true);
        setAlgemeen(
          'Iemand anders heeft dit dossier gewijzigd terwijl u bezig was. Uw wijzigingen zijn niet opgeslagen. Laad de nieuwste gegevens en doe uw wijziging opnieuw.',
        );
        return;
      }
      const vf = fout.veldFouten();
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    } finally {
      setBezig(false);
    }
  }

  async function laadNieuwste() {
    const nieuw = await api.get<PersoonDetail>(`/api/v1/personen/${encodeURIComponent(persoon.id)}`);
    const w = uitDetail(nieuw);
    setOud(w);
    setWaarden(w);
    setVersie(nieuw.versie);
    setConflict(false);
    setAlgemeen(null);
    document.getElementById('veld-' + velden[0])?.focus();
  }

  return (
    <>
      {!volledig ? (
        <p className="nl-paragraph">
          U kunt hier uw e-mailadres, telefoonnummer en adres aanpassen. Klopt er iets anders niet? Neem dan contact op met uw klantmanager.
        </p>
      ) : null}
      <FoutOverzicht fouten={fouten} labels={LABELS} algemeen={algemeen} />
      {conflict ? (
        <p className="nl-paragraph">
          <Knop soort="secundair" onClick={() => void laadNieuwste()}>
            Laad de nieuwste gegevens
          </Knop>
        </p>
      ) : null}
      <form className="formulier" noValidate onSubmit={opslaan}>
        <PersoonVelden
          velden={velden}
          waarden={waarden}
          fouten={fouten}
          zet={(k, v) => setWaarden((w) => ({ ...w, [k]: v }))}
          bsnHint="Alleen invullen als u het BSN wilt vastleggen of verbeteren. Leeg laten verandert niets."
        />
        <div className="knoppen">
          <Knop soort="primair" type="submit" disabled={bezig}>
            Wijzigingen opslaan
          </Knop>
          <AppLink href={terug}>Annuleren</AppLink>
        </div>
      </form>
    </>
  );
}
