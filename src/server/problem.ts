/**
 * RFC 9457 problem details: every error the API returns has this shape and media type, and none carries a stack
 * trace. Internal errors are logged with the request id and answered with that id only.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError, type InputIssue } from '../errors.ts';

export const PROBLEM_TYPE = 'application/problem+json';

export const Problem = z
  .object({
    type: z.string().describe('A URN naming the kind of problem'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe('What was wrong, where (e.g. "body.prd")'),
    requestId: z.string().optional(),
  })
  .describe('Problem details (RFC 9457)');
export type Problem = z.infer<typeof Problem>;

/** An error the service answers on purpose; `headers` carries Retry-After and friends. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly slug: string;
  readonly errors?: InputIssue[];
  readonly headers: Record<string, string>;
  constructor(status: number, slug: string, detail: string, options: { errors?: InputIssue[]; headers?: Record<string, string> } = {}) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

const TITLES: Record<number, string> = {
  400: 'Invalid request', 401: 'Unauthorized', 404: 'Not found', 405: 'Method not allowed', 406: 'Not acceptable', 409: 'Conflict',
  413: 'Request body too large', 415: 'Unsupported media type', 429: 'Too many requests', 500: 'Internal error',
  503: 'Service unavailable', 504: 'Timed out',
};

export function problem(status: number, slug: string, detail: string, errors?: InputIssue[]): Problem {
  return { type: `urn:schemawright:problem:${slug}`, title: TITLES[status] ?? 'Error', status, detail, ...(errors?.length ? { errors } : {}) };
}

/** InputError paths are relative to the input; prefix them so they name the request field, like zod's do. */
export function inputProblem(error: InputError, field: 'prd' | 'model'): Problem {
  const errors = error.issues.map((issue) => ({ path: scopedPath(field, issue.path), message: issue.message }));
  return problem(400, 'invalid-input', error.message.split('\n')[0] ?? 'The input is invalid.', errors);
}

function scopedPath(field: string, path: string): string {
  if (/^line \d+/.test(path)) return `body.${field} ${path}`;
  return path ? `body.${field}${path.startsWith('[') ? '' : '.'}${path}` : `body.${field}`;
}

export function sendProblem(reply: FastifyReply, body: Problem, headers: Record<string, string> = {}): FastifyReply {
  return reply
    .code(body.status)
    .headers(headers)
    .type(PROBLEM_TYPE)
    .serializer(JSON.stringify)
    .send({ ...body, requestId: String(reply.request.id) });
}

/** Maps whatever was thrown to a problem; 5xx details never echo the internal message. */
export function toProblem(error: unknown, request: FastifyRequest): { body: Problem; headers: Record<string, string> } {
  if (error instanceof HttpProblem) return { body: problem(error.status, error.slug, error.message, error.errors), headers: error.headers };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const errors = error.validation.map((v) => ({ path: joinPointer(where, v.instancePath), message: v.message ?? 'invalid' }));
    return { body: problem(400, 'invalid-request', `The request ${where} does not match the API: ${errors.map((e) => e.path).join(', ')}.`, errors), headers: {} };
  }
  const status = (error as FastifyError | undefined)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = (error as FastifyError).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { body: problem(413, 'body-too-large', `The body is over the limit of ${request.routeOptions.bodyLimit ?? 'the server'} bytes. Send a smaller PRD or model.`), headers: {} };
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return { body: problem(415, 'unsupported-media-type', 'Send the request as application/json.'), headers: {} };
    return { body: problem(status, slugOf(status), (error as Error).message), headers: {} };
  }
  return { body: problem(500, 'internal', `Something went wrong on our side; quote request id ${String(request.id)} when reporting it.`), headers: {} };
}

function slugOf(status: number): string {
  return (TITLES[status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '-');
}

/** "/model/entities/0/name" under "body" → "body.model.entities[0].name" (InputError's path style). */
function joinPointer(root: string, pointer: string): string {
  return pointer
    .split('/')
    .filter(Boolean)
    .reduce((out, key) => (/^\d+$/.test(key) ? `${out}[${key}]` : `${out}.${key}`), root);
}
