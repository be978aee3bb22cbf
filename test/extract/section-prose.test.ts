/** Prose under an entity's own heading: sentences no specific phrasing reads still describe the section's record. */
import { describe, expect, it } from 'vitest';
import { assertConsistent, entity, extract, relation } from './helpers.ts';

const doc = (...lines: string[]) => ['# Kennel app', '', 'Each customer is a pet care company.', '', '## Data', '', ...lines].join('\n');

describe('a sentence of prose under an entity heading', () => {
  it('reads a bare list, a list after a colon and a list after "we keep" / a have-verb as attributes', () => {
    const { model } = extract(doc(
      '### Kennels', '',
      'Kennels are configured by each company: a label, unique in that company, whether the kennel is heated, and an indoor flag.', '',
      '### Owners', '',
      'For private owners we keep first and last name, for breeders the kennel club number. Everybody gets an optional email,',
      'optional phone, a postal address and a "no marketing" flag that defaults to off.', '',
      '### Seasons', '',
      'Label (unique per company), a deposit amount (optional), opening and closing dates.',
    ));
    const names = (e: string) => entity(model, e).fields.map((f) => f.name);
    expect(names('Kennel')).toEqual(expect.arrayContaining(['label', 'isHeated', 'indoor']));
    expect(names('Owner')).toEqual(expect.arrayContaining(['firstName', 'lastName', 'kennelClubNumber', 'email', 'phone', 'postalAddress', 'noMarketing']));
    const flag = entity(model, 'Owner').fields.find((f) => f.name === 'noMarketing');
    expect(flag).toMatchObject({ type: 'boolean', default: { kind: 'value', value: false } });
    const season = entity(model, 'Season').fields;
    expect(season.find((f) => f.name === 'depositAmount')).toMatchObject({ type: 'decimal', required: false });
    expect(season.filter((f) => ['openingDate', 'closingDate'].includes(f.name)).map((f) => f.type)).toEqual(['date', 'date']);
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Kennel', fields: ['orgId', 'label'], unique: true }));
    assertConsistent(model);
  });

  it('does not read carriers, codes, acts or a selection of records as attributes', () => {
    const { model } = extract(doc(
      '### Boardings', '',
      'A boarding has a check-in date and a nightly rate.', '',
      'We hand dogs over to DHL, UPS, FedEx and local couriers.',
      'Staff receive dogs, walk them twice a day, feed and groom them.', '',
      '### Kennels', '', 'A kennel has a label and a size.', '',
      'The front desk list: all boardings of one kennel on one date, in arrival order.',
    ));
    expect(entity(model, 'Boarding').fields.map((f) => f.name).sort()).toEqual(['checkInDate', 'nightlyRate']);
    expect(entity(model, 'Kennel').fields.map((f) => f.name).sort()).toEqual(['label', 'size']);
    expect(model.entities.map((e) => e.name)).not.toContain('Staff');
  });
});

describe('money named with a participle and "empty until"', () => {
  it('types "the amount requested" as decimal and makes "(empty until decided)" optional', () => {
    const { model } = extract(doc('### Claims', '', 'A claim has a reference, the amount claimed, and the amount approved (empty until decided).'));
    const f = entity(model, 'Claim').fields;
    expect(f.find((x) => x.name === 'amountClaimed')).toMatchObject({ type: 'decimal', required: true });
    expect(f.find((x) => x.name === 'amountApproved')).toMatchObject({ type: 'decimal', required: false });
  });
});

describe('a bullet feature spec with a short data section', () => {
  const { model } = extract([
    '# Parking module: feature spec', '',
    '## Summary', '', '- ParkRight customers are garage operators. Each customer operator is one tenant.', '',
    '## Features', '',
    '### F1. Garages and bays', '', '- A garage has a name and a city.', '',
    '### F2. Attendants', '',
    '- Badge number is required and unique within the operator (it is used to log in on the kiosk).', '',
    '### F3. Daily shift plans', '', '- The operator keeps shift plans, one per garage and day.', '',
    '### F4. Attendant\'s kiosk app', '', '- Shows the signed-in attendant\'s shifts for today, in start order.', '',
    '## Data (short version)', '',
    '- Garage: name, city, opening hour.',
    '- Attendant: full name, badge number, phone, home garage.',
    '- Shift plan: garage, day, attendant, notes. Bay: garage, label, level.',
  ].join('\n'));

  it('reads "X: a, b, c" lines under the data heading as records, and numbered feature headings as their terms', () => {
    expect(model.entities.map((e) => e.name).sort()).toEqual(['Attendant', 'Bay', 'Garage', 'Organization', 'ShiftPlan']);
    expect(entity(model, 'Bay').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['label', 'level']));
    expect(model.relations).toContainEqual(expect.objectContaining({ from: 'Attendant', to: 'Garage', field: 'homeGarageId' }));
    assertConsistent(model);
  });

  it('takes "operator" for the tenant, never links a record to it, and lets no identifier sign in', () => {
    expect(model.relations.filter((r) => r.to === 'Organization')).toEqual([]);
    expect(model.entities.map((e) => e.name)).not.toContain('BadgeNumber');
    expect(model.tenancy.userEntity).toBe('Attendant');
  });
});

describe('records named by words that are also verbs, and records introduced before their list', () => {
  const { model } = extract([
    '# Theatre app', '', 'Every company that signs up is its own account.', '',
    '## Data', '', '### The company and its crew', '',
    'Inside a company there are crew members. For each one: name, email, phone.',
    'Email is how they log in, so it has to be unique inside one company.', '',
    '### Shows', '', 'A show has: title (required), a synopsis and a running time in minutes.', '',
    '### Runs', '', 'A run belongs to a show, has an opening date and maybe a closing date.',
  ].join('\n'));

  it('finds the Show under "Shows", the run of a show, and the crew members of "For each one: …"', () => {
    expect(model.entities.map((e) => e.name).sort()).toEqual(['CrewMember', 'Organization', 'Run', 'Show']);
    expect(entity(model, 'Show').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['title', 'synopsis', 'runningTimeMinutes']));
    expect(entity(model, 'Run').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['openingDate', 'closingDate']));
    expect(model.relations).toContainEqual(expect.objectContaining({ from: 'Run', to: 'Show', required: true }));
    expect(entity(model, 'CrewMember').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['name', 'email', 'phone']));
    assertConsistent(model);
  });
});

describe('values of a field listed in a sentence of their own', () => {
  it('"Roles are admin, editor and viewer." makes the users\' role an enum', () => {
    const { model } = extract([
      '# Wiki', '', 'Each customer is a company.', '', '## People', '',
      '**Users.** Everyone who logs in is a user of the company: full name, email address, role and an active flag.',
      'Roles are admin, editor and viewer.',
    ].join('\n'));
    expect(entity(model, 'User').fields.find((f) => f.name === 'role')).toMatchObject({ type: 'enum', enumValues: ['admin', 'editor', 'viewer'] });
  });
});

describe('people named by role when no one signs in', () => {
  it('links "supervisor", "found by" and "inspector" to the one record of people', () => {
    const { model } = extract([
      '# Hotel', '', 'Each customer is a hotel company.', '', '## Data (short version)', '',
      '- Staff: full name, phone, supervisor.', '- Lost item: description, found by, found at.', '- Inspection: inspector, score.',
    ].join('\n'));
    expect(relation(model, 'Staff', 'supervisor').to).toBe('Staff');
    expect(relation(model, 'LostItem', 'foundBy').to).toBe('Staff');
    expect(relation(model, 'Inspection', 'inspector').to).toBe('Staff');
  });
});
