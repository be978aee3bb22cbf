/** The merge of a model's patch into the draft: a pure function that applies what fits and refuses the rest. */
import { describe, expect, it } from 'vitest';
import type { DataModel } from '../../src/model/index.ts';
import { mergePatch } from '../../src/tools/extract/llm/merge.ts';
import { field, patch } from './patches.ts';
import { clinicDraft } from './support.ts';

const why = (reason: string, prdLine: number | null = 7) => ({ reason, prdLine });
const merge = (p: Parameters<typeof mergePatch>[1], draft: DataModel = clinicDraft().model) => mergePatch(draft, p, { prdLines: 15 });

describe('mergePatch', () => {
  it('leaves the draft alone for an empty patch', () => {
    const draft = clinicDraft().model;
    const result = merge(patch({}), draft);
    expect(result.model).toEqual(draft);
    expect(result).toMatchObject({ applied: [], rejected: [], findings: [], resolvedLines: [] });
  });

  it('does not mutate the draft', () => {
    const draft = clinicDraft().model;
    const before = structuredClone(draft);
    merge(patch({ dropEntities: [{ name: 'Room', ...why('no rooms') }], correctEntities: [{ name: 'Patient', kind: null, softDelete: true, ...why('trash') }] }), draft);
    expect(draft).toEqual(before);
  });

  it('renames an entity everywhere it is named, and later items find it by either name', () => {
    const result = merge(patch({
      renameEntities: [{ from: 'Patient', to: 'Client', ...why('the PRD says client') }],
      addFields: [{ entity: 'Patient', field: field('birthDate', 'date', { required: false }), ...why('date of birth') }],
      naturalKeys: [{ entity: 'Client', fields: ['orgId', 'fullName', 'birthDate'], ...why('one record per person') }],
    }));
    const client = result.model.entities.find((e) => e.name === 'Client')!;
    expect(client.table).toBe('clients');
    expect(client.fields.map((f) => f.name)).toContain('birthDate');
    expect(result.model.indexes.filter((ix) => ix.entity === 'Client').map((ix) => ix.fields)).toEqual([['orgId', 'email'], ['orgId', 'fullName', 'birthDate']]);
    const named = [...result.model.relations.flatMap((r) => [r.from, r.to]), ...result.model.queryPatterns.map((q) => q.entity), ...result.model.indexes.map((ix) => ix.entity)];
    expect(named).not.toContain('Patient');
    expect(named).toContain('Client');
    expect(result.rejected).toEqual([]);
  });

  it('drops an entity with everything that names it, but never the tenant root', () => {
    const result = merge(patch({ dropEntities: [{ name: 'Room', ...why('rooms are not stored') }, { name: 'Organization', ...why('no') }] }));
    expect(result.model.entities.map((e) => e.name)).toEqual(clinicDraft().model.entities.map((e) => e.name).filter((n) => n !== 'Room'));
    expect(result.model.entities.map((e) => e.name)).toContain('Organization');
    expect(result.model.indexes.some((ix) => ix.entity === 'Room')).toBe(false);
    expect(result.rejected).toEqual([expect.objectContaining({ op: 'drop-entity', target: 'Organization', problem: expect.stringContaining('tenant root') })]);
  });

  it('normalises names and refuses fields the pipeline owns, unknown names and duplicates', () => {
    const result = merge(patch({
      addFields: [
        { entity: 'patients', field: field('date of birth', 'date'), ...why('birthday') },
        { entity: 'Patient', field: field('orgId', 'uuid'), ...why('tenant') },
        { entity: 'Doctor', field: field('name', 'string'), ...why('doctors') },
        { entity: 'Patient', field: field('email', 'string'), ...why('again') },
      ],
    }));
    expect(result.model.entities.find((e) => e.name === 'Patient')!.fields.map((f) => [f.name, f.column])).toContainEqual(['dateOfBirth', 'date_of_birth']);
    expect(result.rejected.map((r) => r.problem)).toEqual([
      expect.stringContaining('added by the pipeline'),
      'no entity "Doctor" in the draft',
      expect.stringContaining('already has "email"'),
    ]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['llm-change-rejected', 'llm-change-rejected', 'llm-change-rejected']);
  });

  it('checks defaults and enum values against the type', () => {
    const result = merge(patch({
      addFields: [
        { entity: 'Room', field: field('capacity', 'integer', { default: '4' }), ...why('capacity') },
        { entity: 'Room', field: field('floor', 'integer', { default: 'ground' }), ...why('floor') },
        { entity: 'Room', field: field('kind', 'enum', { enumValues: ['Exam Room', 'Surgery'], default: 'surgery' }), ...why('kind') },
        { entity: 'Room', field: field('label', 'enum'), ...why('no values') },
      ],
    }));
    const room = result.model.entities.find((e) => e.name === 'Room')!;
    expect(room.fields.find((f) => f.name === 'capacity')!.default).toEqual({ kind: 'value', value: 4 });
    expect(room.fields.find((f) => f.name === 'kind')).toMatchObject({ enumValues: ['exam_room', 'surgery'], default: { kind: 'value', value: 'surgery' } });
    expect(room.fields.find((f) => f.name === 'label')!.type).toBe('string');
    expect(result.rejected).toEqual([expect.objectContaining({ target: 'Room.floor', problem: expect.stringContaining('not a integer') })]);
  });

  it('adds relations with the stated onDelete and refuses impossible ones', () => {
    const result = merge(patch({
      addRelations: [
        { from: 'Patient', to: 'Room', name: 'preferredRoom', cardinality: 'many-to-one', required: false, onDelete: 'SetNull', ...why('preferred room') },
        { from: 'Patient', to: 'Room', name: 'ward', cardinality: 'many-to-one', required: true, onDelete: 'SetNull', ...why('ward') },
        { from: 'Patient', to: 'Organization', name: 'clinic', cardinality: 'many-to-one', required: true, onDelete: null, ...why('clinic') },
      ],
    }));
    expect(result.model.relations.filter((r) => r.provenance?.source === 'llm')).toEqual([expect.objectContaining({ name: 'preferredRoom', field: 'preferredRoomId', onDelete: 'SetNull', why: 'preferred room', provenance: { source: 'llm', line: 7, ref: 'preferred room' } })]);
    expect(result.rejected.map((r) => r.problem)).toEqual(['SetNull needs an optional reference', expect.stringContaining('tenant key already links')]);
  });

  it('removes draft items by id and validates the fields of keys and patterns', () => {
    const result = merge(patch({
      removeDraftItems: [{ id: 'key:2', ...why('rooms may share names') }, { id: 'key:9', ...why('?') }],
      partialUniques: [{ entity: 'Patient', fields: ['orgId', 'email'], where: [{ field: 'phoneNumber', op: 'isNotNull', value: null }], ...why('x') }],
      queryPatterns: [
        { entity: 'Patient', description: 'by name', equality: ['fullName'], range: null, orderBy: [{ field: 'createdAt', direction: 'asc' }], where: [], ...why('search') },
        { entity: 'Patient', description: 'by ward', equality: ['wardId'], range: null, orderBy: [], where: [], ...why('ward') },
      ],
    }));
    expect(result.model.indexes.map((ix) => ix.entity)).toEqual(['Patient', 'Patient']);
    expect(result.model.indexes[1]).toMatchObject({ unique: true, source: 'partial', where: [{ field: 'phoneNumber', op: 'isNotNull' }] });
    expect(result.model.queryPatterns.map((q) => q.description)).toContain('by name');
    expect(result.rejected.map((r) => r.problem)).toEqual(['the draft has no item "key:9"', 'Patient has no field "wardId"']);
  });

  it('makes keys apply to live rows when an entity gets soft delete', () => {
    const result = merge(patch({ correctEntities: [{ name: 'Patient', kind: null, softDelete: true, ...why('patients go to a trash') }] }));
    expect(result.model.entities.find((e) => e.name === 'Patient')!.softDelete).toBe(true);
    expect(result.model.indexes.find((ix) => ix.entity === 'Patient')!.where).toEqual([{ field: 'deletedAt', op: 'isNull' }]);
  });

  it('corrects and renames fields, following the rename into keys', () => {
    const result = merge(patch({
      correctFields: [{ entity: 'Patient', field: 'email', rename: 'emailAddress', type: null, required: null, maxLength: 320, enumValues: null, default: null, ...why('email') }],
    }));
    expect(result.model.entities.find((e) => e.name === 'Patient')!.fields.find((f) => f.name === 'emailAddress')).toMatchObject({ column: 'email_address', maxLength: 320 });
    expect(result.model.indexes[0]!.fields).toEqual(['orgId', 'emailAddress']);
  });

  it('adds reference rows only for attributes the entity has, and keeps lines in range', () => {
    const result = merge(patch({
      referenceRows: [
        { entity: 'Room', rows: [{ values: [{ field: 'name', value: 'Exam 1' }] }, { values: [{ field: 'name', value: 'Exam 2' }] }], ...why('rooms', 99) },
        { entity: 'Room', rows: [{ values: [{ field: 'floor', value: 1 }] }], ...why('floor') },
      ],
      notData: [{ prdLine: 3, reason: 'tenancy' }, { prdLine: 40, reason: 'beyond the PRD' }],
    }));
    expect(result.model.referenceData).toEqual([{ entity: 'Room', rows: [{ name: 'Exam 1' }, { name: 'Exam 2' }], provenance: { source: 'llm', ref: 'rooms' } }]);
    expect(result.rejected.map((r) => r.problem)).toEqual(['Room has no attribute "floor"', 'no such line in the PRD']);
    expect(result.resolvedLines).toEqual([3]);
  });
});
