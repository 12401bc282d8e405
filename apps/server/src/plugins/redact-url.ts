/**
 * URLs for logs: share (/s/<token>) and workshop (/join/<token>) pages carry
 * a bearer token in the path, and query strings may carry anything. Neither
 * may reach a log file.
 */
export function redactUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  const redacted = path.replace(/^\/(s|join)\/[^/]+/, '/$1/[redacted]');
  return url.includes('?') ? `${redacted}?[redacted]` : redacted;
}
