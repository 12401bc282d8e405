// @hocuspocus/server 4.7.0 with its defaults, no extensions (no persistence, no auth).
import { Server } from '@hocuspocus/server';
import { announce, onStop } from './lifecycle.ts';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
await server.listen();
announce(server.address.port);
onStop(() => server.destroy());
