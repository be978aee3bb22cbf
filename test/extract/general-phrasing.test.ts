/** General phrasings that were fitted to no PRD: each test uses its own neutral snippet. */
import { describe, expect, it } from 'vitest';
import { assertConsistent, entity, extract, relation } from './helpers.ts';

describe('a value picked from a fixed list', () => {
  const { model } = extract([
    '# Kennel app', '', '## Kennels', '',
    'A kennel has a name and a city. Each kennel has a comfort tier picked from a fixed list that is the same for every customer: Basic, Plus, Premium and Deluxe suite.',
  ].join('\n'));
  it('makes the picked noun the reference entity and keeps the subject tenant data', () => {
    expect(entity(model, 'Kennel').kind).toBe('tenant');
    expect(entity(model, 'ComfortTier').kind).toBe('reference');
    expect(relation(model, 'Kennel', 'comfortTier').to).toBe('ComfortTier');
    expect(model.referenceData.find((d) => d.entity === 'ComfortTier')?.rows.map((r) => r.name)).toEqual(['Basic', 'Plus', 'Premium', 'Deluxe suite']);
    expect(entity(model, 'Kennel').fields.map((f) => f.name)).not.toContain('basic');
    assertConsistent(model);
  });
  it('reads "chosen from a global X list" the same way', () => {
    const { model: m } = extract([
      '# Kennel app', '', '## Kennels', '',
      'A kennel has a name. Every kennel has a region, chosen from a global region list we ship: North, South, East and West.',
    ].join('\n'));
    expect(entity(m, 'Region').kind).toBe('reference');
    expect(entity(m, 'Kennel').kind).toBe('tenant');
  });
});

describe('the document title', () => {
  it('is never read as a deferred section', () => {
    const { model } = extract(['# Kennel app v2', '', 'A kennel has a name and a city.', ''].join('\n'));
    expect(model.entities.map((e) => e.name)).toContain('Kennel');
  });
});

describe('partial uniques stated as "only one … at a time"', () => {
  const { model } = extract([
    '# Kennel app', '', '## Kennels', '', 'A kennel has a name, a city and a status (draft, open, closed).', '',
    '## Runs', '', 'A run has a label and a status (free, active, retired). Each run is for one kennel. A kennel can have only one active run at a time.', '',
    '## Seasons', '', 'A season has a name and a start date. Only one season can be the current season in a company at any time.', '',
    '## Yards', '', 'A yard has a name. Only one yard can be the default per organization.',
  ].join('\n'));
  const partial = (e: string) => model.indexes.filter((i) => i.entity === e && i.where.length > 0);
  it('scopes "a X can have only one <flag> Y at a time" by the owner FK', () => {
    expect(partial('Run')).toEqual([expect.objectContaining({ fields: ['kennelId'], unique: true, where: [{ field: 'status', op: 'eq', value: 'active' }] })]);
  });
  it('reads "only one X can be the <flag> X in a <tenant> at any time" as a tenant-wide flag', () => {
    expect(partial('Season')).toEqual([expect.objectContaining({ fields: ['orgId'], where: [{ field: 'isCurrent', op: 'eq', value: true }] })]);
  });
  it('reads "only one X can be the default per organization"', () => {
    expect(partial('Yard')).toEqual([expect.objectContaining({ fields: ['orgId'], where: [{ field: 'isDefault', op: 'eq', value: true }] })]);
    assertConsistent(model);
  });
});

describe('"no two Xs of a <tenant> share a Y"', () => {
  it('is a tenant-scoped natural key', () => {
    const { model } = extract(['# Kennel app', '', '## Owners', '', 'An owner has a name and an email. No two owners of a company share an email.'].join('\n'));
    expect(model.indexes.filter((i) => i.entity === 'Owner' && i.unique).map((i) => i.fields)).toContainEqual(['orgId', 'email']);
  });
});

describe('requirement-style links', () => {
  const { model } = extract([
    '# Kennel app', '', '## Things', '',
    'A keeper has a name and an email.', '',
    'A kennel has a name and a city. A kennel is looked after by one keeper (optional).', '',
    'A visit has a date. Every visit is booked from one kennel.', '',
    'A basket has a label. A basket has many basket lines; each basket line names a kennel, the planned count and the received count.',
  ].join('\n'));
  it('reads a passive verb with "one" as a single link', () => {
    expect(relation(model, 'Kennel', 'keeper')).toMatchObject({ to: 'Keeper', required: false });
    expect(relation(model, 'Visit', 'kennel')).toMatchObject({ to: 'Kennel', required: true });
  });
  it('makes "<owner> lines" a child of the owner with the "; each line names …" attributes', () => {
    expect(entity(model, 'BasketLine').fields.map((f) => f.name)).toEqual(['plannedCount', 'receivedCount']);
    expect(relation(model, 'BasketLine', 'basket').to).toBe('Basket');
    expect(relation(model, 'BasketLine', 'kennel').to).toBe('Kennel');
    expect(model.relations.filter((r) => r.from === 'Basket').map((r) => r.to)).not.toContain('Kennel');
    expect(entity(model, 'Basket').fields.map((f) => f.name)).not.toContain('basketLines');
    assertConsistent(model);
  });
});

