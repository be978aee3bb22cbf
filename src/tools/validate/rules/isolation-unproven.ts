/**
 * ISOLATION_UNPROVEN: a tenant table the probe could not insert into is not proven isolated. When the rows it
 * needed were missing because a table it references failed or was itself unproven, the cause lies there: the
 * finding says so and goes to the node that owns that cause, so the loop repairs causes, not consequences.
 */
import type { IsolationReport, TableIsolation } from '../isolation.ts';
import { violation, type Rule } from './rule.ts';

export const isolationUnproven: Rule = {
  id: 'isolation-unproven',
  level: 'error',
  category: 'security',
  owner: 'relationships',
  reads: 'evidence',
  title: 'The probe could insert a row into every tenant table, so isolation is proven, not assumed',
  remedy: 'Rows must be insertable: no cycle of required references, no constraint a valid row cannot meet',
  check: ({ evidence }) => {
    const report = evidence?.isolation;
    if (!report) return [];
    return report.tables.filter((t) => t.status === 'not-probed').map((t) => {
      const causes = blockers(report, t);
      return violation(isolationUnproven, {
        target: t.table,
        owner: causes.some((c) => c.status === 'failed') ? 'tenancy' : isolationUnproven.owner,
        message: `Tenant isolation of ${t.table} could not be tested: no row could be inserted (${t.error ?? 'unknown reason'})` +
          (causes.length > 0 ? `; it needs rows of ${causes.map((c) => `${c.table} (${c.status})`).join(', ')}, reported on their own` : ''),
        fix: causes.length > 0
          ? `Fix ${causes.map((c) => c.table).join(', ')} first; ${t.table} is probed once they hold rows.`
          : 'Rows must be insertable: look for a cycle of required references or a constraint no valid row can meet.',
      });
    });
  },
};

function blockers(report: IsolationReport, table: TableIsolation): TableIsolation[] {
  return report.tables.filter((t) => t.status !== 'passed' && (table.blockedBy ?? []).includes(t.table));
}
