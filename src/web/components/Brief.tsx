import { useId } from 'react';
import { Knop } from './ui.js';

/**
 * A letter as plain text (lines; "- " starts a list item; an empty line ends a paragraph), shown on
 * screen and printable on its own: "Afdrukken" marks this letter and hides the rest of the page in
 * print (see styles/toolkit.css).
 */
export function Brief({ titel, tekst, kopNiveau = 4 }: { titel: string; tekst: string; kopNiveau?: 3 | 4 | 5 }) {
  const id = useId().replace(/:/g, '');
  const Kop = `h${kopNiveau}` as 'h3' | 'h4' | 'h5';
  return (
    <article className="brief" id={`brief-${id}`} aria-labelledby={`brief-kop-${id}`}>
      <div className="brief-kop">
        <Kop className={`nl-heading nl-heading--level-${kopNiveau}`} id={`brief-kop-${id}`}>
          {titel}
        </Kop>
        <Knop soort="secundair" className="brief-afdrukken" onClick={() => afdrukken(`brief-${id}`)}>
          Afdrukken<span className="rhc-visually-hidden">: {titel}</span>
        </Knop>
      </div>
      <div className="brief-tekst">{blokken(tekst)}</div>
    </article>
  );
}

/** Prints only this letter: a copy goes into a print area at the end of <body>; print CSS hides the rest. */
function afdrukken(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  document.querySelector('.brief-afdruk')?.remove();
  const vak = document.createElement('div');
  vak.className = 'brief-afdruk';
  const kopie = el.cloneNode(true) as HTMLElement;
  for (const x of [kopie, ...kopie.querySelectorAll<HTMLElement>('[id], [aria-labelledby]')]) {
    x.removeAttribute('id');
    x.removeAttribute('aria-labelledby');
  }
  for (const knop of kopie.querySelectorAll('button')) knop.remove();
  vak.appendChild(kopie);
  document.body.appendChild(vak);
  document.body.classList.add('afdrukken-brief');
  const opruimen = () => {
    vak.remove();
    document.body.classList.remove('afdrukken-brief');
    window.removeEventListener('afterprint', opruimen);
  };
  window.addEventListener('afterprint', opruimen);
  window.print();
}

/** Splits the text into paragraphs (lines kept as lines) and lists, in their order. */
function blokken(tekst: string) {
  const delen: { soort: 'alinea' | 'lijst'; regels: string[] }[] = [];
  let vorige: 'alinea' | 'lijst' | 'leeg' = 'leeg';
  for (const regel of tekst.split('\n')) {
    if (regel.trim() === '') {
      vorige = 'leeg';
      continue;
    }
    const soort = regel.startsWith('- ') ? 'lijst' : 'alinea';
    if (soort === vorige) delen[delen.length - 1]!.regels.push(soort === 'lijst' ? regel.slice(2) : regel);
    else delen.push({ soort, regels: [soort === 'lijst' ? regel.slice(2) : regel] });
    vorige = soort;
  }
  return delen.map((d, i) =>
    d.soort === 'lijst' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the letter is static text
      <ul key={i} className="utrecht-unordered-list">
        {d.regels.map((r, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the letter is static text
          <li key={j} className="utrecht-unordered-list__item">
            {r}
          </li>
        ))}
      </ul>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the letter is static text
      <p key={i} className="nl-paragraph">
        {d.regels.map((r, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the letter is static text
          <span key={j} className="blok">
            {r}
          </span>
        ))}
      </p>
    ),
  );
}
