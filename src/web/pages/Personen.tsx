import { type FormEvent, useState } from 'react';
import { isValidBsn, normalizeBsn } from '../../shared/bsn.js';
import { PERSOONSTATUS_CODES, PERSOONSTATUSSEN } from '../../shared/codes.js';
import { api, buildUrl } from '../api/client.js';
import type { Pagina as PaginaDto, PersoonSamenvatting } from '../api/types.js';
import { Pagina } from '../components/Pagina.js';
import { PersonenTabel } from '../components/PersonenTabel.js';
import { Knop, Laden, Melding, Paginering } from '../components/ui.js';
import { KeuzeVeld, TekstVeld } from '../components/velden.js';
import { aantal } from '../lib/format.js';
import { AppLink, navigate, useLocatie } from '../lib/router.js';
import { magDossierAanmaken, useSessie } from '../lib/sessie.js';
import { alsApiError, useData } from '../lib/useData.js';

const PAGINA_GROOTTE = 20;

/** A search text that is really a BSN must not go into a URL (it would end up in logs and history). */
function lijktOpBsn(tekst: string): boolean {
  const cijfers = normalizeBsn(tekst.trim());
  return /^\d{8,9}$/.test(cijfers) && isValidBsn(cijfers);
}

export function PersonenPagina() {
  const { sessie } = useSessie();
  const { zoek: params } = useLocatie();
  const zoek = params.get('zoek') ?? '';
  const status = params.get('status') ?? '';
  const pagina = Math.max(1, Number(params.get('pagina') ?? '1') || 1);

  const [zoekInvoer, setZoekInvoer] = useState(zoek);
  const [statusInvoer, setStatusInvoer] = useState(status);
  const [zoekFout, setZoekFout] = useState<string | undefined>();

  const lijst = useData<PaginaDto<PersoonSamenvatting>>(
    (signal) => api.get('/api/v1/personen', { zoek, status, pagina, paginaGrootte: PAGINA_GROOTTE }, signal),
    [zoek, status, pagina],
  );

  function zoekNu(e: FormEvent) {
    e.preventDefault();
    if (lijktOpBsn(zoekInvoer)) {
      setZoekFout('Dit lijkt een BSN. Zoek een BSN met het formulier "Zoeken op BSN" hieronder.');
      return;
    }
    setZoekFout(undefined);
    navigate(buildUrl('/personen', { zoek: zoekInvoer.trim(), status: statusInvoer }));
  }

  const naarPagina = (p: number) => {
    navigate(buildUrl('/personen', { zoek, status, pagina: p > 1 ? p : undefined }));
    document.getElementById('resultaten-kop')?.focus();
  };

  return (
    <Pagina titel="Personen" intro="Zoek een persoon. U ziet alleen personen van wie u de gegevens mag inzien.">
      {magDossierAanmaken(sessie.gebruiker) ? (
        <p className="nl-paragraph">
          <AppLink href="/personen/nieuw" className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
            Nieuw dossier
          </AppLink>
        </p>
      ) : null}

      <section className="zoekvak" aria-labelledby="zoeken-kop">
        <h2 id="zoeken-kop" className="nl-heading nl-heading--level-2">
          Zoeken
        </h2>
        <search>
          <form className="zoekformulier" aria-labelledby="zoeken-kop" onSubmit={zoekNu} noValidate>
            <TekstVeld
              label="Zoek op naam, woonplaats, geboortedatum of klantnummer"
              naam="zoek"
              type="search"
              value={zoekInvoer}
              onChange={(e) => setZoekInvoer(e.target.value)}
              hint="Bijvoorbeeld: de Vries, Zwolle of 12-04-1998."
              fout={zoekFout}
              maxLength={100}
            />
            <KeuzeVeld label="Status" naam="status" value={statusInvoer} onChange={(e) => setStatusInvoer(e.target.value)}>
              <option value="">Alle statussen</option>
              {PERSOONSTATUS_CODES.map((s) => (
                <option key={s} value={s}>
                  {PERSOONSTATUSSEN[s].label}
                </option>
              ))}
            </KeuzeVeld>
            <div className="knoppen">
              <Knop soort="primair" type="submit">
                Zoeken
              </Knop>
            </div>
          </form>
        </search>
      </section>

      <section aria-labelledby="resultaten-kop">
        <h2 id="resultaten-kop" tabIndex={-1} className="nl-heading nl-heading--level-2">
          Resultaten
        </h2>
        {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
        {lijst.laden && !lijst.data ? <Laden /> : null}
        {lijst.data ? (
          <>
            <p className="nl-paragraph" role="status">
              {aantal(lijst.data.totaal, 'persoon gevonden', 'personen gevonden')}
              {zoek ? ` voor "${zoek}"` : ''}
              {status ? ` met status ${PERSOONSTATUSSEN[status as keyof typeof PERSOONSTATUSSEN]?.label ?? status}` : ''}.
            </p>
            {lijst.data.resultaten.length > 0 ? (
              <>
                <PersonenTabel personen={lijst.data.resultaten} bijschrift={`Personen, pagina ${lijst.data.pagina}`} />
                <Paginering
                  pagina={lijst.data.pagina}
                  totaal={lijst.data.totaal}
                  paginaGrootte={lijst.data.paginaGrootte}
                  label="Paginering personen"
                  naar={naarPagina}
                />
              </>
            ) : null}
          </>
        ) : null}
      </section>

      <BsnZoeken />
    </Pagina>
  );
}

function BsnZoeken() {
  const [bsn, setBsn] = useState('');
  const [fout, setFout] = useState<string | undefined>();
  const [resultaat, setResultaat] = useState<PersoonSamenvatting[] | null>(null);
  const [bezig, setBezig] = useState(false);

  async function zoek(e: FormEvent) {
    e.preventDefault();
    const waarde = normalizeBsn(bsn.trim());
    if (!/^\d{8,9}$/.test(waarde) || !isValidBsn(waarde)) {
      setFout('Dit is geen geldig BSN. Een BSN heeft 9 cijfers en voldoet aan de 11-proef.');
      setResultaat(null);
      document.getElementById('veld-bsn')?.focus();
      return;
    }
    setFout(undefined);
    setBezig(true);
    try {
      // The BSN goes in the request body, never in a URL.
      const r = await api.post<PaginaDto<PersoonSamenvatting>>('/api/v1/personen/zoek-op-bsn', { bsn: waarde });
      setResultaat(r.resultaten);
    } catch (err) {
      const f = alsApiError(err);
      setFout(f.veldFouten().bsn ?? f.melding);
      setResultaat(null);
    } finally {
      setBezig(false);
    }
  }

  return (
    <section className="zoekvak" aria-labelledby="bsn-kop">
      <h2 id="bsn-kop" className="nl-heading nl-heading--level-2">
        Zoeken op BSN
      </h2>
      <p className="nl-paragraph">Zoeken op BSN wordt vastgelegd in het auditlog.</p>
      <form className="zoekformulier" onSubmit={zoek} noValidate aria-labelledby="bsn-kop">
        <TekstVeld
          label="BSN"
          naam="bsn"
          inputMode="numeric"
          autoComplete="off"
          value={bsn}
          onChange={(e) => setBsn(e.target.value)}
          fout={fout}
          hint="9 cijfers"
          maxLength={11}
          className="utrecht-textbox--bsn"
        />
        <div className="knoppen">
          <Knop soort="secundair" type="submit" disabled={bezig}>
            Zoek op BSN
          </Knop>
        </div>
      </form>
      {resultaat ? (
        <div role="status">
          {resultaat.length === 0 ? (
            <p className="nl-paragraph">Geen persoon gevonden met dit BSN, of u mag deze persoon niet inzien.</p>
          ) : (
            <PersonenTabel personen={resultaat} bijschrift="Gevonden op BSN" />
          )}
        </div>
      ) : null}
    </section>
  );
}
