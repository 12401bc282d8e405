import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

// Nothing listens on port 1: the database is "down" for this app.
const app = useTestApp({ ...testConfig(), databaseUrl: 'postgres://postgres@127.0.0.1:1/none' });

describe('when the database is down', () => {
  it('health answers 503 with db: down', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'degraded', db: 'down' });
  });

  it('API calls answer 503 DATABASE_UNAVAILABLE with a message a person can act on', async () => {
    // A session cookie makes the server look it up in the (unreachable) database.
    const response = await app().inject({
      method: 'GET',
      url: '/api/maps',
      headers: { cookie: 'jb_session=jbss_any' },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json().error).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringContaining('database is not reachable'),
    });
  });
});
