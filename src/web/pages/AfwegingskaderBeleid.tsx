import { type FormEvent, useState } from 'react';
import type { ArgumentenOverzicht, FactorInfo, Richting } from '../api/afweging.js';
import { api } from '../api/client.js';
import { Pagina } from '../components/Pagina.js';
import { Gegevens, Knop, Laden, Melding, Sectie } from '../components/ui.js';
import { FoutOverzicht, KeuzeVeld, TekstVeld, TekstvakVeld, Vinkje } from '../components/velden.js';
import { datumLang, tijdstip } from '../lib/format.js';
import { getal, leesGetal } from '../lib/getallen.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/afweging.css';
import '../styles/toolkit.css';

const RICHTING_LABEL: Record<Richting, string> = { voor: 'Weegt voor', tegen: 'Weegt tegen', geen: 'Telt niet mee' };

/** The gemeente's weights in the afwegingskader, within the region's bounds (beleidsmedewerker). */
export function AfwegingskaderBeleidPagina() {
  const pad = '/api/v1/afwegingskader/argumenten';
  const kader = useData<ArgumentenOverzicht>((signal) => api.get(pad, undefined, signal), [pad]);
  const [melding, setMelding] = useState<string | null>(null);
  const k = kader.data;
  return (
    <Pagina
      titel="Afwegingskader"
      intro="Stel in hoe zwaar elk argument weegt bij het advies over de route van een inwoner. U kiest binnen de grenzen die de regio heeft vastgesteld. Het advies blijft een advies: de professional en de inwoner besluiten samen."
    >
      {melding ? <Melding type="ok">{melding}</Melding> : null}
      {kader.fout ? <Melding type="error">{kader.fout.melding}</Melding> : null}
      {kader.laden && !k ? <Laden /> : null}
      {k ? (
        <>
          <Sectie titel="Huidige instellingen" id="huidig">
            <Gegevens
              items={[
                ['Gemeente', k.gemeente?.naam ?? null],
                [
                  'Gewichten van de gemeente',
                  k.gemeente?.versie
                    ? `Versie ${k.gemeente.versie}, geldig vanaf ${datumLang(k.gemeente.geldigVan)}`
                    : 'Nog geen eigen gewichten: de standaardgewichten gelden',
                ],
                ['Bron', k.gemeente?.bron ?? null],
                ['Laatst gewijzigd', k.gemeente?.gewijzigdOp ? tijdstip(k.gemeente.gewijzigdOp) : null],
                ['Grenzen van de regio', k.regio.versie ? `Versie ${k.regio.versie}, geldig vanaf ${datumLang(k.regio.geldigVan)}` : 'Standaardgrenzen'],
                ['Grenzen vastgesteld door', k.regio.beheerder?.naam ?? 'Nog niet aangewezen'],
                ['Toelichting van de regio', k.regio.toelichting],
              ]}
            />
            {k.aanpassingen.length > 0 ? (
              <Melding type="warning" kop="Niet alle instellingen passen binnen de grenzen van de regio">
                <ul className="utrecht-unordered-list">
                  {k.aanpassingen.map((a) => (
                    <li key={a} className="utrecht-unordered-list__item">
                      {a}
                    </li>
                  ))}
                </ul>
              </Melding>
            ) : null}
          </Sectie>
          <Sectie titel="Beschermde gronden: tellen nooit mee" id="beschermd">
            <p className="nl-paragraph">
              Deze argumenten kunt u niet instellen. Ze wegen nooit tegen de persoon en tellen niet mee in het advies. Een instelling die dat wel zou doen,
              weigert Passend.
            </p>
            <ul className="utrecht-unordered-list">
              {k.factoren
                .filter((f) => f.beschermdeGrond)
                .map((f) => (
                  <li key={f.code} className="utrecht-unordered-list__item kaderregel--beschermd" data-factor={f.code}>
                    <strong>{f.label}</strong>: niet instelbaar. <span className="klein">{f.onderbouwing}</span>
                  </li>
                ))}
            </ul>
          </Sectie>
          <Sectie titel="Gewichten" id="gewichten">
            {k.gemeente?.magBeheren ? (
              <GewichtenFormulier
                key={`${k.gemeente.versie ?? 0}-${k.regio.versie ?? 0}`}
                k={k}
                onOpgeslagen={(nieuw) => {
                  kader.setData(nieuw);
                  setMelding('De gewichten zijn opgeslagen als nieuwe versie. Nieuwe afwegingen gebruiken deze gewichten.');
                  document.querySelector<HTMLElement>('h1')?.focus();
                }}
              />
            ) : (
              <LeesGewichten factoren={k.factoren.filter((f) => !f.beschermdeGrond)} />
            )}
          </Sectie>
          {k.regio.magBeheren ? (
            <Sectie titel="Grenzen van de regio" id="regio">
              <p className="nl-paragraph">
                Uw organisatie stelt de grenzen voor de hele regio vast. Elke gemeente kiest haar gewichten binnen deze grenzen. Beschermde gronden krijgen
                nooit een gewicht.
              </p>
              <RegioFormulier
                key={k.regio.versie ?? 0}
                k={k}
                onOpgeslagen={(nieuw) => {
                  kader.setData(nieuw);
                  setMelding('De grenzen van de regio zijn opgeslagen als nieuwe versie.');
                  document.querySelector<HTMLElement>('h1')?.focus();
                }}
              />
            </Sectie>
          ) : null}
        </>
      ) : null}
    </Pagina>
  );
}

