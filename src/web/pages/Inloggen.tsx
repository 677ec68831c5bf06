import { type FormEvent, useState } from 'react';
import { request } from '../api/client.js';
import type { Sessie } from '../api/types.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Melding } from '../components/ui.js';
import { FoutOverzicht, TekstVeld } from '../components/velden.js';
import { alsApiError } from '../lib/useData.js';

const LABELS = { username: 'Gebruikersnaam', password: 'Wachtwoord' };

export function InloggenPagina({ onIngelogd, uitgelogd }: { onIngelogd: (s: Sessie) => void; uitgelogd: boolean }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [melding, setMelding] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!username.trim()) f.username = 'Vul uw gebruikersnaam in.';
    if (!password) f.password = 'Vul uw wachtwoord in.';
    setFouten(f);
    setMelding(null);
    if (Object.keys(f).length > 0) return;
    setBezig(true);
    try {
      const sessie = await request<Sessie>('POST', '/api/v1/auth/login', { body: { username: username.trim(), password }, geen401Redirect: true });
      onIngelogd(sessie);
    } catch (err) {
      const fout = alsApiError(err);
      if (fout.status === 429) setMelding('U heeft te veel pogingen gedaan. Wacht even en probeer het daarna opnieuw.');
      else setMelding(fout.title);
      setPassword('');
    } finally {
      setBezig(false);
    }
  }

  return (
    <Pagina titel="Inloggen" intro="Log in met uw gebruikersnaam en wachtwoord.">
      {uitgelogd ? <Melding type="ok">U bent uitgelogd.</Melding> : null}
      <FoutOverzicht fouten={fouten} labels={LABELS} algemeen={melding} />
      <form className="formulier" noValidate onSubmit={verstuur} aria-label="Inloggen">
        <TekstVeld
          label="Gebruikersnaam"
          naam="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          fout={fouten.username}
        />
        <TekstVeld
          label="Wachtwoord"
          naam="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          fout={fouten.password}
        />
        <div className="knoppen">
          <Knop soort="primair" type="submit" disabled={bezig} aria-disabled={bezig || undefined}>
            {bezig ? 'Bezig met inloggen…' : 'Inloggen'}
          </Knop>
        </div>
      </form>
    </Pagina>
  );
}
