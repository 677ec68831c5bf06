import type { ReactNode } from 'react';
import { ROLLEN } from '../../shared/codes.js';
import type { Gebruiker } from '../api/types.js';
import { AppLink, useLocatie } from '../lib/router.js';
import {
  heeftRol,
  isInwoner,
  isProfessional,
  magFunctiecatalogusZien,
  magImporteren,
  magAfwegingskaderBeheren,
  magGemeenteBeleidBeheren,
  magKandidaatprofielenZoeken,
  magLoonkostensubsidieBerekenen,
  magVacaturesBeheren,
  magBeleidsdashboardZien,
  magTerugmeldredenenZien,
  magVerwijzingenZien,
  magReactietijdenZien,
  magWerklijstZien,
} from '../lib/sessie.js';
import { APP_NAAM } from '../theme/index.js';
import { MeldingenIndicator } from './MeldingenIndicator.js';
import { Knop } from './ui.js';

export interface NavItem {
  href: string;
  tekst: string;
}

export function navigatieVoor(g: Gebruiker): NavItem[] {
  const items: NavItem[] = [];
  if (startpadVoor(g) === '/start') items.push({ href: '/start', tekst: 'Start' });
  if (isProfessional(g)) items.push({ href: '/personen', tekst: 'Personen' });
  if (magWerklijstZien(g)) items.push({ href: '/werklijst', tekst: 'Werklijst' });
  if (magKandidaatprofielenZoeken(g)) items.push({ href: '/kandidaten', tekst: 'Kandidaten zoeken' });
  if (magKandidaatprofielenZoeken(g)) items.push({ href: '/zoekopdrachten', tekst: 'Mijn zoekopdrachten' });
  if (heeftRol(g, 'werkgever')) items.push({ href: '/contactverzoeken', tekst: 'Mijn contactverzoeken' });
  if (magReactietijdenZien(g)) items.push({ href: '/contactverzoeken/reactietijden', tekst: 'Reactietijden' });
  if (magVacaturesBeheren(g)) items.push({ href: '/vacatures', tekst: 'Vacatures' });
  if (magFunctiecatalogusZien(g)) items.push({ href: '/functies', tekst: 'Functiecatalogus' });
  if (magImporteren(g)) items.push({ href: '/importeren', tekst: 'Importeren' });
  if (magLoonkostensubsidieBerekenen(g)) items.push({ href: '/loonkostensubsidie', tekst: 'Loonkostensubsidie' });
  if (magGemeenteBeleidBeheren(g)) items.push({ href: '/beleid', tekst: 'Beleid jobcoaching' });
  if (magAfwegingskaderBeheren(g)) items.push({ href: '/beleid/afwegingskader', tekst: 'Afwegingskader' });
  if (magVerwijzingenZien(g)) items.push({ href: '/verwijzingen', tekst: g.organisatie.soort === 'gemeente' ? 'Verwijzingen' : 'Aangemelde personen' });
  if (magBeleidsdashboardZien(g)) items.push({ href: '/beleidsdashboard', tekst: 'Beleidsdashboard' });
  if (magTerugmeldredenenZien(g)) items.push({ href: '/terugmeldredenen', tekst: 'Terugmeldredenen' });
  if (heeftRol(g, 'beheerder')) {
    items.push({ href: '/beheer/gebruikers', tekst: 'Gebruikers' });
    items.push({ href: '/beheer/audit', tekst: 'Auditlog' });
  }
  if (isInwoner(g) && g.persoonId) {
    items.push({ href: '/mijn-gegevens', tekst: 'Mijn gegevens' });
    items.push({ href: '/mijn-gegevens/hoe-gaat-het', tekst: 'Hoe gaat het met mij' });
    items.push({ href: '/mijn-gegevens/plan', tekst: 'Mijn plan' });
    items.push({ href: '/mijn-gegevens/inzage', tekst: 'Wie heeft mijn gegevens bekeken' });
    items.push({ href: '/mijn-gegevens/toestemmingen', tekst: 'Mijn toestemmingen' });
    items.push({ href: '/mijn-gegevens/profiel-voor-werkgevers', tekst: 'Mijn profiel voor werkgevers' });
    items.push({ href: '/mijn-gegevens/welke-stap', tekst: 'Welke stap past bij mij' });
  }
  items.push({ href: '/wachtwoord', tekst: 'Wachtwoord wijzigen' });
  return items;
}

