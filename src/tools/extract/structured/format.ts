/**
 * The structured JSON input (../shared/evals/README.md "The structured input format"), checked by zod so that
 * a malformed model is rejected with the path of each problem. Optional extensions beyond that format are
 * marked; they let a caller say what the PRD format cannot (scope, soft delete, seed rows).
 */
import { z } from 'zod';

const identifier = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must start with a letter and contain only letters, digits and underscores');

export const StructuredFieldType = z.enum([
  'string', 'text', 'integer', 'bigint', 'decimal', 'float', 'boolean', 'date', 'datetime', 'time', 'uuid', 'json', 'enum',
]);

export const StructuredField = z
  .object({
    name: identifier,
    type: StructuredFieldType,
    required: z.boolean().default(false),
    unique: z.boolean().optional(),
    uniqueScope: z.enum(['global', 'organization']).optional(),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    maxLength: z.number().int().positive().optional(),
    precision: z.number().int().positive().optional(),
    scale: z.number().int().nonnegative().optional(),
    values: z.array(z.string().min(1)).min(1).optional(),
    description: z.string().optional(),
  })
  .refine((f) => f.type !== 'enum' || f.values !== undefined, { message: 'an enum field needs "values"', path: ['values'] });

export const StructuredEntity = z.object({
  name: identifier,
  description: z.string().optional(),
  fields: z.array(StructuredField).default([]),
  uniqueTogether: z.array(z.array(identifier).min(1)).default([]),
  /** Extension: 'reference' = platform-wide read-only lookup list; 'global' = shared across organizations. */
  scope: z.enum(['tenant', 'global', 'reference']).optional(),
  /** Extension: rows are trashed (deleted_at) instead of deleted. */
  softDelete: z.boolean().optional(),
  /** Extension: reference rows to seed, keyed by field name. */
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))).optional(),
});

const onDelete = z.enum(['cascade', 'restrict', 'setNull', 'noAction']);

export const StructuredRelationship = z.discriminatedUnion('cardinality', [
  z.object({
    cardinality: z.enum(['many-to-one', 'one-to-one']),
    name: identifier.optional(),
    from: identifier,
    to: identifier,
    field: identifier,
    required: z.boolean().default(false),
    onDelete: onDelete.optional(),
  }),
  z.object({
    cardinality: z.literal('many-to-many'),
    name: identifier.optional(),
    from: identifier,
    to: identifier,
    through: z
      .object({ name: identifier, fields: z.array(StructuredField).default([]) })
      .optional(),
  }),
]);

export const StructuredConstraint = z.object({
  entity: identifier,
  kind: z.literal('unique'),
  fields: z.array(identifier).min(1),
  where: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  description: z.string().optional(),
});

export const StructuredQueryPattern = z
  .object({
    entity: identifier.optional(),
    relationship: identifier.optional(),
    description: z.string().default(''),
    filter: z.array(identifier).default([]),
    range: identifier.optional(),
    orderBy: z.array(z.object({ field: identifier, direction: z.enum(['asc', 'desc']).default('asc') })).default([]),
  })
  .refine((q) => (q.entity === undefined) !== (q.relationship === undefined), {
    message: 'a query pattern names exactly one of "entity" or "relationship"',
  });

export const StructuredInput = z.object({
  schemaVersion: z.string().optional(),
  kind: z.literal('data-model').optional(),
  product: z.string().optional(),
  description: z.string().optional(),
  tenancy: z
    .object({ tenantEntity: identifier.default('Organization'), tenantKey: identifier.default('orgId') })
    .default({ tenantEntity: 'Organization', tenantKey: 'orgId' }),
  entities: z.array(StructuredEntity).min(1, 'the model needs at least one entity'),
  relationships: z.array(StructuredRelationship).default([]),
  constraints: z.array(StructuredConstraint).default([]),
  queryPatterns: z.array(StructuredQueryPattern).default([]),
});
export type StructuredInput = z.infer<typeof StructuredInput>;
export type StructuredField = z.infer<typeof StructuredField>;
