/**
 * A refresh shared between concurrent callers (the in-process indexes call it before every search).
 * `verversen(arg)` resolves after a refresh that *started after the call*, so the caller sees every
 * commit made before it asked. One refresh runs at a time and at most one waits behind it, shared by
 * everyone who arrived meanwhile: sixteen parallel searches cost two refreshes, not sixteen in a row.
 * A queued refresh runs with the argument (database handle) of the first caller that queued it; that
 * caller is still waiting for it, so its handle is still open.
 */
export class GedeeldeVerversing<A> {
  private lopend: Promise<void> | null = null;
  private volgend: Promise<void> | null = null;

  constructor(private readonly ververs: (arg: A) => Promise<void>) {}

  verversen(arg: A): Promise<void> {
    if (!this.lopend) return this.start(arg);
    if (!this.volgend) {
      this.volgend = this.lopend
        .catch(() => undefined)
        .then(() => {
          this.volgend = null;
          return this.start(arg);
        });
    }
    return this.volgend;
  }

  private start(arg: A): Promise<void> {
    const nu: Promise<void> = this.ververs(arg).finally(() => {
      if (this.lopend === nu) this.lopend = null;
    });
    this.lopend = nu;
    return nu;
  }
}
