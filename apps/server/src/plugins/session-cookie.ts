import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthConfig } from '../config/config.ts';

/** Secure when people reach us over https (directly, via PUBLIC_URL, or a trusted proxy). */
function isSecure(request: FastifyRequest, auth: AuthConfig): boolean {
  return request.protocol === 'https' || Boolean(auth.publicUrl?.startsWith('https:'));
}

export function setAuthCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  auth: AuthConfig,
  name: string,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(name, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request, auth),
    path: '/',
    expires: expiresAt,
  });
}

export function clearAuthCookie(reply: FastifyReply, name: string): void {
  reply.clearCookie(name, { path: '/' });
}

/** The address links are built on: PUBLIC_URL, else the address this request came to. */
export function publicOrigin(request: FastifyRequest, auth: AuthConfig): string {
  if (auth.publicUrl) return new URL(auth.publicUrl).origin;
  return `${request.protocol}://${request.host}`;
}
