/** The API's request and response shapes; fastify-type-provider-zod validates with them and /docs is built from them. */
import { z } from 'zod';
import { Problem } from './problem.ts';

export const GenerationBody = z
  .strictObject({
    prd: z.string().refine((text) => text.trim().length > 0, 'the PRD is empty').optional().describe('Product requirements document (markdown)'),
    model: z.record(z.string(), z.unknown()).optional().describe('A structured JSON model (the format of evals/structured-input.json)'),
    rounds: z.number().int().min(1).max(10).default(3).describe('Validation rounds before giving up'),
    llm: z.enum(['off', 'auto', 'on']).default('off').describe('LLM-assisted extraction: "auto" uses it when the server has an endpoint; "on" is refused (400) when it has none'),
    existing: z
      .strictObject({
        kind: z.enum(['sqlalchemy', 'prisma']).describe('A SQLAlchemy models file or a schema.prisma'),
        text: z.string().min(1, 'the existing models are empty'),
        file: z.string().max(200).optional().describe('Its file name, shown in findings'),
      })
      .optional()
      .describe('Existing models to reuse for naming, types and the tenant key (like the CLI\'s --existing)'),
    previous: z
      .strictObject({
        schema: z.string().min(1).describe('The project\'s current prisma/schema.prisma'),
        migrations: z
          .array(z.strictObject({ name: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'a migration folder name'), sql: z.string() }))
          .min(1)
          .describe('Its prisma/migrations folders in order, as { name, sql }'),
      })
      .optional()
      .describe('Evolution: the existing project; the result adds only the next migration (like the CLI\'s --from)'),
    name: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/, 'a letter, then letters, digits or underscores (at most 63)')
      .optional()
      .describe('Project name when the input does not give one'),
  })
  .superRefine((body, ctx) => {
    if (body.prd === undefined && body.model === undefined)
      ctx.addIssue({ code: 'custom', path: ['prd'], message: 'give either prd (markdown) or model (JSON)' });
    if (body.prd !== undefined && body.model !== undefined)
      ctx.addIssue({ code: 'custom', path: ['model'], message: 'give either prd or model, not both' });
  });
export type GenerationBody = z.infer<typeof GenerationBody>;

export const GenerationResult = z
  .object({
    valid: z.boolean().describe('True when validation passed: migration applies, isolation holds, no drift'),
    artifacts: z.record(z.string(), z.string()).describe('Relative path → file content, exactly what the CLI writes'),
    model: z.record(z.string(), z.unknown()).describe('The data model every artifact was derived from'),
    report: z.record(z.string(), z.unknown()).describe('report.json: findings, rounds, isolation probes, timings'),
  })
  .describe('A generated, validated Prisma project');

export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);

const JobLinks = z.object({ self: z.string(), events: z.string() });

export const JobAccepted = z.object({ id: z.uuid(), status: JobStatus, links: JobLinks });

export const JobView = z.object({
  id: z.uuid(),
  status: JobStatus,
  attempts: z.number().int().describe('Runs started; above 1 when a restarted server resumed the job'),
  createdAt: z.string(),
  updatedAt: z.string(),
  request: z.object({ kind: z.enum(['prd', 'model']), name: z.string().optional(), rounds: z.number().int(), llm: z.enum(['off', 'auto', 'on']) }),
  result: GenerationResult.optional().describe('Present once succeeded'),
  error: Problem.optional().describe('Present once failed'),
  links: JobLinks,
});

export const JobParams = z.object({ id: z.string() });

/** The error responses every /v1 route may give, for the docs (the body is application/problem+json). */
export const ProblemResponses = {
  400: Problem.describe('Invalid request: `errors` names each failing path'),
  401: Problem.describe('Missing or unknown API key'),
  413: Problem.describe('Body over the size limit'),
  429: Problem.describe('Rate limit exceeded; see Retry-After'),
  503: Problem.describe('Every validation slot and the queue are busy, or the server is restarting; see Retry-After'),
} as const;
