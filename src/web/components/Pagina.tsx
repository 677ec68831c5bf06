import { type ReactNode, useEffect, useRef } from 'react';
import { APP_NAAM } from '../theme/index.js';

/** Sets the document title, renders the single h1 and moves focus to it when the page opens. */
export function Pagina({ titel, kop, intro, children }: { titel: string; kop?: ReactNode; intro?: ReactNode; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${titel} — ${APP_NAAM}`;
  }, [titel]);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <>
      <h1 ref={ref} tabIndex={-1} className="nl-heading nl-heading--level-1 pagina-kop">
        {kop ?? titel}
      </h1>
      {intro ? <p className="nl-paragraph nl-paragraph--lead">{intro}</p> : null}
      {children}
    </>
  );
}
