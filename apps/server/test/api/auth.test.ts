import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMapFixture } from '../factories/map-factory.ts';
import { cookieFrom, createUserFixture, TEST_PASSWORD } from '../factories/user-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

const app = useTestApp();
const email = () => `auth-${randomUUID().slice(0, 8)}@example.test`;

describe('sign up, sign in, sign out', () => {
  it('signs up with a session cookie (httpOnly, SameSite=Lax) and a personal workspace', async () => {
    const address = email();
    const response = await app().inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: `  ${address.toUpperCase()} `, password: TEST_PASSWORD, name: 'Ann' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().user).toMatchObject({ email: address, name: 'Ann' });
    const cookie = response.cookies.find((c) => c.name === 'jb_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy(); // plain http here; https sets Secure

    const me = await app().inject({ url: '/api/me', headers: { cookie: cookieFrom(response) } });
    expect(me.json()).toMatchObject({
      kind: 'user',
      user: { email: address },
      workspaces: [{ personal: true, role: 'owner' }],
    });
    // Only a hash of the session token is stored.
    const token = cookie!.value;
    expect(await app().prisma.session.count({ where: { tokenHash: token } })).toBe(0);
  });

  it('says clearly when the email is taken, the password too short or the login wrong', async () => {
    const user = await createUserFixture(app());
    const taken = await app().inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: user.user.email, password: TEST_PASSWORD, name: 'Again' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: 'EMAIL_TAKEN',
      message: expect.stringContaining('Sign in'),
    });

    const short = await app().inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: email(), password: 'short', name: 'Shorty' },
    });
    expect(short.statusCode).toBe(400);
    // A sentence for the person, without the field key; the key is in `issues`.
    expect(short.json().error.message).toBe('Use at least 10 characters for the password.');
    expect(short.json().error.issues).toEqual([
      { path: 'password', message: 'Use at least 10 characters for the password.' },
    ]);

    const unknownField = await app().inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: email(), password: TEST_PASSWORD, name: 'Extra', admin: true },
    });
    // zod's own "Unrecognized key" becomes a sentence that says what to do.
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.message).toBe(
      'This request does not take “admin”; remove it.',
    );

    for (const payload of [
      { email: user.user.email, password: 'wrong password!' },
      { email: email(), password: TEST_PASSWORD },
    ]) {
      const wrong = await app().inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('signs in, and signing out ends the session everywhere', async () => {
    const user = await createUserFixture(app());
    const login = await app().inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.user.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = cookieFrom(login);
    expect((await app().inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    const logout = await app().inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie },
    });
    expect(logout.statusCode).toBe(204);
    expect((await app().inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    // The other session (from sign-up) still works.
    expect((await user.inject({ url: '/api/me' })).statusCode).toBe(200);
  });

  it('refuses writes from another site (Origin), even with a valid session', async () => {
    const user = await createUserFixture(app());
    const response = await user.inject({
      method: 'POST',
      url: '/api/workspaces',
      headers: { origin: 'https://evil.example' },
      payload: { name: 'x' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('sends security headers: a CSP that allows our own ws:, no referrer, nosniff', async () => {
    const response = await app().inject({
      url: '/api/health',
      headers: { host: 'maps.test:3000' },
    });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain('ws://maps.test:3000');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limits', () => {
  const limited = useTestApp(testConfig({ auth: { rateLimitMax: 3 } }));

  it('limits sign-in attempts per address with 429 RATE_LIMITED', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await limited().inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: email(), password: 'whatever12345' },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json().error.code).toBe('RATE_LIMITED');
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});

describe('workshop joins', () => {
  // Sign-ins limited to 2, joins to 5: a room behind one address outnumbers the sign-in limit.
  const room = useTestApp(testConfig({ auth: { rateLimitMax: 2, workshopJoinRateLimitMax: 5 } }));

  it('let a room join from one address past the sign-in limit, with a limit of their own', async () => {
    const map = await createMapFixture(room());
    const link = (
      await map.owner.inject({
        method: 'POST',
        url: `/api/maps/${map.id}/workshop-links`,
        payload: {},
      })
    ).json<{ token: string }>();
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const joined = await room().inject({
        method: 'POST',
        url: '/api/workshop-links/join',
        payload: { token: link.token, name: `Participant ${i}` },
      });
      statuses.push(joined.statusCode);
      if (joined.statusCode === 429) expect(joined.json().error.code).toBe('RATE_LIMITED');
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });
});
