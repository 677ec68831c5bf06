import { type FormEvent, useState } from 'react';
import { TERUGMELDREDEN_CATEGORIE_CODES, TERUGMELDREDEN_CATEGORIEEN } from '../../shared/codes.js';
import { api } from '../api/client.js';
import type { Redenlijst, Terugmeldreden } from '../api/verwijzingen.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Laden, Melding, TabelVak } from '../components/ui.js';
import { FoutOverzicht, KeuzeVeld, TekstVeld, TekstvakVeld, Vinkje } from '../components/velden.js';
import { datumLang } from '../lib/format.js';
import { alsApiError, useData } from '../lib/useData.js';
import { vandaag } from '../../shared/datum.js';

/** The region's maintained list of return reasons; its maintainer adds and retires reasons. */
export function TerugmeldredenenPagina() {
  const lijst = useData<Redenlijst>((signal) => api.get('/api/v1/terugmeldredenen', undefined, signal), []);
  const [melding, setMelding] = useState<string | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const beheren = lijst.data?.magBeheren ?? false;

  async function actie(r: Terugmeldreden, soort: 'intrekken' | 'herstellen' | 'verwijderen') {
    setFout(null);
    try {
      if (soort === 'verwijderen') await api.delete(`/api/v1/terugmeldredenen/${encodeURIComponent(r.id)}`);
      else await api.patch(`/api/v1/terugmeldredenen/${encodeURIComponent(r.id)}`, { geldigTot: soort === 'intrekken' ? vandaag() : null });
      setMelding(
        soort === 'verwijderen' ? `"${r.label}" is verwijderd.` : soort === 'intrekken' ? `"${r.label}" is ingetrokken.` : `"${r.label}" is weer in gebruik.`,
      );
      lijst.herlaad();
    } catch (err) {
      setFout(alsApiError(err).melding);
    }
  }

  return (
    <Pagina
      titel="Terugmeldredenen"
      intro="De regionale lijst van redenen waarmee een aanbieder iemand terugmeldt. Een reden die al gebruikt is, blijft bewaard; u kunt haar wel intrekken."
    >
      {melding ? <Melding type="ok">{melding}</Melding> : null}
      {fout ? <Melding type="error">{fout}</Melding> : null}
      {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
      {lijst.laden && !lijst.data ? <Laden /> : null}
      {lijst.data?.beheerder ? <p className="nl-paragraph">Beheerd door {lijst.data.beheerder.naam}.</p> : null}
      {lijst.data ? (
        <TabelVak label="Terugmeldredenen">
          <table className="utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color">
            <caption className="utrecht-table__caption">Terugmeldredenen</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Reden
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Categorie
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Geldig
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Versie
                </th>
                {beheren ? (
                  <th scope="col" className="utrecht-table__header-cell">
                    <span className="rhc-visually-hidden">Acties</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {lijst.data.redenen.map((r) => (
                <tr key={r.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">
                    {r.label} <span className="klein">({r.code})</span>
                    {r.omschrijving ? <span className="klein blok">{r.omschrijving}</span> : null}
                  </td>
                  <td className="utrecht-table__cell">{TERUGMELDREDEN_CATEGORIEEN[r.categorie].label}</td>
                  <td className="utrecht-table__cell">
                    {r.geldig ? 'In gebruik' : 'Niet in gebruik'}
                    <span className="klein blok">
                      vanaf {datumLang(r.geldigVan)}
                      {r.geldigTot ? `, tot ${datumLang(r.geldigTot)}` : ''}
                    </span>
                  </td>
                  <td className="utrecht-table__cell">{r.versie}</td>
                  {beheren ? (
                    <td className="utrecht-table__cell">
                      {r.geldigTot === null ? (
                        <Knop soort="subtiel" onClick={() => void actie(r, 'intrekken')}>
                          Intrekken<span className="rhc-visually-hidden">: {r.label}</span>
                        </Knop>
                      ) : (
                        <Knop soort="subtiel" onClick={() => void actie(r, 'herstellen')}>
                          Weer in gebruik nemen<span className="rhc-visually-hidden">: {r.label}</span>
                        </Knop>
                      )}
                      {!r.gebruikt ? (
                        <Knop soort="subtiel" onClick={() => void actie(r, 'verwijderen')}>
                          Verwijderen<span className="rhc-visually-hidden">: {r.label}</span>
                        </Knop>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TabelVak>
      ) : null}
      {beheren ? (
        <NieuweReden
          onKlaar={(label) => {
            setMelding(`"${label}" is toegevoegd.`);
            lijst.herlaad();
          }}
        />
      ) : null}
    </Pagina>
  );
}

function NieuweReden({ onKlaar }: { onKlaar: (label: string) => void }) {
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [omschrijving, setOmschrijving] = useState('');
  const [categorie, setCategorie] = useState('');
  const [toelichtingVerplicht, setToelichtingVerplicht] = useState(false);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const labels = { code: 'Code', label: 'Naam', omschrijving: 'Omschrijving', categorie: 'Categorie' };
  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setAlgemeen(null);
    try {
      await api.post('/api/v1/terugmeldredenen', {
        code: code.trim(),
        label: label.trim(),
        omschrijving: omschrijving.trim() || null,
        categorie,
        toelichtingVerplicht,
      });
      onKlaar(label.trim());
      setCode('');
      setLabel('');
      setOmschrijving('');
      setCategorie('');
      setFouten({});
    } catch (err) {
      const fout = alsApiError(err);
      const vf = fout.veldFouten();
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? fout.melding : null);
    }
  }
  return (
    <form className="formulier" noValidate onSubmit={opslaan}>
      <h2 className="nl-heading nl-heading--level-2">Reden toevoegen</h2>
      <FoutOverzicht fouten={fouten} labels={labels} algemeen={algemeen} />
      <TekstVeld
        label={labels.code}
        naam="code"
        verplicht
        hint="Kleine letters en _, bijvoorbeeld mantelzorg."
        value={code}
        onChange={(e) => setCode(e.target.value)}
        fout={fouten.code}
      />
      <TekstVeld label={labels.label} naam="label" verplicht value={label} onChange={(e) => setLabel(e.target.value)} fout={fouten.label} />
      <TekstvakVeld
        label={labels.omschrijving}
        naam="omschrijving"
        verplicht={false}
        rows={2}
        value={omschrijving}
        onChange={(e) => setOmschrijving(e.target.value)}
        fout={fouten.omschrijving}
      />
      <KeuzeVeld label={labels.categorie} naam="categorie" verplicht value={categorie} onChange={(e) => setCategorie(e.target.value)} fout={fouten.categorie}>
        <option value="">Kies een categorie</option>
        {TERUGMELDREDEN_CATEGORIE_CODES.map((c) => (
          <option key={c} value={c}>
            {TERUGMELDREDEN_CATEGORIEEN[c].label}
          </option>
        ))}
      </KeuzeVeld>
      <Vinkje
        label="Vraag altijd een concrete toelichting"
        naam="toelichtingVerplicht"
        checked={toelichtingVerplicht}
        onChange={(e) => setToelichtingVerplicht(e.target.checked)}
      />
      <div className="knoppen">
        <Knop soort="primair" type="submit">
          Reden toevoegen
        </Knop>
      </div>
    </form>
  );
}
