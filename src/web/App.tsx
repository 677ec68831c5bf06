import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, request, setCsrfToken, setUnauthorizedHandler } from './api/client.js';
import type { Gebruiker, Sessie } from './api/types.js';
import { IngelogdeLayout, OpenLayout, startpadVoor } from './components/Layout.js';
import { Laden } from './components/ui.js';
import { match, navigate, useLocatie } from './lib/router.js';
import {
  type SessieContext,
  SessieCtx,
  heeftRol,
  isInwoner,
  isProfessional,
  magDossierAanmaken,
  magFunctiecatalogusZien,
  magFunctiesBeheren,
  magGemeenteBeleidBeheren,
  magKandidaatprofielenZoeken,
  magLoonkostensubsidieBerekenen,
} from './lib/sessie.js';
import { AuditlogPagina } from './pages/Auditlog.js';
import { BeleidPagina } from './pages/Beleid.js';
import { BelastbaarheidPagina } from './pages/Belastbaarheid.js';
import { BewerkenPagina } from './pages/Bewerken.js';
import { DossierPagina } from './pages/Dossier.js';
import { FunctiePagina, FunctiesImporterenPagina, FunctiesPagina } from './pages/Functies.js';
import { GebruikersPagina } from './pages/Gebruikers.js';
import { InloggenPagina } from './pages/Inloggen.js';
import { KandidaatprofielPagina } from './pages/Kandidaatprofiel.js';
import { KandidaatPagina, KandidatenPagina } from './pages/Kandidaten.js';
import { LoonkostensubsidiePagina } from './pages/Loonkostensubsidie.js';
import { LoonwaardePagina } from './pages/Loonwaarde.js';
import { InzagePagina, MijnToestemmingenPagina } from './pages/Mijn.js';
import { NieuwDossierPagina } from './pages/NieuwDossier.js';
import { GeenToegang, NietGevondenPagina } from './pages/NietGevonden.js';
import { PassendeFunctiesPagina } from './pages/PassendeFuncties.js';
import { PersonenPagina } from './pages/Personen.js';
import { StartPagina } from './pages/Start.js';
import { WachtwoordPagina } from './pages/Wachtwoord.js';

type Status = { soort: 'laden' } | { soort: 'uit' } | { soort: 'in'; sessie: Sessie };

export function App() {
  const [status, setStatus] = useState<Status>({ soort: 'laden' });
  const { pad, zoek } = useLocatie();

  const zetSessie = useCallback((sessie: Sessie | null) => {
    setCsrfToken(sessie?.csrfToken ?? null);
    setStatus(sessie ? { soort: 'in', sessie } : { soort: 'uit' });
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      zetSessie(null);
      const huidig = window.location.pathname + window.location.search;
      if (window.location.pathname !== '/inloggen') navigate(`/inloggen?terug=${encodeURIComponent(huidig)}`, { replace: true });
    });
    request<Sessie>('GET', '/api/v1/auth/sessie', { geen401Redirect: true })
      .then((s) => zetSessie(s))
      .catch(() => zetSessie(null));
    return () => setUnauthorizedHandler(null);
  }, [zetSessie]);

  const ctx = useMemo<SessieContext | null>(
    () =>
      status.soort === 'in'
        ? {
            sessie: status.sessie,
            uitloggen: async () => {
              await api.post('/api/v1/auth/logout').catch(() => undefined);
              zetSessie(null);
              navigate('/inloggen?uitgelogd=1');
            },
          }
        : null,
    [status, zetSessie],
  );

  // Redirects that depend on the session state.
  useEffect(() => {
    if (status.soort === 'uit' && pad !== '/inloggen') {
      const terug = pad === '/' ? '' : `?terug=${encodeURIComponent(window.location.pathname + window.location.search)}`;
      navigate(`/inloggen${terug}`, { replace: true });
    }
    if (status.soort === 'in' && (pad === '/' || pad === '/inloggen')) {
      const terug = zoek.get('terug');
      navigate(terug?.startsWith('/') && !terug.startsWith('//') && !terug.startsWith('/inloggen') ? terug : startpadVoor(status.sessie.gebruiker), {
        replace: true,
      });
    }
  }, [status, pad, zoek]);

  if (status.soort === 'laden') {
    return (
      <OpenLayout>
        <Laden />
      </OpenLayout>
    );
  }
  if (status.soort === 'uit' || !ctx) {
    return (
      <OpenLayout>
        <InloggenPagina key="inloggen" uitgelogd={zoek.get('uitgelogd') === '1'} onIngelogd={(s) => zetSessie(s)} />
      </OpenLayout>
    );
  }
  const g = ctx.sessie.gebruiker;
  return (
    <SessieCtx.Provider value={ctx}>
      <IngelogdeLayout gebruiker={g} onUitloggen={() => void ctx.uitloggen()}>
        <Scherm key={pad} pad={pad} g={g} />
      </IngelogdeLayout>
    </SessieCtx.Provider>
  );
}

