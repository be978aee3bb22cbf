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
