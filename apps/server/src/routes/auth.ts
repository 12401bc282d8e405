import { routes } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRateLimit } from '../plugins/auth.ts';
import { clearAuthCookie, setAuthCookie } from '../plugins/session-cookie.ts';
import { credentialsFrom, GUEST_COOKIE, SESSION_COOKIE } from '../policy/credentials.ts';
import { grantKey } from '../sync/access.ts';
import { createSession } from '../services/auth/create-session.ts';
import { deleteSession } from '../services/auth/delete-session.ts';
import { getMe } from '../services/auth/get-me.ts';
import { logIn } from '../services/auth/log-in.ts';
import { signUp } from '../services/auth/sign-up.ts';
import { registerRoute } from './register-route.ts';

/** Accounts: sign up, sign in, sign out, who am I. Sessions live in Postgres; the cookie holds the token. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const limit = authRateLimit(app.config.auth);

  registerRoute(
    app,
    routes.auth.signUp,
    async (request, reply) => {
      const signedUp = await signUp(app.prisma, request.body);
      const session = await createSession(app.prisma, signedUp.user.id);
      setAuthCookie(
        request,
        reply,
        app.config.auth,
        SESSION_COOKIE,
        session.token,
        session.expiresAt,
      );
      return reply.status(201).send(signedUp);
    },
    { config: limit },
  );

  registerRoute(
    app,
    routes.auth.logIn,
    async (request, reply) => {
      const user = await logIn(app.prisma, request.body);
      const session = await createSession(app.prisma, user.id);
      setAuthCookie(
        request,
        reply,
        app.config.auth,
        SESSION_COOKIE,
        session.token,
        session.expiresAt,
      );
      return { user };
    },
    { config: limit },
  );

  registerRoute(app, routes.auth.logOut, async (request, reply) => {
    // The same credentials that authenticate a request (credentials.ts): a
    // script that signed in with `Authorization: Bearer jbss_…` signs out with it.
    const { sessionToken, guestToken } = credentialsFrom(request);
    for (const token of [sessionToken, guestToken]) {
      const sessionId = token ? await deleteSession(app.prisma, token) : null;
      if (sessionId) app.sync.revoke(grantKey.session(sessionId));
    }
    for (const name of [SESSION_COOKIE, GUEST_COOKIE]) clearAuthCookie(reply, name);
    return reply.status(204).send(null);
  });

  registerRoute(app, routes.auth.me, async (request) =>
    getMe(app.prisma, await request.getActor()),
  );
};
