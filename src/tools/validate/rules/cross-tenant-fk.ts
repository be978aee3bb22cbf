/**
 * CROSS_TENANT_FK (ours; Citus/Nile): PostgreSQL checks foreign keys without RLS, so a simple FK between two
 * tenant tables lets organization B point at organization A's row. Only a composite (org_id, x_id) →
 * (org_id, id) key closes that; the isolation probe proves the leak, this rule names it from the catalog.
 */
import type { CatalogForeignKey } from '../../database/catalog.ts';
import { fixText, violation, type Rule } from './rule.ts';
import { fieldNames, fkTarget, modelName, q, tenantTables } from './scope.ts';

export const crossTenantFk: Rule = {
  id: 'cross-tenant-fk',
  level: 'error',
  category: 'security',
  owner: 'relationships',
  reads: 'database',
  title: 'A foreign key between two tenant tables includes the tenant key on both sides',
  remedy: 'Composite FK (org_id, x_id) → (org_id, id), with @@unique([orgId, id]) on the target',
  check: (context) => {
    const { model } = context;
    const tenantColumn = model.tenancy.column;
    const tables = tenantTables(context);
    const tenant = new Set(tables.map((t) => t.name));
    return tables.flatMap((table) =>
      table.foreignKeys
        .filter((fk) => tenant.has(fk.refTable) && !isComposite(fk, tenantColumn))
        .map((fk) => {
          const columns = [tenantColumn, ...fk.columns.filter((c) => c !== tenantColumn)];
          const refColumns = [tenantColumn, ...fk.refColumns.filter((c) => c !== tenantColumn)];
          return violation(crossTenantFk, {
            target: fkTarget(table, fk),
            message: `${fk.name} references ${fk.refTable} without ${tenantColumn}: a row of one organization can point at another organization's ${fk.refTable} row (foreign keys are checked without RLS).`,
            fix: fixText({
              sql: `ALTER TABLE ${q(fk.refTable)} ADD UNIQUE (${refColumns.map(q).join(', ')});\n` +
                `ALTER TABLE ${q(table.name)} DROP CONSTRAINT ${q(fk.name)}, ADD CONSTRAINT ${q(fk.name)} ` +
                `FOREIGN KEY (${columns.map(q).join(', ')}) REFERENCES ${q(fk.refTable)} (${refColumns.map(q).join(', ')});`,
              prisma: `in ${modelName(model, table.name)}, @relation(fields: [${fieldNames(model, table.name, columns).join(', ')}], ` +
                `references: [${fieldNames(model, fk.refTable, refColumns).join(', ')}]); @@unique([${fieldNames(model, fk.refTable, refColumns).join(', ')}]) on ${modelName(model, fk.refTable)}.`,
            }),
          });
        }),
    );
  },
};

function isComposite(fk: CatalogForeignKey, tenantColumn: string): boolean {
  return fk.columns.some((c, i) => c === tenantColumn && fk.refColumns[i] === tenantColumn);
}
