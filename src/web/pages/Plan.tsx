import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { PlanInhoud, PlanOnderdeel, PlanOverzicht, PlanReactie, PlanVersie, ReactieOnderdeel } from '../api/diagnose.js';
import type { PersoonDetail } from '../api/types.js';
import { Pagina } from '../components/Pagina.js';
import { Gegevens, Knop, Laden, Melding, Sectie } from '../components/ui.js';
import { FoutOverzicht, TekstvakVeld } from '../components/velden.js';
import { tijdstip, volledigeNaam } from '../lib/format.js';
import { AppLink } from '../lib/router.js';
import { alsApiError, useData } from '../lib/useData.js';
import '../styles/diagnose.css';

/** Hints in plain words for the person writing their plan. */
const HINTS: Record<PlanOnderdeel, string> = {
  waarIkSta: 'Hoe gaat het nu met u? Wat doet u op een dag? Wat gaat goed en wat is moeilijk?',
  waarIkNaartoeWil: 'Wat wilt u bereiken? Bijvoorbeeld: werk, een opleiding, vrijwilligerswerk of meer rust.',
  watIkNodigHeb: 'Wat of wie helpt u daarbij? Bijvoorbeeld: hulp bij geld, een jobcoach, een cursus.',
  eersteStappen: 'Wat gaat u als eerste doen? U mag dit ook samen met uw klantmanager bedenken.',
};

/** The eigen plan: the person writes and agrees; the professional responds per part and agrees. */
export function PlanPagina({ id, eigen = false }: { id: string; eigen?: boolean }) {
  const pad = `/api/v1/personen/${encodeURIComponent(id)}/plan`;
  const plan = useData<PlanOverzicht>((signal) => api.get(pad, undefined, signal), [pad]);
  const persoon = useData<PersoonDetail | null>(
    (signal) => (eigen ? Promise.resolve(null) : api.get(`/api/v1/personen/${encodeURIComponent(id)}`, undefined, signal)),
    [id, eigen],
  );
  const [melding, setMelding] = useState<string | null>(null);
  const naam = persoon.data ? volledigeNaam(persoon.data) : '';
  const o = plan.data;
  const bijgewerkt = (nieuw: PlanOverzicht, tekst: string) => {
    plan.setData(nieuw);
    setMelding(tekst);
  };
  return (
    <Pagina
      titel={eigen ? 'Mijn plan' : naam ? `Eigen plan — ${naam}` : 'Eigen plan'}
      kop={eigen ? 'Mijn plan' : naam ? `Eigen plan van ${naam}` : 'Eigen plan'}
      intro={
        eigen
          ? 'Hier schrijft u uw eigen plan: waar u nu staat, waar u naartoe wilt en wat u nodig heeft. Uw klantmanager leest het en reageert. Als u het allebei eens bent, is het plan afgesproken.'
          : undefined
      }
    >
      {!eigen ? (
        <p className="nl-paragraph">
          <AppLink href={`/personen/${id}#plan`}>Terug naar het dossier</AppLink>
        </p>
      ) : null}
      {melding ? <Melding type="ok">{melding}</Melding> : null}
      {plan.fout ? <Melding type="error">{plan.fout.status === 404 ? 'Dit plan bestaat niet, of u mag het niet inzien.' : plan.fout.melding}</Melding> : null}
      {plan.laden && !o ? <Laden /> : null}
      {o ? (
        <>
          <Concept o={o} eigen={eigen} pad={pad} onBijgewerkt={bijgewerkt} />
          {o.laatsteVersie ? <Afgesproken v={o.laatsteVersie} eigen={eigen} /> : null}
          {o.versies.length > 1 ? <EerdereVersies o={o} pad={pad} eigen={eigen} /> : null}
        </>
      ) : null}
    </Pagina>
  );
}

const leeg = (): Record<PlanOnderdeel, string> => ({ waarIkSta: '', waarIkNaartoeWil: '', watIkNodigHeb: '', eersteStappen: '' });
const naarTekst = (i: PlanInhoud | undefined): Record<PlanOnderdeel, string> =>
  i
    ? { waarIkSta: i.waarIkSta ?? '', waarIkNaartoeWil: i.waarIkNaartoeWil ?? '', watIkNodigHeb: i.watIkNodigHeb ?? '', eersteStappen: i.eersteStappen ?? '' }
    : leeg();

