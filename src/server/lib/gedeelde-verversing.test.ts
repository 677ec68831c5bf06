import { describe, expect, it } from 'vitest';
import { GedeeldeVerversing } from './gedeelde-verversing.js';

/** A refresh whose completion the test controls. */
function handmatig() {
  const gestart: { arg: string; klaar: () => void; fout: (e: Error) => void }[] = [];
  const v = new GedeeldeVerversing<string>(
    (arg) =>
      new Promise<void>((klaar, fout) => {
        gestart.push({ arg, klaar, fout });
      }),
  );
  return { v, gestart };
}

const tik = () => new Promise((r) => setTimeout(r, 0));

describe('GedeeldeVerversing', () => {
  it('concurrent callers share one running and one queued refresh; each sees a refresh that started after its call', async () => {
    const { v, gestart } = handmatig();
    const eerste = v.verversen('a');
    expect(gestart.map((g) => g.arg)).toEqual(['a']);
    // Arriving while 'a' runs: all wait for one queued refresh (started by the first of them, 'b').
    const later = ['b', 'c', 'd'].map((x) => v.verversen(x));
    let laterKlaar = false;
    void Promise.all(later).then(() => {
      laterKlaar = true;
    });
    gestart[0]!.klaar();
    await eerste;
    await tik();
    expect(gestart.map((g) => g.arg)).toEqual(['a', 'b']);
    expect(laterKlaar).toBe(false); // the refresh that started before them does not count
    gestart[1]!.klaar();
    await Promise.all(later);
    expect(gestart).toHaveLength(2);
    // Idle again: the next call starts a refresh of its own at once.
    const daarna = v.verversen('e');
    expect(gestart.map((g) => g.arg)).toEqual(['a', 'b', 'e']);
    gestart[2]!.klaar();
    await daarna;
  });

  it('a failed refresh fails its callers only; the queued one still runs', async () => {
    const { v, gestart } = handmatig();
    const eerste = v.verversen('a');
    const tweede = v.verversen('b');
    gestart[0]!.fout(new Error('weg'));
    await expect(eerste).rejects.toThrow('weg');
    await tik();
    expect(gestart.map((g) => g.arg)).toEqual(['a', 'b']);
    gestart[1]!.klaar();
    await expect(tweede).resolves.toBeUndefined();
  });
});
