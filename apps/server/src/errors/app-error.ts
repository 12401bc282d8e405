import { ERROR_CATALOGUE, type ErrorCode } from '@journeyboard/shared';

/**
 * The one error type services throw. The error handler turns it into
 * `{ error: { code, message } }` with the status from the catalogue.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: { path: string; message: string }[] | undefined;
  /** Response headers that go with the error, e.g. `retry-after` on a 429. */
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    options?: {
      issues?: { path: string; message: string }[];
      cause?: unknown;
      headers?: Record<string, string>;
    },
  ) {
    super(message ?? ERROR_CATALOGUE[code].message, { cause: options?.cause });
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.issues = options?.issues;
    this.headers = options?.headers;
  }
}
