/** Optional Bearer API keys. Keys are compared as SHA-256 digests in constant time, so timing leaks nothing. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.ts';

export type Authenticate = (request: FastifyRequest) => Promise<void>;

export function bearerAuth(keys: readonly string[]): Authenticate {
  const digests = keys.map(digest);
  return async (request) => {
    if (digests.length === 0) return;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const presented = match?.[1] ? digest(match[1]) : undefined;
    // Compare against every key so the time taken does not tell which key (if any) came close.
    const ok = presented !== undefined && digests.reduce((found, d) => timingSafeEqual(d, presented) || found, false);
    if (!ok)
      throw new HttpProblem(401, 'unauthorized', match ? 'The API key is not valid.' : 'Send an API key as "Authorization: Bearer <key>".', {
        headers: { 'www-authenticate': 'Bearer realm="schemawright"' },
      });
  };
}

/**
 * Who a request counts against for rate limiting. Runs after authentication, so with keys configured the key is a
 * valid one; without keys a made-up Bearer value must not buy a fresh bucket, so the address counts.
 */
export function clientKey(request: FastifyRequest, authEnabled: boolean): string {
  const match = /^Bearer\s+(\S+)/i.exec(request.headers.authorization ?? '');
  return authEnabled && match?.[1] ? `key:${digest(match[1]).toString('hex').slice(0, 16)}` : `ip:${request.ip}`;
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
