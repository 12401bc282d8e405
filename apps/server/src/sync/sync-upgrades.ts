/**
 * Sync socket upgrades, taken straight from the HTTP server's 'upgrade'
 * event: `GET /sync/<mapId>` becomes a `ws` WebSocket handed to the sync
 * service; anything else is answered 404, and 503 once shutdown began.
 *
 * Why not a Fastify route (@fastify/websocket): a route's socket keeps its
 * upgrade's FastifyRequest and FastifyReply — with the raw request, headers,
 * logger child and context — alive for the socket's lifetime (the largest
 * part of an idle connection's memory). Here a connection keeps only its `ws` socket; the
 * upgrade's headers and cookies are read once, by the access check
 * (access.ts), and dropped. `clientTracking` is off too: the sync service
 * already knows its connections.
 *
 * Shutdown: `refuse()` answers new upgrades 503 at the socket. Clients
 * reconnect the moment we close them (1001); an upgrade left unanswered would
 * hold `server.close()` — and the shutdown — open.
 */
import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { SYNC_SUBPROTOCOL } from '../policy/credentials.ts';
import { SyncSocket } from './sync-socket.ts';

/** What the access check reads from an upgrade; nothing else of it outlives the upgrade. */
export interface UpgradeRequest {
  readonly headers: IncomingHttpHeaders;
  readonly cookies: Readonly<Record<string, string | undefined>>;
}

export interface SyncUpgradesOptions {
  readonly server: Server;
  /**
   * false (ROLE=api): every upgrade is answered 421 Misdirected Request — a
   * proxy that sends /sync here is misconfigured, and the client retries.
   */
  readonly accept: boolean;
  /** Larger frames close their socket with 1009 (`ws`). */
  readonly maxPayload: number;
  /** The app's cookie parser (@fastify/cookie's `parseCookie`). */
  readonly parseCookies: (header: string) => Record<string, string | undefined>;
  /** Called synchronously with the open socket (connection.ts relies on it). */
  readonly onSocket: (socket: SyncSocket, request: UpgradeRequest, mapId: string) => void;
}

/** `/sync/<mapId>`, optionally followed by a query (the stock client adds its params). */
const SYNC_PATH = /^\/sync\/([^/?#]+)(?:\?|$)/;

export class SyncUpgrades {
  private readonly options: SyncUpgradesOptions;
  private readonly sockets: WebSocketServer;
  private refusing = false;

  constructor(options: SyncUpgradesOptions) {
    this.options = options;
    this.sockets = new WebSocketServer({
      noServer: true,
      WebSocket: SyncSocket,
      clientTracking: false,
      maxPayload: options.maxPayload,
      // Share tokens may be offered as subprotocols (see access.ts); the
      // server only ever selects `journeyboard`, so a token is never echoed.
      handleProtocols: (protocols) => (protocols.has(SYNC_SUBPROTOCOL) ? SYNC_SUBPROTOCOL : false),
    });
    options.server.on('upgrade', this.onUpgrade);
  }

  /** From now on, upgrades are answered 503 (shutdown). */
  refuse(): void {
    this.refusing = true;
  }

  /** Stops listening for upgrades. Open sockets are the sync service's to close. */
  close(): void {
    this.options.server.off('upgrade', this.onUpgrade);
    this.sockets.close();
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (this.refusing) return reject(socket, '503 Service Unavailable');
    if (!this.options.accept) return reject(socket, '421 Misdirected Request');
    const match = SYNC_PATH.exec(request.url ?? '');
    if (!match) return reject(socket, '404 Not Found');
    const mapId = match[1]!;
    const upgrade: UpgradeRequest = {
      headers: request.headers,
      cookies: this.options.parseCookies(request.headers.cookie ?? ''),
    };
    this.sockets.handleUpgrade(request, socket, head, (webSocket) => {
      this.options.onSocket(webSocket as SyncSocket, upgrade, mapId);
    });
  };
}

function reject(socket: Duplex, status: string): void {
  socket.on('error', () => undefined); // the client may already be gone
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
