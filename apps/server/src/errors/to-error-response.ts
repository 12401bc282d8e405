import { notFoundCodeOf, type TErrorResponse } from '@journeyboard/shared';
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './app-error.ts';

/** Fastify's own error codes that mean "the client sent something we can't take". */
const FASTIFY_CLIENT_ERRORS: Record<string, () => AppError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => new AppError('PAYLOAD_TOO_LARGE'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new AppError('BAD_REQUEST', 'Send the request body as JSON (Content-Type: application/json).'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new AppError('BAD_REQUEST', 'The request body is empty; send a JSON object.'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError('BAD_REQUEST', 'The body is not valid JSON.'),
  // The router's own (early-errors.ts); their default messages echo the path, which may hold a token.
  FST_ERR_BAD_URL: () => new AppError('BAD_URL'),
  FST_ERR_MAX_PARAM_LENGTH: () => new AppError('URI_TOO_LONG'),
};

const isDatabaseDown = (error: unknown): boolean => {
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).code;
  const causeCode = (error as { cause?: { code?: unknown } }).cause?.code;
  // A raw query ($queryRaw) that could not reach the database: P2010, the driver's reason in meta.
  const driverKind = (error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } })
    .meta?.driverAdapterError?.cause?.kind;
  return (
    driverKind === 'DatabaseNotReachable' ||
    [code, causeCode].some(
      (value) => value === 'ECONNREFUSED' || value === 'P1001' || value === '57P01',
    )
  );
};

/**
 * The summary is read by people (the web shows it as is): our schemas' own
 * messages are sentences and stand alone; zod's defaults ("Invalid input:
 * expected string, received number") need the field named to make sense.
 * Machines read `issues`, which always carry the path.
 */
function sentenceFor(issue: { path: string; message: string }): string {
  const message = issue.message.trim();
  const field = issue.path.split('.').at(-1) ?? issue.path;
  // Ours, also those naming their field first ("durationSeconds is a whole number of seconds.").
  const isSentence =
    /[.?!]$/.test(message) && (/^[A-Z“"]/.test(message) || message.startsWith(field));
  return isSentence ? message : `Check “${issue.path}”: ${message.replace(/[.?!]+$/, '')}.`;
}

/** zod's "Unrecognized key(s)" for a field the request doesn't take, as a sentence. */
function unknownFieldsSentence(keys: readonly string[]): string {
  const named = keys.map((key) => `“${key}”`).join(', ');
  return keys.length === 1
    ? `This request does not take ${named}; remove it.`
    : `This request does not take ${named}; remove them.`;
}

/** Maps anything thrown while handling a request onto the error catalogue. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    // An id that can't name anything (zLookupId) is "not found", like a missing one;
    // with several, the first (outermost: the workspace before its member).
    const notFound = error.validation.map((issue) => notFoundCodeOf(issue.params['params']));
    const [first] = notFound;
    if (first && notFound.every(Boolean)) return new AppError(first);
    const where = (error as { validationContext?: string }).validationContext;
    const issues = error.validation.map((issue) => {
      const keys = issue.keyword === 'unrecognized_keys' ? issue.params['keys'] : undefined;
      return {
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || (where ?? 'body'),
        message: Array.isArray(keys)
          ? unknownFieldsSentence(keys.map(String))
          : (issue.message ?? 'is not valid'),
      };
    });
    const summary = issues.map(sentenceFor).join(' ');
    return new AppError('VALIDATION_FAILED', summary, { issues });
  }
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? FASTIFY_CLIENT_ERRORS[fastifyError.code] : undefined;
  if (known) return known();
  if (fastifyError.statusCode === 429) return new AppError('RATE_LIMITED');
  if (isDatabaseDown(error))
    return new AppError('DATABASE_UNAVAILABLE', undefined, { cause: error });
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return new AppError('BAD_REQUEST', fastifyError.message);
  }
  return new AppError('INTERNAL', undefined, { cause: error });
}

export function toErrorResponse(error: AppError): TErrorResponse {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
    },
  };
}
