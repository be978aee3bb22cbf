/** What one validation round established, as recorded in report.json (validation) and read by the rules. */
import type { Finding } from '../../model/index.ts';
import type { Catalog } from '../database/catalog.ts';
import type { PatternCoverage } from '../artifacts/schema-doc.ts';
import type { IsolationReport } from './isolation.ts';
import type { SchemaObjects } from './schema-objects.ts';
import type { SquawkReport } from './squawk.ts';

export interface StepResult {
  ok: boolean;
  ms: number;
  error?: string;
}

/**
 * How the isolation probe and the coverage EXPLAIN act as the application. set-role: the session user is a
 * superuser that switches role (PGlite cannot log in as anyone else). login-role: strict mode on a server, a
 * second connection as a real LOGIN role that is a member of the application role and cannot switch back.
 */
export type AppSessionMode = 'set-role' | 'login-role';

export interface CoverageReport {
  /** How the planner was steered on the empty tables, in words (also in docs/SCHEMA.md). */
  method: string;
  indexed: number;
  partial: number;
  unindexed: number;
  ms: number;
  /** Why the EXPLAIN step itself could not run, when it could not. */
  error?: string;
}

/** Milliseconds per validation step, for report.json and `npm run bench`; 0 for a step that did not run. */
export interface ValidationTimings {
  prisma: number;
  /** Creating the throwaway database (PGlite: started from the template image; server: CREATE DATABASE). */
  open: number;
  apply: number;
  seed: number;
  drift: number;
  /** Reading the catalog and the schema objects back. */
  catalog: number;
  explain: number;
  probes: number;
  /** Closing (server: dropping) the throwaway database. */
  close: number;
  /** Wall time until squawk's review was in; it runs beside the database steps. */
  squawk: number;
  rules: number;
  total: number;
}

export interface ValidationOutcome {
  engine: 'pglite' | 'postgres';
  appSession: AppSessionMode;
  prisma: StepResult & { diagnostics: Array<{ level: 'error' | 'warning'; message: string; line?: number }> };
  /** The migration node produced the migration (false when the model could not be emitted). */
  emission: StepResult;
  migrationApplies: StepResult;
  seedApplies: StepResult;
  isolation: IsolationReport | null;
  drift: StepResult & { nextMigration?: string };
  coverage: PatternCoverage[];
  coverageSummary: CoverageReport | null;
  squawk: SquawkReport | null;
  /** The rules that ran on this round and the ones that could not (their input was missing). */
  rules: { checked: string[]; skipped: string[] };
  catalog: Catalog | null;
  schemaObjects: SchemaObjects | null;
  findings: Finding[];
  timings: ValidationTimings;
}
