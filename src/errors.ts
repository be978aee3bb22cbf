/**
 * Errors a user can act on. Everything the CLI and the API show a person goes through these: what was wrong,
 * where (a JSON path or a PRD line), and how to fix it. No stack traces reach users.
 */
import type { z } from 'zod';

export interface InputIssue {
  /** JSON path ("entities[2].fields[0].type") or "line 14". */
  path: string;
  message: string;
}

export class InputError extends Error {
  readonly issues: InputIssue[];
  constructor(summary: string, issues: InputIssue[]) {
    super(`${summary}\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'InputError';
    this.issues = issues;
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

export function issuesFromZod(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}
