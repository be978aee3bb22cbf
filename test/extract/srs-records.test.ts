/** SRS sentences that name a record and its attributes around "The system shall record …". */
import { describe, expect, it } from 'vitest';
import { assertConsistent, entity, extract } from './helpers.ts';

describe('"The system shall record …" shapes', () => {
  const { model } = extract([
    '# Permits', '', 'Each customer is a city council.', '', '## Requirements', '',
    'SR-1 The system shall record applicants with a name and an email address.',
    'SR-2 For each application the system shall record the date of submission, the permit kind chosen from the shared list, and a description of what is planned.',
    'SR-3 The system shall record inspectors, meaning staff or contractors who visit sites, with a name and a phone number.',
    'SR-4 The system shall record fees on an application, each with: the amount; the due date; and the paid date.',
    'SR-5 The system shall record every change to an application\'s status as a separate status entry holding the new status, the reason and the time it was made.',
  ].join('\n'));
  const names = (e: string) => entity(model, e).fields.map((f) => f.name);

  it('reads each record and its attributes', () => {
    expect(names('Application')).toEqual(expect.arrayContaining(['dateOfSubmission', 'description']));
    expect(entity(model, 'Application').fields.find((f) => f.name === 'dateOfSubmission')?.type).toBe('date');
    expect(names('Inspector')).toEqual(expect.arrayContaining(['name', 'phoneNumber']));
    expect(names('Fee')).toEqual(expect.arrayContaining(['amount', 'dueDate', 'paidDate']));
    expect(names('StatusEntry')).toEqual(expect.arrayContaining(['status', 'reason']));
    assertConsistent(model);
  });
});

describe('a many-to-many stated with a three-word verb', () => {
  it('reads "a X may be involved in several Ys and a Y may involve several Xs" as a junction', () => {
    const { model } = extract([
      '# Cases', '', 'Each customer is a law firm.', '', '## Data', '',
      '- A witness has a name and a phone number.', '- A case has a title and an opened date.',
      '- A witness may be involved in several cases and a case may involve several witnesses.',
    ].join('\n'));
    expect(model.relations).toContainEqual(expect.objectContaining({ from: 'Witness', to: 'Case', cardinality: 'many-to-many', through: 'WitnessCase' }));
  });
});

describe('people added to records', () => {
  it('"Users are added to the projects they work on, each with a role on that project" is a junction with the role', () => {
    const { model } = extract([
      '# Sites', '', 'Each customer is a builder.', '', '## Data', '',
      '- A project has a name.', '- Users log in with their email.',
      '- Users are added to the projects they work on, each with a role on that project (manager, viewer).',
    ].join('\n'));
    const r = model.relations.find((x) => x.cardinality === 'many-to-many');
    expect(r).toMatchObject({ from: 'User', to: 'Project' });
    expect(model.entities.find((e) => e.name === r!.through)?.fields.map((f) => f.name)).toContain('role');
  });
});
