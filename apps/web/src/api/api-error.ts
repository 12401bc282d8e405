import type { ErrorCode } from '@journeyboard/shared';

/** Codes the client adds for failures that never produced an API error body. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

export interface ApiIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Every failed API call rejects with this. `message` is written for people
 * (it comes from the server's error catalogue), so the UI shows it as is;
 * code is for branching (e.g. MAP_NOT_FOUND → not-found page).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  /** HTTP status, or 0 when the request never reached the server. */
  readonly status: number;
  readonly issues: readonly ApiIssue[];

  constructor(
    code: ApiErrorCode,
    message: string,
    status: number,
    issues: readonly ApiIssue[] = [],
  ) {
    super(message);
    this.code = code;
    this.status = status;
    this.issues = issues;
  }
}

/** The message to show for any error a request may reject with. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Try again.';
}
