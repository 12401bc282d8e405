/**
 * Accounts on every request: cookies, security headers, the Origin check for
 * writes, rate limits for sign-in/sign-up, and `request.getActor()` — the
 * lazily resolved, memoised actor the policy (src/policy/) decides on.
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.ts';
import { resolveActor, type Actor } from '../policy/actor.ts';
import { credentialsFrom } from '../policy/credentials.ts';
import { isAllowedOrigin } from '../policy/origin.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking (resolved on first call, then memoised for the request). */
    getActor(): Promise<Actor>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const authPlugin = fp(
  async (app) => {
    await app.register(cookie);
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          // 'self' does not cover ws(s): in every browser; name our own host.
          connectSrc: [
            "'self'",
            (request) => `ws://${request.headers.host ?? 'localhost'}`,
            (request) => `wss://${request.headers.host ?? 'localhost'}`,
          ],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          // Would break plain-http self-hosting (and localhost).
          upgradeInsecureRequests: null,
        },
      },
      // Share links carry their token in the page path: never leak it to other sites.
      referrerPolicy: { policy: 'no-referrer' },
    });
    await app.register(rateLimit, { global: false });

    app.decorateRequest('getActor', function getActor(this: FastifyRequest): Promise<Actor> {
      throw new AppError('INTERNAL', 'getActor called before the auth hook ran');
    });

    app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
      let actor: Promise<Actor> | undefined;
      request.getActor = () => (actor ??= resolveActor(app.prisma, credentialsFrom(request)));
      // SameSite=Lax already keeps the cookie off cross-site POSTs; this is the
      // second lock, and the one that also covers ALLOWED_ORIGINS deployments.
      if (!SAFE_METHODS.has(request.method) && !isAllowedOrigin(request, app.config.auth)) {
        throw new AppError('ORIGIN_NOT_ALLOWED');
      }
    });
  },
  { name: 'auth', dependencies: ['config', 'prisma', 'errors'] },
);

/** Per-route rate limit for sign-in/sign-up (AUTH_RATE_LIMIT_MAX per AUTH_RATE_LIMIT_WINDOW_MS per IP). */
export function authRateLimit(auth: { rateLimitMax: number; rateLimitWindowMs: number }) {
  return { rateLimit: { max: auth.rateLimitMax, timeWindow: auth.rateLimitWindowMs } };
}