describe('a child compound named after an owner with a longer name', () => {
  it('links "order lines" to the "customer order"', () => {
    const { model } = extract([
      '# Shop', '', 'A customer order has a number and a status. Each order has order lines with a quantity and a note.',
    ].join('\n'));
    expect(relation(model, 'OrderLine', 'order').to).toBe('CustomerOrder');
  });
});

describe('"Xs come from a fixed, global list: A, B, C"', () => {
  it('makes X reference data seeded by name', () => {
    const { model } = extract(['# Kennel app', '', '## Kennels', '', 'A kennel has a name. Breeds come from a fixed, global list that we seed: Beagle, Collie, Poodle and Boxer.'].join('\n'));
    expect(entity(model, 'Breed').kind).toBe('reference');
    expect(model.referenceData.find((d) => d.entity === 'Breed')?.rows).toHaveLength(4);
  });
});

describe('many-to-many stated both ways in one sentence', () => {
  it('makes a junction named after the first side', () => {
    const { model } = extract(['# Club', '', '## People', '', 'A coach has a name. A squad has a name. A squad can have several coaches and a coach trains several squads.'].join('\n'));
    const r = model.relations.find((x) => x.cardinality === 'many-to-many');
    expect(r).toMatchObject({ from: 'Squad', to: 'Coach', through: 'SquadCoach' });
  });
});

describe('"The X is unique …" in a paragraph under a heading about several entities', () => {
  it('keys the one entity of the paragraph that has that field', () => {
    const { model } = extract(['# Depot', '', '## Depots and bays', '', 'R-3. A depot has a code, a name and an address. The code is unique within the organization.', '', 'R-4. A bay has a label and a width.'].join('\n'));
    expect(model.indexes.filter((i) => i.entity === 'Depot' && i.unique).map((i) => i.fields)).toContainEqual(['orgId', 'code']);
  });
});

describe('records whose attributes follow a colon', () => {
  const { model } = extract([
    '# Club', '', '## The model', '',
    'Members are people who pay. So guests are records kept by staff: first name, last name and a badge number.', '',
    'A season has a name and a start date.', '',
    'Fixtures belong to a season: a title, a venue note and the kick-off time.', '',
    'A guest books a seat for a fixture: the booked-at time and a row label. One seat per guest per fixture.', '',
    'Guests join seasons. A pass records the joined date and the price paid. A guest can be in a season only once.',
  ].join('\n'));
  it('reads "Xs are records …: list", "Xs belong to a Y: list" and "A X <verb>s a Y for a Z: list"', () => {
    expect(entity(model, 'Guest').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['firstName', 'lastName', 'badgeNumber']));
    expect(entity(model, 'Fixture').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['title', 'venueNote']));
    expect(relation(model, 'Fixture', 'season').to).toBe('Season');
    expect(entity(model, 'Seat').fields.map((f) => f.name)).toContain('rowLabel');
  });
  it('links the object of "A X <verb>s a Y for a Z" to both X and Z and keys "one Y per X per Z"', () => {
    expect(relation(model, 'Seat', 'guest').to).toBe('Guest');
    expect(relation(model, 'Seat', 'fixture').to).toBe('Fixture');
    expect(model.indexes.filter((i) => i.entity === 'Seat' && i.unique).map((i) => [...i.fields].sort())).toContainEqual(['fixtureId', 'guestId']);
  });
  it('makes the PRD\'s own noun the junction of "Xs <verb> Ys. A <noun> records …"', () => {
    expect(relation(model, 'Pass', 'guest').to).toBe('Guest');
    expect(relation(model, 'Pass', 'season').to).toBe('Season');
    expect(model.indexes.filter((i) => i.entity === 'Pass' && i.unique).map((i) => i.fields)).toContainEqual(['guestId', 'seasonId']);
    assertConsistent(model);
  });
});

