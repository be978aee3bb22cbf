/** User-story phrasings whose data sits in the purpose clause, a "see … of each X" want, or a "for a X …" tail. */
import { describe, expect, it } from 'vitest';
import { assertConsistent, entity, extract, relation } from './helpers.ts';

describe('story tails', () => {
  const { model } = extract([
    '# Boatyard', '', '## Moorings', '', '- As a harbour master, I want to set up our moorings with a name and a depth.', '',
    '## Boats', '',
    '- As a harbour master, I want to register a boat with its hull number and length, so that each boat can have a home mooring.',
    '- As a clerk, I want to see the current fuel level and the status of each boat (afloat, on the hard, sold).',
    '- As a clerk, I want to maintain our own list of berth classes ("Visitor", "Resident"), each with a name and a daily rate.',
    '', '## Repairs', '',
    '- As a clerk, I want to open a repair for a boat describing the damage, with a priority (low, high).',
  ].join('\n'));
  it('reads a fact stated in the purpose clause', () => {
    expect(relation(model, 'Boat', 'homeMooring').to).toBe('Mooring');
  });
  it('reads "see the A and the B of each X (values)" as attributes of X', () => {
    const boat = entity(model, 'Boat');
    expect(boat.fields.find((f) => f.name === 'fuelLevel')).toBeDefined();
    expect(boat.fields.find((f) => f.name === 'status')).toMatchObject({ type: 'enum', enumValues: ['afloat', 'on_the_hard', 'sold'] });
  });
  it('reads "maintain our own list of Xs (…), each with …"', () => {
    expect(entity(model, 'BerthClass').fields.map((f) => f.name)).toEqual(['name', 'dailyRate']);
  });
  it('links "open a X for a Y describing …" to Y', () => {
    expect(relation(model, 'Repair', 'boat').to).toBe('Boat');
    assertConsistent(model);
  });
});

describe('requirement frames', () => {
  const { model } = extract([
    '# Harbour', '', '## Requirements', '',
    '- **REQ-001** The system shall treat each harbour as a separate tenant.',
    '- **REQ-002** The system shall store, for each harbour, its name and its phone number.',
    '- **REQ-003** The system shall store boaters with a first name and last name (both mandatory) and optionally a phone number.',
    '- **REQ-004** The system shall let a harbour define docks. A dock shall have a name and may have a description.',
  ].join('\n'));
  it('read "The system shall …" as the statement it frames', () => {
    expect(model.entities.map((e) => e.name)).not.toContain('Harbour');
    expect(entity(model, 'Organization').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['name', 'phoneNumber']));
    const boater = entity(model, 'Boater').fields;
    expect(boater.map((f) => [f.name, f.required])).toEqual([['firstName', true], ['lastName', true], ['phoneNumber', false]]);
    expect(entity(model, 'Dock').fields.map((f) => f.name)).toEqual(['name', 'description']);
    assertConsistent(model);
  });
});

describe('acceptance criteria', () => {
  const { model } = extract([
    '# Kennel', '', '## Front desk', '',
    '**FD-1 Manage owners.** As a receptionist I want to keep a list of our owners.',
    '- Given I create an owner, when I save, then a name and a phone number are required, and the phone must be unique within our kennel.',
    '- AC: an email is optional.', '',
    '**FD-2 Breeds.** As a manager I want to set the breed of each dog.',
    '- AC: the breed is picked from the built-in list of breeds; kennels cannot add their own.',
    '- AC: a dog has a name and the owner its bill is sent to.',
  ].join('\n'));
  it('read "Given I create a X, … then A and B are required" as X\'s required attributes', () => {
    const owner = entity(model, 'Owner').fields;
    expect(owner.filter((f) => ['name', 'phoneNumber'].includes(f.name)).map((f) => f.required)).toEqual([true, true]);
  });
  it('read "AC: the X is picked from the built-in list of Xs" as a lookup', () => {
    expect(entity(model, 'Breed').kind).toBe('reference');
  });
  it('end a name at a possessive that opens a relative clause', () => {
    expect(relation(model, 'Dog', 'owner').to).toBe('Owner');
    assertConsistent(model);
  });
});

describe('keys and lookups stated in stories', () => {
  const { model } = extract([
    '# Bike shop', '', '## Bikes', '',
    '- As a manager, I want to register a bike with its frame number, serial and colour. The frame number and the serial must each be unique within our shop.',
    '- As a manager, I want to set up our racks with a name. Two racks in our shop can\'t share a name.',
    '- As a mechanic, I want to look a bike up by its serial when the frame sticker is missing.',
    '- As a manager, I want to filter the bike list by colour at the same time.',
    '- As a clerk, I want to keep a spares catalogue with a part code and a unit price. A spare that has ever been fitted cannot be deleted.',
  ].join('\n'));
  const keys = (e: string) => model.indexes.filter((i) => i.entity === e && i.unique).map((i) => i.fields);
  it('read "A and B must each be unique" and "two Xs can\'t share a Y" as tenant keys', () => {
    expect(keys('Bike')).toEqual(expect.arrayContaining([['orgId', 'frameNumber'], ['orgId', 'serial']]));
    expect(keys('Rack')).toContainEqual(['orgId', 'name']);
  });
  it('read "look a X up by its Y when …" without the condition, and "filter the X list by Y"', () => {
    expect(model.queryPatterns).toContainEqual(expect.objectContaining({ entity: 'Bike', equality: ['serial'] }));
    expect(model.queryPatterns).toContainEqual(expect.objectContaining({ entity: 'Bike', equality: ['colour'] }));
  });
  it('name a catalogue after the records it holds, and read nothing from "has ever been"', () => {
    expect(entity(model, 'Spare').fields.map((f) => f.name)).toEqual(['partCode', 'unitPrice']);
    assertConsistent(model);
  });
});

describe('"The system shall allow a X to have several Ys and a Z to <verb> several Xs"', () => {
  it('reads a capability of records, the Ys being a role of the Zs', () => {
    const { model } = extract([
      '# Kennel', '', '## Requirements', '',
      '- **REQ-1** The system shall store dogs with a name (mandatory).',
      '- **REQ-2** The system shall store walkers with a name and an email.',
      '- **REQ-3** The system shall allow a dog to have several handlers and a walker to handle several dogs.',
    ].join('\n'));
    const r = model.relations.find((x) => x.cardinality === 'many-to-many');
    expect(r && [r.from, r.to].sort()).toEqual(['Dog', 'Walker']);
    assertConsistent(model);
  });
});

describe('"record which Ys I used on a X, with …"', () => {
  it('is a many-to-many with that payload, keyed once per pair by "a Y appears at most once per X"', () => {
    const { model } = extract([
      '# Garage', '', '## Repairs', '', '- As a mechanic, I want to open a repair with a title.', '', '## Spares', '',
      '- As a clerk, I want to keep a list of spares with a code and a price.',
      '- As a mechanic, I want to record which spares I fitted on a repair, with the quantity and the price at the time. A spare appears at most once per repair.',
    ].join('\n'));
    const r = model.relations.find((x) => x.cardinality === 'many-to-many');
    expect(r).toMatchObject({ from: 'Repair', to: 'Spare' });
    expect(entity(model, r!.through!).fields.map((f) => f.name)).toEqual(expect.arrayContaining(['quantity']));
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: r!.through, unique: true }));
    assertConsistent(model);
  });
});
