/**
 * Prisma's own validator (WASM, offline) as structured diagnostics: `lintSchema` gives positions and warnings,
 * `validate` is the final gate (it also checks what the linter does not, e.g. the generator block).
 */
import internals from '@prisma/internals';
import { lineIndex } from '../text/line-index.ts';
import { schemaChunks } from './schema-chunks.ts';

export interface SchemaDiagnostic {
  level: 'error' | 'warning';
  message: string;
  /** 1-based line in the schema text. */
  line?: number;
  /**
   * Set on warnings our own SQL already answers, so callers need not act on them. Today: Prisma's "SetNull
   * when a referenced field is required" on a composite (tenant) FK. org_id is NOT NULL, so a plain
   * ON DELETE SET NULL would fail; the tenancy SQL rewrites that constraint to ON DELETE SET NULL (x_id),
   * which nulls only the reference. The warning is kept (and marked) rather than dropped, so it stays visible.
   */
  expected?: string;
}

export interface SchemaValidation {
  valid: boolean;
  diagnostics: SchemaDiagnostic[];
}

const FILE = 'schema.prisma';
const SET_NULL_ON_REQUIRED = 'should not be set to `SetNull` when a referenced field is required';

/**
 * The migration node checks the schema it emits and the validator checks it again: the same text gives the same
 * answer, so the last few answers are kept (at 500 entities one check costs seconds). Callers get copies.
 */
const recent = new Map<string, SchemaValidation>();
const RECENT_LIMIT = 4;

export function validatePrismaSchema(schema: string): SchemaValidation {
  let result = recent.get(schema);
  if (!result) {
    result = check(schema);
    recent.set(schema, result);
    if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  }
  return { valid: result.valid, diagnostics: result.diagnostics.map((d) => ({ ...d })) };
}

function check(schema: string): SchemaValidation {
  const schemas: Array<[string, string]> = [[FILE, schema]];
  // The linter reads a large schema as several files (schema-chunks.ts: its cost per diagnostic grows with the
  // file); each diagnostic's offset is in its file, so the chunk's offset maps it back.
  const chunks = schemaChunks(schema, FILE);
  const chunkOffset = new Map(chunks.map((c) => [c.name, c.offset]));
  const lineAt = lineIndex(schema);
  const lints = internals.lintSchema({ schemas: chunks.map((c) => [c.name, c.text]) }) as Array<{ file_name?: string; start: number; end: number; text: string; is_warning: boolean }>;
  const diagnostics: SchemaDiagnostic[] = lints.map((d) => {
    const base = chunkOffset.get(d.file_name ?? FILE) ?? 0;
    const diagnostic: SchemaDiagnostic = { level: d.is_warning ? 'warning' : 'error', message: d.text.trim(), line: lineAt(base + d.start) };
    if (d.is_warning && d.text.includes(SET_NULL_ON_REQUIRED) && isCompositeRelation(schema.slice(base + d.start, base + d.end))) {
      diagnostic.expected = 'composite tenant FK: the migration rewrites it to ON DELETE SET NULL (<reference column>)';
    }
    return diagnostic;
  });
  // validate() repeats the linter's errors (and prints a blank line to stderr when it fails): only the gate.
  if (diagnostics.some((d) => d.level === 'error')) return { valid: false, diagnostics };
  try {
    internals.validate({ schemas });
    return { valid: true, diagnostics };
  } catch (error) {
    const message = stripAnsi(error instanceof Error ? error.message : String(error)).trim();
    const line = /-->\s+\S*?:(\d+)/.exec(message)?.[1];
    diagnostics.push({ level: 'error', message, ...(line ? { line: Number(line) } : {}) });
    return { valid: false, diagnostics };
  }
}

/** The warning's span is the relation field; it is composite when its `fields:` list names more than one field. */
function isCompositeRelation(span: string): boolean {
  const fields = /fields:\s*\[([^\]]*)\]/.exec(span)?.[1];
  return fields !== undefined && fields.split(',').filter((f) => f.trim()).length > 1;
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
