import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Melding } from '../components/ui.js';
import { FoutOverzicht, TekstVeld } from '../components/velden.js';
import { alsApiError } from '../lib/useData.js';

const LABELS = { huidigWachtwoord: 'Huidig wachtwoord', nieuwWachtwoord: 'Nieuw wachtwoord', herhaling: 'Herhaal nieuw wachtwoord' };
const MINIMUM = 12;

export function WachtwoordPagina() {
  const [waarden, setWaarden] = useState({ huidigWachtwoord: '', nieuwWachtwoord: '', herhaling: '' });
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [gelukt, setGelukt] = useState(false);
  const [bezig, setBezig] = useState(false);
  const zet = (k: keyof typeof waarden) => (e: { target: { value: string } }) => setWaarden((w) => ({ ...w, [k]: e.target.value }));

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    setGelukt(false);
    setAlgemeen(null);
    const f: Record<string, string> = {};
    if (!waarden.huidigWachtwoord) f.huidigWachtwoord = 'Vul uw huidige wachtwoord in.';
    if (waarden.nieuwWachtwoord.length < MINIMUM) f.nieuwWachtwoord = `Het nieuwe wachtwoord moet minstens ${MINIMUM} tekens lang zijn.`;
    if (waarden.herhaling !== waarden.nieuwWachtwoord) f.herhaling = 'De twee nieuwe wachtwoorden zijn niet hetzelfde.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    setBezig(true);
    try {
      await api.post('/api/v1/auth/wachtwoord', { huidigWachtwoord: waarden.huidigWachtwoord, nieuwWachtwoord: waarden.nieuwWachtwoord });
      setWaarden({ huidigWachtwoord: '', nieuwWachtwoord: '', herhaling: '' });
      setGelukt(true);
    } catch (err) {
      const fout = alsApiError(err);
      const vf = fout.veldFouten();
      setFouten(vf);
      if (Object.keys(vf).length === 0) setAlgemeen(fout.melding);
    } finally {
      setBezig(false);
    }
  }

  return (
    <Pagina titel="Wachtwoord wijzigen" intro={`Kies een nieuw wachtwoord van minstens ${MINIMUM} tekens. Een zin van een paar woorden is goed te onthouden.`}>
      {gelukt ? <Melding type="ok">Uw wachtwoord is gewijzigd.</Melding> : null}
      <FoutOverzicht fouten={fouten} labels={LABELS} algemeen={algemeen} />
      <form className="formulier" noValidate onSubmit={verstuur}>
        <TekstVeld
          label={LABELS.huidigWachtwoord}
          naam="huidigWachtwoord"
          type="password"
          autoComplete="current-password"
          value={waarden.huidigWachtwoord}
          onChange={zet('huidigWachtwoord')}
          fout={fouten.huidigWachtwoord}
        />
        <TekstVeld
          label={LABELS.nieuwWachtwoord}
          naam="nieuwWachtwoord"
          type="password"
          autoComplete="new-password"
          hint={`Minstens ${MINIMUM} tekens.`}
          value={waarden.nieuwWachtwoord}
          onChange={zet('nieuwWachtwoord')}
          fout={fouten.nieuwWachtwoord}
        />
        <TekstVeld
          label={LABELS.herhaling}
          naam="herhaling"
          type="password"
          autoComplete="new-password"
          value={waarden.herhaling}
          onChange={zet('herhaling')}
          fout={fouten.herhaling}
        />
        <div className="knoppen">
          <Knop soort="primair" type="submit" disabled={bezig}>
            Wachtwoord opslaan
          </Knop>
        </div>
      </form>
    </Pagina>
  );
}
