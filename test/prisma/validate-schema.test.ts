import { describe, expect, it } from 'vitest';
import { validatePrismaSchema } from '../../src/tools/prisma/validate-schema.ts';

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
