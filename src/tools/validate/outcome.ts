/** What one validation round established, as recorded in report.json. */
import type { Finding } from '../../model/index.ts';
import type { Catalog } from '../database/catalog.ts';
import type { PatternCoverage } from '../artifacts/schema-doc.ts';
import type { IsolationReport } from './isolation.ts';

export interface StepResult {
  ok: boolean;
  ms: number;
  error?: string;
}

export interface ValidationOutcome {
  engine: 'pglite' | 'postgres';
  prisma: StepResult & { diagnostics: Array<{ level: 'error' | 'warning'; message: string; line?: number }> };
  migrationApplies: StepResult;
  seedApplies: StepResult;
  isolation: IsolationReport | null;
  drift: StepResult & { nextMigration?: string };
  coverage: PatternCoverage[];
  catalog: Catalog | null;
  findings: Finding[];
}
