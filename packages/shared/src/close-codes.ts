/**
 * WebSocket close codes the sync server uses, with the reasons it sends.
 *
 * The stock y-websocket client (v3) stops reconnecting on 4400–4499 ("the
 * server decided; retrying can't help") and reconnects with backoff on every
 * other code, so the choice of code is the client's retry policy.
 */
export const CloseCode = {
  /** The server is going away (shutdown); the client reconnects to the next one. */
  goingAway: 1001,
  /** Text frames: the protocol is binary only. */
  unsupportedData: 1003,
  /** A frame that doesn't decode as a y-protocols message. */
  invalidPayload: 1007,
  /**
   * Presence updates faster than the limit (presence-limits.ts). Our web app
   * never gets near it; should some client, it reconnects and resyncs.
   */
  presenceTooFast: 1008,
  /** Set by `ws` itself when a frame exceeds `maxPayload`. */
  messageTooBig: 1009,
  /** A bug on our side; the client reconnects. */
  internalError: 1011,
  /** Backpressure: the client reads too slowly; it reconnects and resyncs. */
  tryAgainLater: 1013,
  /** Access changed (e.g. a new role): reconnect and be authorised afresh. */
  accessChanged: 4000,
  /** Revoked link, signed out, removed, link expired, foreign Origin: the client stops. */
  accessRevoked: 4403,
  mapNotFound: 4404,
  mapDeleted: 4410,
  /** A presence state over the size limit: sending it again can't succeed, so the client stops. */
  presenceTooLarge: 4413,
  /** The read-only share link already has its maximum of open connections; try again later. */
  shareLinkFull: 4429,
} as const;

export const CloseReason = {
  goingAway: 'server shutting down',
  tooSlow: 'too slow, reconnect',
  mapNotFound: 'map not found',
  /** Access ended for a reason the server doesn't name (the ones below are named). */
  accessRevoked: 'access revoked',
  /** The session ended: signed out here or elsewhere. */
  signedOut: 'signed out',
  /** The session ran its course (30 days; one that ends with its workshop link closes as linkExpired). */
  sessionExpired: 'session expired',
  /** The person was removed from the map's workspace. */
  removedFromWorkspace: 'removed from the workspace',
  /** The read-only share link was revoked. */
  shareLinkRevoked: 'share link revoked',
  /** The read-only link's password was changed or removed: the device's unlock ended. */
  shareLinkPasswordChanged: 'share link password changed',
  /** The device's unlock of a password link ran out (30 days after the password was typed). */
  shareLinkUnlockExpired: 'share link unlock expired',
  /** The workshop link the guest joined by was revoked (the facilitator ended the workshop). */
  workshopLinkRevoked: 'workshop link revoked',
  accessChanged: 'access changed',
  linkExpired: 'link expired',
  originNotAllowed: 'origin not allowed',
  mapDeleted: 'map deleted',
  internalError: 'internal error',
  boardReloaded: 'board reloaded, reconnect',
  binaryOnly: 'binary frames only',
  presenceTooLarge: 'presence state too large',
  presenceTooFast: 'presence updates too frequent',
  shareLinkFull: 'too many connections on this share link',
} as const;
