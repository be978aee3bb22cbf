/**
 * An existing schema.prisma as reference, read through Prisma's own parser (getDMMF): our own output reads
 * back to the same schema, and a hand-written schema's departures from our conventions are reported.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/index.ts';
import { parsePrismaSchema } from '../../src/tools/existing/prisma.ts';
import { readExisting } from '../../src/tools/existing/index.ts';
import { reconcile } from '../../src/tools/existing/reconcile.ts';
import { resolveRelationships } from '../../src/tools/relationships/index.ts';
import { planIndexes } from '../../src/tools/indexes/plan-indexes.ts';
import { applyTenancy } from '../../src/tools/tenancy/apply-tenancy.ts';
import { emitPrismaSchema } from '../../src/tools/prisma/emit-schema.ts';
import { closeSchemaEngine, initialMigrationSql } from '../../src/tools/prisma/schema-engine.ts';
import { InputError } from '../../src/errors.ts';
import { finalModelInput } from '../fixtures/final-model.ts';

afterAll(closeSchemaEngine);

function passes(model: DataModel): DataModel {
  return DataModel.parse(applyTenancy(DataModel.parse(planIndexes(DataModel.parse(resolveRelationships(model))))));
}

async function roundTrip(schema: string): Promise<string> {
  const existing = await readExisting({ kind: 'prisma', text: schema });
  return emitPrismaSchema(passes(reconcile(DataModel.parse({ entities: [] }), existing).model));
}

/** The schema's lines without their order: every field, relation and index line must be equal. */
function lines(schema: string): string[] {
  return schema.split('\n').filter((l) => l.trim() && !l.startsWith('//')).map((l) => l.replace(/\s+/g, ' ').trim()).sort();
}

describe('schema.prisma as the existing schema', () => {
  it('reads our own schema back into the same schema: names, types, defaults, relations, indexes, partial predicates', async () => {
    const original = emitPrismaSchema(DataModel.parse(finalModelInput));
    const again = await roundTrip(original);
    expect(lines(again)).toEqual(lines(original));
    expect(again).toContain('where: raw("\\"deleted_at\\" IS NULL")');
    // Prisma's own DDL for both is the same, statement for statement.
    const statements = async (s: string) => (await initialMigrationSql(s)).split(/;\s*\n/).map((x) => x.trim()).sort();
    expect(await statements(again)).toEqual(await statements(original));
  });

  it('reports a hand-written schema\'s departures and keeps its names', async () => {
    const schema = `
datasource db {
  provider = "postgresql"
}

enum Role {
  OWNER  @map("owner")
  MEMBER @map("member")

  @@map("member_role")
}

model Account {
  id    Int    @id @default(autoincrement())
  name  String @db.VarChar(80)
  users User[]
  posts Post[]

  @@map("accounts")
}

model User {
  id        Int      @id @default(autoincrement())
  accountId Int      @map("account_id")
  email     String   @unique
  role      Role     @default(MEMBER)
  joinedAt  DateTime @default(now()) @map("joined_at")
  account   Account  @relation(fields: [accountId], references: [id], onDelete: Cascade)
  posts     Post[]

  @@map("users")
}

model Post {
  id        Int      @id @default(autoincrement())
  accountId Int      @map("account_id")
  authorId  Int?     @map("author_id")
  title     String
  author    User?    @relation(fields: [authorId], references: [id])
  account   Account  @relation(fields: [accountId], references: [id])

  @@index([accountId, title], map: "posts_by_title")
  @@map("posts")
}
`;
    const parsed = await parsePrismaSchema(schema);
    expect(parsed.tables.find((t) => t.table === 'users')!.columns.find((c) => c.column === 'role')).toMatchObject({
      type: { type: 'enum', enum: { name: 'member_role', values: ['owner', 'member'] } }, default: { kind: 'value', value: 'member' },
    });
    const existing = await readExisting({ kind: 'prisma', text: schema });
    const { model, findings } = existing;
    expect(model.tenancy).toMatchObject({ rootEntity: 'Account', field: 'accountId', column: 'account_id', setting: 'app.current_account_id' });
    const rules = findings.map((f) => `${f.ruleId} ${f.target}`);
    expect(rules).toEqual(expect.arrayContaining([
      'existing-integer-id accounts.id', 'existing-integer-id users.id', 'existing-integer-id posts.id',
      'existing-timestamp-without-time-zone users.joined_at', 'existing-tenant-key account_id',
    ]));
    const again = emitPrismaSchema(passes(reconcile(DataModel.parse({ entities: [] }), existing).model));
    expect(again).toContain('@@map("member_role")');
    expect(again).toContain('@@index([accountId, title], map: "posts_by_title")');
    expect(again).toMatch(/joinedAt +DateTime +@default\(now\(\)\) @map\("joined_at"\) @db\.Timestamptz\(3\)/);
  });

  it('rejects a schema Prisma rejects, with Prisma\'s message', async () => {
    await expect(parsePrismaSchema('model A {\n  id Int @id\n  b Nope\n}\n')).rejects.toThrow(InputError);
    await expect(parsePrismaSchema('model A {\n  id Int @id\n  b Nope\n}\n')).rejects.toThrow(/Nope/);
  });
});
