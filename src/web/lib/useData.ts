import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';

/** Loads data once (and again on `herlaad()`); keeps the last error as an ApiError. */
export function useData<T>(laad: (signal: AbortSignal) => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [fout, setFout] = useState<ApiError | null>(null);
  const [laden, setLaden] = useState(true);
  const [teller, setTeller] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are passed in by the caller
  useEffect(() => {
    const ac = new AbortController();
    setLaden(true);
    laad(ac.signal)
      .then((d) => {
        if (ac.signal.aborted) return;
        setData(d);
        setFout(null);
      })
      .catch((e: unknown) => {
        if (ac.signal.aborted) return;
        setFout(e instanceof ApiError ? e : new ApiError({ status: 0, title: 'Er ging iets mis.' }));
      })
      .finally(() => {
        if (!ac.signal.aborted) setLaden(false);
      });
    return () => ac.abort();
  }, [...deps, teller]);
  const herlaad = useCallback(() => setTeller((t) => t + 1), []);
  return { data, setData, fout, laden, herlaad };
}

/** Turns any thrown value into an ApiError, so forms can show it. */
export function alsApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError({ status: 0, title: 'Er ging iets mis. Probeer het opnieuw.' });
}
