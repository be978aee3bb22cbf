/** Partial unique indexes from the shape of a sentence: one flagged record per scope, keys among live records. */
import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

const indexesOf = (lines: string[]) => extract(['# Theatre', '', 'Each customer is a theatre company.', '', ...lines].join('\n')).model.indexes;

describe('one flagged record per scope', () => {
  it('"there must only ever be one default venue per company"', () => {
    const idx = indexesOf(['## Venues', '', 'A venue has a name and a capacity. One venue is where new shows are booked — there must only ever be one default venue per company.']);
    expect(idx).toContainEqual(expect.objectContaining({ entity: 'Venue', fields: ['orgId'], unique: true, where: [{ field: 'isDefault', op: 'eq', value: true }] }));
  });

  it('"there is at most one default per company": the record is the one the sentence before named', () => {
    const idx = indexesOf(['## Seating plans', '', 'A seating plan has a name and a layout. One seating plan can be marked as the company\'s default; there is at most one default per company.']);
    expect(idx).toContainEqual(expect.objectContaining({ entity: 'SeatingPlan', fields: ['orgId'], where: [{ field: 'isDefault', op: 'eq', value: true }] }));
  });

  it('"there can never be two preferred seats for the same patron" is scoped by the parent', () => {
    const idx = indexesOf(['## Patrons', '', 'A patron has a name.', '', '## Seats', '', 'A seat belongs to a patron and has a row and a number. There can never be two preferred seats for the same patron.']);
    expect(idx).toContainEqual(expect.objectContaining({ entity: 'Seat', fields: ['patronId'], where: [{ field: 'isPreferred', op: 'eq', value: true }] }));
  });

  it('"Exactly one stage is the company\'s main stage": the record\'s own noun is not part of the flag', () => {
    const idx = indexesOf(['## Stages', '', 'A stage has a name and a capacity. Exactly one stage is the company\'s main stage.']);
    expect(idx).toContainEqual(expect.objectContaining({ entity: 'Stage', fields: ['orgId'], where: [{ field: 'isMain', op: 'eq', value: true }] }));
  });

  it('reads nothing when the flagged records are not named ("a patron never has more than one primary contact")', () => {
    const idx = indexesOf(['## Patrons', '', 'A patron has a name and a phone. A patron never has more than one primary contact.']);
    expect(idx.filter((i) => i.where.length)).toEqual([]);
  });
});

describe('keys among records not in a state', () => {
  it('"Only the names of productions that aren\'t archived have to be unique"', () => {
    const idx = indexesOf(['## Productions', '', 'A production has a name and an opening date and can be archived. Only the names of productions that aren\'t archived have to be unique.']);
    expect(idx).toContainEqual(expect.objectContaining({ entity: 'Production', fields: ['orgId', 'name'], unique: true, where: [{ field: 'archivedAt', op: 'isNull' }] }));
  });

  it('"unique among the company\'s live props"', () => {
    const idx = indexesOf(['## Props', '', 'A prop has a code and a description; props are archived when they break. A code has to be unique among the company\'s live props.']);
    expect(idx).toContainEqual(expect.objectContaining({ entity: 'Prop', fields: ['orgId', 'code'], where: [{ field: 'archivedAt', op: 'isNull' }] }));
  });

  it('"Ticket numbers follow the box office\'s own scheme and are unique within the company": the clause\'s subject', () => {
    const idx = indexesOf(['## Tickets', '', 'A ticket has a ticket number and a price. Ticket numbers follow the box office\'s own scheme (for example "T-0042") and are unique within the company.']);
    expect(idx).toContainEqual(expect.objectContaining({ entity: 'Ticket', fields: ['orgId', 'ticketNumber'], where: [] }));
  });
});
