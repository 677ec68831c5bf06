import { describe, expect, it } from 'vitest';
import { type ConceptToestand, geefAkkoord, normaliseer, ontbrekendeOnderdelen, PlanFout, reageer, wijzigConcept } from './plan.js';

const VOL = normaliseer({ waarIkSta: 'Ik zit thuis.', waarIkNaartoeWil: 'Werk in een bakkerij.', watIkNodigHeb: 'Een jobcoach.' });
const A = { op: '2026-11-01T10:00:00.000Z', door: 'persoon-gebruiker' };
const B = { op: '2026-11-02T10:00:00.000Z', door: 'klantmanager' };

function fout(f: () => unknown): PlanFout {
  try {
    f();
  } catch (e) {
    if (e instanceof PlanFout) return e;
    throw e;
  }
  throw new Error('geen PlanFout');
}

describe('eigen plan', () => {
  it('starts a first draft; submitting needs the three required parts', () => {
    const eerste = wijzigConcept(null, normaliseer({ waarIkSta: '  Ik zit thuis.  ', waarIkNaartoeWil: '' }), false);
    expect(eerste.toestand).toMatchObject({ ronde: 1, revisie: 1, status: 'concept' });
    expect(eerste.toestand.inhoud).toEqual({ waarIkSta: 'Ik zit thuis.', waarIkNaartoeWil: null, watIkNodigHeb: null, eersteStappen: null });
    expect(eerste.nuIngediend).toBe(false);
    const f = fout(() => wijzigConcept(eerste.toestand, eerste.toestand.inhoud, true));
    expect(f.code).toBe('onvolledig');
    expect(f.fouten.map((x) => x.veld)).toEqual(['waarIkNaartoeWil', 'watIkNodigHeb']);
    expect(ontbrekendeOnderdelen(VOL)).toEqual([]);
  });

  it('runs the whole flow: submit → response → both agree → agreed; a later change starts round 2', () => {
    let t = wijzigConcept(null, VOL, true);
    expect(t.nuIngediend).toBe(true);
    expect(t.toestand.status).toBe('ingediend');
    // Submitting the same text again is no new submission (no second task).
    expect(wijzigConcept(t.toestand, VOL, true).nuIngediend).toBe(false);

    const r = reageer(t.toestand, { waarIkNaartoeWil: ' Mooi doel. ', algemeen: '', eersteStappen: null });
    expect(r.reacties).toEqual([{ onderdeel: 'waarIkNaartoeWil', tekst: 'Mooi doel.' }]);
    expect(r.toestand.status).toBe('gereageerd');

    const p = geefAkkoord(r.toestand, 'persoon', A, 1);
    expect(p.vastgesteld).toBe(false);
    expect(p.toestand.akkoord).toEqual({ persoon: A, professional: null });
    // Agreeing twice changes nothing.
    expect(geefAkkoord(p.toestand, 'persoon', B).alGegeven).toBe(true);
    const k = geefAkkoord(p.toestand, 'professional', B, 1);
    expect(k.vastgesteld).toBe(true);
    expect(k.toestand.status).toBe('vastgesteld');
    expect(k.toestand.akkoord).toEqual({ persoon: A, professional: B });

    expect(fout(() => geefAkkoord(k.toestand, 'persoon', A)).code).toBe('al_vastgesteld');
    expect(fout(() => reageer(k.toestand, { algemeen: 'nog iets' })).code).toBe('al_vastgesteld');

    // The agreed text saved unchanged: nothing happens.
    const zelfde = wijzigConcept(k.toestand, VOL, false);
    expect(zelfde.toestand).toBe(k.toestand);
    expect(zelfde.inhoudGewijzigd).toBe(false);

    t = wijzigConcept(k.toestand, { ...VOL, eersteStappen: 'Bellen met de bakker.' }, false);
    expect(t.nieuweRonde).toBe(true);
    expect(t.toestand).toMatchObject({ ronde: 2, revisie: 2, status: 'concept', akkoord: { persoon: null, professional: null } });
  });

  it('a change of the text voids an agreement given on the old text', () => {
    const t = wijzigConcept(null, VOL, true).toestand;
    const p = geefAkkoord(t, 'professional', B).toestand;
    const w = wijzigConcept(p, { ...VOL, watIkNodigHeb: 'Een jobcoach en een fiets.' }, false);
    expect(w.inhoudGewijzigd).toBe(true);
    expect(w.toestand).toMatchObject({ ronde: 1, revisie: 2, status: 'concept', akkoord: { persoon: null, professional: null } });
    // Saving unchanged keeps the agreement.
    const z = wijzigConcept(p, VOL, false);
    expect(z.toestand.akkoord.professional).toEqual(B);
    expect(z.toestand.revisie).toBe(1);
  });

  it('refuses agreeing to a revision that is no longer current, to an incomplete plan, or without a plan', () => {
    const t: ConceptToestand = wijzigConcept(null, VOL, false).toestand;
    expect(fout(() => geefAkkoord(t, 'persoon', A, 2)).code).toBe('versieconflict');
    expect(fout(() => wijzigConcept(t, VOL, false, 5)).code).toBe('versieconflict');
    const half = wijzigConcept(null, normaliseer({ waarIkSta: 'x' }), false).toestand;
    expect(fout(() => geefAkkoord(half, 'persoon', A)).code).toBe('onvolledig');
    expect(fout(() => geefAkkoord(null, 'persoon', A)).code).toBe('geen_plan');
    expect(fout(() => reageer(null, { algemeen: 'x' })).code).toBe('geen_plan');
    expect(fout(() => reageer(t, { algemeen: '   ' })).code).toBe('lege_reactie');
  });
});
