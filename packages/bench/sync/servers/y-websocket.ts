// @y/websocket-server 0.1.1 as its README runs it: an HTTP server whose
// upgrades go to setupWSConnection. No persistence, no auth.
import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { announce, onStop } from './lifecycle.ts';

const server = http.createServer((_request, response) => {
  response.writeHead(200).end('ok');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (socket, request) => setupWSConnection(socket, request));
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  announce(typeof address === 'object' && address ? address.port : 0);
});
onStop(
  () =>
    new Promise<void>((resolve) => {
      wss.close();
      server.close(() => resolve());
    }),
);
