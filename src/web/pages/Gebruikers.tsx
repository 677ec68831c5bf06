import { type FormEvent, useState } from 'react';
import { ROLLEN, ROLLEN_PER_ORGANISATIESOORT, type Rol } from '../../shared/codes.js';
import { api } from '../api/client.js';
import type { Gebruiker } from '../api/types.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Laden, Melding, TabelVak } from '../components/ui.js';
import { FoutOverzicht, TekstVeld, Vinkje } from '../components/velden.js';
import { useSessie } from '../lib/sessie.js';
import { alsApiError, useData } from '../lib/useData.js';

const LABELS = { gebruikersnaam: 'Gebruikersnaam', naam: 'Naam', email: 'E-mailadres', rollen: 'Rollen', wachtwoord: 'Wachtwoord', actief: 'Actief' };

type Bewerking = { soort: 'nieuw' } | { soort: 'wijzig'; gebruiker: Gebruiker } | null;

export function GebruikersPagina() {
  const { sessie } = useSessie();
  const lijst = useData<Gebruiker[]>((signal) => api.get('/api/v1/gebruikers', undefined, signal), []);
  const [bewerking, setBewerking] = useState<Bewerking>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const toegestaan = ROLLEN_PER_ORGANISATIESOORT[sessie.gebruiker.organisatie.soort].filter((r) => r !== 'inwoner');

  const klaar = (tekst: string) => {
    setBewerking(null);
    setMelding(tekst);
    lijst.herlaad();
    document.getElementById('gebruikers-kop')?.focus();
  };

  return (
    <Pagina titel="Gebruikers" intro={`De gebruikers van ${sessie.gebruiker.organisatie.naam}. U kunt gebruikers toevoegen, wijzigen en blokkeren.`}>
      {melding ? <Melding type="ok">{melding}</Melding> : null}
      {bewerking ? null : (
        <p className="nl-paragraph">
          <Knop
            soort="primair"
            onClick={() => {
              setMelding(null);
              setBewerking({ soort: 'nieuw' });
            }}
          >
            Gebruiker toevoegen
          </Knop>
        </p>
      )}
      {bewerking ? (
        <GebruikerFormulier
          key={bewerking.soort === 'wijzig' ? bewerking.gebruiker.id : 'nieuw'}
          gebruiker={bewerking.soort === 'wijzig' ? bewerking.gebruiker : null}
          toegestaan={toegestaan}
          eigenId={sessie.gebruiker.id}
          onKlaar={klaar}
          onAnnuleer={() => setBewerking(null)}
        />
      ) : null}
      <h2 id="gebruikers-kop" tabIndex={-1} className="nl-heading nl-heading--level-2">
        Alle gebruikers
      </h2>
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {lijst.laden && !lijst.data ? <Laden /> : null}
      {lijst.data ? (
        <TabelVak label={`Gebruikers van ${sessie.gebruiker.organisatie.naam}`}>
          <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color">
            <caption className="utrecht-table__caption">Gebruikers van {sessie.gebruiker.organisatie.naam}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {['Naam', 'Gebruikersnaam', 'E-mailadres', 'Rollen', 'Status'].map((k) => (
                  <th key={k} scope="col" className="utrecht-table__header-cell">
                    {k}
                  </th>
                ))}
                <th scope="col" className="utrecht-table__header-cell">
                  <span className="rhc-visually-hidden">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {lijst.data.map((g) => (
                <tr key={g.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell utrecht-table__header-cell--row">
                    {g.naam}
                  </th>
                  <td className="utrecht-table__cell">{g.gebruikersnaam}</td>
                  <td className="utrecht-table__cell">{g.email ?? '—'}</td>
                  <td className="utrecht-table__cell">{g.rollen.map((r) => ROLLEN[r].label).join(', ')}</td>
                  <td className="utrecht-table__cell">
                    {g.actief ? (
                      <span className="status-label status-label--actief">Actief</span>
                    ) : (
                      <span className="status-label status-label--afgesloten">Geblokkeerd</span>
                    )}
                  </td>
                  <td className="utrecht-table__cell">
                    {g.rollen.includes('inwoner') ? null : (
                      <Knop
                        soort="subtiel"
                        onClick={() => {
                          setMelding(null);
                          setBewerking({ soort: 'wijzig', gebruiker: g });
                        }}
                      >
                        Wijzigen<span className="rhc-visually-hidden">: {g.naam}</span>
                      </Knop>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabelVak>
      ) : null}
    </Pagina>
  );
}

function GebruikerFormulier({
  gebruiker,
  toegestaan,
  eigenId,
  onKlaar,
  onAnnuleer,
}: {
  gebruiker: Gebruiker | null;
  toegestaan: readonly Rol[];
  eigenId: string;
  onKlaar: (melding: string) => void;
  onAnnuleer: () => void;
}) {
  const [gebruikersnaam, setGebruikersnaam] = useState('');
  const [naam, setNaam] = useState(gebruiker?.naam ?? '');
  const [email, setEmail] = useState(gebruiker?.email ?? '');
  const [rollen, setRollen] = useState<Rol[]>(gebruiker?.rollen ?? []);
  const [actief, setActief] = useState(gebruiker?.actief ?? true);
  const [wachtwoord, setWachtwoord] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const zelf = gebruiker?.id === eigenId;

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    const f: Record<string, string> = {};
    if (!gebruiker && !/^[a-z0-9][a-z0-9._-]{1,62}$/.test(gebruikersnaam)) f.gebruikersnaam = 'Gebruik 2 tot 63 kleine letters, cijfers, punt of streepje.';
    if (!naam.trim()) f.naam = 'Vul de naam in.';
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) f.email = 'Vul een e-mailadres in zoals naam@voorbeeld.nl.';
    if (rollen.length === 0) f.rollen = 'Kies minstens één rol.';
    if ((!gebruiker || wachtwoord) && wachtwoord.length < 12) f.wachtwoord = 'Het wachtwoord moet minstens 12 tekens lang zijn.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    try {
      if (!gebruiker) {
        await api.post('/api/v1/gebruikers', { gebruikersnaam, naam: naam.trim(), email: email.trim() || null, rollen, wachtwoord });
        onKlaar(`Gebruiker ${gebruikersnaam} is toegevoegd.`);
      } else {
        const body: Record<string, unknown> = {};
        if (naam.trim() !== gebruiker.naam) body.naam = naam.trim();
        if ((email.trim() || null) !== gebruiker.email) body.email = email.trim() || null;
        if ([...rollen].sort().join() !== [...gebruiker.rollen].sort().join()) body.rollen = rollen;
        if (actief !== gebruiker.actief) body.actief = actief;
        if (wachtwoord) body.wachtwoord = wachtwoord;
        if (Object.keys(body).length === 0) {
          setAlgemeen('U heeft niets veranderd.');
          return;
        }
        await api.patch(`/api/v1/gebruikers/${encodeURIComponent(gebruiker.id)}`, body);
        onKlaar(`De gegevens van ${gebruiker.gebruikersnaam} zijn opgeslagen.`);
      }
    } catch (err) {
      const fout = alsApiError(err);
      const vf = fout.veldFouten();
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : fout.detail && !vf[Object.keys(vf)[0]!] ? fout.detail : null);
    }
  }

  return (
    <form className="formulier kader" noValidate onSubmit={opslaan} aria-labelledby="gebruiker-form-kop">
      <h2 id="gebruiker-form-kop" className="nl-heading nl-heading--level-2">
        {gebruiker ? `Gebruiker ${gebruiker.gebruikersnaam} wijzigen` : 'Gebruiker toevoegen'}
      </h2>
      <FoutOverzicht fouten={fouten} labels={LABELS} algemeen={algemeen} />
      {gebruiker ? null : (
        <TekstVeld
          label={LABELS.gebruikersnaam}
          naam="gebruikersnaam"
          value={gebruikersnaam}
          onChange={(e) => setGebruikersnaam(e.target.value.toLowerCase())}
          fout={fouten.gebruikersnaam}
          hint="Kleine letters, cijfers, punt of streepje. Bijvoorbeeld j.jansen"
          autoComplete="off"
          verplicht
          autoFocus
        />
      )}
      <TekstVeld
        label={LABELS.naam}
        naam="naam"
        value={naam}
        onChange={(e) => setNaam(e.target.value)}
        fout={fouten.naam}
        autoComplete="off"
        verplicht
        autoFocus={Boolean(gebruiker)}
      />
      <TekstVeld
        label={LABELS.email}
        naam="email"
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        fout={fouten.email}
        autoComplete="off"
        verplicht={false}
      />
      <fieldset
        className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset groep${fouten.rollen ? ' utrecht-form-fieldset--invalid' : ''}`}
        aria-describedby={fouten.rollen ? 'veld-rollen-fout' : undefined}
        aria-invalid={fouten.rollen ? true : undefined}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend" id="veld-rollen" tabIndex={-1}>
          Rollen
        </legend>
        {fouten.rollen ? (
          <div className="utrecht-form-field-error-message" id="veld-rollen-fout">
            <span className="rhc-visually-hidden">Fout: </span>
            {fouten.rollen}
          </div>
        ) : null}
        {toegestaan.map((r) => (
          <Vinkje
            key={r}
            naam={`rol-${r}`}
            label={ROLLEN[r].label}
            checked={rollen.includes(r)}
            disabled={zelf && r === 'beheerder'}
            onChange={(e) => setRollen((huidig) => (e.target.checked ? [...huidig, r] : huidig.filter((x) => x !== r)))}
          />
        ))}
      </fieldset>
      {gebruiker && !zelf ? <Vinkje naam="actief" label="Actief (mag inloggen)" checked={actief} onChange={(e) => setActief(e.target.checked)} /> : null}
      <TekstVeld
        label={gebruiker ? 'Nieuw wachtwoord' : LABELS.wachtwoord}
        naam="wachtwoord"
        type="password"
        autoComplete="new-password"
        value={wachtwoord}
        onChange={(e) => setWachtwoord(e.target.value)}
        fout={fouten.wachtwoord}
        hint={gebruiker ? 'Alleen invullen als u het wachtwoord opnieuw wilt instellen. Minstens 12 tekens.' : 'Minstens 12 tekens.'}
        verplicht={!gebruiker}
      />
      <div className="knoppen">
        <Knop soort="primair" type="submit">
          {gebruiker ? 'Wijzigingen opslaan' : 'Gebruiker toevoegen'}
        </Knop>
        <Knop soort="secundair" onClick={onAnnuleer}>
          Annuleren
        </Knop>
      </div>
    </form>
  );
}
