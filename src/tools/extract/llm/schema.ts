/**
 * What the model answers: a patch over the deterministic draft, never a whole DataModel (anchors §1.2: the
 * model edits a typed IR, code derives everything else). A patch is small, names what it touches, and every
 * item carries its reason and PRD line, so the merge can check each one and the report can show why.
 *
 * OpenAI's strict structured output makes every property required: optional facts are `.nullable()`, never
 * `.optional()`, and free-form maps (reference rows) are lists of {field, value} pairs.
 */
import { z } from 'zod';
import { Cardinality, LogicalType, ReferentialAction } from '../../../model/model.ts';

const reason = z.string().describe('Why, in one sentence, quoting or citing the PRD');
const prdLine = z.number().int().nullable().describe('1-based PRD line this comes from (the numbers in the left margin), null if none');
const entityName = z.string().describe('Entity name: PascalCase singular, e.g. "LineItem"');
const fieldName = z.string().describe('Field name: camelCase, e.g. "dueDate"');
const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const FieldSpec = z.object({
  name: fieldName,
  type: LogicalType,
  required: z.boolean().describe('true when every row must have a value'),
  maxLength: z.number().int().nullable().describe('Length limit of a string, when the PRD states one'),
  precision: z.number().int().nullable().describe('Total digits of a decimal (money: 12)'),
  scale: z.number().int().nullable().describe('Digits after the point of a decimal (money: 2)'),
  enumValues: z.array(z.string()).nullable().describe('For type "enum": the values as snake_case labels'),
  default: scalar.nullable().describe('A literal default value; "now" for the current time on a datetime'),
  description: z.string().nullable(),
});
export type FieldSpec = z.infer<typeof FieldSpec>;

const Predicate = z.object({
  field: fieldName,
  op: z.enum(['eq', 'isNull', 'isNotNull']),
  value: scalar.nullable().describe('The value for "eq"; null for isNull / isNotNull'),
});
export type PatchPredicate = z.infer<typeof Predicate>;

const item = { reason, prdLine };

export const ExtractionPatch = z.object({
  addEntities: z.array(z.object({
    name: entityName,
    kind: z.enum(['tenant', 'global', 'reference']).describe('tenant: rows belong to one organization; global: shared by all; reference: fixed lookup rows seeded once'),
    softDelete: z.boolean().describe('Rows go to a trash (deleted_at) instead of being deleted'),
    description: z.string().nullable(),
    fields: z.array(FieldSpec).describe('Business attributes only: no id, orgId, timestamps or foreign keys (relations add those)'),
    ...item,
  })),
  renameEntities: z.array(z.object({ from: entityName, to: entityName, ...item })),
  dropEntities: z.array(z.object({ name: entityName, ...item }).describe('An entity the draft invented from text that is not a thing the product stores')),
  correctEntities: z.array(z.object({
    name: entityName,
    kind: z.enum(['tenant', 'global', 'reference']).nullable(),
    softDelete: z.boolean().nullable(),
    ...item,
  })),
  addFields: z.array(z.object({ entity: entityName, field: FieldSpec, ...item })),
  dropFields: z.array(z.object({ entity: entityName, field: fieldName, ...item })),
  correctFields: z.array(z.object({
    entity: entityName,
    field: fieldName,
    rename: fieldName.nullable(),
    type: LogicalType.nullable(),
    required: z.boolean().nullable(),
    maxLength: z.number().int().nullable(),
    enumValues: z.array(z.string()).nullable(),
    default: scalar.nullable(),
    ...item,
  }).describe('Only the non-null properties change')),
  addRelations: z.array(z.object({
    from: entityName.describe('The entity that holds the reference (the "many" side)'),
    to: entityName,
    name: fieldName.describe('The role of the target seen from `from`: "assignee", "project", "tags"; the foreign key is <name>Id'),
    cardinality: Cardinality,
    required: z.boolean(),
    onDelete: ReferentialAction.nullable().describe('Only when the PRD says what happens on delete; null lets the rules decide'),
    ...item,
  })),
  dropRelations: z.array(z.object({ from: entityName, name: fieldName, ...item })),
  correctRelations: z.array(z.object({
    from: entityName,
    name: fieldName,
    to: entityName.nullable(),
    cardinality: Cardinality.nullable(),
    required: z.boolean().nullable(),
    onDelete: ReferentialAction.nullable(),
    ...item,
  }).describe('Only the non-null properties change')),
  naturalKeys: z.array(z.object({
    entity: entityName,
    fields: z.array(fieldName).describe('Key fields in order; start with "orgId" when unique per organization'),
    ...item,
  })),
  partialUniques: z.array(z.object({
    entity: entityName,
    fields: z.array(fieldName).describe('e.g. ["orgId"] for "one default per organization"'),
    where: z.array(Predicate).describe('The rows the rule applies to, e.g. isDefault eq true'),
    ...item,
  })),
  queryPatterns: z.array(z.object({
    entity: entityName,
    description: z.string(),
    equality: z.array(fieldName).describe('Fields compared with ='),
    range: fieldName.nullable().describe('One field filtered by a range (<, >, between)'),
    orderBy: z.array(z.object({ field: fieldName, direction: z.enum(['asc', 'desc']) })),
    where: z.array(Predicate).describe('Conditions every query of this pattern carries'),
    ...item,
  })),
  referenceRows: z.array(z.object({
    entity: entityName,
    rows: z.array(z.object({ values: z.array(z.object({ field: fieldName, value: scalar.nullable() })) })),
    ...item,
  })),
  removeDraftItems: z.array(z.object({
    id: z.string().describe('The id of a key, pattern or reference-data item of the draft ("key:2", "pattern:1", "rows:1")'),
    ...item,
  })),
  notData: z.array(z.object({
    prdLine: z.number().int().describe('A line listed as "not understood" that states no data requirement'),
    reason,
  })),
});
export type ExtractionPatch = z.infer<typeof ExtractionPatch>;

/** The name the schema goes by in the request (json_schema name or tool name). */
export const PATCH_SCHEMA_NAME = 'extraction_patch';
