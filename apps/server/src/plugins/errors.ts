import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.ts';
import { toAppError, toErrorResponse } from '../errors/to-error-response.ts';
import { redactUrl } from './redact-url.ts';

/** One error handler for the whole API: everything leaves as the catalogue's shape. */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler(async (error, request, reply) => {
      const appError = toAppError(error);
      if (appError.status >= 500) {
        request.log.error({ err: error }, 'request failed');
      } else {
        request.log.info({ code: appError.code }, appError.message);
      }
      if (appError.headers) void reply.headers(appError.headers);
      return reply.status(appError.status).send(toErrorResponse(appError));
    });

    app.setNotFoundHandler(async (request, reply) => {
      const error = new AppError(
        'NOT_FOUND',
        // Redacted: a share/workshop page path carries a token, and this message is logged.
        `No route for ${request.method} ${redactUrl(request.url).split('?')[0]}.`,
      );
      return reply.status(error.status).send(toErrorResponse(error));
    });
  },
  { name: 'errors' },
);
