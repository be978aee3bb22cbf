import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataModel, foreignKeyFields, foreignKeyRelations } from '../../src/model/index.ts';
import { extractFromStructured } from '../../src/tools/extract/structured/convert.ts';
import { resolveRelationships } from '../../src/tools/relationships/index.ts';
import { planIndexes } from '../../src/tools/indexes/plan-indexes.ts';
import { applyTenancy } from '../../src/tools/tenancy/apply-tenancy.ts';
import { leadsWith, servesPattern } from '../../src/tools/indexes/index-shape.ts';

const sample = () => extractFromStructured(JSON.parse(readFileSync(new URL('../../../shared/evals/structured-input.json', import.meta.url), 'utf8'))).model;
const allPasses = (m: DataModel) => DataModel.parse(applyTenancy(planIndexes(resolveRelationships(m))));

describe('relationships pass', () => {
  const model = DataModel.parse(resolveRelationships(sample()));

  it('turns every many-to-many into a junction with two cascading FKs and a unique pair', () => {
    const fks = model.relations.filter((r) => r.from === 'TaskLabel' && r.name !== 'createdBy');
    expect(fks.map((r) => [r.field, r.to, r.onDelete])).toEqual([['taskId', 'Task', 'Cascade'], ['labelId', 'Label', 'Cascade']]);
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'TaskLabel', fields: ['taskId', 'labelId'], unique: true }));
  });

  it('adds a uuid id, audit columns and created_by → users on every entity', () => {
    for (const e of model.entities) {
      expect(e.fields[0]).toMatchObject({ name: 'id', type: 'uuid', default: { kind: 'uuid' } });
      expect(e.fields.map((f) => f.column)).toEqual(expect.arrayContaining(['created_at', 'updated_at', 'created_by']));
      expect(model.relations).toContainEqual(expect.objectContaining({ from: e.name, name: 'createdBy', to: 'User', onDelete: 'SetNull' }));
    }
  });

  it('keeps stated referential actions and decides the others by rule', () => {
    expect(model.relations.find((r) => r.field === 'milestoneId')?.onDelete).toBe('SetNull');
    const decided = DataModel.parse(resolveRelationships(DataModel.parse({
      entities: [
        { name: 'Invoice', table: 'invoices', kind: 'tenant', fields: [] },
        { name: 'InvoiceLine', table: 'invoice_lines', kind: 'tenant', fields: [] },
        { name: 'Customer', table: 'customers', kind: 'tenant', fields: [] },
        { name: 'Currency', table: 'currencies', kind: 'reference', fields: [] },
      ],
      relations: [
        { name: 'invoice', from: 'InvoiceLine', to: 'Invoice', cardinality: 'many-to-one', field: 'invoiceId', required: true },
        { name: 'customer', from: 'Invoice', to: 'Customer', cardinality: 'many-to-one', field: 'customerId', required: true },
        { name: 'currency', from: 'Invoice', to: 'Currency', cardinality: 'many-to-one', field: 'currencyId', required: true },
        { name: 'billingContact', from: 'Invoice', to: 'Customer', cardinality: 'many-to-one', field: 'billingContactId', required: false },
      ],
    })));
    const action = (field: string) => decided.relations.find((r) => r.field === field)?.onDelete;
    expect(action('invoiceId')).toBe('Cascade'); // composition: the line is named after its invoice
    expect(action('currencyId')).toBe('Restrict'); // reference data in use
    expect(action('billingContactId')).toBe('SetNull'); // optional reference
    expect(action('customerId')).toBe('Restrict'); // an independent aggregate
    expect(decided.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Organization', 'User']));
  });
});