function Reacties({ lijst, onderdeel, revisie }: { lijst: PlanReactie[]; onderdeel: ReactieOnderdeel; revisie: number }) {
  const hier = lijst.filter((r) => r.onderdeel === onderdeel);
  if (hier.length === 0) return null;
  return (
    <>
      {hier.map((r) => (
        <div key={r.id} className={`plan-reactie${r.revisie < revisie ? ' plan-reactie--oud' : ''}`}>
          <p className="nl-paragraph klein">
            Reactie van {r.auteur} op {tijdstip(r.op)}
            {r.revisie < revisie ? ' (op een eerdere tekst)' : ''}
          </p>
          <p className="nl-paragraph plan-tekst">{r.tekst}</p>
        </div>
      ))}
    </>
  );
}

function Concept({
  o,
  eigen,
  pad,
  onBijgewerkt,
}: {
  o: PlanOverzicht;
  eigen: boolean;
  pad: string;
  onBijgewerkt: (o: PlanOverzicht, melding: string) => void;
}) {
  const c = o.concept;
  const [tekst, setTekst] = useState(naarTekst(c?.inhoud));
  const [reactie, setReactie] = useState<Record<string, string>>({});
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form when the stored text changes
  useEffect(() => setTekst(naarTekst(c?.inhoud)), [c?.revisie, c?.ronde]);
  const schrijven = o.mag.schrijven && o.zijde === 'persoon';
  const labels = Object.fromEntries(o.onderdelen.map((d) => [d.code, d.label]));

  async function stuur<T>(doe: () => Promise<T>, klaar: (r: T) => void) {
    setAlgemeen(null);
    setFouten({});
    setBezig(true);
    try {
      klaar(await doe());
    } catch (err) {
      const f = alsApiError(err);
      const vf = f.veldFouten();
      setFouten(vf);
      setAlgemeen(Object.keys(vf).length === 0 ? f.melding : null);
    } finally {
      setBezig(false);
    }
  }

  const opslaan = (indienen: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    void stuur(
      () => api.put<PlanOverzicht>(pad, { ...tekst, indienen, revisie: c?.revisie ?? null }),
      (r) => onBijgewerkt(r, indienen ? 'Uw plan is verstuurd naar uw klantmanager.' : 'Uw plan is bewaard.'),
    );
  };
  const reageren = (e: FormEvent) => {
    e.preventDefault();
    void stuur(
      () => api.post<PlanOverzicht>(`${pad}/reacties`, reactie),
      (r) => {
        setReactie({});
        onBijgewerkt(r, 'Uw reactie is opgeslagen. De persoon ziet haar bij het plan.');
      },
    );
  };
  const akkoord = () =>
    void stuur(
      () => api.post<PlanOverzicht>(`${pad}/akkoord`, { revisie: c?.revisie }),
      (r) =>
        onBijgewerkt(
          r,
          r.concept?.status === 'vastgesteld'
            ? 'Het plan is afgesproken. U vindt het hieronder.'
            : eigen
              ? 'U bent akkoord. Nu wacht het plan op uw klantmanager.'
              : 'U bent akkoord. Nu wacht het plan op de persoon.',
        ),
    );

  const eigenAkkoord = c ? (o.zijde === 'persoon' ? c.akkoordPersoon : c.akkoordProfessional) : null;
  const open = c && c.status !== 'vastgesteld';
  return (
    <Sectie
      titel={
        eigen
          ? c && c.status !== 'vastgesteld'
            ? 'Mijn plan (nog niet afgesproken)'
            : 'Mijn plan schrijven'
          : c?.status === 'vastgesteld'
            ? 'Stand van het plan'
            : 'Huidig concept'
      }
      id="concept"
    >
      {c ? (
        <Gegevens
          items={[
            ['Stand', c.statusLabel],
            ['Laatst gewijzigd', `${tijdstip(c.gewijzigdOp)}${c.gewijzigdDoorPersoon ? '' : ` door ${c.gewijzigdDoor}, samen met de persoon`}`],
            ...(c.status !== 'vastgesteld'
              ? ([
                  [eigen ? 'U bent akkoord' : 'Persoon akkoord', c.akkoordPersoon ? `Ja, op ${tijdstip(c.akkoordPersoon.op)}` : 'Nog niet'],
                  [
                    eigen ? 'Klantmanager akkoord' : 'Professional akkoord',
                    c.akkoordProfessional ? `Ja, op ${tijdstip(c.akkoordProfessional.op)} (${c.akkoordProfessional.door})` : 'Nog niet',
                  ],
                ] as [string, string][])
              : []),
          ]}
        />
      ) : (
        <p className="nl-paragraph">{eigen ? 'U heeft nog geen plan. Begin hieronder.' : 'De persoon heeft nog geen plan geschreven.'}</p>
      )}
      <FoutOverzicht fouten={fouten} labels={{ ...labels, algemeen: 'Reactie' }} algemeen={algemeen} />
      {schrijven ? (
        <form className="formulier" noValidate onSubmit={opslaan(true)}>
          {c?.status === 'vastgesteld' ? (
            <p className="nl-paragraph">Uw plan is afgesproken. Wilt u iets veranderen? Pas de tekst aan. Dan maakt u een nieuwe versie.</p>
          ) : null}
          {o.onderdelen.map((d) => (
            <div key={d.code} className="plan-onderdeel">
              <TekstvakVeld
                label={d.label}
                naam={d.code}
                hint={HINTS[d.code]}
                value={tekst[d.code]}
                onChange={(e) => setTekst({ ...tekst, [d.code]: e.target.value })}
                fout={fouten[d.code]}
                verplicht={d.verplicht}
                maxLength={4000}
              />
              {c && c.status !== 'vastgesteld' ? <Reacties lijst={c.reacties} onderdeel={d.code} revisie={c.revisie} /> : null}
            </div>
          ))}
          {c && c.status !== 'vastgesteld' ? <Reacties lijst={c.reacties} onderdeel="algemeen" revisie={c.revisie} /> : null}
          <div className="knoppen">
            <Knop soort="primair" type="submit" disabled={bezig}>
              Klaar: stuur naar mijn klantmanager
            </Knop>
            <Knop soort="secundair" disabled={bezig} onClick={() => opslaan(false)()}>
              Alleen bewaren
            </Knop>
          </div>
        </form>
      ) : c?.status === 'vastgesteld' ? (
        <p className="nl-paragraph">
          Het plan is afgesproken (versie {c.ronde}); u leest het hieronder. Als de persoon het plan aanpast, begint een nieuw concept en kunt u weer reageren.
        </p>
      ) : c ? (
        <div>
          {o.onderdelen.map((d) => (
            <div key={d.code} className="plan-onderdeel">
              <h3 className="nl-heading nl-heading--level-3">{d.label}</h3>
              <p className="nl-paragraph plan-tekst">{c.inhoud[d.code] ?? <span className="leeg">Niet ingevuld</span>}</p>
              <Reacties lijst={c.reacties} onderdeel={d.code} revisie={c.revisie} />
            </div>
          ))}
          <Reacties lijst={c.reacties} onderdeel="algemeen" revisie={c.revisie} />
        </div>
      ) : null}
      {open && o.mag.reageren ? (
        <form className="formulier kader" noValidate onSubmit={reageren}>
          <h3 className="nl-heading nl-heading--level-3" id="reactie-kop">
            Reageren op het plan
          </h3>
          <p className="nl-paragraph">Reageer per onderdeel, in gewone taal. U hoeft niet overal op te reageren.</p>
          {[...o.onderdelen.map((d) => ({ code: d.code as ReactieOnderdeel, label: d.label })), { code: 'algemeen' as const, label: 'Over het hele plan' }].map(
            (d) => (
              <TekstvakVeld
                key={d.code}
                label={`Reactie: ${d.label}`}
                naam={`reactie-${d.code}`}
                value={reactie[d.code] ?? ''}
                onChange={(e) => setReactie({ ...reactie, [d.code]: e.target.value })}
                verplicht={false}
                rows={2}
                maxLength={4000}
              />
            ),
          )}
          <div className="knoppen">
            <Knop soort="secundair" type="submit" disabled={bezig}>
              Reactie versturen
            </Knop>
          </div>
        </form>
      ) : null}
      {open && o.mag.akkoord ? (
        <div className="akkoord-lijst">
          {eigenAkkoord ? (
            <p className="nl-paragraph">U bent akkoord met deze tekst.</p>
          ) : (
            <>
              <p className="nl-paragraph">
                {eigen
                  ? 'Bent u het eens met dit plan? Dan gaat u akkoord. Als uw klantmanager ook akkoord is, is het plan afgesproken.'
                  : 'Akkoord met deze tekst? Als de persoon ook akkoord is, is het plan afgesproken en wordt deze versie bewaard.'}
              </p>
              <Knop soort="primair" disabled={bezig} onClick={akkoord}>
                {eigen ? 'Ik ga akkoord met mijn plan' : 'Akkoord met dit plan'}
              </Knop>
            </>
          )}
        </div>
      ) : null}
    </Sectie>
  );
}

