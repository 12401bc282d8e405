/**
 * Which navigations the service worker answers with the cached app shell
 * (index.html). Imported by vite.config.ts, which hands the list to workbox:
 * the regular expressions are copied into the generated sw.js as source text,
 * so keep them plain literals.
 *
 * Everything the server itself answers must reach the network: the REST API
 * (incl. /api/openapi.json and file downloads), the sync socket's HTTP
 * upgrade path, and the service worker's own files. A navigation there that
 * got index.html instead would show the app's 404 page in place of a JSON
 * error or the file.
 */
export const NAVIGATION_FALLBACK_DENYLIST: readonly RegExp[] = [
  /^\/api(?:\/|$|\?)/,
  /^\/sync(?:\/|$|\?)/,
  /^\/sw\.js(?:$|\?)/,
  /^\/workbox-[^/]*\.js(?:$|\?)/,
];

/** True when a navigation to `pathname` (with its search) may get the cached app shell. */
export function servesAppShell(pathAndSearch: string): boolean {
  return !NAVIGATION_FALLBACK_DENYLIST.some((pattern) => pattern.test(pathAndSearch));
}
