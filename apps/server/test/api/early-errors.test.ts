/**
 * Errors before routing (src/errors/early-errors.ts) answer in the catalogue's
 * shape. Over a real socket: the 431 comes from Node's HTTP parser, which
 * `inject` bypasses, and the others should look the same on the wire.
 */
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../helpers/test-config.ts';

let app: FastifyInstance;
let port: number;
beforeAll(async () => {
  app = await buildApp(testConfig());
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await app.close();
});

/** Sends `head` as is and reads the whole answer (the server closes or it is complete). */
function rawRequest(head: string): Promise<{ status: number; type: string; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const finish = () => {
      socket.destroy();
      const [headers = '', body = ''] = data.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1]);
      const type = /content-type: ([^\r\n]+)/i.exec(headers)?.[1] ?? '';
      try {
        resolve({ status, type, body: JSON.parse(body) });
      } catch {
        reject(new Error(`not JSON: ${data.slice(0, 300)}`));
      }
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      const length = Number(/content-length: (\d+)/i.exec(data)?.[1]);
      const bodyAt = data.indexOf('\r\n\r\n');
      if (bodyAt !== -1 && Buffer.byteLength(data.slice(bodyAt + 4)) >= length) finish();
    });
    socket.on('end', finish);
    socket.on('error', reject);
    socket.write(head);
  });
}

const get = (path: string, extraHeaders = '') =>
  rawRequest(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${extraHeaders}Connection: close\r\n\r\n`);

describe('errors before routing', () => {
  it('a malformed percent-encoding in the path: 400 BAD_URL, without echoing the path', async () => {
    const answer = await get('/api/maps/jbsh_secret%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/application\/json/);
    expect(answer.body).toEqual({
      error: {
        code: 'BAD_URL',
        message: 'The address is not valid: a % in it must be followed by two hex digits.',
      },
    });
    expect(JSON.stringify(answer.body)).not.toContain('jbsh_secret');
  });

  it('a path parameter over 100 characters: 414 URI_TOO_LONG', async () => {
    const answer = await get(`/api/maps/${'a'.repeat(101)}`);
    expect(answer.status).toBe(414);
    expect(answer.body).toMatchObject({ error: { code: 'URI_TOO_LONG' } });
  });

  it("an oversized request line or headers (Node's parser): 431 HEADERS_TOO_LARGE", async () => {
    const longLine = await get(`/api/maps?workspaceId=${'a'.repeat(20_000)}`);
    expect(longLine.status).toBe(431);
    expect(longLine.body).toMatchObject({
      error: { code: 'HEADERS_TOO_LARGE', message: expect.stringContaining('too large') },
    });
    const bigHeader = await get('/api/health', `X-Filler: ${'b'.repeat(20_000)}\r\n`);
    expect(bigHeader.status).toBe(431);
    expect(bigHeader.body).toMatchObject({ error: { code: 'HEADERS_TOO_LARGE' } });
  });

  it('a request that is not HTTP: 400 BAD_REQUEST in the same shape', async () => {
    const answer = await rawRequest('NOT HTTP AT ALL\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('the server keeps answering afterwards', async () => {
    const health = await get('/api/health');
    expect(health.status).toBe(200);
  });
});
