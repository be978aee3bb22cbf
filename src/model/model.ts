/**
 * The one vocabulary of schemawright (DESIGN §2). Every node reads and writes this model; every artifact is
 * derived from it. Names here are logical: entity names are PascalCase singular, field names camelCase; the
 * physical names (table, column) are stored beside them so that an existing schema can keep its own.
 */
import { z } from 'zod';

export const NodeName = z.enum(['extract', 'relationships', 'indexes', 'tenancy', 'migration', 'validate']);
export type NodeName = z.infer<typeof NodeName>;

/** Where an item came from: a PRD line, a JSON path, a rule, the model or an existing schema. */
export const Provenance = z.object({
  source: z.enum(['prd', 'model', 'rule', 'llm', 'existing']),
  /** 1-based line in the PRD, when the item came from a PRD. */
  line: z.number().int().positive().optional(),
  /** The PRD text or JSON path the item was read from, or the rule that created it. */
  ref: z.string().optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const LogicalType = z.enum([
  'string', // short text: names, codes, emails (varchar when maxLength is known, text otherwise)
  'text', // long text: descriptions, bodies
  'integer',
  'bigint',
  'decimal', // exact numbers: money, quantities, percentages
  'float',
  'boolean',
  'date',
  'datetime', // always timestamptz(3)
  'time',
  'uuid',
  'json',
  'enum',
]);
export type LogicalType = z.infer<typeof LogicalType>;

/** What a field is for, beyond the business attributes the PRD asks for. */
export const FieldRole = z.enum(['id', 'tenant', 'audit', 'foreign-key', 'soft-delete', 'attribute']);
export type FieldRole = z.infer<typeof FieldRole>;

export const FieldDefault = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), value: z.union([z.string(), z.number(), z.boolean()]) }),
  z.object({ kind: z.literal('now') }),
  z.object({ kind: z.literal('uuid') }),
]);
export type FieldDefault = z.infer<typeof FieldDefault>;

export const Field = z.object({
  name: z.string().min(1),
  column: z.string().min(1),
  type: LogicalType,
  required: z.boolean(),
  role: FieldRole.default('attribute'),
  default: FieldDefault.optional(),
  /** Length limit for strings; precision/scale for decimals. */
  maxLength: z.number().int().positive().optional(),
  precision: z.number().int().positive().optional(),
  scale: z.number().int().nonnegative().optional(),
  /** For type 'enum': the Prisma enum name and its values (snake_case labels). */
  enumName: z.string().optional(),
  enumValues: z.array(z.string().min(1)).optional(),
  description: z.string().optional(),
  provenance: Provenance.optional(),
});
export type Field = z.infer<typeof Field>;

export const EntityKind = z.enum(['tenant-root', 'tenant', 'global', 'reference', 'junction']);
export type EntityKind = z.infer<typeof EntityKind>;

export const Entity = z.object({
  name: z.string().min(1),
  table: z.string().min(1),
  kind: EntityKind,
  description: z.string().optional(),
  fields: z.array(Field),
  /** Rows are moved to a trash (deleted_at) rather than deleted; uniqueness then applies to live rows only. */
  softDelete: z.boolean().default(false),
  provenance: Provenance.optional(),
});
export type Entity = z.infer<typeof Entity>;

export const ReferentialAction = z.enum(['Cascade', 'Restrict', 'NoAction', 'SetNull', 'SetDefault']);
export type ReferentialAction = z.infer<typeof ReferentialAction>;

export const Cardinality = z.enum(['many-to-one', 'one-to-one', 'many-to-many']);
export type Cardinality = z.infer<typeof Cardinality>;

/**
 * A relation between two entities. Many-to-one and one-to-one relations own a foreign key on `from`
 * (`field`); the relationships node turns every many-to-many into a junction entity with two many-to-one
 * relations and keeps the many-to-many record (with `through`) for documentation and scoring.
 */
export const Relation = z.object({
  /** A name unique within `from`: the role of the target ("assignees", "lead", "parentTask"). */
  name: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  cardinality: Cardinality,
  /** The FK field on `from` (many-to-one, one-to-one). */
  field: z.string().optional(),
  required: z.boolean().default(false),
  onDelete: ReferentialAction.optional(),
  onUpdate: ReferentialAction.optional(),
  /** Many-to-many: the junction entity. */
  through: z.string().optional(),
  /** Set by the tenancy node: the FK is (org_id, field) → (org_id, id), so it cannot cross tenants. */
  tenantComposite: z.boolean().default(false),
  /** Why onDelete was chosen: a PRD line or the rule that decided it. */
  why: z.string().optional(),
  provenance: Provenance.optional(),
});
export type Relation = z.infer<typeof Relation>;

