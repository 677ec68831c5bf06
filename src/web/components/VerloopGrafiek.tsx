import { useId } from 'react';
import type { Reeks } from '../api/diagnose.js';
import { datumKort, datumLang } from '../lib/format.js';

/**
 * A small, accessible line chart of scores over time for two perspectives. Never colour alone: the
 * person's view is a solid line with round points, the professional's a dashed line with square
 * points. The SVG has a text alternative (title + description); `VerloopTabel` gives the numbers.
 */
const B = 300;
const H = 150;
const LINKS = 30;
const RECHTS = 12;
const BOVEN = 10;
const ONDER = 30;

export const KLEUR = { persoon: '#154273', professional: '#9a3f00' } as const;

function reeksTekst(r: Reeks, eenheid = ''): string {
  if (r.punten.length === 0) return 'geen gegevens';
  return r.punten.map((p) => `${p.waarde}${eenheid} op ${datumLang(p.datum)}`).join(', ');
}

export function VerloopGrafiek({
  titel,
  max,
  persoon,
  professional,
  labels = { persoon: 'Eigen beeld', professional: 'Professional' },
}: {
  titel: string;
  max: number;
  persoon: Reeks;
  professional: Reeks;
  labels?: { persoon: string; professional: string };
}) {
  const id = useId();
  const datums = [...new Set([...persoon.punten, ...professional.punten].map((p) => p.datum))].sort();
  const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const tMin = datums.length ? t(datums[0]!) : 0;
  const tMax = datums.length ? t(datums[datums.length - 1]!) : 0;
  const x = (d: string) => (tMax === tMin ? (LINKS + B - RECHTS) / 2 : LINKS + ((t(d) - tMin) / (tMax - tMin)) * (B - LINKS - RECHTS));
  const y = (w: number) => BOVEN + ((max - w) / (max - 1)) * (H - BOVEN - ONDER);
  const pad = (r: Reeks) => r.punten.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.datum).toFixed(1)},${y(p.waarde).toFixed(1)}`).join(' ');
  const niveaus = Array.from({ length: max }, (_, i) => i + 1);
  return (
    <figure className="verloop-grafiek">
      <figcaption className="verloop-titel">{titel}</figcaption>
      <svg viewBox={`0 0 ${B} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="verloop-svg">
        <title id={`${id}-t`}>{titel}</title>
        <desc id={`${id}-d`}>{`${labels.persoon}: ${reeksTekst(persoon)}. ${labels.professional}: ${reeksTekst(professional)}.`}</desc>
        {niveaus.map((n) => (
          <g key={n}>
            <line x1={LINKS} x2={B - RECHTS} y1={y(n)} y2={y(n)} className="verloop-raster" />
            <text x={LINKS - 8} y={y(n) + 4} textAnchor="end" className="verloop-as">
              {n}
            </text>
          </g>
        ))}
        {datums.length > 0 ? (
          <>
            <text x={x(datums[0]!)} y={H - 8} textAnchor={datums.length === 1 ? 'middle' : 'start'} className="verloop-as">
              {datumKort(datums[0]!)}
            </text>
            {datums.length > 1 ? (
              <text x={x(datums[datums.length - 1]!)} y={H - 8} textAnchor="end" className="verloop-as">
                {datumKort(datums[datums.length - 1]!)}
              </text>
            ) : null}
          </>
        ) : null}
        <path d={pad(persoon)} fill="none" stroke={KLEUR.persoon} strokeWidth={2.5} />
        <path d={pad(professional)} fill="none" stroke={KLEUR.professional} strokeWidth={2.5} strokeDasharray="7 5" />
        {persoon.punten.map((p) => (
          <circle key={`p${p.diagnoseId}`} cx={x(p.datum)} cy={y(p.waarde)} r={5} fill={KLEUR.persoon} />
        ))}
        {professional.punten.map((p) => (
          <rect
            key={`q${p.diagnoseId}`}
            x={x(p.datum) - 5}
            y={y(p.waarde) - 5}
            width={10}
            height={10}
            fill="#fff"
            stroke={KLEUR.professional}
            strokeWidth={2.5}
          />
        ))}
      </svg>
    </figure>
  );
}

/** The legend for a set of charts: shape and line style, not colour alone. */
export function VerloopLegenda({ labels = { persoon: 'Eigen beeld van de persoon', professional: 'Beeld van de professional' } }) {
  return (
    <ul className="verloop-legenda" aria-label="Legenda">
      <li>
        <svg width="44" height="14" aria-hidden="true" focusable="false">
          <line x1="2" x2="42" y1="7" y2="7" stroke={KLEUR.persoon} strokeWidth="2.5" />
          <circle cx="22" cy="7" r="5" fill={KLEUR.persoon} />
        </svg>{' '}
        {labels.persoon} (doorgetrokken lijn, ronde punten)
      </li>
      <li>
        <svg width="44" height="14" aria-hidden="true" focusable="false">
          <line x1="2" x2="42" y1="7" y2="7" stroke={KLEUR.professional} strokeWidth="2.5" strokeDasharray="7 5" />
          <rect x="17" y="2" width="10" height="10" fill="#fff" stroke={KLEUR.professional} strokeWidth="2.5" />
        </svg>{' '}
        {labels.professional} (gestippelde lijn, vierkante punten)
      </li>
    </ul>
  );
}

export function veranderingTekst(r: Reeks): string {
  if (r.verandering === null) return r.punten.length === 1 ? 'één meting' : 'geen gegevens';
  if (r.verandering === 0) return 'gelijk gebleven';
  return r.verandering > 0 ? `${r.verandering} hoger` : `${-r.verandering} lager`;
}

export function reeksKort(r: Reeks): string {
  if (r.punten.length === 0) return '—';
  return r.punten.map((p) => `${p.waarde} (${datumKort(p.datum)})`).join(' → ');
}
