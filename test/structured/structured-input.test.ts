import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { extractFromStructured } from '../../src/tools/extract/structured/convert.ts';

const sample = (): any => JSON.parse(readFileSync(new URL('../../../shared/evals/structured-input.json', import.meta.url), 'utf8'));

function issuesOf(json: unknown): Array<{ path: string; message: string }> {
  try {
    extractFromStructured(json);
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('structured JSON input', () => {
  it('reads the shared sample into entities, relations, keys and patterns', () => {
    const { model } = extractFromStructured(sample());
    expect(model.entities.map((e) => e.table)).toEqual(
      expect.arrayContaining(['organizations', 'users', 'projects', 'milestones', 'tasks', 'comments', 'labels', 'task_assignees', 'task_watchers', 'task_labels']),
    );
    expect(model.entities.find((e) => e.name === 'Organization')?.kind).toBe('tenant-root');
    expect(model.entities.find((e) => e.name === 'TaskAssignee')?.fields.map((f) => f.column)).toEqual(['assigned_at']);
    expect(model.relations.find((r) => r.field === 'reporterId')).toMatchObject({ to: 'User', required: true, onDelete: 'Restrict' });
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Task', fields: ['projectId', 'number'], unique: true }));
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'User', fields: ['orgId', 'email'], unique: true }));
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Organization', fields: ['slug'], unique: true }));
    expect(model.indexes).toContainEqual(
      expect.objectContaining({ entity: 'Milestone', fields: ['projectId'], unique: true, where: [{ field: 'status', op: 'eq', value: 'active' }] }),
    );
    expect(model.queryPatterns.find((q) => q.description.startsWith('My work'))).toMatchObject({ entity: 'TaskAssignee', equality: ['userId'] });
    expect(model.queryPatterns.find((q) => q.description.startsWith('Due soon'))).toMatchObject({ equality: ['orgId'], range: 'dueDate' });
  });

  it('rejects a wrong type with the path of the field', () => {
    const json = sample();
    json.entities[2].fields[1].type = 'varchar';
    const issues = issuesOf(json);
    expect(issues[0]!.path).toBe('entities[2].fields[1].type');
    expect(issues[0]!.message).toMatch(/expected one of/);
  });

  it('rejects an enum without values, a relationship to an unknown entity and an unknown index field', () => {
    const json = sample();
    delete json.entities[1].fields[3].values;
    json.relationships[0].to = 'Person';
    expect(issuesOf(json).map((i) => i.path)).toContain('entities[1].fields[3].values');
    const json2 = sample();
    json2.relationships[0].to = 'Person';
    json2.entities[4].uniqueTogether.push(['projectId', 'nope']);
    const issues = issuesOf(json2);
    expect(issues).toContainEqual({ path: 'relationships[0].to', message: 'unknown entity "Person"' });
    expect(issues.find((i) => i.path === 'entities[4].uniqueTogether[1][1]')?.message).toMatch(/has no field "nope"/);
  });

  it('rejects input that is not a model at all', () => {
    expect(issuesOf({ entities: [] })[0]).toEqual({ path: 'entities', message: 'the model needs at least one entity' });
    expect(issuesOf('a string')[0]!.path).toBe('');
  });

  it('rejects columns schemawright adds itself', () => {
    const json = sample();
    json.entities[2].fields.push({ name: 'createdAt', type: 'datetime', required: true });
    expect(issuesOf(json)[0]!.message).toMatch(/added by schemawright/);
  });
});
