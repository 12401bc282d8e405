/**
 * URLs for logs: share (/s/<token>) and workshop (/join/<token>) pages carry
 * a bearer token in the path, and query strings may carry anything. Neither
 * may reach a log file.
 *
 * The path is normalised before it is matched, the way a browser or a
 * lenient router would read it: percent-encoding decoded (repeatedly, for
 * `%252F`), backslashes and repeated slashes as one slash, dot segments
 * resolved, letters in any case. So `/S/<token>`, `//s/<token>`,
 * `/s%2F<token>` and `/x/../join/<token>` are all caught. As a second net,
 * any path segment holding one of our token prefixes (`jbsh_`, `jbss_`, …;
 * see services/auth/tokens.ts) is redacted wherever it appears.
 */
const TOKEN_PAGE = /^\/(s|join)\/[^/]+/i;
const TOKEN_IN_SEGMENT = /^.*jb(ss|gs|sh|ws|in)_.*$/i;

export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = normalisePath(queryAt === -1 ? url : url.slice(0, queryAt));
  const redacted = path
    .replace(TOKEN_PAGE, (_, page: string) => `/${page.toLowerCase()}/[redacted]`)
    .split('/')
    .map((segment) => segment.replace(TOKEN_IN_SEGMENT, '[redacted]'))
    .join('/');
  return queryAt === -1 ? redacted : `${redacted}?[redacted]`;
}

function normalisePath(path: string): string {
  let decoded = path;
  for (let round = 0; round < 5; round++) {
    const next = decodePercent(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  const segments: string[] = [];
  for (const segment of decoded.replaceAll('\\', '/').split(/\/+/)) {
    if (segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const joined = segments.join('/');
  return joined.startsWith('/') ? joined : `/${joined}`;
}

/** Decodes every valid run of %XX; a malformed one stays as it is (it is logged, not routed). */
function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9a-f]{2})/gi, (escape, hex: string) => {
        const code = Number.parseInt(hex, 16);
        return code < 0x80 ? String.fromCharCode(code) : escape;
      });
    }
  });
}
