/** Bulk delivery (src/server/modules/import): runs, their reports, and an upload with progress. */
import { ApiError, huidigCsrfToken, type Problem } from './client.js';

export interface ImportFout {
  regel: number;
  veld: string;
  reden: string;
}

export interface ImportRun {
  id: string;
  status: 'lopend' | 'klaar' | 'afgebroken';
  proefdraai: boolean;
  formaat: 'csv' | 'json' | 'jsonl' | null;
  bestandsnaam: string | null;
  gestartVia: 'sessie' | 'api-token' | 'cli';
  gestartDoor: string | null;
  gelezen: number;
  geaccepteerd: number;
  afgewezen: number;
  nieuw: number;
  gewijzigd: number;
  ongewijzigd: number;
  checkpoint: number;
  bytes: number;
  foutenTotaal: number;
  gestartOp: string;
  afgerondOp: string | null;
}

export interface ImportRunMetFouten extends ImportRun {
  fouten: ImportFout[];
}

export interface ImportLijst {
  resultaten: ImportRun[];
  totaal: number;
}

/** The content type the server reads the file as, from its name. */
export function inhoudstype(naam: string): string {
  if (/\.jsonl$|\.ndjson$/i.test(naam)) return 'application/x-ndjson';
  if (/\.json$/i.test(naam)) return 'application/json';
  return 'text/csv';
}

/**
 * Sends the file as the request body (streamed by the browser, never read into memory here) and
 * reports upload progress. XMLHttpRequest, because fetch has no upload progress.
 */
export function uploadImport(
  bestand: File,
  proefdraai: boolean,
  opVoortgang: (geladen: number, totaal: number) => void,
): { klaar: Promise<ImportRunMetFouten>; afbreken: () => void } {
  const xhr = new XMLHttpRequest();
  const klaar = new Promise<ImportRunMetFouten>((resolve, reject) => {
    const query = new URLSearchParams({ proefdraai: proefdraai ? 'ja' : 'nee', bestandsnaam: bestand.name.slice(0, 255) });
    xhr.open('POST', `/api/v1/imports?${query}`);
    xhr.setRequestHeader('content-type', inhoudstype(bestand.name));
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    const csrf = huidigCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => opVoortgang(e.loaded, e.lengthComputable ? e.total : bestand.size);
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as ImportRunMetFouten);
      else {
        const problem: Problem =
          data && typeof data === 'object' && 'title' in data ? (data as Problem) : { status: xhr.status, title: `Er ging iets mis (fout ${xhr.status}).` };
        reject(new ApiError(problem));
      }
    };
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, title: 'Er is geen verbinding met Passend. Controleer uw internetverbinding en probeer het opnieuw.' }));
    xhr.onabort = () => reject(new ApiError({ status: 0, title: 'Het uploaden is afgebroken.' }));
    xhr.send(bestand);
  });
  return { klaar, afbreken: () => xhr.abort() };
}
