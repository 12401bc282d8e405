/**
 * Random ids for stages, lanes and cards. Uses getRandomValues rather than
 * randomUUID because the latter only exists in secure contexts, and
 * self-hosted boards are often served over plain http on a LAN.
 */
export function createId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += byte.toString(16).padStart(2, '0');
  return id;
}
