/**
 * Small fetch wrapper for the Passend API.
 * - sends the session cookie (same-origin) and, for mutations, the CSRF token;
 * - turns application/problem+json into an ApiError with field-level messages;
 * - on 401 calls the registered handler (the app then shows the login screen).
 */

export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  invalidParams?: InvalidParam[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly invalidParams: InvalidParam[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.code = problem.code;
    this.invalidParams = problem.invalidParams ?? [];
  }

  /** Field messages keyed by field name: `body.voornaam` becomes `voornaam`. */
  veldFouten(): Record<string, string> {
    const fouten: Record<string, string> = {};
    for (const p of this.invalidParams) {
      const naam = p.name.replace(/^(body|query|params|querystring)\.?/, '') || '_';
      if (!(naam in fouten)) fouten[naam] = p.reason;
    }
    return fouten;
  }

  /** One sentence for an alert: the detail if there is one, else the title. */
  get melding(): string {
    return this.detail && this.detail !== this.title ? `${this.title} ${this.detail}` : this.title;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The current CSRF token, for requests that cannot go through `request` (an upload with progress). */
export function huidigCsrfToken(): string | null {
  return csrfToken;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Methode = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  /** Query parameters; empty strings, null and undefined are left out. */
  query?: Record<string, string | number | null | undefined>;
  body?: unknown;
  /** A text body sent as-is with its own content type (e.g. a CSV file), instead of JSON. */
  tekst?: { inhoud: string; type: string };
  /** Do not trigger the login redirect on 401 (used by the login and session calls). */
  geen401Redirect?: boolean;
  signal?: AbortSignal;
}

export function buildUrl(pad: string, query?: RequestOptions['query']): string {
  if (!query) return pad;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${pad}?${qs}` : pad;
}

export async function request<T>(methode: Methode, pad: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.tekst) headers['content-type'] = options.tekst.type;
  if (methode !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(pad, options.query), {
      method: methode,
      credentials: 'same-origin',
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : options.tekst ? { body: options.tekst.inhoud } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, title: 'Er is geen verbinding met Passend. Controleer uw internetverbinding en probeer het opnieuw.' });
  }
  if (res.status === 204) return null as T;
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const problem: Problem =
      data && typeof data === 'object' && 'title' in data ? (data as Problem) : { status: res.status, title: `Er ging iets mis (fout ${res.status}).` };
    if (!problem.status) problem.status = res.status;
    const fout = new ApiError(problem);
    if (res.status === 401 && !options.geen401Redirect) onUnauthorized?.();
    throw fout;
  }
  return data as T;
}

export const api = {
  get: <T>(pad: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>('GET', pad, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(pad: string, body?: unknown) => request<T>('POST', pad, body === undefined ? {} : { body }),
  patch: <T>(pad: string, body: unknown) => request<T>('PATCH', pad, { body }),
  put: <T>(pad: string, body: unknown) => request<T>('PUT', pad, { body }),
  delete: <T>(pad: string) => request<T>('DELETE', pad),
};
