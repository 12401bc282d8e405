/**
 * Errors that happen before a request reaches a route, answered in the
 * catalogue's `{ error: { code, message } }` like every other error.
 *
 * - `frameworkErrors`: the router's — a malformed percent-encoding in the
 *   path (FST_ERR_BAD_URL) or a path parameter over `maxParamLength`
 *   (FST_ERR_MAX_PARAM_LENGTH, 414). Fastify's defaults echo the path, which
 *   may carry a share token, into the body and the log.
 * - `clientErrorHandler`: Node's HTTP parser refused the request before
 *   Fastify saw it (`clientError`): headers or request line over 16 KiB
 *   (431), a request that took too long to arrive (408), anything else
 *   unparseable (400). There is no request object, so the answer is written
 *   to the socket by hand, which is then closed.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';
import { toAppError, toErrorResponse } from './to-error-response.ts';

export const frameworkErrors = (
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void => {
  const appError = toAppError(error);
  request.log.info({ code: appError.code }, appError.message);
  void reply.status(appError.status).send(toErrorResponse(appError));
};

/** What Node's parser errors mean for the client. */
function parserError(code: string | undefined): AppError {
  if (code === 'HPE_HEADER_OVERFLOW') return new AppError('HEADERS_TOO_LARGE');
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new AppError('REQUEST_TIMEOUT');
  return new AppError('BAD_REQUEST', 'The request is not valid HTTP.');
}

/** Fastify calls it with the instance as `this`. */
export function clientErrorHandler(this: FastifyInstance, error: Error, socket: Socket): void {
  const code = (error as NodeJS.ErrnoException).code;
  // A reset connection has no one left to answer.
  if (code === 'ECONNRESET' || socket.destroyed) return;
  const appError = parserError(code);
  this.log.info({ code: appError.code, parserError: code }, 'refused an unparseable request');
  // As Node does: only when no response has started on this socket.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const body = JSON.stringify(toErrorResponse(appError));
    socket.write(
      `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status] ?? ''}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