function VersieInhoud({ v, eigen }: { v: PlanVersie; eigen: boolean }) {
  const labels: Record<PlanOnderdeel, string> = {
    waarIkSta: 'Waar sta ik nu?',
    waarIkNaartoeWil: 'Waar wil ik naartoe?',
    watIkNodigHeb: 'Wat heb ik daarvoor nodig?',
    eersteStappen: 'Mijn eerste stappen',
  };
  return (
    <>
      <Gegevens
        items={[
          [eigen ? 'U ging akkoord' : 'Persoon akkoord', tijdstip(v.akkoordPersoon.op)],
          [eigen ? 'Klantmanager akkoord' : 'Professional akkoord', `${tijdstip(v.akkoordProfessional.op)} (${v.akkoordProfessional.door})`],
        ]}
      />
      {(Object.keys(labels) as PlanOnderdeel[]).map((k) => (
        <div key={k} className="plan-onderdeel">
          <h3 className="nl-heading nl-heading--level-3">{labels[k]}</h3>
          <p className="nl-paragraph plan-tekst">{v.inhoud[k] ?? <span className="leeg">Niet ingevuld</span>}</p>
          <Reacties lijst={v.reacties} onderdeel={k} revisie={v.revisie} />
        </div>
      ))}
      <Reacties lijst={v.reacties} onderdeel="algemeen" revisie={v.revisie} />
    </>
  );
}

