/** SRS phrasings ("The system shall …") read the same in any domain: each test uses its own neutral snippet, fitted to no PRD. */
import { describe, expect, it } from 'vitest';
import { assertConsistent, entity, extract, field, relation } from './helpers.ts';

describe('"… store Xs with the following attributes:" and a table', () => {
  it('gives the table rows to the record the lead-in names, even under a heading naming two records', () => {
    for (const [lead, ent] of [['The system shall store bicycles with the following attributes:', 'Bicycle'], ['Each supplier has the following fields:', 'Supplier']] as const) {
      const { model } = extract([
        '# Shop', '', '## Riders and bicycles', '', '- The system shall store riders with a name.', `- ${lead}`, '',
        '  | Attribute | Mandatory | Notes |', '  |---|---|---|', '  | Frame size | yes | in cm |', '  | Serial number | no | |', '',
      ].join('\n'));
      const fields = entity(model, ent).fields;
      expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['frameSize', 'serialNumber']));
      expect(fields.find((f) => f.name === 'serialNumber')?.required).toBe(false);
      assertConsistent(model);
    }
  });
});

describe('"record a X for one A and one B"', () => {
  it('gives X a reference to each', () => {
    for (const [text, from, a, b] of [
      ['The system shall record an admission for one bed and one patient.', 'Admission', 'bed', 'patient'],
      ['The system shall log a rental for one bike and one rider who pays for it.', 'Rental', 'bike', 'rider'],
    ] as const) {
      const { model } = extract([
        '# App', '', '## Things', '', `- The system shall store ${a}s with a name.`, `- The system shall store ${b}s with a name.`, `- ${text}`,
        `- A ${from.toLowerCase()} shall have a start date.`,
      ].join('\n'));
      expect(relation(model, from, a)).toMatchObject({ required: true });
      expect(relation(model, from, b)).toMatchObject({ required: true });
      assertConsistent(model);
    }
  });
});

describe('"let a X define Ys on a Z"', () => {
  it('makes each Y belong to one Z', () => {
    for (const [text, from, to] of [
      ['The system shall let a clinic define beds on a ward.', 'Bed', 'Ward'],
      ['The system shall let an office manager create rooms in a building.', 'Room', 'Building'],
    ] as const) {
      const { model } = extract([
        '# App', '', '## Places and spaces', '', `- The system shall let a clinic define ${to.toLowerCase()}s. A ${to.toLowerCase()} shall have a name.`,
        `- ${text} Each ${from.toLowerCase()} shall have a number.`,
      ].join('\n'));
      expect(model.relations).toContainEqual(expect.objectContaining({ from, to, required: true }));
      assertConsistent(model);
    }
  });
});

describe('"The system shall let an operator <verb> …" with a one-word actor', () => {
  it('keeps the verb, so the act is not read as an attribute list of the section\'s record', () => {
    const { model } = extract([
      '# App', '', '## Fees', '', '- The system shall let a studio maintain fee schedules. A fee schedule has a name and an hourly fee.',
      '- The system shall let office staff export invoices.',
    ].join('\n'));
    expect(model.entities.map((e) => e.name)).not.toContain('Fee');
    expect(entity(model, 'FeeSchedule').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['name', 'hourlyFee']));
  });
});

describe('"put a X on the Y with A and B"', () => {
  it('makes Y a record holding X, A and B', () => {
    const { model } = extract([
      '# Lib', '', '## Books', '', '- title, author', '', '## Customers', '', '- name, phone', '', '## Lists', '',
      '- The system shall let librarians add a book to the reading queue with a priority and a note.',
      '- The system shall let clerks put a customer on the callback roster with a preferred time and a note.',
    ].join('\n'));
    expect(entity(model, 'ReadingQueue').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['priority', 'note']));
    expect(relation(model, 'ReadingQueue', 'book')).toMatchObject({ to: 'Book' });
    expect(model.relations.filter((r) => r.from === 'Book')).toEqual([]);
    expect(model.relations.some((r) => r.to === 'Customer' && r.from !== 'Customer')).toBe(true);
    assertConsistent(model);
  });
});

describe('"the date and time it falls due" and "the date and time it starts"', () => {
  it('name one moment after what happens then', () => {
    const { model } = extract([
      '# App', '', '## Things', '', 'An invoice has a number and the date and time it falls due.', '',
      'A shift has a title, the date and time it starts and a note.', '', 'A permit has a number and the date it becomes payable.',
      '', 'An order has a number and the date and time it was placed.',
    ].join('\n'));
    expect(entity(model, 'Invoice').fields.map((f) => [f.name, f.type])).toContainEqual(['dueAt', 'datetime']);
    expect(entity(model, 'Shift').fields.map((f) => f.name)).toEqual(['title', 'startsAt', 'note']);
    expect(entity(model, 'Permit').fields.map((f) => [f.name, f.type])).toContainEqual(['payableOn', 'date']);
    expect(entity(model, 'Order').fields.map((f) => [f.name, f.type])).toContainEqual(['placedAt', 'datetime']);
  });
});

