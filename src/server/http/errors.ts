import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type Foutcode, type InvalidParam, toProblem } from './problem.js';

const PG_FOUTEN: Record<string, Foutcode> = {
  '23505': 'conflict',
  '23503': 'niet_verwerkbaar',
  '23514': 'niet_verwerkbaar',
  '22P02': 'ongeldige_invoer',
  '22001': 'ongeldige_invoer',
  '22003': 'ongeldige_invoer',
  '22007': 'ongeldige_invoer',
  '22008': 'ongeldige_invoer',
  '22021': 'ongeldige_invoer',
  '40001': 'niet_beschikbaar',
  '40P01': 'niet_beschikbaar',
};

const FASTIFY_FOUTEN: Record<string, Foutcode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'te_groot',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'mediatype_niet_ondersteund',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'ongeldige_invoer',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'ongeldige_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'ongeldige_json',
  FST_ERR_VALIDATION: 'ongeldige_invoer',
};

const STATUS_FOUTEN: Record<number, Foutcode> = {
  400: 'ongeldige_invoer',
  401: 'niet_ingelogd',
  403: 'geen_toegang',
  404: 'niet_gevonden',
  405: 'methode_niet_toegestaan',
  413: 'te_groot',
  415: 'mediatype_niet_ondersteund',
  429: 'te_veel_pogingen',
};

/** Turns every error into application/problem+json with a Dutch title; only real faults become 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { code?: string }, request, reply) => {
    let code: Foutcode = 'interne_fout';
    let detail: string | undefined;
    let invalidParams: InvalidParam[] | undefined;
    if (error instanceof AppError) {
      code = error.code;
      detail = error.detail;
      invalidParams = error.invalidParams;
      if (error.headers) reply.headers(error.headers);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      code = 'ongeldige_invoer';
      detail = 'Controleer de gemarkeerde velden.';
      invalidParams = error.validation.map((v) => ({
        name: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.') || 'body',
        code: String(v.params?.issue && typeof v.params.issue === 'object' && 'code' in v.params.issue ? v.params.issue.code : v.keyword),
        reason: unknownKeysReason(v) ?? v.message ?? 'Ongeldige waarde.',
      }));
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error.cause, url: request.routeOptions.url }, 'antwoord voldoet niet aan het schema');
    } else if (error.code && FASTIFY_FOUTEN[error.code]) {
      code = FASTIFY_FOUTEN[error.code]!;
    } else if (error instanceof SyntaxError) {
      code = 'ongeldige_json';
    } else if (error.code && PG_FOUTEN[error.code]) {
      code = PG_FOUTEN[error.code]!;
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      code = STATUS_FOUTEN[error.statusCode] ?? 'ongeldige_invoer';
    }
    const problem = toProblem(code, detail, request.url.split('?')[0], invalidParams);
    if (problem.status >= 500) request.log.error({ err: error, url: request.routeOptions.url }, 'onverwachte fout');
    reply.code(problem.status).type('application/problem+json; charset=utf-8').serializer(JSON.stringify).send(problem);
  });
}

function unknownKeysReason(v: { params?: Record<string, unknown> }): string | undefined {
  const issue = v.params?.issue as { code?: string; keys?: string[] } | undefined;
  if (issue?.code === 'unrecognized_keys' && issue.keys) return `Onbekend veld: ${issue.keys.join(', ')}.`;
  return undefined;
}

/** Finds the first string containing a NUL character (PostgreSQL cannot store it) and names its path. */
export function findNul(value: unknown, path: string, depth = 0): string | null {
  if (depth > 64) return null;
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = findNul(v, `${path}.${i}`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return `${path}.${k.split('\u0000').join('')}`;
      const hit = findNul(v, `${path}.${k}`, depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}

/** Errors Fastify raises before routing (bad URL encoding, over-long parameters) as problem+json too. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  // The URL is not echoed back: it may be very long or carry whatever was sent.
  const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'Een deel van het adres is te lang.' : 'Het adres is niet geldig.';
  const problem = toProblem('ongeldige_invoer', detail);
  reply.code(problem.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem));
}
