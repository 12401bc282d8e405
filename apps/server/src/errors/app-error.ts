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

  constructor(
    code: ErrorCode,
    message?: string,
    options?: { issues?: { path: string; message: string }[]; cause?: unknown },
  ) {
    super(message ?? ERROR_CATALOGUE[code].message, { cause: options?.cause });
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.issues = options?.issues;
  }
}
