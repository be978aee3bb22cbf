/**
 * TENANT_TABLE_MISSING_ORG_ID: every table the model declares tenant-scoped carries the tenant key as a NOT NULL
 * uuid that references the tenant root. Without it the policy has nothing to compare and an organization's
 * deletion leaves the rows behind.
 */
import { isTenantScoped } from '../../../model/index.ts';
import type { CatalogTable } from '../../database/catalog.ts';
import { fixText, violation, type Rule, type RuleContext } from './rule.ts';
import { q, rootTable } from './scope.ts';

export const tenantTableMissingOrgId: Rule = {
  id: 'tenant-table-missing-org-id',
  level: 'error',
  category: 'security',
  owner: 'tenancy',
  reads: 'database',
  title: 'Every tenant-scoped table has the tenant key: uuid NOT NULL, FK to the tenant root',
  remedy: 'The tenancy pass adds orgId (uuid, required, → organizations on delete Cascade) to the model',
  check: (context) => {
    const { model, catalog } = context;
    const tables = new Map((catalog?.tables ?? []).map((t) => [t.name, t]));
    return model.entities.filter(isTenantScoped).flatMap((entity) => {
      const table = tables.get(entity.table);
      const problems = table ? problemsOf(context, table) : [];
      if (problems.length === 0) return [];
      const column = q(model.tenancy.column);
      return [violation(tenantTableMissingOrgId, {
        target: `${entity.table}.${model.tenancy.column}`,
        message: `${entity.table} is tenant-scoped but its tenant key ${problems.join(', ')}: rows cannot be confined to one organization.`,
        fix: fixText({
          sql: `ALTER TABLE ${q(entity.table)} ADD COLUMN ${column} uuid NOT NULL ` +
            `REFERENCES ${q(rootTable(model))} (id) ON DELETE CASCADE;  -- or fix the existing column`,
          prisma: `${model.tenancy.field} String @map("${model.tenancy.column}") @db.Uuid plus its relation to ${model.tenancy.rootEntity} (onDelete: Cascade).`,
        }),
      })];
    });
  },
};

function problemsOf({ model }: RuleContext, table: CatalogTable): string[] {
  const name = model.tenancy.column;
  const column = table.columns.find((c) => c.name === name);
  if (!column) return [`column ${name} is missing`];
  const problems: string[] = [];
  if (column.type !== 'uuid') problems.push(`${name} is ${column.type}, not uuid`);
  if (!column.notNull) problems.push(`${name} allows NULL`);
  const root = rootTable(model);
  if (!table.foreignKeys.some((fk) => fk.columns.length === 1 && fk.columns[0] === name && fk.refTable === root))
    problems.push(`${name} does not reference ${root}`);
  return problems;
}