function grensTekst(f: FactorInfo): string {
  return `${getal(f.grens.minGewicht)} tot en met ${getal(f.grens.maxGewicht)}`;
}

function LeesGewichten({ factoren }: { factoren: FactorInfo[] }) {
  return (
    <Gegevens
      items={factoren.map((f) => [
        f.label,
        `Gewicht ${getal(f.instelling.gewicht)} (grenzen ${grensTekst(f)}); ${f.effecten
          .map((e) => `${e.routeLabel}: ${RICHTING_LABEL[f.instelling.richtingen[e.route] ?? 'geen'].toLowerCase()}`)
          .join('; ')}`,
      ])}
    />
  );
}

function GewichtenFormulier({ k, onOpgeslagen }: { k: ArgumentenOverzicht; onOpgeslagen: (k: ArgumentenOverzicht) => void }) {
  const factoren = k.factoren.filter((f) => !f.beschermdeGrond);
  const [gewichten, setGewichten] = useState<Record<string, string>>(
    Object.fromEntries(factoren.map((f) => [f.code, String(f.instelling.gewicht).replace('.', ',')])),
  );
  const [richtingen, setRichtingen] = useState<Record<string, Record<string, Richting>>>(
    Object.fromEntries(factoren.map((f) => [f.code, { ...f.instelling.richtingen } as Record<string, Richting>])),
  );
  const [onderbouwing, setOnderbouwing] = useState<Record<string, string>>(Object.fromEntries(factoren.map((f) => [f.code, f.onderbouwingGemeente ?? ''])));
  const [bron, setBron] = useState(k.gemeente?.versie ? k.gemeente.bron : '');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const labels: Record<string, string> = { bron: 'Bron', ...Object.fromEntries(factoren.map((f) => [`gw-${f.code}`, f.label])) };

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    const f: Record<string, string> = {};
    const body: Record<string, { gewicht: number; richtingen: Record<string, Richting> }> = {};
    for (const factor of factoren) {
      const g = leesGetal(gewichten[factor.code] ?? '');
      if (g === null || Number.isNaN(g) || g < factor.grens.minGewicht || g > factor.grens.maxGewicht) {
        f[`gw-${factor.code}`] = `Kies een gewicht van ${grensTekst(factor)}.`;
        continue;
      }
      body[factor.code] = { gewicht: g, richtingen: richtingen[factor.code] ?? {} };
    }
    if (bron.trim().length < 3) f.bron = 'Vul de bron in, bijvoorbeeld de naam en het artikel van de beleidsregel.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    setBezig(true);
    try {
      const nieuw = await api.put<ArgumentenOverzicht>('/api/v1/afwegingskader/argumenten', {
        gewichten: body,
        onderbouwing: Object.fromEntries(Object.entries(onderbouwing).filter(([, v]) => v.trim())),
        bron: bron.trim(),
      });
      onOpgeslagen(nieuw);
    } catch (err) {
      const fout = alsApiError(err);
      const vf = Object.fromEntries(Object.entries(fout.veldFouten()).map(([n, v]) => [n.startsWith('gewichten.') ? `gw-${n.split('.')[1]}` : n, v]));
      setFouten(vf);
      setAlgemeen(fout.detail ?? fout.melding);
    } finally {
      setBezig(false);
    }
  }

  return (
    <form className="formulier formulier--breed" noValidate onSubmit={opslaan}>
      <FoutOverzicht fouten={fouten} labels={labels} algemeen={algemeen} />
      {factoren.map((f) => (
        <fieldset key={f.code} className="factor-groep" data-factor={f.code}>
          <legend>{f.label}</legend>
          <p className="nl-paragraph klein">{f.omschrijving}</p>
          <TekstVeld
            label={`Gewicht van ${f.label.toLowerCase()}`}
            naam={`gw-${f.code}`}
            inputMode="decimal"
            autoComplete="off"
            className="getal-invoer"
            value={gewichten[f.code] ?? ''}
            onChange={(e) => setGewichten({ ...gewichten, [f.code]: e.target.value })}
            hint={`Toegestaan door de regio: ${grensTekst(f)}. Standaard: ${getal(f.standaardGewicht)}.`}
            fout={fouten[`gw-${f.code}`]}
          />
          {f.effecten.map((e) => {
            const toegestaan = f.grens.richtingen[e.route] ?? ['geen'];
            return (
              <KeuzeVeld
                key={e.route}
                label={`${f.label} bij ${e.routeLabel.toLowerCase()}`}
                naam={`gw-${f.code}-${e.route}`}
                value={richtingen[f.code]?.[e.route] ?? 'geen'}
                onChange={(ev) => setRichtingen({ ...richtingen, [f.code]: { ...richtingen[f.code], [e.route]: ev.target.value as Richting } })}
                hint={e.uitleg}
                disabled={toegestaan.length <= 1}
              >
                {toegestaan.map((r) => (
                  <option key={r} value={r}>
                    {RICHTING_LABEL[r]}
                  </option>
                ))}
              </KeuzeVeld>
            );
          })}
          <details className="route-details">
            <summary>Waarom deze standaard?</summary>
            <p className="nl-paragraph klein">{f.onderbouwing}</p>
          </details>
          <TekstVeld
            label={`Onderbouwing van de gemeente (${f.label.toLowerCase()})`}
            naam={`gw-onderbouwing-${f.code}`}
            value={onderbouwing[f.code] ?? ''}
            onChange={(e) => setOnderbouwing({ ...onderbouwing, [f.code]: e.target.value })}
            verplicht={false}
            maxLength={2000}
          />
        </fieldset>
      ))}
      <TekstvakVeld
        label="Bron"
        naam="bron"
        rows={2}
        value={bron}
        onChange={(e) => setBron(e.target.value)}
        hint="Waar staat dit beleid? Bijvoorbeeld: Beleidsregels participatie 2026, artikel 4."
        fout={fouten.bron}
        verplicht
        maxLength={500}
      />
      <div className="knoppen">
        <Knop soort="primair" type="submit" disabled={bezig}>
          {bezig ? 'Bezig met opslaan…' : 'Gewichten opslaan'}
        </Knop>
      </div>
    </form>
  );
}

