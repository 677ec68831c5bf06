import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { Meldingen } from '../api/zoekopdrachten.js';
import { AppLink, useLocatie } from '../lib/router.js';
import '../styles/zoekopdrachten.css';

/**
 * "Meldingen (n)" in the header: the number of unread notifications, refreshed on every page change
 * and when a page says notifications changed (event `passend:meldingen`).
 */
export function MeldingenIndicator() {
  const { pad } = useLocatie();
  const [ongelezen, setOngelezen] = useState<number | null>(null);
  const [teller, setTeller] = useState(0);
  useEffect(() => {
    const opnieuw = () => setTeller((t) => t + 1);
    window.addEventListener('passend:meldingen', opnieuw);
    return () => window.removeEventListener('passend:meldingen', opnieuw);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload on every page change and on the event
  useEffect(() => {
    const ac = new AbortController();
    api
      .get<Meldingen>('/api/v1/meldingen', { alleenOngelezen: 'ja', limit: 1 }, ac.signal)
      .then((m) => setOngelezen(m.ongelezen))
      .catch(() => undefined);
    return () => ac.abort();
  }, [pad, teller]);
  const n = ongelezen ?? 0;
  return (
    <AppLink href="/meldingen" className="kopbalk-meldingen" aria-current={pad === '/meldingen' ? 'page' : undefined}>
      Meldingen
      {n > 0 ? (
        <span className="meldingen-teller">
          {' '}
          {n}
          <span className="rhc-visually-hidden"> ongelezen</span>
        </span>
      ) : null}
    </AppLink>
  );
}