export function startpadVoor(g: Gebruiker): string {
  if (isProfessional(g)) return '/personen';
  if (heeftRol(g, 'werkgever')) return '/kandidaten';
  if (heeftRol(g, 'beheerder')) return '/beheer/gebruikers';
  if (isInwoner(g) && g.persoonId) return '/mijn-gegevens';
  return '/start';
}

function SkipLink() {
  return (
    <a className="nl-skip-link nl-skip-link--visible-on-focus" href="#inhoud">
      Naar de inhoud
    </a>
  );
}

function Kopbalk({ children }: { children?: ReactNode }) {
  return (
    <header className="utrecht-page-header kopbalk">
      <div className="kopbalk-binnen">
        <AppLink href="/" className="kopbalk-logo">
          <span className="kopbalk-merk">{APP_NAAM}</span>
          <span className="kopbalk-slogan">werk dat past</span>
          <span className="rhc-visually-hidden"> (naar de startpagina)</span>
        </AppLink>
        {children}
      </div>
    </header>
  );
}

function Voet() {
  return (
    <footer className="utrecht-page-footer voet">
      <div className="voet-binnen">
        <p className="nl-paragraph">{APP_NAAM} is open source (EUPL-1.2). Een platform van de arbeidsmarktregio voor mensen met een arbeidsbeperking.</p>
      </div>
    </footer>
  );
}

export function IngelogdeLayout({ gebruiker, onUitloggen, children }: { gebruiker: Gebruiker; onUitloggen: () => void; children: ReactNode }) {
  const { pad } = useLocatie();
  const items = navigatieVoor(gebruiker);
  const actief = items.reduce<NavItem | null>((best, item) => {
    const past = pad === item.href || pad.startsWith(`${item.href}/`);
    if (!past) return best;
    return !best || item.href.length > best.href.length ? item : best;
  }, null);
  const rollen = gebruiker.rollen.map((r) => ROLLEN[r].label).join(', ');
  return (
    <div className="app">
      <SkipLink />
      <Kopbalk>
        <div className="kopbalk-gebruiker">
          <p className="nl-paragraph kopbalk-naam">
            <span className="rhc-visually-hidden">Ingelogd als </span>
            <strong>{gebruiker.naam}</strong>
            <span className="kopbalk-org">
              {gebruiker.organisatie.naam} · {rollen}
            </span>
          </p>
          {magKandidaatprofielenZoeken(gebruiker) ? <MeldingenIndicator /> : null}
          <Knop soort="secundair" className="kopbalk-uitloggen" onClick={onUitloggen}>
            Uitloggen
          </Knop>
        </div>
      </Kopbalk>
      <nav className="hoofdnavigatie" aria-label="Hoofdmenu">
        <ul className="hoofdnavigatie-lijst">
          {items.map((item) => (
            <li key={item.href}>
              <AppLink href={item.href} className="hoofdnavigatie-link" aria-current={actief?.href === item.href ? 'page' : undefined}>
                {item.tekst}
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="inhoud" className="inhoud" tabIndex={-1}>
        {children}
      </main>
      <Voet />
    </div>
  );
}

export function OpenLayout({ children }: { children: ReactNode }) {
  return (
    <div className="app">
      <SkipLink />
      <Kopbalk />
      <main id="inhoud" className="inhoud inhoud--smal" tabIndex={-1}>
        {children}
      </main>
      <Voet />
    </div>
  );
}
