/** The CLI as a person runs it: exit codes, readable messages, and the files it writes. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = new URL('../../bin/schemawright.mjs', import.meta.url).pathname;

async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '' } });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('schemawright CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-cli-'));

  it('exits 2 with usage when arguments are missing', async () => {
    const { code, stderr } = await cli('generate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/missing input file/);
    expect(stderr).toMatch(/Usage: schemawright generate/);
  });

  it('exits 2 naming the JSON path of a malformed model, without a stack trace', async () => {
    const model = join(dir, 'bad.json');
    writeFileSync(model, JSON.stringify({ entities: [{ name: 'Task', fields: [{ name: 'title', type: 'varchar' }] }] }));
    const { code, stderr } = await cli('generate', model, '--out', join(dir, 'out-bad'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/entities\[0\]\.fields\[0\]\.type/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'out-bad'))).toBe(false);
  });

  it('exits 2 with the line of a JSON syntax error and for a missing file', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "entities": [\n    { "name": "Task", }\n  ]\n}\n');
    const syntax = await cli('generate', broken, '--out', join(dir, 'o'));
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/line 3/);
    const missing = await cli('generate', join(dir, 'nope.md'), '--out', join(dir, 'o'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it('exits 0, prints progress per node and writes the project tree', async () => {
    const model = join(dir, 'notes.json');
    writeFileSync(model, JSON.stringify({
      entities: [
        { name: 'Organization', fields: [{ name: 'name', type: 'string', required: true }] },
        { name: 'Notebook', fields: [{ name: 'title', type: 'string', required: true, unique: true }] },
        { name: 'Note', fields: [{ name: 'body', type: 'text', required: true }] },
      ],
      relationships: [{ from: 'Note', to: 'Notebook', field: 'notebookId', cardinality: 'many-to-one', required: true, onDelete: 'cascade' }],
    }));
    const out = join(dir, 'out');
    const { code, stderr } = await cli('generate', model, '--out', out);
    expect(stderr).toMatch(/validate\s+\d+ ms/);
    expect(code).toBe(0);
    for (const file of ['prisma/schema.prisma', 'prisma/migrations/migration_lock.toml', 'prisma/seed.ts', 'prisma.config.ts', 'scripts/setup-db.sh', 'docs/SCHEMA.md', 'report.json'])
      expect(existsSync(join(out, file)), file).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).valid).toBe(true);
    expect(readFileSync(join(out, 'docs/SCHEMA.md'), 'utf8')).toMatch(/```mermaid\nerDiagram/);
  });
});
