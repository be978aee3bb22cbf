/** The tenant-isolation probe's report as metrics (README "Tenant-isolation probe"). */
import type { IsolationReport } from '../../src/tools/validate/isolation.ts';
import { metric, type MetricResult } from './metric.ts';

export interface IsolationScores {
  /** Passed ÷ probed. A probe that could not run at all scores 0: the schema kept it from creating two tenants. */
  isolation: MetricResult;
  /** Tables the probe could not populate (a CHECK it could not satisfy, …): reported, not failed. */
  notProbed: string[];
  /** Reported apart from the score: FKs through which B can point at A's rows (not composite with org_id). */
  crossTenantReference: MetricResult;
}

export function scoreIsolation(report: IsolationReport): IsolationScores {
  const probed = report.tables.filter((t) => t.status !== 'not-probed');
  const failed = probed.filter((t) => t.status === 'failed');
  // "inconclusive": the probe found no parent row to point at, so the FK was not tested either way.
  const references = report.crossTenantReferences.filter((r) => r.status !== 'inconclusive');
  const leaked = references.filter((r) => r.status === 'leaked');
  const isolation = report.error
    ? metric(0, Math.max(1, report.tables.length), [`the probe could not run: ${report.error}`])
    : metric(probed.length - failed.length, probed.length, failed.map((t) => `${t.table}: ${t.error ?? failedChecks(t.checks)}`));
  return {
    isolation,
    notProbed: report.tables.filter((t) => t.status === 'not-probed').map((t) => `${t.table}: ${t.error ?? 'not probed'}`),
    crossTenantReference: metric(
      references.length - leaked.length,
      references.length,
      leaked.map((r) => `${r.table}(${r.columns.join(', ')}) → ${r.refTable}: ${r.detail}`),
    ),
  };
}

function failedChecks(checks: IsolationReport['tables'][number]['checks']): string {
  const failed = Object.entries(checks).filter(([, result]) => result && !result.passed);
  return failed.map(([check, result]) => `${check}: ${result?.detail ?? 'failed'}`).join('; ') || 'isolation check failed';
}
