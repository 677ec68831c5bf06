import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import type { Contactverzoek } from '../api/contactverzoeken.js';
import { datumLang } from '../lib/format.js';
import { AppLink } from '../lib/router.js';
import { useSessie } from '../lib/sessie.js';
import { alsApiError } from '../lib/useData.js';
import { Knop, Melding } from './ui.js';
import { FoutOverzicht, TekstVeld, TekstvakVeld } from './velden.js';

const LABELS: Record<string, string> = {
  functie: 'Werk of functie',
  bericht: 'Waarom deze kandidaat',
  urenPerWeek: 'Uren per week',
  telefoon: 'Uw telefoonnummer',
};

/**
 * "Contact aanvragen" on a profile (employer). The request goes to the candidate's professional, who
 * asks the candidate; the employer's own contact details come from its account.
 */
export function ContactAanvragen({ publiekId }: { publiekId: string }) {
  const { sessie } = useSessie();
  const g = sessie.gebruiker;
  const [functie, setFunctie] = useState('');
  const [bericht, setBericht] = useState('');
  const [uren, setUren] = useState('');
  const [telefoon, setTelefoon] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [verzonden, setVerzonden] = useState<Contactverzoek | null>(null);

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    setBezig(true);
    setFouten({});
    setAlgemeen(null);
    try {
      const body = {
        functie,
        bericht,
        ...(uren.trim() ? { urenPerWeek: Number(uren.replace(',', '.')) } : {}),
        ...(telefoon.trim() ? { telefoon } : {}),
      };
      setVerzonden(await api.post<Contactverzoek>(`/api/v1/kandidaatprofielen/${encodeURIComponent(publiekId)}/contactverzoeken`, body));
    } catch (err) {
      const a = alsApiError(err);
      setFouten(a.veldFouten());
      setAlgemeen(
        a.status === 409
          ? 'U heeft al een open contactverzoek voor deze kandidaat. U vindt het bij Mijn contactverzoeken.'
          : a.invalidParams.length
            ? null
            : a.melding,
      );
    } finally {
      setBezig(false);
    }
  }

  if (verzonden) {
    return (
      <Melding type="ok" kop="Uw contactverzoek is verstuurd">
        <p className="nl-paragraph">
          De professional van de kandidaat bespreekt uw verzoek met de kandidaat. U hoort uiterlijk op {datumLang(verzonden.deadline)} of er contact komt. Volg
          het bij <AppLink href={`/contactverzoeken/${verzonden.id}`}>Mijn contactverzoeken</AppLink>.
        </p>
      </Melding>
    );
  }
  return (
    <form className="contact-aanvragen" onSubmit={verstuur} noValidate aria-labelledby="contact-aanvragen-kop">
      <h3 className="nl-heading nl-heading--level-3" id="contact-aanvragen-kop">
        Contact aanvragen
      </h3>
      <p className="nl-paragraph">
        U krijgt de contactgegevens van de kandidaat alleen als de kandidaat daar ja op zegt. Wij sturen uw naam ({g.naam}), uw e-mailadres en{' '}
        {g.organisatie.naam} mee.
      </p>
      <FoutOverzicht fouten={fouten} labels={LABELS} algemeen={algemeen} />
      <TekstVeld
        label={LABELS.functie}
        naam="functie"
        value={functie}
        onChange={(e) => setFunctie(e.target.value)}
        fout={fouten.functie}
        verplicht
        maxLength={200}
      />
      <TekstvakVeld
        label={LABELS.bericht}
        naam="bericht"
        hint="Vertel kort wat voor werk het is, waarom u aan deze kandidaat denkt en hoe u begeleiding regelt."
        value={bericht}
        onChange={(e) => setBericht(e.target.value)}
        fout={fouten.bericht}
        verplicht
        maxLength={2000}
      />
      <TekstVeld
        label={LABELS.urenPerWeek}
        naam="urenPerWeek"
        inputMode="decimal"
        value={uren}
        onChange={(e) => setUren(e.target.value)}
        fout={fouten.urenPerWeek}
        verplicht={false}
      />
      <TekstVeld
        label={LABELS.telefoon}
        naam="telefoon"
        type="tel"
        autoComplete="tel"
        value={telefoon}
        onChange={(e) => setTelefoon(e.target.value)}
        fout={fouten.telefoon}
        verplicht={false}
      />
      <Knop type="submit" soort="primair" disabled={bezig}>
        Contact aanvragen
      </Knop>
    </form>
  );
}
