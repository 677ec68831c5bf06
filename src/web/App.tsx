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
  magImporteren,
  magAfwegingskaderBeheren,
  magGemeenteBeleidBeheren,
  magKandidaatprofielenZoeken,
  magLoonkostensubsidieBerekenen,
  magVacaturesBeheren,
  magBeleidsdashboardZien,
  magTerugmeldredenenZien,
  magVerwijzingenZien,
  magContactverzoekenZien,
  magOnvolledigeProfielenZien,
  magReactietijdenZien,
  magWerklijstZien,
} from './lib/sessie.js';
import { AfwegingPagina } from './pages/Afweging.js';
import { AfwegingskaderBeleidPagina } from './pages/AfwegingskaderBeleid.js';
import { AuditlogPagina } from './pages/Auditlog.js';
import { BeleidPagina } from './pages/Beleid.js';
import { BelastbaarheidPagina } from './pages/Belastbaarheid.js';
import { BewerkenPagina } from './pages/Bewerken.js';
import { DossierPagina } from './pages/Dossier.js';
import { BeleidsdashboardPagina } from './pages/Beleidsdashboard.js';
import { TerugmeldredenenPagina } from './pages/Terugmeldredenen.js';
import { VerwijzingenPagina } from './pages/Verwijzingen.js';
import { ContactverzoekPagina, ContactverzoekenPagina, ReactietijdenPagina } from './pages/Contactverzoeken.js';
import { OnvolledigeProfielenPagina, WerklijstPagina } from './pages/Werklijst.js';
import { DiagnoseInvoerPagina, EigenBeeldPagina } from './pages/Diagnose.js';
import { PlanPagina } from './pages/Plan.js';
import { FunctiePagina, FunctiesImporterenPagina, FunctiesPagina } from './pages/Functies.js';
import { GebruikersPagina } from './pages/Gebruikers.js';
import { ImporterenPagina } from './pages/Importeren.js';
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
import { VacatureBewerkenPagina, VacaturePagina, VacaturesPagina } from './pages/Vacatures.js';
import { MeldingenPagina, MijnZoekopdrachtenPagina, ZoekopdrachtPagina } from './pages/Zoekopdrachten.js';

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
  m = match('/personen/:id/diagnose', pad);
  if (m) return prof ? <DiagnoseInvoerPagina id={m.id!} /> : <GeenToegang />;
  m = match('/personen/:id/plan', pad);
  if (m) return prof ? <PlanPagina id={m.id!} /> : <GeenToegang />;
  if (pad === '/mijn-gegevens/hoe-gaat-het') return eigen ? <EigenBeeldPagina id={eigen} /> : <GeenToegang />;
  if (pad === '/mijn-gegevens/plan') return eigen ? <PlanPagina id={eigen} eigen /> : <GeenToegang />;
  if (pad === '/mijn-gegevens/belastbaarheid') return eigen ? <BelastbaarheidPagina id={eigen} eigen /> : <GeenToegang />;
  if (pad === '/mijn-gegevens') return eigen ? <DossierPagina id={eigen} eigen /> : <GeenToegang />;
  if (pad === '/mijn-gegevens/bewerken') return eigen ? <BewerkenPagina id={eigen} eigen /> : <GeenToegang />;
  if (pad === '/mijn-gegevens/inzage') return eigen ? <InzagePagina id={eigen} /> : <GeenToegang />;
  if (pad === '/mijn-gegevens/toestemmingen') return eigen ? <MijnToestemmingenPagina id={eigen} /> : <GeenToegang />;
  if (pad === '/mijn-gegevens/profiel-voor-werkgevers') return eigen ? <KandidaatprofielPagina id={eigen} eigen /> : <GeenToegang />;
  if (pad === '/mijn-gegevens/welke-stap') return eigen ? <AfwegingPagina id={eigen} eigen /> : <GeenToegang />;
  m = match('/personen/:id/afweging', pad);
  if (m) return prof ? <AfwegingPagina id={m.id!} /> : <GeenToegang />;
  if (pad === '/beheer/gebruikers') return beheer ? <GebruikersPagina /> : <GeenToegang />;
  if (pad === '/beheer/audit') return beheer ? <AuditlogPagina /> : <GeenToegang />;
  if (pad === '/loonkostensubsidie') return magLoonkostensubsidieBerekenen(g) ? <LoonkostensubsidiePagina /> : <GeenToegang />;
  if (pad === '/beleid') return magGemeenteBeleidBeheren(g) ? <BeleidPagina /> : <GeenToegang />;
  if (pad === '/beleid/afwegingskader') return magAfwegingskaderBeheren(g) ? <AfwegingskaderBeleidPagina /> : <GeenToegang />;
  if (pad === '/verwijzingen') return magVerwijzingenZien(g) ? <VerwijzingenPagina /> : <GeenToegang />;
  if (pad === '/beleidsdashboard') return magBeleidsdashboardZien(g) ? <BeleidsdashboardPagina /> : <GeenToegang />;
  if (pad === '/terugmeldredenen') return magTerugmeldredenenZien(g) ? <TerugmeldredenenPagina /> : <GeenToegang />;
  if (pad === '/werklijst') return magWerklijstZien(g) ? <WerklijstPagina /> : <GeenToegang />;
  if (pad === '/werklijst/profielen') return magOnvolledigeProfielenZien(g) ? <OnvolledigeProfielenPagina /> : <GeenToegang />;
  if (pad === '/contactverzoeken') return magContactverzoekenZien(g) ? <ContactverzoekenPagina /> : <GeenToegang />;
  if (pad === '/contactverzoeken/reactietijden') return magReactietijdenZien(g) ? <ReactietijdenPagina /> : <GeenToegang />;
  m = match('/contactverzoeken/:id', pad);
  if (m) return magContactverzoekenZien(g) ? <ContactverzoekPagina id={m.id!} /> : <GeenToegang />;
  if (pad === '/kandidaten') return magKandidaatprofielenZoeken(g) ? <KandidatenPagina /> : <GeenToegang />;
  m = match('/kandidaten/:publiekId', pad);
  if (m) return magKandidaatprofielenZoeken(g) ? <KandidaatPagina publiekId={m.publiekId!} /> : <GeenToegang />;
  if (pad === '/zoekopdrachten') return magKandidaatprofielenZoeken(g) ? <MijnZoekopdrachtenPagina /> : <GeenToegang />;
  m = match('/zoekopdrachten/:id', pad);
  if (m) return magKandidaatprofielenZoeken(g) ? <ZoekopdrachtPagina id={m.id!} /> : <GeenToegang />;
  if (pad === '/meldingen') return <MeldingenPagina />;
  if (pad === '/vacatures') return magVacaturesBeheren(g) ? <VacaturesPagina /> : <GeenToegang />;
  if (pad === '/vacatures/nieuw') return magVacaturesBeheren(g) ? <VacatureBewerkenPagina /> : <GeenToegang />;
  m = match('/vacatures/:id', pad);
  if (m) return magVacaturesBeheren(g) ? <VacaturePagina id={m.id!} /> : <GeenToegang />;
  m = match('/vacatures/:id/bewerken', pad);
  if (m) return magVacaturesBeheren(g) ? <VacatureBewerkenPagina id={m.id!} /> : <GeenToegang />;
  if (pad === '/functies') return magFunctiecatalogusZien(g) ? <FunctiesPagina /> : <GeenToegang />;
  if (pad === '/functies/importeren') return magFunctiesBeheren(g) ? <FunctiesImporterenPagina /> : <GeenToegang />;
  if (pad === '/importeren') return magImporteren(g) ? <ImporterenPagina /> : <GeenToegang />;
  m = match('/functies/:id', pad);
  if (m) return magFunctiecatalogusZien(g) ? <FunctiePagina id={m.id!} /> : <GeenToegang />;
  return <NietGevondenPagina />;
}
