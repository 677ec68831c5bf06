import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import type { OpgeslagenZoekopdracht } from '../api/zoekopdrachten.js';
import { AppLink } from '../lib/router.js';
import { alsApiError } from '../lib/useData.js';
import { Knop, Melding } from './ui.js';
import { FoutOverzicht, TekstVeld } from './velden.js';

/**
 * "Zoekopdracht bewaren" on the search page: stores the current filters (the same query the page
 * sends to the search) under a name; new matching candidates then give a notification.
 */
export function ZoekopdrachtBewaren({ filters }: { filters: Record<string, string> }) {
  const [naam, setNaam] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bewaard, setBewaard] = useState<OpgeslagenZoekopdracht | null>(null);
  const [bezig, setBezig] = useState(false);

  async function bewaar(e: FormEvent) {
    e.preventDefault();
    setBewaard(null);
    setAlgemeen(null);
    if (!naam.trim()) {
      setFouten({ zoekopdrachtNaam: 'Geef de zoekopdracht een naam.' });
      return;
    }
    setFouten({});
    setBezig(true);
    try {
      const schoon = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
      setBewaard(await api.post<OpgeslagenZoekopdracht>('/api/v1/opgeslagen-zoekopdrachten', { naam: naam.trim(), filters: schoon }));
      setNaam('');
    } catch (err) {
      const fout = alsApiError(err);
      const velden = fout.veldFouten();
      if (velden.naam) setFouten({ zoekopdrachtNaam: velden.naam });
      else setAlgemeen(fout.invalidParams[0]?.reason ?? fout.melding);
    } finally {
      setBezig(false);
    }
  }

  return (
    <section className="zoekvak zoekopdracht-bewaren" aria-labelledby="bewaren-kop">
      <h2 id="bewaren-kop" className="nl-heading nl-heading--level-2">
        Zoekopdracht bewaren
      </h2>
      <p className="nl-paragraph">Bewaar deze zoekopdracht. Komen er nieuwe kandidaten bij die passen, dan krijgt u een melding.</p>
      <form onSubmit={bewaar} noValidate aria-labelledby="bewaren-kop">
        <FoutOverzicht fouten={fouten} labels={{ zoekopdrachtNaam: 'Naam van de zoekopdracht' }} algemeen={algemeen} />
        <TekstVeld
          label="Naam van de zoekopdracht"
          naam="zoekopdrachtNaam"
          value={naam}
          maxLength={100}
          onChange={(e) => setNaam(e.target.value)}
          fout={fouten.zoekopdrachtNaam}
          hint="Bijvoorbeeld: Groen in Zwolle."
        />
        <div className="knoppen">
          <Knop soort="secundair" type="submit" disabled={bezig}>
            Zoekopdracht bewaren
          </Knop>
        </div>
      </form>
      {bewaard ? (
        <Melding type="ok">
          <p className="nl-paragraph">
            Zoekopdracht '{bewaard.naam}' is bewaard. Bekijk hem bij <AppLink href="/zoekopdrachten">Mijn zoekopdrachten</AppLink>.
          </p>
        </Melding>
      ) : null}
    </section>
  );
}
