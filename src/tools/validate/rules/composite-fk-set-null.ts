/**
 * COMPOSITE_FK_SET_NULL (ours): ON DELETE SET NULL on a composite (org_id, x_id) key nulls org_id too, which is
 * NOT NULL, so deleting the parent fails. PostgreSQL 15's SET NULL (x_id) nulls the reference only; Prisma
 * cannot express it (prisma#14218), so the migration rewrites the constraint: checked in confdelsetcols. An
 * error, not the anchors' warning: the delete the PRD asked for cannot succeed.
 */
import { violation, type Rule } from './rule.ts';
import { fkTarget, q } from './scope.ts';

export const compositeFkSetNull: Rule = {
  id: 'composite-fk-set-null',
  level: 'error',
  category: 'integrity',
  owner: 'migration',
  reads: 'database',
  title: 'ON DELETE SET NULL on a key that includes the tenant column nulls only the reference column',
  remedy: 'ON DELETE SET NULL (x_id) (PostgreSQL 15+), written by the migration\'s tenancy SQL',
  check: ({ model, catalog }) => {
    const tenant = model.tenancy.column;
    return (catalog?.tables ?? []).flatMap((table) =>
      table.foreignKeys
        .filter((fk) => (fk.onDelete === 'SetNull' || fk.onDelete === 'SetDefault') && fk.columns.includes(tenant) &&
          (fk.onDeleteSetColumns === null || fk.onDeleteSetColumns.includes(tenant)))
        .map((fk) => {
          const reference = fk.columns.filter((c) => c !== tenant);
          const action = fk.onDelete === 'SetNull' ? 'SET NULL' : 'SET DEFAULT';
          return violation(compositeFkSetNull, {
            target: fkTarget(table, fk),
            message: `${fk.name} is ON DELETE ${action} over (${fk.columns.join(', ')}), which also resets ${tenant}: deleting a ${fk.refTable} row that ${table.name} references fails on ${tenant} NOT NULL.`,
            fix: `ALTER TABLE ${q(table.name)} DROP CONSTRAINT ${q(fk.name)}, ADD CONSTRAINT ${q(fk.name)} FOREIGN KEY (${fk.columns.map(q).join(', ')}) ` +
              `REFERENCES ${q(fk.refTable)} (${fk.refColumns.map(q).join(', ')}) ON DELETE ${action} (${reference.map(q).join(', ')});`,
          });
        }),
    );
  },
};