/** A condition of a partial index; every condition of an index must hold (AND). */
export const Predicate = z.discriminatedUnion('op', [
  z.object({ field: z.string(), op: z.literal('eq'), value: z.union([z.string(), z.number(), z.boolean()]) }),
  z.object({ field: z.string(), op: z.literal('isNull') }),
  z.object({ field: z.string(), op: z.literal('isNotNull') }),
]);
export type Predicate = z.infer<typeof Predicate>;

export const IndexSource = z.enum(['foreign-key', 'natural-key', 'query-pattern', 'partial', 'tenant', 'junction']);
export type IndexSource = z.infer<typeof IndexSource>;

export const Index = z.object({
  entity: z.string(),
  /** Field names, in key order. */
  fields: z.array(z.string()).min(1),
  unique: z.boolean().default(false),
  where: z.array(Predicate).default([]),
  /** Physical index name; derived when absent. */
  name: z.string().optional(),
  source: IndexSource,
  why: z.string(),
  provenance: Provenance.optional(),
});
export type Index = z.infer<typeof Index>;

export const SortDirection = z.enum(['asc', 'desc']);

/** An access path the PRD calls out; the indexes node serves each with an index, the validator proves it. */
export const QueryPattern = z.object({
  entity: z.string(),
  description: z.string(),
  /** Equality filters (field names). */
  equality: z.array(z.string()).default([]),
  /** A range filter (field name), served after the equality columns. */
  range: z.string().optional(),
  orderBy: z.array(z.object({ field: z.string(), direction: SortDirection.default('asc') })).default([]),
  /** Extra conditions every query of this pattern carries (e.g. assignee IS NULL, deleted_at IS NULL). */
  where: z.array(Predicate).default([]),
  provenance: Provenance.optional(),
});
export type QueryPattern = z.infer<typeof QueryPattern>;

export const ReferenceValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const ReferenceData = z.object({
  entity: z.string(),
  /** Rows keyed by field name. */
  rows: z.array(z.record(z.string(), ReferenceValue)).min(1),
  provenance: Provenance.optional(),
});
export type ReferenceData = z.infer<typeof ReferenceData>;

export const Policy = z.object({
  entity: z.string(),
  name: z.string(),
  command: z.enum(['ALL', 'SELECT', 'INSERT', 'UPDATE', 'DELETE']),
  role: z.string(),
  using: z.string().optional(),
  withCheck: z.string().optional(),
});
export type Policy = z.infer<typeof Policy>;

export const Level = z.enum(['error', 'warning', 'info']);
export type Level = z.infer<typeof Level>;

export const Finding = z.object({
  ruleId: z.string(),
  level: Level,
  category: z.enum(['input', 'security', 'performance', 'integrity', 'naming', 'migration', 'extraction']),
  /** What the finding is about: "tasks", "tasks.project_id", "Task.status". */
  target: z.string(),
  message: z.string(),
  fix: z.string(),
  /** The node that owns the fix; the graph routes back to it. Absent: no node can fix it. */
  owner: NodeName.optional(),
  round: z.number().int().nonnegative().optional(),
});
export type Finding = z.infer<typeof Finding>;

export const Tenancy = z.object({
  rootEntity: z.string().default('Organization'),
  /** The entity of the people who sign in ("User", or the PRD's own name for them: agents, employees). */
  userEntity: z.string().default('User'),
  /** Logical field name and column of the tenant key on tenant tables. */
  field: z.string().default('orgId'),
  column: z.string().default('org_id'),
  /** The session setting the policies read. */
  setting: z.string().default('app.current_org_id'),
  /** The role the application connects as; RLS policies apply to it. */
  appRole: z.string().default('app_user'),
});
export type Tenancy = z.infer<typeof Tenancy>;

export const DataModel = z.object({
  name: z.string().default('app'),
  tenancy: Tenancy.default(Tenancy.parse({})),
  entities: z.array(Entity),
  relations: z.array(Relation).default([]),
  indexes: z.array(Index).default([]),
  queryPatterns: z.array(QueryPattern).default([]),
  referenceData: z.array(ReferenceData).default([]),
  policies: z.array(Policy).default([]),
});
export type DataModel = z.infer<typeof DataModel>;
export type DataModelInput = z.input<typeof DataModel>;
