import { describe, expect, it } from 'vitest';
import { DataModel, type DataModelInput } from '../../src/model/index.ts';
import { emitPrismaSchema } from '../../src/tools/prisma/emit-schema.ts';
import { foreignKeys } from '../../src/tools/prisma/foreign-keys.ts';
import { indexNames } from '../../src/tools/prisma/names.ts';
import { validatePrismaSchema } from '../../src/tools/prisma/validate-schema.ts';
import { finalModel, finalModelInput } from '../fixtures/final-model.ts';

function variant(change: (input: DataModelInput) => void): DataModel {
  const input = structuredClone(finalModelInput);
  change(input);
  return DataModel.parse(input);
}

function entityInput(input: DataModelInput, name: string) {
  const entity = input.entities.find((e) => e.name === name);
  if (!entity) throw new Error(`fixture has no ${name}`);
  return entity;
}

/** The body of `model Name { ... }`. */
function modelBody(schema: string, name: string): string {
  const body = new RegExp(`\\nmodel ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(schema)?.[1];
  if (body === undefined) throw new Error(`schema has no model ${name}`);
  return body;
}

function expectValid(schema: string): void {
  const result = validatePrismaSchema(schema);
  expect(result.diagnostics.filter((d) => d.level === 'error' || !d.expected)).toEqual([]);
  expect(result.valid).toBe(true);
}

describe('emitPrismaSchema', () => {
  const model = finalModel();
  const schema = emitPrismaSchema(model);

  it("passes Prisma's validator on the fixture (only the expected SetNull warnings)", () => {
    const result = validatePrismaSchema(schema);
    expect(result.valid).toBe(true);
    const warnings = result.diagnostics.filter((d) => d.level === 'warning');
    // one per composite tenant FK with SetNull: createdBy on 5 tenant tables, Project.lead, Task.assignee
    expect(warnings).toHaveLength(7);
    expect(warnings.every((w) => w.expected)).toBe(true);
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });

  it('is deterministic', () => {
    expect(emitPrismaSchema(finalModel())).toBe(schema);
  });

  it('declares the Prisma 7 generator and a datasource without url', () => {
    expect(schema).toContain('provider        = "prisma-client"');
    expect(schema).toContain('output          = "../generated/prisma"');
    expect(schema).toContain('previewFeatures = ["partialIndexes"]');
    expect(schema).toMatch(/datasource db \{\n {2}provider = "postgresql"\n\}/);
    expect(schema).not.toMatch(/\burl\s*=/);
  });

  it('names every primary key, index and foreign key explicitly', () => {
    const ids = schema.match(/@id\b[^\n]*/g) ?? [];
    expect(ids).toHaveLength(model.entities.length);
    expect(ids.every((line) => /@id\(map: "\w+_pkey"\)/.test(line))).toBe(true);

    const blockIndexes = schema.match(/@@(index|unique)\([^\n]*/g) ?? [];
    expect(blockIndexes).toHaveLength(model.indexes.length);
    expect(blockIndexes.every((line) => / map: "[a-z0-9_]+"/.test(line))).toBe(true);
    const indexMaps = blockIndexes.map((line) => /map: "([^"]+)"/.exec(line)![1]);
    expect(new Set(indexMaps)).toEqual(new Set(indexNames(model).values()));

    const owningRelations = schema.match(/@relation\([^\n]*fields:[^\n]*/g) ?? [];
    const plan = foreignKeys(model);
    expect(owningRelations).toHaveLength(plan.length);
    const fkMaps = owningRelations.map((line) => /map: "([^"]+)"\)$/.exec(line)?.[1]);
    expect(fkMaps).toEqual(expect.arrayContaining(plan.map((fk) => fk.constraintName)));
    for (const name of [...indexMaps, ...fkMaps]) expect(Buffer.byteLength(name!)).toBeLessThanOrEqual(63);
  });

  it('relates every tenant-scoped entity to the tenant root, cascading', () => {
    for (const entity of model.entities.filter((e) => e.kind === 'tenant' || e.kind === 'junction')) {
      const relation = `@relation("${entity.name}_organization", fields: [orgId], references: [id], onDelete: Cascade, onUpdate: Cascade, map: "${entity.table}_org_id_fkey")`;
      expect(modelBody(schema, entity.name)).toMatch(new RegExp(`organization +Organization +${relation.replace(/[()[\]]/g, '\\$&')}`));
    }
    expect(modelBody(schema, 'Organization')).toMatch(/taskLabels +TaskLabel\[\] +@relation\("TaskLabel_organization"\)/);
    expect(modelBody(schema, 'Currency')).not.toContain('organization');
  });

  it('writes composite tenant FKs against (orgId, id)', () => {
    expect(modelBody(schema, 'Project')).toMatch(
      /lead +User\? +@relation\("Project_lead", fields: \[orgId, leadId\], references: \[orgId, id\], onDelete: SetNull, onUpdate: Cascade, map: "projects_org_id_lead_id_fkey"\)/,
    );
    expect(modelBody(schema, 'TaskLabel')).toMatch(/task +Task +@relation\("TaskLabel_task", fields: \[orgId, taskId\], references: \[orgId, id\], onDelete: Cascade/);
    expect(modelBody(schema, 'Project')).toContain('@@unique([orgId, id], map: "projects_org_id_id_key")');
  });

  it('does not emit many-to-many as an implicit Prisma relation', () => {
    expect(modelBody(schema, 'Task')).not.toMatch(/\blabels\b/);
    expect(modelBody(schema, 'Label')).not.toMatch(/\btasks\b/);
    expect(modelBody(schema, 'Task')).toMatch(/taskLabels +TaskLabel\[\] +@relation\("TaskLabel_task"\)/);
  });

  it('maps types, names and defaults', () => {
    const org = modelBody(schema, 'Organization');
    expect(org).toMatch(/id +String +@id\(map: "organizations_pkey"\) @default\(dbgenerated\("gen_random_uuid\(\)"\)\) @db\.Uuid/);
    expect(org).toMatch(/plan +OrganizationPlan +@default\(free\)$/m);
    expect(org).toMatch(/updatedAt +DateTime +@default\(now\(\)\) @updatedAt @map\("updated_at"\) @db\.Timestamptz\(3\)/);
    expect(org).toMatch(/name +String$/m);
    expect(org).toContain('@@map("organizations")');
    const task = modelBody(schema, 'Task');
    expect(task).toMatch(/dueDate +DateTime\? +@map\("due_date"\) @db\.Date/);
    expect(task).toMatch(/isUrgent +Boolean +@default\(false\) @map\("is_urgent"\)/);
    expect(task).toMatch(/title +String +@db\.VarChar\(255\)/);
    expect(modelBody(schema, 'Project')).toMatch(/budget +Decimal\? +@db\.Decimal\(19, 4\)/);
    expect(schema.match(/DateTime\?? +[^\n]*/g)!.filter((l) => !l.includes('@db.Date')).every((l) => l.includes('@db.Timestamptz(3)'))).toBe(true);
    expect(schema).toContain('enum TaskStatus {\n  todo\n  in_progress\n  done\n\n  @@map("task_status")\n}');
  });

  it('writes partial indexes from the structured predicate, quoted', () => {
    expect(modelBody(schema, 'Project')).toContain('@@unique([orgId, key], map: "projects_org_id_key_key", where: raw("\\"deleted_at\\" IS NULL"))');
    expect(modelBody(schema, 'Task')).toContain('@@index([orgId, createdAt], map: "tasks_org_id_created_at_idx", where: raw("\\"assignee_id\\" IS NULL"))');

    const quoted = variant((input) => {
      input.indexes!.push({ entity: 'Label', fields: ['orgId', 'name'], where: [{ field: 'name', op: 'eq', value: `it's "x" \\ y` }], source: 'partial', why: 'test' });
    });
    const text = emitPrismaSchema(quoted);
    expect(text).toContain(`where: raw("\\"name\\" = 'it''s \\"x\\" \\\\ y'")`);
    expectValid(text);
  });

  it('gives partial and plain indexes on the same columns distinct names', () => {
    const both = variant((input) => {
      input.indexes!.push({ entity: 'Task', fields: ['orgId', 'createdAt'], source: 'query-pattern', why: 'all tasks by age' });
    });
    const names = [...indexNames(both).entries()].filter(([i]) => i.entity === 'Task' && i.fields.join() === 'orgId,createdAt').map(([, n]) => n);
    expect(names).toHaveLength(2);
    expect(names[1]).toBe('tasks_org_id_created_at_idx');
    expect(names[0]).toMatch(/^tasks_org_id_created_at_p[0-9a-z]+_idx$/);
    expectValid(emitPrismaSchema(both));
  });

  it('fits long derived names into 63 bytes', () => {
    const long = variant((input) => {
      const task = entityInput(input, 'Task');
      task.fields.push({ name: 'externalReferenceIdentifier', column: 'external_reference_identifier_from_the_partner_system', type: 'string', required: false });
      input.indexes!.push({ entity: 'Task', fields: ['orgId', 'externalReferenceIdentifier'], unique: true, source: 'natural-key', why: 'test' });
    });
    const text = emitPrismaSchema(long);
    const name = /@@unique\(\[orgId, externalReferenceIdentifier\], map: "([^"]+)"/.exec(text)![1]!;
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expectValid(text);
  });

  it('keeps two relations to the same target apart (Task.reporter and Task.assignee → User)', () => {
    const two = variant((input) => {
      entityInput(input, 'Task').fields.push({ name: 'reporterId', column: 'reporter_id', type: 'uuid', role: 'foreign-key', required: true });
      input.relations!.push({ name: 'reporter', from: 'Task', to: 'User', cardinality: 'many-to-one', field: 'reporterId', required: true, onDelete: 'Restrict', onUpdate: 'Cascade', tenantComposite: true });
      input.indexes!.push({ entity: 'Task', fields: ['orgId', 'reporterId'], source: 'foreign-key', why: 'FK tasks.reporter_id' });
    });
    const text = emitPrismaSchema(two);
    expectValid(text);
    const user = modelBody(text, 'User');
    expect(user).toMatch(/tasksAsReporter +Task\[\] +@relation\("Task_reporter"\)/);
    expect(user).toMatch(/tasksAsAssignee +Task\[\] +@relation\("Task_assignee"\)/);
    expect(modelBody(text, 'Task')).toMatch(/reporter +User +@relation\("Task_reporter", fields: \[orgId, reporterId\], references: \[orgId, id\], onDelete: Restrict/);
  });

  it('emits one-to-one relations with an optional back-relation', () => {
    const oneToOne = variant((input) => {
      entityInput(input, 'User').fields.push({ name: 'avatarLabelId', column: 'avatar_label_id', type: 'uuid', role: 'foreign-key', required: false });
      input.relations!.push({ name: 'avatarLabel', from: 'User', to: 'Label', cardinality: 'one-to-one', field: 'avatarLabelId', onDelete: 'SetNull', tenantComposite: true });
      input.indexes!.push({ entity: 'User', fields: ['orgId', 'avatarLabelId'], unique: true, source: 'foreign-key', why: 'one-to-one' });
    });
    const text = emitPrismaSchema(oneToOne);
    expectValid(text);
    expect(modelBody(text, 'Label')).toMatch(/usersAsAvatarLabel +User\? +@relation\("User_avatarLabel"\)/);
  });

  it('maps enum values that are not Prisma identifiers, keeping their labels', () => {
    const odd = variant((input) => {
      const status = entityInput(input, 'Task').fields.find((f) => f.name === 'status')!;
      status.enumValues = ['to-do', '2fa', 'won t fix', 'to_do'];
      status.default = { kind: 'value', value: 'won t fix' };
    });
    const text = emitPrismaSchema(odd);
    expect(text).toContain('enum TaskStatus {\n  to_do_2   @map("to-do")\n  v_2fa     @map("2fa")\n  won_t_fix @map("won t fix")\n  to_do\n');
    expect(modelBody(text, 'Task')).toMatch(/status +TaskStatus +@default\(won_t_fix\)/);
    expectValid(text);
  });

  it('requires the (orgId, id) unique index behind a composite FK, naming the relation', () => {
    const missing = variant((input) => {
      input.indexes = input.indexes!.filter((i) => !(i.entity === 'Project' && i.source === 'tenant'));
    });
    expect(() => emitPrismaSchema(missing)).toThrow(/Relation Task\.project → Project is tenant-composite, but Project has no unique index on \(orgId, id\)/);
  });

  it.each([
    ['a table name with SQL in it', (i: DataModelInput) => void (entityInput(i, 'Label').table = 'labels"; DROP TABLE users; --'), /table .*must be lower-case/],
    ['an upper-case column', (i: DataModelInput) => void (entityInput(i, 'Label').fields[2]!.column = 'Name'), /Label\.name: column .*must be lower-case/],
    ['a table name over 63 bytes', (i: DataModelInput) => void (entityInput(i, 'Label').table = 'l'.repeat(64)), /64 bytes/],
    ['an entity name with a space', (i: DataModelInput) => void (entityInput(i, 'Label').name = 'Label x'), /not a valid Prisma model name/],
    ['a field name with a quote', (i: DataModelInput) => void (entityInput(i, 'Label').fields[2]!.name = 'na"me'), /not a valid Prisma field name/],
    // Prisma 7.10 does not escape quotes in CREATE TYPE … AS ENUM.
    ['an enum value with a quote', (i: DataModelInput) => void (entityInput(i, 'Task').fields.find((f) => f.name === 'status')!.enumValues = ["won't fix"]), /may not contain quotes/],
    ['an enum name with a brace', (i: DataModelInput) => void (entityInput(i, 'Task').fields.find((f) => f.name === 'status')!.enumName = 'Task}Status'), /enum name/],
    ['an unsafe index name', (i: DataModelInput) => void (i.indexes![0]!.name = 'x; drop'), /must be lower-case/],
    ['two tables with one name', (i: DataModelInput) => void (entityInput(i, 'Label').table = 'tasks'), /used by two entities/],
    ['a default of the wrong type', (i: DataModelInput) => void (entityInput(i, 'Currency').fields.find((f) => f.name === 'decimals')!.default = { kind: 'value', value: 'two' }), /not an integer/],
    ['a predicate value of the wrong type', (i: DataModelInput) => void i.indexes!.push({ entity: 'Task', fields: ['orgId'], where: [{ field: 'isUrgent', op: 'eq', value: 'yes' }], source: 'partial', why: 't' }), /not a boolean/],
  ])('rejects %s', (_what, change, message) => {
    expect(() => emitPrismaSchema(variant(change))).toThrow(message);
  });
});
