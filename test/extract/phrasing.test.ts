/** Behaviours added for PRD phrasing: compound names, quantifiers, delete rules in bullets, stories, query wording. */
import { describe, expect, it } from 'vitest';
import { assertConsistent, entity, extract, field, relation } from './helpers.ts';

describe('compound entity names and quantifiers', () => {
  const { model } = extract([
    '# Kennel', '', '## Kennels', '', 'A kennel has a name and a city.', '',
    '## Feeding slots', '', 'A kennel has one or more feeding slots. Each slot has a start time and a portion size in grams.',
  ].join('\n'));
  it('keeps the modifier of a two-word name and reads "each slot" as that entity', () => {
    expect(model.entities.map((e) => e.name)).toContain('FeedingSlot');
    expect(model.entities.map((e) => e.name)).not.toContain('Slot');
    expect(field(model, 'FeedingSlot', 'portionSizeGrams').type).toBe('integer');
  });
  it('does not split "one or more" into a field', () => {
    expect(entity(model, 'Kennel').fields.map((f) => f.name)).not.toContain('moreFeedingSlots');
    assertConsistent(model);
  });
});

describe('delete rules and remarks in entity bullets', () => {
  const { model } = extract([
    '# Library', '', '## Books', '', '- title, isbn', '- the shelf (a shelf), required', '',
    '## Shelves', '', '- label (required, unique per org), floor', '- Shelves with books can\'t be removed.',
    '- either public or private to one librarian', '- archived shelves are kept for audits', '',
    '## Security', '', 'Tenant isolation must hold at the database level.',
  ].join('\n'));
  it('does not read "X with Ys can\'t be removed" as a new relation', () => {
    expect(model.relations.filter((r) => r.from === 'Shelf').map((r) => r.to)).not.toContain('Book');
    expect(relation(model, 'Book', 'shelf').to).toBe('Shelf');
  });
  it('does not take modifiers in parentheses for enum values', () => {
    expect(field(model, 'Shelf', 'label').type).toBe('string');
  });
  it('keeps alternatives and statements about the records themselves out of the fields', () => {
    expect(entity(model, 'Shelf').fields.map((f) => f.name).sort()).toEqual(['floor', 'label']);
  });
  it('never makes an entity of an abstract quality', () => {
    expect(model.entities.map((e) => e.name)).not.toContain('TenantIsolation');
  });
});

describe('users, stories and reference lists', () => {
  const { model } = extract([
    '# Clinic', '', 'Each practice is an organization.', '',
    '- **nurses** — clinical staff who log in: name, email (unique per org).', '',
    '## Visits', '',
    '1. As a nurse, I want to log a visit by choosing a visit reason, a start time and a room number.',
    '2. As a nurse, I want to pick from a standard list of visit reasons: Checkup (code CHECKUP), Vaccination (code VACCINE), Injury (code INJURY).',
    '3. As a nurse, I don\'t want to see visits of other practices.',
    '4. As a nurse, I want to see all my visits, most recent first.', '',
    '## Handovers', '', 'Each handover note must be recorded separately: who wrote it, the outcome and the ward.',
  ].join('\n'));
  it('makes the sign-in people the model\'s user entity', () => {
    expect(model.tenancy.userEntity).toBe('Nurse');
  });
  it('creates a seeded lookup entity from "a standard list of Xs"', () => {
    expect(entity(model, 'VisitReason').kind).toBe('reference');
    expect(model.referenceData.find((d) => d.entity === 'VisitReason')?.rows).toHaveLength(3);
    expect(relation(model, 'Visit', 'visitReason').to).toBe('VisitReason');
  });
  it('links a record to the story actor who creates it, and reads "my Xs" through that link', () => {
    expect(relation(model, 'Visit', 'nurse')).toMatchObject({ to: 'Nurse', field: 'nurseId' });
    expect(model.relations.some((r) => /^asA/.test(r.name))).toBe(false);
    expect(model.queryPatterns.find((p) => p.entity === 'Visit')).toMatchObject({ equality: ['nurseId'], orderBy: [{ field: 'createdAt', direction: 'desc' }] });
  });
  it('reads "each X must be recorded: a, b" as the attributes of X', () => {
    expect(entity(model, 'HandoverNote').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['outcome', 'ward']));
  });
});

describe('headings and ordering', () => {
  const { model } = extract([
    '# Alarms', '', '## Pump rules and pumps', '',
    '- A pump rule watches one pump and has a name and a limit.',
    '- A pump has a serial, a status (on, off) and occurred at.', '',
    '## Screens', '', '- Trip log: pumps by status, newest first.',
  ].join('\n'));
  it('keeps "X rules" when the heading also lists X', () => {
    expect(model.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['PumpRule', 'Pump']));
    expect(field(model, 'PumpRule', 'limit')).toBeDefined();
  });
  it('orders "newest first" by the time the record says it happened', () => {
    expect(model.queryPatterns.find((p) => p.entity === 'Pump')?.orderBy[0]?.field).toBe('occurredAt');
  });
});

describe('lookups and the reader\'s own links', () => {
  const { model } = extract([
    '# Crew', '', 'Each airline is an organization. Pilots sign in with their email.', '',
    '## Pilots', '', '- name, email', '', '## Flights', '',
    '- code, status (planned, flown)', '- A flight can be assigned to several pilots.', '- A flight has a tail code and a gate.', '',
    '## Performance', '', '- Ops lookup: find flights by tail code and by gate, both index-backed.',
    '- My roster: all flights assigned to the current user.',
  ].join('\n'));
  it('splits "by X and by Y" into two lookups', () => {
    const eqs = model.queryPatterns.filter((p) => p.entity === 'Flight').map((p) => p.equality.join(','));
    expect(eqs).toEqual(expect.arrayContaining(['tailCode', 'gate']));
  });
  it('reads "assigned to the current user" from the junction by the user key', () => {
    const junction = model.relations.find((r) => r.cardinality === 'many-to-many')?.through;
    expect(model.queryPatterns.find((p) => p.entity === junction)?.equality).toEqual(['pilotId']);
  });
});
