/** Behaviour of the deterministic markdown extractor, one small PRD snippet per behaviour. */
import { describe, expect, it } from 'vitest';
import { assertConsistent, entity, extract, field, relation } from './helpers.ts';

describe('tables per entity', () => {
  const prd = [
    '# Garden club', // 1
    '', // 2
    'Each club is an organization. Gardeners sign in with their email.', // 3
    '', // 4
    '## Plot', // 5
    '', // 6
    '| Field | Type | Required | Notes |', // 7
    '|-------|------|----------|-------|', // 8
    '| label | text | yes | Unique within the organization |', // 9
    '| area | decimal | no | Square metres |', // 10
    '| soil | enum | yes | clay, loam, sand. Defaults to loam. |', // 11
    '| planted on | date | no | |', // 12
    '| notes | text | no | Markdown |', // 13
    '| keeper | → Gardener | no | If the keeper is removed the plot simply has no keeper |', // 14
  ].join('\n');
  const { model } = extract(prd);

  it('reads fields, types and required from the table', () => {
    expect(entity(model, 'Plot').table).toBe('plots');
    expect(field(model, 'Plot', 'label')).toMatchObject({ type: 'string', required: true, column: 'label' });
    expect(field(model, 'Plot', 'area')).toMatchObject({ type: 'decimal', required: false });
    expect(field(model, 'Plot', 'soil')).toMatchObject({ type: 'enum', enumName: 'PlotSoil', enumValues: ['clay', 'loam', 'sand'], default: { kind: 'value', value: 'loam' } });
    expect(field(model, 'Plot', 'plantedOn')).toMatchObject({ type: 'date', required: false, column: 'planted_on' });
    expect(field(model, 'Plot', 'notes').type).toBe('text');
  });
  it('turns an arrow type into a relation with its delete rule', () => {
    expect(relation(model, 'Plot', 'keeper')).toMatchObject({ to: 'Gardener', field: 'keeperId', required: false, onDelete: 'SetNull' });
  });
  it('makes the sign-in people the user entity and the tenant Organization', () => {
    expect(entity(model, 'Gardener').kind).toBe('tenant');
    expect(entity(model, 'Organization').kind).toBe('tenant-root');
    expect(model.entities.some((e) => e.name === 'Club')).toBe(false);
  });
  it('keeps provenance lines', () => {
    expect(field(model, 'Plot', 'area').provenance).toMatchObject({ source: 'prd', line: 10 });
    expect(model.indexes.find((i) => i.entity === 'Plot')?.provenance?.line).toBe(9);
  });
  it('reads org-scoped natural keys', () => {
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Plot', fields: ['orgId', 'label'], unique: true, source: 'natural-key' }));
  });
});

describe('bullets per entity', () => {
  const prd = [
    '# Kennel app',
    '',
    'Every kennel is an organization. Staff log in with email.',
    '',
    '## dogs',
    '',
    '- name, breed, date of birth (optional)',
    '- chip number — optional, unique within the org when present',
    '- status: boarding, home or adopted',
    '- whether it is vaccinated',
    '- owner (a client) — required',
    '',
    '## clients',
    '',
    '- first name, last name, phone — all optional',
    '- email (required, unique per org)',
  ].join('\n');
  const { model } = extract(prd);

  it('reads comma lists, enums, flags and optionality', () => {
    expect(field(model, 'Dog', 'name').required).toBe(true);
    expect(field(model, 'Dog', 'dateOfBirth')).toMatchObject({ required: false });
    expect(field(model, 'Dog', 'chipNumber').required).toBe(false);
    expect(field(model, 'Dog', 'status')).toMatchObject({ type: 'enum', enumValues: ['boarding', 'home', 'adopted'] });
    expect(field(model, 'Dog', 'isVaccinated').type).toBe('boolean');
    expect(field(model, 'Client', 'phone').required).toBe(false);
  });
  it('reads a reference in a list', () => {
    expect(relation(model, 'Dog', 'owner')).toMatchObject({ to: 'Client', field: 'ownerId', required: true });
  });
  it('reads natural keys beside fields', () => {
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Dog', fields: ['orgId', 'chipNumber'], unique: true }));
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Client', fields: ['orgId', 'email'], unique: true }));
  });
});

