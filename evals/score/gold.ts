/**
 * The gold file (shared/evals/README.md, gold.schema.json) as a zod schema, plus the corpus rules the JSON
 * Schema cannot say: alias lists are disjoint, and every table list outside `entities` repeats an entity's or a
 * junction's list. A gold file that breaks them would make matching ambiguous, so it fails loudly instead.
 */
import { z } from 'zod';

const Name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a snake_case name (^[a-z][a-z0-9_]*$)');
const Aliases = z
  .array(Name)
  .min(1)
  .refine((list) => new Set(list).size === list.length, 'aliases must be unique');
const ColumnList = z.array(Aliases);
const OnDelete = z.enum(['Cascade', 'Restrict', 'NoAction', 'SetNull', 'SetDefault']);

const GoldField = z.strictObject({ names: Aliases, required: z.boolean().optional() });

const GoldEntity = z.strictObject({
  name: z.string(),
  tables: Aliases,
  tenantScoped: z.boolean(),
  tenantRoot: z.literal(true).optional(),
  fields: z.array(GoldField),
  naturalKeys: z.array(z.array(Aliases).min(1)),
});

const GoldRelationship = z.strictObject({
  from: Aliases,
  to: Aliases,
  fk: Aliases.optional(),
  kind: z.enum(['many-to-one', 'one-to-one']),
  required: z.boolean().optional(),
  onDelete: z.array(OnDelete).min(1).optional(),
});

const GoldManyToMany = z.strictObject({
  a: Aliases,
  b: Aliases,
  junction: Aliases.optional(),
  fields: z.array(GoldField).optional(),
});

const GoldQueryPattern = z.strictObject({
  table: Aliases,
  columns: ColumnList,
  sortOrRange: ColumnList.optional(),
  note: z.string(),
});

const GoldPartialIndex = z.strictObject({
  table: Aliases,
  columns: ColumnList,
  unique: z.boolean(),
  wherePredicateMentions: Aliases,
  note: z.string().optional(),
});

const GoldReferenceData = z.strictObject({
  tables: Aliases,
  minRows: z.number().int().min(1),
  global: z.boolean(),
  keyColumn: Aliases.optional(),
  mustInclude: z.array(z.string()).optional(),
});

export const Gold = z.strictObject({
  prd: z.string(),
  tenantKey: z.literal('org_id'),
  entities: z.array(GoldEntity).min(1),
  relationships: z.array(GoldRelationship),
  manyToMany: z.array(GoldManyToMany),
  queryPatterns: z.array(GoldQueryPattern),
  partialIndexes: z.array(GoldPartialIndex),
  referenceData: z.array(GoldReferenceData),
  allowedExtraTables: z.array(Name).optional(),
  source: z.record(z.string(), z.unknown()).optional(),
  multiTenant: z.boolean().optional(),
});

export type Gold = z.infer<typeof Gold>;
export type GoldField = z.infer<typeof GoldField>;
export type GoldRelationship = z.infer<typeof GoldRelationship>;
export type GoldManyToMany = z.infer<typeof GoldManyToMany>;
export type GoldQueryPattern = z.infer<typeof GoldQueryPattern>;
export type GoldReferenceData = z.infer<typeof GoldReferenceData>;

export class GoldError extends Error {
  constructor(file: string, problems: string[]) {
    super(`Invalid gold file ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'GoldError';
  }
}

/** Parses and checks a gold file's JSON; throws GoldError naming every problem with its JSON path. */
export function parseGold(json: unknown, file: string): Gold {
  const parsed = Gold.safeParse(json);
  if (!parsed.success) {
    throw new GoldError(
      file,
      parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    );
  }
  const problems = consistencyProblems(parsed.data);
  if (problems.length > 0) throw new GoldError(file, problems);
  return parsed.data;
}

/** Multi-tenant unless the file says otherwise (peer benchmarks set multiTenant: false). */
export function isMultiTenant(gold: Gold): boolean {
  return gold.multiTenant !== false;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  const text = path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
  return text || '(root)';
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((name, i) => name === b[i]);

function consistencyProblems(gold: Gold): string[] {
  const problems: string[] = [];
  const tableLists: Array<{ where: string; list: string[] }> = [
    ...gold.entities.map((e, i) => ({ where: `entities[${i}].tables`, list: e.tables })),
    ...gold.manyToMany.flatMap((m, i) => (m.junction ? [{ where: `manyToMany[${i}].junction`, list: m.junction }] : [])),
  ];

  const owner = new Map<string, string>();
  for (const { where, list } of tableLists) {
    for (const name of list) {
      const first = owner.get(name);
      if (first !== undefined) problems.push(`${where}: table alias "${name}" is also in ${first}`);
      else owner.set(name, where);
    }
  }

  gold.entities.forEach((entity, i) => {
    const seen = new Set<string>();
    for (const field of entity.fields) {
      for (const name of field.names) {
        if (seen.has(name)) problems.push(`entities[${i}].fields: field alias "${name}" appears in two fields`);
        seen.add(name);
      }
    }
  });

  const entityLists = gold.entities.map((e) => e.tables);
  const knownLists = tableLists.map((t) => t.list);
  const mustRepeat = (where: string, list: string[], allowed: string[][]): void => {
    if (!allowed.some((known) => sameList(known, list))) {
      problems.push(`${where}: alias list [${list.join(', ')}] is not identical to an entity's (or junction's) tables`);
    }
  };
  gold.relationships.forEach((r, i) => {
    mustRepeat(`relationships[${i}].from`, r.from, knownLists);
    mustRepeat(`relationships[${i}].to`, r.to, knownLists);
  });
  gold.manyToMany.forEach((m, i) => {
    mustRepeat(`manyToMany[${i}].a`, m.a, entityLists);
    mustRepeat(`manyToMany[${i}].b`, m.b, entityLists);
  });
  gold.queryPatterns.forEach((q, i) => mustRepeat(`queryPatterns[${i}].table`, q.table, knownLists));
  gold.partialIndexes.forEach((p, i) => mustRepeat(`partialIndexes[${i}].table`, p.table, knownLists));
  gold.referenceData.forEach((r, i) => mustRepeat(`referenceData[${i}].tables`, r.tables, knownLists));

  const roots = gold.entities.filter((e) => e.tenantRoot).length;
  if (isMultiTenant(gold) && roots !== 1) problems.push(`entities: expected exactly one tenantRoot entity, found ${roots}`);
  return problems;
}
