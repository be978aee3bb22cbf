import { describe, expect, it } from 'vitest';
import { validatePrismaSchema } from '../../src/tools/prisma/validate-schema.ts';
import internals from '@prisma/internals';
import { CHUNK_CHARS, schemaChunks } from '../../src/tools/prisma/schema-chunks.ts';
import { lineIndex } from '../../src/tools/text/line-index.ts';

const header = `generator client {
  provider        = "prisma-client"
  output          = "../generated/prisma"
  previewFeatures = ["partialIndexes"]
}

datasource db {
  provider = "postgresql"
}
`;

describe('validatePrismaSchema', () => {
  it('accepts a valid schema', () => {
    expect(validatePrismaSchema(`${header}\nmodel A {\n  id String @id @db.Uuid\n}\n`)).toEqual({ valid: true, diagnostics: [] });
  });

  it('reports errors with their line, without ANSI colours', () => {
    // The comment holds non-ASCII text: lint offsets must still map to the right line.
    const schema = `${header}\n// héllo 😀\nmodel A {\n  id String @id @db.Uuid\n  @@index([nope])\n}\n`;
    const result = validatePrismaSchema(schema);
    expect(result.valid).toBe(false);
    const line = schema.split('\n').findIndex((l) => l.includes('@@index([nope])')) + 1;
    expect(result.diagnostics).toEqual([
      { level: 'error', message: 'Error validating model "A": The index definition refers to the unknown fields: nope.', line },
    ]);
  });

  it('rejects a datasource url (Prisma 7) and a partial index without the preview feature', () => {
    const url = validatePrismaSchema('datasource db {\n  provider = "postgresql"\n  url      = "postgres://x"\n}\n');
    expect(url.valid).toBe(false);
    expect(url.diagnostics[0]).toMatchObject({ level: 'error', line: 3, message: expect.stringContaining('`url` is no longer supported') });
    const partial = validatePrismaSchema('datasource db {\n  provider = "postgresql"\n}\n\nmodel A {\n  id String @id\n  x  Int\n\n  @@index([x], where: raw("x > 1"))\n}\n');
    expect(partial.valid).toBe(false);
    expect(partial.diagnostics[0]).toMatchObject({ level: 'error', line: 9, message: expect.stringContaining('Partial indexes are a preview feature') });
  });

  it('marks the SetNull warning of a composite tenant FK as expected, but not of a single-column FK', () => {
    const schema = `${header}
model Org {
  id       String    @id @db.Uuid
  users    User[]
  projects Project[]
}

model User {
  id       String    @id @db.Uuid
  orgId    String    @db.Uuid
  org      Org       @relation(fields: [orgId], references: [id])
  led      Project[] @relation("lead")
  owned    Project[] @relation("owner")

  @@unique([orgId, id])
}

model Project {
  id      String  @id @db.Uuid
  orgId   String  @db.Uuid
  leadId  String? @db.Uuid
  ownerId String  @db.Uuid
  org     Org     @relation(fields: [orgId], references: [id])
  lead    User?   @relation("lead", fields: [orgId, leadId], references: [orgId, id], onDelete: SetNull)
  owner   User    @relation("owner", fields: [ownerId], references: [id], onDelete: SetNull)
}
`;
    const result = validatePrismaSchema(schema);
    const warnings = result.diagnostics.filter((d) => d.level === 'warning');
    const lineOf = (text: string): number => schema.split('\n').findIndex((l) => l.includes(text)) + 1;
    expect(warnings.map((w) => [w.line, Boolean(w.expected)])).toEqual([
      [lineOf('lead    User?'), true],
      [lineOf('owner   User '), false],
    ]);
  });
});

describe('schemaChunks (the linter reads a large schema as several files)', () => {
  const model = (i: number): string =>
    `/// Model ${i}\nmodel M${i} {\n  id    String  @id @db.Uuid\n\n  orgId String  @db.Uuid\n  refId String? @db.Uuid\n}\n`;
  const schema = `${header}\n${Array.from({ length: 40 }, (_, i) => model(i)).join('\n')}`;

  it('cuts only before a top-level block, keeping the comments above it, and loses nothing', () => {
    const chunks = schemaChunks(schema, 'schema.prisma', 500);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.map((c) => c.text).join('')).toBe(schema);
    expect(chunks[0]!.name).toBe('schema.prisma');
    for (const c of chunks.slice(1)) {
      expect(c.text).toMatch(/^\/\/\/ Model \d+\nmodel M\d+ \{/);
      expect(schema.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
    }
  });

  it('leaves a small schema in one file', () => {
    expect(schemaChunks(schema, 'schema.prisma')).toEqual([{ name: 'schema.prisma', text: schema, offset: 0 }]);
  });

  it('gives the same diagnostics, on the same lines, as one file', () => {
    // 600 models (past CHUNK_CHARS); a warning, or an error, in a model far from the top, in a later chunk.
    const large = `${header}\n${Array.from({ length: 600 }, (_, i) => model(i)).join('\n')}`;
    const at = 'model M500 {\n  id    String  @id @db.Uuid\n';
    const warning = large.replace('model M0 {\n', 'model M0 {\n  m500s M500[]\n')
      .replace(at, `${at}  m0Id  String  @db.Uuid\n  m0    M0      @relation(fields: [m0Id], references: [id], onDelete: SetNull)\n`);
    const error = large.replace(at, `${at}\n  @@index([nope])\n`);
    expect(large.length).toBeGreaterThan(CHUNK_CHARS * 2);
    for (const [schema, level] of [[warning, 'warning'], [error, 'error']] as const) {
      const lineAt = lineIndex(schema);
      const oneFile = internals.lintSchema({ schemas: [['schema.prisma', schema]] })
        .map((d) => ({ level: d.is_warning ? 'warning' : 'error', message: d.text.trim(), line: lineAt(d.start) }));
      expect(oneFile.map((d) => d.level)).toEqual([level]);
      expect(oneFile[0]!.line).toBeGreaterThan(schema.slice(0, schema.indexOf(at)).split('\n').length);
      expect(validatePrismaSchema(schema).diagnostics).toEqual(oneFile);
    }
  });
});
