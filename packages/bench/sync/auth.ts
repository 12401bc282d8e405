/**
 * How the benchmark gets access to a map on OUR server — the one place to
 * change when the sync socket requires authentication. It goes through the
 * public path a person uses: create the map over the REST API, then connect
 * with whatever credentials that established (a session cookie once accounts
 * exist). The peers have no access control and need none of this.
 */
export interface Access {
  /** The map (document) to use. */
  readonly mapId: string;
  /** Headers for the WebSocket upgrade (e.g. the session cookie). */
  readonly headers: Record<string, string>;
}

export async function obtainAccess(baseUrl: string, title: string): Promise<Access> {
  const headers: Record<string, string> = {};
  // Accounts (issue 4): sign up, keep the session cookie. Without that route
  // (404) the server still lets anyone open an existing map.
  const signup = await fetch(`${baseUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`,
      password: 'benchmark-password-1',
      name: 'Benchmark',
    }),
  });
  const cookie = signup.headers.get('set-cookie');
  if (signup.ok && cookie) headers.cookie = cookie.split(';')[0]!;

  const response = await fetch(`${baseUrl}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ title }),
  });
  if (!response.ok)
    throw new Error(`creating a map failed: ${response.status} ${await response.text()}`);
  const map = (await response.json()) as { id: string };
  return { mapId: map.id, headers };
}
