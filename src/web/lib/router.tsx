import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/** A tiny history-API router: enough for a handful of screens, no dependency. */

const EVENT = 'passend:navigatie';

function subscribe(cb: () => void): () => void {
  window.addEventListener('popstate', cb);
  window.addEventListener(EVENT, cb);
  return () => {
    window.removeEventListener('popstate', cb);
    window.removeEventListener(EVENT, cb);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export function useLocatie(): { pad: string; zoek: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot, () => '/');
  const url = new URL(href, 'http://x');
  return { pad: url.pathname, zoek: url.searchParams, href };
}

export function navigate(naar: string, opties: { replace?: boolean } = {}): void {
  if (naar === snapshot()) {
    window.dispatchEvent(new Event(EVENT));
    return;
  }
  if (opties.replace) window.history.replaceState(null, '', naar);
  else window.history.pushState(null, '', naar);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(EVENT));
}

/** Matches `/personen/:id` style patterns; returns the params or null. */
export function match(patroon: string, pad: string): Record<string, string> | null {
  const a = patroon.split('/').filter(Boolean);
  const b = pad.split('/').filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const deel = a[i]!;
    const waarde = b[i]!;
    if (deel.startsWith(':')) params[deel.slice(1)] = decodeURIComponent(waarde);
    else if (deel !== waarde) return null;
  }
  return params;
}

function isGewoneKlik(e: MouseEvent<HTMLAnchorElement>): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey && !e.defaultPrevented;
}

export interface AppLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
}

/** An ordinary <a href> (works with middle-click, copy link, screen readers) that navigates in-app. */
export function AppLink({ href, onClick, className, children, ...rest }: AppLinkProps) {
  return (
    <a
      {...rest}
      href={href}
      className={className ?? 'nl-link'}
      onClick={(e) => {
        onClick?.(e);
        if (!isGewoneKlik(e) || rest.target) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
