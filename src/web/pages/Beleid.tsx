import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import type { GemeenteBeleid } from '../api/toolkit.js';
import { Pagina } from '../components/Pagina.js';
import { Gegevens, Knop, Laden, Melding, Sectie } from '../components/ui.js';
import { FoutOverzicht, TekstvakVeld, TekstVeld } from '../components/velden.js';
import { tijdstip } from '../lib/format.js';
import { getal, leesGetal } from '../lib/getallen.js';
import { useSessie } from '../lib/sessie.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/toolkit.css';

const LABELS: Record<string, string> = {
  jobcoachMaxUrenPerHalfjaar: 'Hoogstens uren per half jaar',
  jobcoachMaxDuurJaren: 'Hoogstens aantal jaren',
  bron: 'Bron',
};

/** The jobcoaching bounds of the user's own gemeente (beleidsmedewerker or beheerder of that gemeente). */
export function BeleidPagina() {
  const { sessie } = useSessie();
  const org = sessie.gebruiker.organisatie;
  const pad = `/api/v1/gemeenten/${encodeURIComponent(org.id)}/beleid`;
  const beleid = useData<GemeenteBeleid>((signal) => api.get(pad, undefined, signal), [pad]);
  const [melding, setMelding] = useState<string | null>(null);
  return (
    <Pagina
      titel="Beleid jobcoaching"
      intro={`Leg vast hoeveel jobcoaching ${org.naam} hoogstens toekent. Passend gebruikt deze grenzen bij elke beoordeling van jobcoaching voor inwoners van uw gemeente.`}
    >
      {melding ? <Melding type="ok">{melding}</Melding> : null}
      {beleid.fout ? <Melding type="error">{beleid.fout.melding}</Melding> : null}
      {beleid.laden && !beleid.data ? <Laden /> : null}
      {beleid.data ? (
        <>
          <Sectie titel="Huidig beleid" id="huidig">
            <Gegevens
              items={[
                [
                  'Hoogstens uren per half jaar',
                  beleid.data.jobcoachMaxUrenPerHalfjaar === null
                    ? 'Geen grens: alleen de tabel van het Protocol Jobcoach geldt'
                    : `${getal(beleid.data.jobcoachMaxUrenPerHalfjaar)} uur`,
                ],
                ['Hoogstens aantal jaren jobcoaching', beleid.data.jobcoachMaxDuurJaren === null ? 'Geen grens' : `${beleid.data.jobcoachMaxDuurJaren} jaar`],
                ['Bron', beleid.data.bron],
                ['Laatst gewijzigd', beleid.data.gewijzigdOp ? tijdstip(beleid.data.gewijzigdOp) : 'Nog geen eigen beleid vastgelegd'],
              ]}
            />
          </Sectie>
          <Sectie titel="Beleid wijzigen" id="wijzigen">
            <BeleidFormulier
              key={beleid.data.gewijzigdOp ?? 'nieuw'}
              pad={pad}
              huidig={beleid.data}
              onOpgeslagen={(nieuw) => {
                beleid.setData(nieuw);
                setMelding('Het beleid is opgeslagen. Nieuwe beoordelingen van jobcoaching gebruiken deze grenzen.');
                document.querySelector<HTMLElement>('h1')?.focus();
              }}
            />
          </Sectie>
        </>
      ) : null}
    </Pagina>
  );
}

function BeleidFormulier({ pad, huidig, onOpgeslagen }: { pad: string; huidig: GemeenteBeleid; onOpgeslagen: (b: GemeenteBeleid) => void }) {
  const [uren, setUren] = useState(huidig.jobcoachMaxUrenPerHalfjaar === null ? '' : String(huidig.jobcoachMaxUrenPerHalfjaar).replace('.', ','));
  const [jaren, setJaren] = useState(huidig.jobcoachMaxDuurJaren === null ? '' : String(huidig.jobcoachMaxDuurJaren));
  const [bron, setBron] = useState(huidig.gewijzigdOp ? huidig.bron : '');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    const f: Record<string, string> = {};
    const u = leesGetal(uren);
    if (u !== null && (Number.isNaN(u) || u <= 0 || u > 2000))
      f.jobcoachMaxUrenPerHalfjaar = 'Vul een aantal uren in van meer dan 0 en hoogstens 2000, of laat het veld leeg.';
    const j = leesGetal(jaren);
    if (j !== null && (Number.isNaN(j) || !Number.isInteger(j) || j < 1 || j > 20))
      f.jobcoachMaxDuurJaren = 'Vul een heel aantal jaren in van 1 tot en met 20, of laat het veld leeg.';
    if (bron.trim().length < 3) f.bron = 'Vul de bron van het beleid in, bijvoorbeeld de naam en het artikel van de beleidsregel.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    setBezig(true);
    try {
      const nieuw = await api.put<GemeenteBeleid>(pad, { jobcoachMaxUrenPerHalfjaar: u, jobcoachMaxDuurJaren: j, bron: bron.trim() });
      onOpgeslagen(nieuw);
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
    <form className="formulier" noValidate onSubmit={opslaan} aria-labelledby="wijzigen-kop">
      <FoutOverzicht fouten={fouten} labels={LABELS} algemeen={algemeen} />
      <TekstVeld
        label="Hoogstens uren jobcoaching per half jaar"
        naam="jobcoachMaxUrenPerHalfjaar"
        inputMode="decimal"
        autoComplete="off"
        className="getal-invoer"
        value={uren}
        onChange={(e) => setUren(e.target.value)}
        fout={fouten.jobcoachMaxUrenPerHalfjaar}
        hint="Laat leeg als uw gemeente geen grens stelt. Dan geldt alleen de tabel van het Protocol Jobcoach."
        verplicht={false}
      />
      <TekstVeld
        label="Hoogstens aantal jaren jobcoaching"
        naam="jobcoachMaxDuurJaren"
        inputMode="numeric"
        autoComplete="off"
        className="getal-invoer"
        value={jaren}
        onChange={(e) => setJaren(e.target.value)}
        fout={fouten.jobcoachMaxDuurJaren}
        hint="Na deze jaren vraagt verlenging een besluit met een reden. Laat leeg als er geen grens is."
        verplicht={false}
      />
      <TekstvakVeld
        label="Bron"
        naam="bron"
        rows={3}
        value={bron}
        onChange={(e) => setBron(e.target.value)}
        fout={fouten.bron}
        hint="Waar staat dit beleid? Bijvoorbeeld: Beleidsregels re-integratie 2026, artikel 12."
        verplicht
        maxLength={500}
      />
      <div className="knoppen">
        <Knop soort="primair" type="submit" disabled={bezig}>
          {bezig ? 'Bezig met opslaan…' : 'Beleid opslaan'}
        </Knop>
      </div>
    </form>
  );
}
