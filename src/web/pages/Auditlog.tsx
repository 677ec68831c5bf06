import { type FormEvent, useState } from 'react';
import { AUDIT_ACTIES } from '../../shared/codes.js';
import { api, buildUrl } from '../api/client.js';
import type { AuditRegel, Pagina as PaginaDto } from '../api/types.js';
import { AuditTabel } from '../components/AuditTabel.js';
import { Pagina } from '../components/Pagina.js';
import { Knop, Laden, Melding, Paginering } from '../components/ui.js';
import { KeuzeVeld, TekstVeld } from '../components/velden.js';
import { aantal } from '../lib/format.js';
import { navigate, useLocatie } from '../lib/router.js';
import { useData } from '../lib/useData.js';

const GROOTTE = 25;

export function AuditlogPagina() {
  const { zoek } = useLocatie();
  const filter = { gebruiker: zoek.get('gebruiker') ?? '', actie: zoek.get('actie') ?? '', vanaf: zoek.get('vanaf') ?? '', tot: zoek.get('tot') ?? '' };
  const pagina = Math.max(1, Number(zoek.get('pagina') ?? '1') || 1);
  const [invoer, setInvoer] = useState(filter);
  const lijst = useData<PaginaDto<AuditRegel>>(
    (signal) => api.get('/api/v1/audit', { ...filter, pagina, paginaGrootte: GROOTTE }, signal),
    [filter.gebruiker, filter.actie, filter.vanaf, filter.tot, pagina],
  );
  const zet = (k: keyof typeof invoer) => (e: { target: { value: string } }) => setInvoer((v) => ({ ...v, [k]: e.target.value }));

  function filteren(e: FormEvent) {
    e.preventDefault();
    navigate(buildUrl('/beheer/audit', { ...invoer, gebruiker: invoer.gebruiker.trim().toLowerCase() }));
  }

  return (
    <Pagina
      titel="Auditlog"
      intro="Alles wat met gegevens van uw organisatie gebeurt, en wat gebruikers van uw organisatie doen. Het bekijken van het auditlog wordt ook vastgelegd."
    >
      <section className="zoekvak" aria-labelledby="filter-kop">
        <h2 id="filter-kop" className="nl-heading nl-heading--level-2">
          Filteren
        </h2>
        <form className="filterformulier" noValidate onSubmit={filteren} aria-labelledby="filter-kop">
          <TekstVeld
            label="Gebruikersnaam"
            naam="gebruiker"
            value={invoer.gebruiker}
            onChange={zet('gebruiker')}
            hint="Bijvoorbeeld klantmanager.zwolle"
            autoComplete="off"
          />
          <KeuzeVeld label="Actie" naam="actie" value={invoer.actie} onChange={zet('actie')}>
            <option value="">Alle acties</option>
            {Object.entries(AUDIT_ACTIES).map(([code, { label }]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </KeuzeVeld>
          <TekstVeld label="Vanaf" naam="vanaf" type="date" value={invoer.vanaf} onChange={zet('vanaf')} className="datum-invoer" />
          <TekstVeld label="Tot en met" naam="tot" type="date" value={invoer.tot} onChange={zet('tot')} className="datum-invoer" />
          <div className="knoppen">
            <Knop soort="primair" type="submit">
              Filteren
            </Knop>
          </div>
        </form>
      </section>
      <section aria-labelledby="regels-kop">
        <h2 id="regels-kop" tabIndex={-1} className="nl-heading nl-heading--level-2">
          Vastgelegde handelingen
        </h2>
        {lijst.fout ? <Melding type="error">{lijst.fout.melding}</Melding> : null}
        {lijst.laden && !lijst.data ? <Laden /> : null}
        {lijst.data ? (
          <>
            <p className="nl-paragraph" role="status">
              {aantal(lijst.data.totaal, 'regel', 'regels')} gevonden.
            </p>
            {lijst.data.resultaten.length > 0 ? (
              <>
                <AuditTabel regels={lijst.data.resultaten} bijschrift={`Auditlog, pagina ${lijst.data.pagina}`} beheer />
                <Paginering
                  pagina={lijst.data.pagina}
                  totaal={lijst.data.totaal}
                  paginaGrootte={lijst.data.paginaGrootte}
                  label="Paginering auditlog"
                  naar={(p) => {
                    navigate(buildUrl('/beheer/audit', { ...filter, pagina: p > 1 ? p : undefined }));
                    document.getElementById('regels-kop')?.focus();
                  }}
                />
              </>
            ) : null}
          </>
        ) : null}
      </section>
    </Pagina>
  );
}
