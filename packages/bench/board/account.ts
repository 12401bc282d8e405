import { randomBytes } from 'node:crypto';

/**
 * Signs up a throwaway account and returns its cookie header, so the bench
 * works whether or not the server requires an account. Returns '' when the
 * server has no sign-up (every request is then anonymous).
 */
export async function signUp(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${randomBytes(4).toString('hex')}@example.com`,
      password: randomBytes(12).toString('hex'),
      name: 'Benchmark',
    }),
  });
  if (response.status === 404) return '';
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** name=value pairs of a cookie header, for Playwright's context.addCookies. */
export function parseCookies(header: string): { name: string; value: string }[] {
  return header
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1) };
    });
}
