/** Why an action that needs the server is not offered offline; shown beside it. */
export const needsServer = (what: string): string =>
  `${what} needs a connection to the server; you’re offline.`;