describe('prose with implied fields, relations and delete rules', () => {
  const prd = [
    '# Studio bookings',
    '',
    'Each studio that signs up is an organization. Team members log in as users.',
    '',
    '## Rooms',
    '',
    'A room has a name (unique within the organization), a capacity and an hourly price.',
    '',
    '## Bookings',
    '',
    'Each booking is for one room and has a reference number and a start date, and can be marked confirmed.',
    'We want to know when it was cancelled. A room that has bookings can\'t be deleted.',
    '',
    '## Invoices',
    '',
    'An invoice has an amount and a due date. Each invoice belongs to one booking. Deleting a booking deletes its invoices.',
  ].join('\n');
  const { model } = extract(prd);

  it('reads "has" sentences with types from wording', () => {
    expect(field(model, 'Room', 'capacity').type).toBe('integer');
    expect(field(model, 'Room', 'hourlyPrice').type).toBe('decimal');
    expect(field(model, 'Booking', 'startDate').type).toBe('date');
  });
  it('adds implied state fields', () => {
    expect(field(model, 'Booking', 'confirmedAt')).toMatchObject({ type: 'datetime', required: false });
  });
  it('reads belongs-to relations and delete rules', () => {
    const room = model.relations.find((r) => r.from === 'Booking' && r.to === 'Room');
    expect(room).toMatchObject({ required: true, onDelete: 'Restrict' });
    expect(room?.why).toMatch(/can't be deleted/);
    const booking = model.relations.find((r) => r.from === 'Invoice' && r.to === 'Booking');
    expect(booking).toMatchObject({ onDelete: 'Cascade' });
  });
  it('gives the org-scoped key', () => {
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Room', fields: ['orgId', 'name'], unique: true }));
  });
});

describe('many-to-many', () => {
  const prd = [
    '# Recipes',
    '',
    'Each kitchen is an organization. Cooks log in as users.',
    '',
    '## Recipes',
    '',
    '- title, body (markdown)',
    '- a recipe can carry any number of tags; a tag can be on any number of recipes',
    '',
    '## Tags',
    '',
    '- name (unique per org)',
    '',
    '## Menus',
    '',
    '- name',
    '',
    '**Cooks** — a menu can have zero or more cooks (users). We need to know when each person was assigned.',
  ].join('\n');
  const { model } = extract(prd);

  it('links without payload through a conventional junction', () => {
    const rel = model.relations.find((r) => r.cardinality === 'many-to-many' && r.from === 'Recipe' && r.to === 'Tag');
    expect(rel?.through).toBe('RecipeTag');
    expect(entity(model, 'RecipeTag')).toMatchObject({ kind: 'junction', fields: [] });
  });
  it('links with payload through a junction carrying it', () => {
    const rel = model.relations.find((r) => r.cardinality === 'many-to-many' && r.from === 'Menu');
    expect(rel).toMatchObject({ to: 'User', name: 'cooks', through: 'MenuCook' });
    expect(field(model, 'MenuCook', 'assignedAt')).toMatchObject({ type: 'datetime', required: true });
    expect(model.entities.some((e) => e.name === 'Cook')).toBe(false);
  });
});

describe('natural keys: global, per parent, combinations', () => {
  const prd = [
    '# Fleet',
    '',
    'Every customer is an organization. Operators sign in with an email.',
    '',
    '## Vehicles',
    '',
    'A vehicle has a VIN and a nickname. VINs are unique across the whole platform.',
    '',
    '## Trips',
    '',
    'A vehicle has one or more trips. A trip has a number (sequential per vehicle) and a distance in kilometers.',
    '',
    '## Drivers',
    '',
    'A driver has a name and a licence code (unique).',
    '',
    '## Shifts',
    '',
    'A shift has a start time. Each shift belongs to one driver and one vehicle. There is at most one shift for a given driver in a given vehicle.',
  ].join('\n');
  const { model } = extract(prd);
  it('reads global, per-parent and combination keys', () => {
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Vehicle', fields: ['vin'], unique: true }));
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Trip', fields: ['vehicleId', 'number'], unique: true }));
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Driver', fields: ['licenceCode'], unique: true }));
    assertConsistent(model);
  });
});

describe('partial uniques and soft delete', () => {
  const prd = [
    '# Newsroom',
    '',
    'Each publisher is an organization. Editors sign in with email.',
    '',
    '## Desks',
    '',
    '- desk: a name and whether it is the default',
    '- **Exactly one desk per org is the default.**',
    '',
    '## Stories',
    '',
    '- headline, slug (unique within the org), status (draft, live, archived)',
    '- Stories are never deleted immediately: delete moves them to the trash (we set deleted_at).',
    '- Uniqueness rules only apply to records that are not in the trash.',
    '- Only one story can be pinned per org.',
  ].join('\n');
  const { model } = extract(prd);
  it('reads "exactly one default per org" as a partial unique on the flag', () => {
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Desk', fields: ['orgId'], unique: true, where: [{ field: 'isDefault', op: 'eq', value: true }], source: 'partial' }));
  });
  it('adds deletedAt and makes uniqueness live-rows only', () => {
    expect(entity(model, 'Story').softDelete).toBe(true);
    expect(field(model, 'Story', 'deletedAt').role).toBe('soft-delete');
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Story', fields: ['orgId', 'slug'], where: [{ field: 'deletedAt', op: 'isNull' }] }));
  });
  it('adds a flag stated only by a rule', () => {
    expect(field(model, 'Story', 'isPinned').type).toBe('boolean');
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Story', fields: ['orgId'], where: [{ field: 'isPinned', op: 'eq', value: true }] }));
  });
});

describe('query patterns', () => {
  const prd = [
    '# Clinic',
    '',
    'Each practice is an organization. Staff sign in with their email.',
    '',
    '## Patients',
    '',
    '- name, email (unique per org)',
    '',
    '## Appointments',
    '',
    '- the patient (a patient) — required; status (booked, done, missed); scheduled at; room code',
    '',
    '## Queries',
    '',
    '- Look up patients by email.',
    '- Patient history: all appointments of one patient, newest first.',
    '- Day view: appointments filtered by status, sorted by scheduled at.',
  ].join('\n');
  const { model } = extract(prd);
  it('reads lookups, parent filters and orderings', () => {
    expect(model.queryPatterns).toContainEqual(expect.objectContaining({ entity: 'Patient', equality: ['email'] }));
    expect(model.queryPatterns).toContainEqual(expect.objectContaining({ entity: 'Appointment', equality: ['patientId'], orderBy: [{ field: 'createdAt', direction: 'desc' }] }));
    expect(model.queryPatterns).toContainEqual(expect.objectContaining({ entity: 'Appointment', equality: ['status'], orderBy: [{ field: 'scheduledAt', direction: 'asc' }] }));
    const p = model.queryPatterns.find((q) => q.entity === 'Patient');
    expect(p?.provenance?.line).toBe(15);
  });
});

describe('reference data', () => {
  const prd = [
    '# Shipping',
    '',
    'Each shipper is an organization. Clerks sign in with email.',
    '',
    '## Carriers and units (reference data)',
    '',
    'Carriers and units are platform-wide lookup lists, not something orgs can edit.',
    '',
    '- **Carriers** — code, name and tracking url. Launch set: UPS, DHL, FEDEX and USPS.',
    '- **Units** — Kilogram (code KG), Pound (code LB) and Ounce (code OZ).',
  ].join('\n');
  const { model } = extract(prd);
  it('marks reference entities and seeds their rows', () => {
    expect(entity(model, 'Carrier').kind).toBe('reference');
    const rows = model.referenceData.find((r) => r.entity === 'Carrier')?.rows ?? [];
    expect(rows.map((r) => r.code)).toEqual(['UPS', 'DHL', 'FEDEX', 'USPS']);
    const units = model.referenceData.find((r) => r.entity === 'Unit')?.rows ?? [];
    expect(units).toContainEqual({ code: 'KG', name: 'Kilogram' });
  });
});

describe('scope', () => {
  const prd = [
    '# Gym',
    '',
    'Each gym is an organization. Trainers log in as users.',
    '',
    '## Classes',
    '',
    'A class has a title and a start time.',
    '',
    '## Market analysis',
    '',
    'A competitor has a name, a price and a rating.',
    '',
    '## Out of scope',
    '',
    '- Vouchers: a voucher has a code and an amount.',
    '',
    'Non-goals (v1):',
    '- Loyalty cards (phase 2) — a card has a number and points',
  ].join('\n');
  const { model } = extract(prd);
  it('ignores irrelevant and deferred sections', () => {
    const names = model.entities.map((e) => e.name);
    expect(names).toContain('Class');
    expect(names).not.toContain('Competitor');
    expect(names).not.toContain('Voucher');
    expect(names).not.toContain('Card');
  });
});

describe('prose the parser cannot read', () => {
  it('does not crash and reports findings', () => {
    const { model, findings } = extract('We are building something great for our customers. It must be fast, and it should keep track of what matters to them every day.');
    expect(model.entities.map((e) => e.name)).toEqual(['Organization']);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ ruleId: 'extract-not-understood', level: 'warning', category: 'extraction', owner: 'extract' });
  });
  it('survives empty input and odd markdown', () => {
    expect(() => extract('')).not.toThrow();
    expect(() => extract('|a|\n|-|\n| |\n\n```\ncode\n```\n> quote\n- \n#')).not.toThrow();
  });
});
