/**
 * The web page at `/`: plain ES modules and CSS from src/server/web, plus the few browser libraries the page
 * imports, read from node_modules and served under /vendor. Nothing is bundled and nothing comes from a CDN,
 * so the page works on machines without internet and there is no build step to forget.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../problem.ts';

const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

/** Only these files leave node_modules: URL name → package and file inside it (ESM builds, no bare imports). */
const VENDOR: Record<string, { pkg: string; file: string }> = {
  'dagre.js': { pkg: '@dagrejs/dagre', file: 'dist/dagre.esm.js' },
};

/**
 * The page only talks to its own origin; the policy makes a stray external URL fail loudly in development
 * instead of silently on a closed network.
 */
const CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export async function webRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
  });

  // One route per file found at start (wildcard: false): unknown paths reach the API's problem+json 404.
  await app.register(fastifyStatic, { root: WEB_ROOT, prefix: '/', wildcard: false, decorateReply: false, index: 'index.html' });

  const require = createRequire(import.meta.url);
  const cache = new Map<string, Buffer>();
  app.get<{ Params: { file: string } }>('/vendor/:file', { schema: { hide: true } }, async (request, reply) => {
    const entry = Object.hasOwn(VENDOR, request.params.file) ? VENDOR[request.params.file] : undefined;
    if (!entry) throw new HttpProblem(404, 'not-found', `There is no vendored file ${request.params.file}.`);
    let body = cache.get(request.params.file);
    if (!body) {
      body = await readFile(join(dirname(require.resolve(`${entry.pkg}/package.json`)), entry.file));
      cache.set(request.params.file, body);
    }
    // The version is pinned in package.json, so the file only changes with a deploy.
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);
  });
}