const RICHTINGEN: Richting[] = ['voor', 'tegen', 'geen'];

function RegioFormulier({ k, onOpgeslagen }: { k: ArgumentenOverzicht; onOpgeslagen: (k: ArgumentenOverzicht) => void }) {
  const factoren = k.factoren.filter((f) => !f.beschermdeGrond);
  const [grenzen, setGrenzen] = useState<Record<string, { min: string; max: string; richtingen: Record<string, Richting[]> }>>(
    Object.fromEntries(
      factoren.map((f) => [
        f.code,
        {
          min: String(f.grens.minGewicht).replace('.', ','),
          max: String(f.grens.maxGewicht).replace('.', ','),
          richtingen: Object.fromEntries(f.effecten.map((e) => [e.route, [...(f.grens.richtingen[e.route] ?? [])]])),
        },
      ]),
    ),
  );
  const [bron, setBron] = useState(k.regio.versie ? k.regio.bron : '');
  const [toelichting, setToelichting] = useState(k.regio.toelichting ?? '');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const labels: Record<string, string> = { 'rg-bron': 'Bron', ...Object.fromEntries(factoren.map((f) => [`rg-${f.code}`, f.label])) };

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    const f: Record<string, string> = {};
    const body: Record<string, { minGewicht: number; maxGewicht: number; richtingen: Record<string, Richting[]> }> = {};
    for (const factor of factoren) {
      const g = grenzen[factor.code]!;
      const min = leesGetal(g.min);
      const max = leesGetal(g.max);
      if (min === null || max === null || Number.isNaN(min) || Number.isNaN(max) || min < 0 || max > 5 || min > max) {
        f[`rg-${factor.code}`] = 'Kies een ondergrens en bovengrens van 0 tot en met 5, de ondergrens niet boven de bovengrens.';
        continue;
      }
      if (Object.values(g.richtingen).some((r) => r.length === 0)) {
        f[`rg-${factor.code}`] = 'Sta per route minstens één richting toe.';
        continue;
      }
      body[factor.code] = { minGewicht: min, maxGewicht: max, richtingen: g.richtingen };
    }
    if (bron.trim().length < 3) f['rg-bron'] = 'Vul de bron in, bijvoorbeeld het regionale besluit.';
    setFouten(f);
    if (Object.keys(f).length > 0) return;
    try {
      const nieuw = await api.put<ArgumentenOverzicht>('/api/v1/afwegingskader/regiogrenzen', {
        grenzen: body,
        bron: bron.trim(),
        toelichting: toelichting.trim() || null,
      });
      onOpgeslagen(nieuw);
    } catch (err) {
      const fout = alsApiError(err);
      const vf = Object.fromEntries(Object.entries(fout.veldFouten()).map(([n, v]) => [n.startsWith('grenzen.') ? `rg-${n.split('.')[1]}` : n, v]));
      setFouten(vf);
      setAlgemeen(fout.detail ?? fout.melding);
    }
  }

  return (
    <form className="formulier formulier--breed" noValidate onSubmit={opslaan}>
      <FoutOverzicht fouten={fouten} labels={labels} algemeen={algemeen} />
      {factoren.map((f) => {
        const g = grenzen[f.code]!;
        const zet = (d: Partial<typeof g>) => setGrenzen({ ...grenzen, [f.code]: { ...g, ...d } });
        return (
          <fieldset key={f.code} className="factor-groep" data-regio-factor={f.code}>
            <legend>{f.label}</legend>
            <div className="lijst-rij">
              <TekstVeld
                label={`Ondergrens ${f.label.toLowerCase()}`}
                naam={`rg-${f.code}`}
                inputMode="decimal"
                autoComplete="off"
                className="getal-invoer"
                value={g.min}
                onChange={(e) => zet({ min: e.target.value })}
                fout={fouten[`rg-${f.code}`]}
              />
              <TekstVeld
                label={`Bovengrens ${f.label.toLowerCase()}`}
                naam={`rg-${f.code}-max`}
                inputMode="decimal"
                autoComplete="off"
                className="getal-invoer"
                value={g.max}
                onChange={(e) => zet({ max: e.target.value })}
              />
            </div>
            {f.effecten.map((e) => (
              <fieldset key={e.route} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset rondjes">
                <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend rondjes-vraag">
                  Toegestane richtingen bij {e.routeLabel.toLowerCase()}
                </legend>
                {RICHTINGEN.map((r) => (
                  <Vinkje
                    key={r}
                    naam={`rg-${f.code}-${e.route}-${r}`}
                    label={RICHTING_LABEL[r]}
                    checked={(g.richtingen[e.route] ?? []).includes(r)}
                    onChange={(ev) => {
                      const huidig = new Set(g.richtingen[e.route] ?? []);
                      if (ev.target.checked) huidig.add(r);
                      else huidig.delete(r);
                      zet({ richtingen: { ...g.richtingen, [e.route]: RICHTINGEN.filter((x) => huidig.has(x)) } });
                    }}
                  />
                ))}
              </fieldset>
            ))}
          </fieldset>
        );
      })}
      <TekstvakVeld
        label="Bron"
        naam="rg-bron"
        rows={2}
        value={bron}
        onChange={(e) => setBron(e.target.value)}
        fout={fouten['rg-bron']}
        verplicht
        maxLength={500}
      />
      <TekstvakVeld
        label="Toelichting voor de gemeenten"
        naam="rg-toelichting"
        rows={3}
        value={toelichting}
        onChange={(e) => setToelichting(e.target.value)}
        verplicht={false}
        maxLength={4000}
      />
      <div className="knoppen">
        <Knop soort="primair" type="submit">
          Grenzen van de regio opslaan
        </Knop>
      </div>
    </form>
  );
}