describe('"find Xs by status whose <date> falls within the next N days"', () => {
  it('ranges over the date the whose-clause names', () => {
    for (const [ent, date, list] of [['Permit', 'expiryDate', 'number, status (draft, issued), issue date, expiry date'], ['Subscription', 'renewalDate', 'plan name, status (active, paused), start date, renewal date']] as const) {
      const { model } = extract([
        '# App', '', `## ${ent}s`, '', `- ${list}`, '', '## Queries', '',
        `- The nightly job shall find ${ent.toLowerCase()}s by status whose ${date === 'expiryDate' ? 'expiry' : 'renewal'} date falls within the next 30 days.`,
      ].join('\n'));
      expect(model.queryPatterns).toContainEqual(expect.objectContaining({ entity: ent, equality: ['status'], range: date }));
    }
  });
});

describe('initials defined once ("Vehicle identification number (VIN)")', () => {
  it('stand for the attribute in later sentences', () => {
    for (const [ent, def, short, field] of [['Car', 'Vehicle identification number (VIN)', 'VIN', 'vehicleIdentificationNumber'], ['Product', 'Stock keeping unit (SKU)', 'SKU', 'stockKeepingUnit']] as const) {
      const { model } = extract([
        '# App', '', `## ${ent}s`, '', '| Field | Required | Notes |', '|---|---|---|', '| Name | yes | |', `| ${def} | no | |`, '',
        '## Performance', '', `- Staff shall be able to look a ${ent.toLowerCase()} up by ${short} in under 50 ms.`,
      ].join('\n'));
      expect(entity(model, ent).fields.map((f) => f.name)).toContain(field);
      expect(model.queryPatterns).toContainEqual(expect.objectContaining({ entity: ent, equality: [field] }));
    }
  });
});

describe('"reject a X that is already recorded for any Y"', () => {
  it('is a key on Y.X, global when the scope removes the tenant', () => {
    const { model } = extract([
      '# App', '', '## Members', '', '- username, display name, card number', '', '## Rules', '',
      '- The system shall reject a username that is already used by another member.',
      '- The system shall reject a card number that is already registered for any member, regardless of club.',
    ].join('\n'));
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Member', fields: ['orgId', 'username'], unique: true }));
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Member', fields: ['cardNumber'], unique: true }));
    assertConsistent(model);
  });
});

describe('"The system shall allow at most one X per <tenant> to be active"', () => {
  it('keeps the quantifier, so the rule is a partial unique on the flag', () => {
    for (const [tenant, ent, plural] of [['studio', 'FeeSchedule', 'fee schedules'], ['school', 'Timetable', 'timetables']] as const) {
      const { model } = extract([
        '# App', '', '## Setup', '', `- The system shall treat each ${tenant} as a separate tenant.`,
        `- The system shall let a ${tenant} maintain ${plural}. A ${plural.replace(/s$/, '')} has a name and a start date.`,
        `- The system shall allow at most one ${plural.replace(/s$/, '')} per ${tenant} to be active at any time.`,
      ].join('\n'));
      expect(model.indexes).toContainEqual(expect.objectContaining({ entity: ent, fields: ['orgId'], unique: true, where: [{ field: 'isActive', op: 'eq', value: true }] }));
    }
  });
});

describe('"The system shall record when a X was <done>"', () => {
  it('gives X an optional time of that act', () => {
    const { model } = extract([
      '# App', '', '## Orders', '', '- The system shall store orders with a number and a total.', '- The system shall record when an order was shipped.',
      '', '## Tickets', '', '- A ticket has a subject.', '- The system shall record when a ticket was escalated to a supervisor.',
    ].join('\n'));
    expect(field(model, 'Order', 'shippedAt')).toMatchObject({ type: 'datetime', required: false });
    expect(field(model, 'Ticket', 'escalatedAt')).toMatchObject({ type: 'datetime', required: false });
  });
});

describe('"the index should cover only Xs that have not yet been <done>"', () => {
  it('restricts the read to records without that act\'s time', () => {
    for (const [ent, verb, list] of [['Request', 'approved', 'requests'], ['Parcel', 'collected', 'parcels']] as const) {
      const { model } = extract([
        '# App', '', `## ${ent}s`, '', `- A ${ent.toLowerCase()} has a subject and a note.`, `- The system shall record when a ${ent.toLowerCase()} was ${verb}.`, '',
        '## Performance', '', `- **Queue.** The queue shall list ${list} oldest first. Most ${list} are ${verb} quickly, so the index should cover only ${list} that have not yet been ${verb}.`,
      ].join('\n'));
      expect(model.queryPatterns).toContainEqual(expect.objectContaining({ entity: ent, where: [{ field: `${verb}At`, op: 'isNull' }] }));
      assertConsistent(model);
    }
  });
});

describe('"prevent the deletion of a X that has a Y"', () => {
  it('is a delete rule on the Y\'s link, never a link from X to Y', () => {
    for (const [parent, child] of [['Room', 'Booking'], ['Truck', 'Trip']] as const) {
      const p = parent.toLowerCase();
      const c = child.toLowerCase();
      const { model } = extract([
        '# App', '', '## Things', '', `- The system shall store ${p}s with a name.`, `- A ${c} shall have a start date and belongs to a ${p}.`,
        `- The system shall prevent the deletion of a ${p} that has a ${c}.`,
      ].join('\n'));
      expect(model.relations.filter((r) => r.from === parent)).toEqual([]);
      expect(relation(model, child, p)).toMatchObject({ to: parent, onDelete: 'Restrict' });
    }
  });
});