function Scherm({ pad, g }: { pad: string; g: Gebruiker }) {
  const prof = isProfessional(g);
  const beheer = heeftRol(g, 'beheerder');
  const eigen = isInwoner(g) ? g.persoonId : null;
  if (pad === '/' || pad === '/inloggen') return <Laden />;
  if (pad === '/start') return <StartPagina />;
  if (pad === '/wachtwoord') return <WachtwoordPagina />;
  if (pad === '/personen') return prof ? <PersonenPagina /> : <GeenToegang />;
  if (pad === '/personen/nieuw') return magDossierAanmaken(g) ? <NieuwDossierPagina /> : <GeenToegang />;
  let m = match('/personen/:id', pad);
  if (m) return <DossierPagina id={m.id!} />;
  m = match('/personen/:id/bewerken', pad);
  if (m) return <BewerkenPagina id={m.id!} />;
  m = match('/personen/:id/loonwaarde', pad);
  if (m) return prof ? <LoonwaardePagina id={m.id!} /> : <GeenToegang />;
  m = match('/personen/:id/belastbaarheid', pad);
  if (m) return prof ? <BelastbaarheidPagina id={m.id!} /> : <GeenToegang />;
  m = match('/personen/:id/kandidaatprofiel', pad);
  if (m) return prof ? <KandidaatprofielPagina id={m.id!} /> : <GeenToegang />;
  m = match('/personen/:id/passende-functies', pad);
  if (m) return prof ? <PassendeFunctiesPagina id={m.id!} /> : <GeenToegang />;
  if (pad === '/mijn-gegevens/belastbaarheid') return eigen ? <BelastbaarheidPagina id={eigen} eigen /> : <GeenToegang />;
  if (pad === '/mijn-gegevens') return eigen ? <DossierPagina id={eigen} eigen /> : <GeenToegang />;
  if (pad === '/mijn-gegevens/bewerken') return eigen ? <BewerkenPagina id={eigen} eigen /> : <GeenToegang />;
  if (pad === '/mijn-gegevens/inzage') return eigen ? <InzagePagina id={eigen} /> : <GeenToegang />;
  if (pad === '/mijn-gegevens/toestemmingen') return eigen ? <MijnToestemmingenPagina id={eigen} /> : <GeenToegang />;
  if (pad === '/mijn-gegevens/profiel-voor-werkgevers') return eigen ? <KandidaatprofielPagina id={eigen} eigen /> : <GeenToegang />;
  if (pad === '/beheer/gebruikers') return beheer ? <GebruikersPagina /> : <GeenToegang />;
  if (pad === '/beheer/audit') return beheer ? <AuditlogPagina /> : <GeenToegang />;
  if (pad === '/loonkostensubsidie') return magLoonkostensubsidieBerekenen(g) ? <LoonkostensubsidiePagina /> : <GeenToegang />;
  if (pad === '/beleid') return magGemeenteBeleidBeheren(g) ? <BeleidPagina /> : <GeenToegang />;
  if (pad === '/kandidaten') return magKandidaatprofielenZoeken(g) ? <KandidatenPagina /> : <GeenToegang />;
  m = match('/kandidaten/:publiekId', pad);
  if (m) return magKandidaatprofielenZoeken(g) ? <KandidaatPagina publiekId={m.publiekId!} /> : <GeenToegang />;
  if (pad === '/functies') return magFunctiecatalogusZien(g) ? <FunctiesPagina /> : <GeenToegang />;
  if (pad === '/functies/importeren') return magFunctiesBeheren(g) ? <FunctiesImporterenPagina /> : <GeenToegang />;
  m = match('/functies/:id', pad);
  if (m) return magFunctiecatalogusZien(g) ? <FunctiePagina id={m.id!} /> : <GeenToegang />;
  return <NietGevondenPagina />;
}
