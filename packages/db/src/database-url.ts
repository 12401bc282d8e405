// Helpers for Postgres connection strings. We edit the URL instead of parsing
// it into a pg config object so every other parameter (password encoding,
// sslmode, ?host=/socket/dir, …) survives untouched.

/** The same server and credentials, but another database. */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Double-quotes an identifier for SQL (CREATE/DROP DATABASE take no bind parameters). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