describe('indexes and tenancy passes', () => {
  const model = allPasses(sample());

  it('gives every foreign key an index led by its columns', () => {
    for (const r of foreignKeyRelations(model)) {
      const fields = foreignKeyFields(model, r);
      expect(model.indexes.some((ix) => ix.entity === r.from && leadsWith(ix, fields)), `${r.from}.${r.field}`).toBe(true);
    }
  });

  it('serves every query pattern with an index led by org_id', () => {
    for (const q of model.queryPatterns) {
      const ix = model.indexes.find((i) => i.entity === q.entity && servesPattern(i, q, 'orgId'));
      expect(ix, q.description).toBeDefined();
      expect(ix!.fields[0]).toBe('orgId');
    }
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Task', fields: ['orgId', 'projectId', 'status', 'position'] }));
  });

  it('puts enum equality columns (not LEAKPROOF, kept out of the index condition under RLS) after the others', () => {
    const m = sample();
    m.queryPatterns.push({ entity: 'Task', description: 'Triage', equality: ['status', 'priority', 'title'], orderBy: [], where: [] });
    expect(allPasses(m).indexes).toContainEqual(expect.objectContaining({ entity: 'Task', fields: ['orgId', 'title', 'status', 'priority'] }));
  });

  it('has no duplicate and no prefix-redundant plain index', () => {
    const plain = model.indexes.filter((ix) => !ix.unique && ix.where.length === 0);
    for (const ix of plain) {
      const longer = model.indexes.filter((o) => o !== ix && o.entity === ix.entity && o.where.length === 0 && o.fields.length >= ix.fields.length && ix.fields.every((f, i) => o.fields[i] === f));
      expect(longer, `${ix.entity}(${ix.fields})`).toEqual([]);
    }
  });

  it('scopes tenant tables by org_id with composite FKs and one policy each, and leaves the root global', () => {
    for (const e of model.entities) {
      const scoped = e.kind === 'tenant' || e.kind === 'junction';
      expect(e.fields.some((f) => f.column === 'org_id'), e.table).toBe(scoped);
      expect(model.policies.filter((p) => p.entity === e.name)).toHaveLength(scoped ? 1 : 0);
    }
    expect(model.relations.find((r) => r.field === 'projectId' && r.from === 'Task')?.tenantComposite).toBe(true);
    expect(model.policies[0]!.using).toBe(`"org_id" = (SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid)`);
  });

  it('is idempotent, so the repair loop can run it again', () => {
    expect(allPasses(model)).toEqual(model);
  });

  it('repairs a removed FK index and a removed policy when run again', () => {
    const broken = { ...model, indexes: model.indexes.filter((ix) => !(ix.entity === 'Task' && ix.fields.join() === 'orgId,reporterId')), policies: model.policies.slice(1) };
    const repaired = allPasses(broken);
    expect(repaired.indexes).toContainEqual(expect.objectContaining({ entity: 'Task', fields: ['orgId', 'reporterId'] }));
    expect(repaired.policies).toHaveLength(model.policies.length);
  });
});

describe('required reference cycles', () => {
  it('makes one edge of a required cycle optional so rows can be inserted', () => {
    const model = DataModel.parse(resolveRelationships(DataModel.parse({
      entities: [
        { name: 'Ticket', table: 'tickets', kind: 'tenant', fields: [] },
        { name: 'Customer', table: 'customers', kind: 'tenant', fields: [] },
      ],
      relations: [
        { name: 'requester', from: 'Ticket', to: 'Customer', cardinality: 'many-to-one', field: 'requesterId', required: true, onDelete: 'Restrict' },
        { name: 'firstTicket', from: 'Customer', to: 'Ticket', cardinality: 'many-to-one', field: 'firstTicketId', required: true },
      ],
    })));
    expect(model.relations.find((r) => r.field === 'requesterId')).toMatchObject({ required: true, onDelete: 'Restrict' });
    expect(model.relations.find((r) => r.field === 'firstTicketId')).toMatchObject({ required: false, onDelete: 'SetNull' });
    expect(model.entities.find((e) => e.name === 'Customer')!.fields.find((f) => f.name === 'firstTicketId')!.required).toBe(false);
  });
});

describe('required self-references', () => {
  it('become optional: the first row has nothing to point at', () => {
    const model = DataModel.parse(resolveRelationships(DataModel.parse({
      entities: [{ name: 'Category', table: 'categories', kind: 'tenant', fields: [] }],
      relations: [{ name: 'parent', from: 'Category', to: 'Category', cardinality: 'many-to-one', field: 'parentId', required: true }],
    })));
    expect(model.relations.find((r) => r.field === 'parentId')).toMatchObject({ required: false, onDelete: 'SetNull' });
  });
});