describe('a bare "reference" type and "Xs are a global list"', () => {
  const { model } = extract([
    '# Shop', '', '## Payouts', '', '| Field | Type | Notes |', '|-------|------|-------|', '| amount | money | required |',
    '| channel | reference | from the global payout channel list |', '',
    'Payout channels are a global reference list seeded at install: Wire, Local transfer, Wallet.',
  ].join('\n'));
  it('links the column to the entity the notes name, never to a fragment of the word "reference"', () => {
    expect(relation(model, 'Payout', 'channel').to).toBe('PayoutChannel');
    expect(model.entities.map((e) => e.name)).not.toContain('Erence');
  });
  it('makes the listed entity reference data seeded by name', () => {
    expect(entity(model, 'PayoutChannel').kind).toBe('reference');
    expect(model.referenceData.find((d) => d.entity === 'PayoutChannel')?.rows.map((r) => r.name)).toEqual(['Wire', 'Local transfer', 'Wallet']);
    assertConsistent(model);
  });
});

describe('stories that create a record for other records', () => {
  const { model } = extract([
    '# Club', '', '## Staff', '', '1. As an owner, I want to invite staff with their name, email and role (owner, desk or coach).', '',
    '## Things', '',
    '2. As an owner, I want to define rooms, each with a name and a size.',
    '3. As an owner, I want to define members, each with a name and an email.',
    '4. As an owner, I want to define tariffs, each with a name and a price.',
    '5. As desk, I want to schedule a group session for a room, with a start time and an end time. Every session needs a room.',
    '6. As desk, I want to sell a pass to a member for a tariff, with a start date and a status (active, paused, ended). A member can have only one active pass at a time.',
    '7. As an owner, I want to say which coaches lead which rooms (a coach can lead several rooms and a room has several coaches).',
  ].join('\n'));
  it('links the created record to each entity after to/for/at', () => {
    expect(relation(model, 'Pass', 'member').to).toBe('Member');
    expect(relation(model, 'Pass', 'tariff').to).toBe('Tariff');
    expect(relation(model, 'GroupSession', 'room').to).toBe('Room');
  });
  it('resolves a later short name to the compound confirmed earlier', () => {
    expect(model.entities.map((e) => e.name)).not.toContain('Session');
  });
  it('keeps "only one active pass at a time" as a partial unique, not a link from the member', () => {
    expect(model.relations.filter((r) => r.from === 'Member' && r.to === 'Pass')).toEqual([]);
    expect(model.indexes.find((i) => i.entity === 'Pass' && i.where.length)).toMatchObject({ fields: ['memberId'] });
  });
  it('reads a role value of the staff entity as that entity in a both-ways many-to-many', () => {
    expect(model.relations.find((r) => r.cardinality === 'many-to-many')).toMatchObject({ from: 'Room', to: 'Staff', through: 'RoomCoach' });
    assertConsistent(model);
  });
});

describe('a conditional aside in a uniqueness sentence', () => {
  it('still reads "Xs, when present, are globally unique"', () => {
    const { model } = extract(['# Depot', '', '## Parts', '', 'A part has a name and an optional tag. Tags, when present, are globally unique.'].join('\n'));
    expect(model.indexes.filter((i) => i.entity === 'Part' && i.unique).map((i) => i.fields)).toContainEqual(['tag']);
  });
});

describe('"belongs to a Y and records …", a parent of the same kind, and a field naming a later lookup list', () => {
  const { model } = extract([
    '# Depot', '', '## Things', '', 'A crate has a label. A crate may have a parent crate.', '',
    'A parcel belongs to a crate and records the courier, the tracking code and the weight.',
    'Couriers come from a fixed, global list that we seed: Alpha, Beta, Gamma.',
  ].join('\n'));
  it('reads the attributes after "belongs to a Y and records"', () => {
    expect(entity(model, 'Parcel').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['trackingCode', 'weight']));
    expect(relation(model, 'Parcel', 'crate').to).toBe('Crate');
  });
  it('turns the plain field named after the lookup entity into a link', () => {
    expect(relation(model, 'Parcel', 'courier').to).toBe('Courier');
    expect(entity(model, 'Parcel').fields.map((f) => f.name)).not.toContain('courier');
  });
  it('reads "may have a parent X" as nesting', () => {
    expect(relation(model, 'Crate', 'parentCrate').to).toBe('Crate');
    assertConsistent(model);
  });
});

describe('"<verb>-at time" attribute names', () => {
  it('names the field after the verb ("the dispatched-at timestamp" → dispatchedAt)', () => {
    const { model } = extract(['# Depot', '', '## Parcels', '', 'A parcel has a label, the dispatched-at timestamp and the weighed-at time.'].join('\n'));
    expect(entity(model, 'Parcel').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['dispatchedAt', 'weighedAt']));
  });
});