function Afgesproken({ v, eigen }: { v: PlanVersie; eigen: boolean }) {
  return (
    <Sectie titel={`${eigen ? 'Ons afgesproken plan' : 'Afgesproken plan'} (versie ${v.versie})`} id="afgesproken">
      <VersieInhoud v={v} eigen={eigen} />
    </Sectie>
  );
}

function EerdereVersies({ o, pad, eigen }: { o: PlanOverzicht; pad: string; eigen: boolean }) {
  const [open, setOpen] = useState<PlanVersie | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  return (
    <Sectie titel="Eerdere versies" id="versies">
      <ul className="utrecht-unordered-list">
        {o.versies.slice(1).map((v) => (
          <li key={v.id} className="utrecht-unordered-list__item">
            <Knop
              soort="subtiel"
              onClick={async () => {
                setFout(null);
                try {
                  setOpen(await api.get<PlanVersie>(`${pad}/versies/${encodeURIComponent(v.id)}`));
                } catch (err) {
                  setFout(alsApiError(err).melding);
                }
              }}
            >
              Versie {v.versie}, afgesproken op {tijdstip(v.vastgesteldOp)}
            </Knop>
          </li>
        ))}
      </ul>
      {fout ? <Melding type="error">{fout}</Melding> : null}
      {open ? (
        <div className="kader">
          <h3 className="nl-heading nl-heading--level-3">Versie {open.versie}</h3>
          <VersieInhoud v={open} eigen={eigen} />
        </div>
      ) : null}
    </Sectie>
  );
}
