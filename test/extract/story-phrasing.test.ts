/** User-story phrasings read the same in any domain: each test uses its own neutral snippet, fitted to no PRD. */
import { describe, expect, it } from 'vitest';
import { assertConsistent, entity, extract, field, relation } from './helpers.ts';

const names = (model: ReturnType<typeof extract>['model'], e: string) => entity(model, e).fields.map((f) => f.name);

describe('a story that adds a record "with" its attributes', () => {
  it('keeps a noun before "and" whole ("job title and start date")', () => {
    const { model } = extract([
      '# Club app', '', '## Volunteers', '',
      '1. As a coordinator, I want to add a volunteer with their first name, last name, job title and start date.',
    ].join('\n'));
    expect(names(model, 'Volunteer')).toEqual(['firstName', 'lastName', 'jobTitle', 'startDate']);
  });
});

describe('"each type says whether …" under a heading that names the types', () => {
  it('gives the heading entity the flags, a have-verb kept in the name', () => {
    const { model } = extract([
      '# Events app', '', '## Ticket types', '',
      '1. As an organiser, I want to define ticket types, each with a name and a price. Each type says whether it is refundable, whether it needs approval and whether it needs a seat.',
    ].join('\n'));
    expect(field(model, 'TicketType', 'isRefundable').type).toBe('boolean');
    expect(field(model, 'TicketType', 'needsApproval').type).toBe('boolean');
    expect(field(model, 'TicketType', 'needsSeat').type).toBe('boolean');
  });
});

describe('"give each X a Y"', () => {
  const { model } = extract([
    '# Club app', '', '## Players', '',
    '1. As a coach, I want to add a player with their first name and last name.',
    '2. As a coach, I want to give each player an optional shirt number from the league, so that the referee can read it; no two players in our club may share a number.',
    '3. As a coach, I want to give each player a position — goalkeeper, defender or forward — that decides the line-up.',
    '4. As a coach, I want to record the date a player leaves the club.',
  ].join('\n'));
  it('reads the second object as an attribute, dashes enclosing its values', () => {
    expect(field(model, 'Player', 'shirtNumber').required).toBe(false);
    expect(field(model, 'Player', 'position')).toMatchObject({ type: 'enum', enumValues: ['goalkeeper', 'defender', 'forward'] });
  });
  it('still reads a key stated after the story\'s purpose', () => {
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Player', fields: ['orgId', 'shirtNumber'], unique: true }));
  });
  it('reads "record the date a X leaves" as an optional event date of X', () => {
    expect(field(model, 'Player', 'leavingDate')).toMatchObject({ type: 'date', required: false });
    assertConsistent(model);
  });
});

describe('a booking story with marks, notes, saved values, listed states and a recorded act', () => {
  const { model } = extract([
    '# Cabins app', '', 'Guests sign in with their email.', '', '## Visits', '',
    '1. As a guest, I want to log a visit by choosing a cabin, a start date and an end date, optionally marking the first and/or last night as a late night, and adding an optional note for the host.',
    '2. As a guest, I want to see how many loyalty points my visit will earn before I confirm it, and I want that number saved with the visit so that later changes do not rewrite it.',
    '3. As a guest, I want to see all my visits, most recent first, with their status (pending, confirmed or cancelled).',
    '4. As a guest, I want to cancel a visit that hasn\'t started yet, and I want the time of the cancellation recorded.',
    '5. As a host, I want to see all visits waiting for a decision, oldest first.',
    '6. As a host, I want to export all confirmed visits that fall within a date range.',
    '', '## Cabins', '', '- name, capacity',
  ].join('\n'));
  it('reads "marking the first and/or last X as a Y" as one flag per part', () => {
    expect(field(model, 'Visit', 'firstNightLate').type).toBe('boolean');
    expect(field(model, 'Visit', 'lastNightLate').type).toBe('boolean');
  });
  it('reads "adding an optional note" as the note', () => {
    expect(field(model, 'Visit', 'note').required).toBe(false);
  });
  it('reads "how many … and I want that number saved with the X" as a count on X', () => {
    expect(field(model, 'Visit', 'loyaltyPoints').type).toBe('integer');
  });
  it('reads "with their status (a, b or c)" as the listed values, not as a filter', () => {
    expect(field(model, 'Visit', 'status').enumValues).toEqual(['pending', 'confirmed', 'cancelled']);
    const mine = model.queryPatterns.find((p) => /all my visits/.test(p.description));
    expect(mine).toMatchObject({ entity: 'Visit', equality: ['guestId'], orderBy: [{ field: 'createdAt', direction: 'desc' }] });
  });
  it('reads "I want the time of the cancellation recorded" as the act\'s time', () => {
    expect(field(model, 'Visit', 'canceledAt')).toMatchObject({ type: 'datetime', required: false });
  });
  it('reads "waiting for a decision" as the pending state', () => {
    const waiting = model.queryPatterns.find((p) => /waiting for a decision/.test(p.description));
    expect(waiting).toMatchObject({ entity: 'Visit', equality: ['status'], orderBy: [{ field: 'createdAt', direction: 'asc' }] });
  });
  it('reads a state value before the records\' name as a filter on that state', () => {
    const range = model.queryPatterns.find((p) => /confirmed visits/.test(p.description));
    expect(range).toMatchObject({ entity: 'Visit', equality: ['status'], range: 'startDate' });
    assertConsistent(model);
  });
});

describe('approval records', () => {
  it('read "who did it, which round it was, … and when" with the time of the who-act', () => {
    const { model } = extract([
      '# Papers app', '', 'Reviewers sign in with their email.', '', '## Reviews', '',
      '1. As an editor, I want each review round to be tracked. Each review round must be recorded separately: who reviewed, which round it was, the verdict, the remarks and when.',
    ].join('\n'));
    expect(names(model, 'ReviewRound')).toEqual(expect.arrayContaining(['round', 'verdict', 'remarks', 'reviewedAt']));
  });
});

describe('"put each X in a Y and set …"', () => {
  it('links X to Y though the clause goes on', () => {
    const { model } = extract([
      '# Club app', '', 'Each club is an organization.', '', '## Volunteers', '',
      '1. As a coordinator, I want to add a volunteer with their name and email.',
      '2. As a coordinator, I want to organise the club into teams, each with a name.',
      '3. As a coordinator, I want to put each volunteer in a team and set who their mentor is (another volunteer).',
    ].join('\n'));
    expect(relation(model, 'Volunteer', 'team').to).toBe('Team');
  });
});

describe('per-tenant settings of shared records', () => {
  it('reads "set, for each X …, <values>. There\'s one such setting per X per <tenant>." as an X setting', () => {
    const { model } = extract([
      '# Salon app', '', 'Each salon is an organization.', '', '## Services', '',
      '1. As an owner, I want to pick from a standard list of services: Haircut (code CUT), Colour (code COLOUR) and Shave (code SHAVE).',
      '2. As an owner, I want to set, for each service my salon offers, the price and the maximum number of bookings that carry over into the next day. There\'s one such setting per service per salon.',
    ].join('\n'));
    expect(names(model, 'ServiceSetting')).toEqual(['price', 'maxCarryOverBookings']);
    expect(relation(model, 'ServiceSetting', 'service').to).toBe('Service');
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'ServiceSetting', fields: ['orgId', 'serviceId'], unique: true }));
    assertConsistent(model);
  });
});

describe('"adjust a X\'s Y for a specific A and B, with …"', () => {
  it('is a Y adjustment record of X with A, B and what comes with it', () => {
    const { model } = extract([
      '# Gym app', '', '## Members', '', '- name, email', '', '## Credits', '',
      '1. As a manager, I want to create plans, each with a name and a price.',
      '2. As a manager, I want to adjust a member\'s credit for a specific month and plan (for example add two classes), with a reason explaining why, so that exceptions are recorded.',
    ].join('\n'));
    expect(names(model, 'CreditAdjustment')).toEqual(['month', 'classes', 'reason']);
    expect(relation(model, 'CreditAdjustment', 'member').to).toBe('Member');
    expect(relation(model, 'CreditAdjustment', 'plan').to).toBe('Plan');
    assertConsistent(model);
  });
});

describe('bullets describing a record in prose', () => {
  const { model } = extract([
    '# Repairs app', '', 'Technicians sign in with their email.', '', '## Jobs', '', 'Each job has:', '',
    '- a title; status (open, fixed, returned); source it came in through (phone, counter, web)',
    '- repair deadlines: quote due at and fix due at — computed from the contract when the job is opened',
    '- when the first technician diagnosis actually happened, when it was fixed and when it was returned',
  ].join('\n'));
  it('reads "<noun> it came in through (values)" as that noun with its values', () => {
    expect(field(model, 'Job', 'source').enumValues).toEqual(['phone', 'counter', 'web']);
  });
  it('reads a plural label that names no record as a group of the owner\'s attributes, a "computed …" tail as a remark', () => {
    expect(names(model, 'Job')).toEqual(expect.arrayContaining(['quoteDueAt', 'fixDueAt']));
    expect(names(model, 'Job')).not.toContain('jobIsOpened');
  });
  it('reads "when the … happened" as the time of that event, leaving out who did it', () => {
    expect(field(model, 'Job', 'firstDiagnosisAt')).toMatchObject({ type: 'datetime', required: false });
    expect(names(model, 'Job')).toEqual(expect.arrayContaining(['fixedAt', 'returnedAt']));
    assertConsistent(model);
  });
});

describe('values defined per something, kept in child rows', () => {
  it('reads "Per X, a P defines A and B, in <unit>. So a P has up to N <child> rows" as the child\'s attributes', () => {
    const { model } = extract([
      '# Repairs app', '', '## Service plans', '',
      '- A service plan has a name (unique per org).',
      '- Per severity, a plan defines a callback target and a repair target, in hours. So a plan has up to three target rows, never two for the same severity.',
    ].join('\n'));
    expect(names(model, 'ServicePlanTarget')).toEqual(expect.arrayContaining(['severity', 'callbackHours', 'repairHours']));
    expect(relation(model, 'ServicePlanTarget', 'servicePlan').to).toBe('ServicePlan');
    assertConsistent(model);
  });
});

describe('"deleted together with their X"', () => {
  it('states the link to X and cascades', () => {
    const { model } = extract([
      '# Repairs app', '', 'Technicians sign in with their email.', '', '## Technicians', '', '- name, email', '', '## Checklists', '',
      '- title, steps', '- either shared with the whole shop or personal to one technician; personal checklists are deleted together with their technician',
    ].join('\n'));
    expect(relation(model, 'Checklist', 'technician')).toMatchObject({ to: 'Technician', onDelete: 'Cascade' });
  });
});

describe('"each X defines its own Ys, e.g. …: a, b"', () => {
  it('makes the Ys a record with those attributes', () => {
    const { model } = extract([
      '# Repairs app', '', '## Labour rates', '',
      'Each org defines its own labour rates, e.g. "Standard", "Weekend": a name, the hourly price, and optionally the region it applies to. Names are unique within the org.',
    ].join('\n'));
    expect(names(model, 'LabourRate')).toEqual(expect.arrayContaining(['name', 'hourlyPrice']));
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'LabourRate', fields: ['orgId', 'name'], unique: true }));
  });
});

describe('a record described in prose paragraphs', () => {
  const { model } = extract([
    '# Rentals app', '', 'Each agency is an organization. Staff members log in as users, and every user belongs to one organization.', '',
    '## Renters', '',
    'We need the renter\'s name and a contact email. A licence ID / permit number is optional. A renter can have a preferred language; when it isn\'t set, new leases default to the agency\'s language.', '',
    '## Leases', '',
    'Each lease is for one renter and has a start date. It\'s always for one unit, and it can carry notes/house rules that are printed on the contract.', '',
    'Lifecycle: draft → signed → ended.', '',
    'A lease has one or more clauses, shown in a fixed order that the user can rearrange. A lease that has been signed can\'t be deleted, only archived.', '',
    '## Clauses', '', '- title, body', '',
    '## Languages (reference data)', '', 'Languages are platform-wide lookup lists. Seed them:', '', '- **Languages** — ISO code and English name. Launch set: EN, FR, DE.', '',
    '## Units', '', '- code, floor',
  ].join('\n'));
  it('reads "Lifecycle: a → b → c" as the status', () => {
    expect(field(model, 'Lease', 'status').enumValues).toEqual(['draft', 'signed', 'ended']);
  });
  it('reads ", and it can carry X" as optional attributes of the section\'s record, "notes/house rules" as notes', () => {
    expect(field(model, 'Lease', 'notes').required).toBe(false);
  });
  it('reads "one or more Ys, shown in a fixed order that the user can rearrange" as a position on Y', () => {
    expect(field(model, 'Clause', 'position').type).toBe('integer');
    expect(relation(model, 'Clause', 'lease').to).toBe('Lease');
  });
  it('reads "can\'t be deleted, only archived" as the archived state', () => {
    expect(field(model, 'Lease', 'archivedAt').required).toBe(false);
  });
  it('reads "A / B is optional" as one attribute, "can have" as optional and stops at a conditional clause', () => {
    expect(field(model, 'Renter', 'licenceId').required).toBe(false);
    expect(names(model, 'Renter')).not.toContain('permitNumber');
    expect(names(model, 'Renter').some((n) => /isn|Default/.test(n))).toBe(false);
    expect(relation(model, 'Renter', 'preferredLanguage')).toMatchObject({ to: 'Language', required: false });
  });
  it('gives whoever logs in an email, and reads an "English name" as the name', () => {
    expect(field(model, 'User', 'email').required).toBe(true);
    expect(names(model, 'Language')).toContain('name');
    assertConsistent(model);
  });
});

describe('"… and a role: a, b or c" closing an attribute list', () => {
  it('gives the last item those values and keeps the items before the colon', () => {
    const { model } = extract(['# Depot app', '', '## Drivers', '', 'A driver has a name, an email (unique per organization) and a role: lead, regular or trainee.'].join('\n'));
    expect(names(model, 'Driver')).toEqual(['name', 'email', 'role']);
    expect(field(model, 'Driver', 'role').enumValues).toEqual(['lead', 'regular', 'trainee']);
  });
});

describe('a clinic schedule in stories', () => {
  const { model } = extract([
    '# Clinic app', '', 'Every clinic that signs up is its own organization.', '', '## Stories', '',
    '1. As an owner, I want to invite staff with their full name, email and role (owner, nurse or therapist).',
    '2. As an owner, I want to add rooms with a name and a floor.',
    '3. As reception, I want to schedule an appointment for a patient at a room, with a start time, an end time and the therapist who treats it.',
    '4. As reception, I want to cancel an appointment with a cancellation reason, and the appointment keeps a cancelled-at timestamp.',
    '5. As reception, I want to register patients with their first name, last name and email.',
    '6. As reception, I want to check a patient in, which records the arrived-at time on the appointment.',
    '7. A patient can\'t book the same appointment twice.',
    '', '## Screens', '', '- Therapist view: upcoming appointments taken by a given therapist, by start time.',
  ].join('\n'));
  it('reads a role value of one entity ("the therapist who treats it") as a reference to that entity', () => {
    expect(relation(model, 'Appointment', 'therapist').to).toBe('Staff');
  });
  it('reads "cancel a X with a Y, and the X keeps Z" as optional attributes of X', () => {
    expect(field(model, 'Appointment', 'cancellationReason').required).toBe(false);
    expect(field(model, 'Appointment', 'cancelledAt').type).toBe('datetime');
  });
  it('reads "which records the T on the X" as T on X', () => {
    expect(field(model, 'Appointment', 'arrivedAt').type).toBe('datetime');
  });
  it('reads "a role value by a given <role>" in a screen as a filter on that link', () => {
    const view = model.queryPatterns.find((p) => /Therapist view/.test(p.description));
    expect(view).toMatchObject({ entity: 'Appointment', equality: ['therapistId'], orderBy: [{ field: 'startTime', direction: 'asc' }] });
    assertConsistent(model);
  });
});

describe('"a X can\'t <verb> the same Y twice"', () => {
  it('is a key on the record that references both', () => {
    const { model } = extract([
      '# Polls app', '', '## Polls', '', '- title', '', '## Voters', '', '- name, email', '', '## Votes', '',
      '- a vote belongs to a poll and to a voter; choice', '- A voter can\'t vote on the same poll twice.',
    ].join('\n'));
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Vote', unique: true, fields: expect.arrayContaining(['pollId', 'voterId']) }));
  });
});

describe('"records goods arriving at a X: …" and "assigned to a <role> (an X)"', () => {
  it('links the record to X and the role to its entity', () => {
    const { model } = extract([
      '# Depot app', '', '## Depots', '', '- code, name', '', '## Drivers', '', '- name, email', '', '## Deliveries', '',
      'A delivery records parcels leaving from a depot: a reference, the planned date and a status (planned, out, done). A delivery can be assigned to a courier (a driver).',
    ].join('\n'));
    expect(relation(model, 'Delivery', 'depot')).toMatchObject({ to: 'Depot', required: true });
    expect(relation(model, 'Delivery', 'courier')).toMatchObject({ to: 'Driver', required: false });
  });
  it('gives "Status is one of …" to the record the paragraph described', () => {
    const { model } = extract([
      '# Depot app', '', '## Depots', '', '- code, name', '', '## Inbound', '',
      'A delivery records parcels arriving at a depot: a reference and the planned date. Status is one of planned, arrived or cancelled.',
      '', '## Products', '', '- A product has a SKU and an is_fragile flag.',
    ].join('\n'));
    expect(field(model, 'Delivery', 'status').enumValues).toEqual(['planned', 'arrived', 'cancelled']);
    expect(model.entities.map((e) => e.name)).not.toContain('Inbound');
    expect(field(model, 'Product', 'isFragile').type).toBe('boolean');
  });
});

describe('"the <kind> history of a X"', () => {
  it('links the records of that kind to X', () => {
    const { model } = extract([
      '# Shop app', '', '## Products', '', '- name, sku', '', '## Prices', '',
      '- Each price change must be recorded separately: the old amount, the new amount and when.',
      '- As an auditor, I want the price history of a product to stay intact.',
    ].join('\n'));
    expect(relation(model, 'PriceChange', 'product')).toMatchObject({ to: 'Product', required: true });
  });
});

describe('"all Xs of one <role>" on a screen', () => {
  it('filters the Xs by that role, not the records inside one X', () => {
    const { model } = extract([
      '# Desk app', '', '## Clients', '', '- name, email', '', '## Jobs', '',
      '- a title; the requester (a client) — required', '', '## Remarks', '', '- belong to a job; body', '',
      '## Screens', '', '- Client history: all jobs of one requester, newest first',
    ].join('\n'));
    expect(model.queryPatterns.find((p) => /Client history/.test(p.description))).toMatchObject({ entity: 'Job', equality: ['requesterId'] });
  });
});

describe('schedules and plans', () => {
  it('keeps a session\'s start time required and reads "(empty means unlimited)" as optional', () => {
    const { model } = extract([
      '# Gym app', '', '## Stories', '',
      '1. As an owner, I want to define plans, each with a name and the number of classes included per month (empty means unlimited).',
      '2. As an owner, I want to schedule a workout for a plan, with a start time and an end time.',
    ].join('\n'));
    expect(field(model, 'Workout', 'startTime').required).toBe(true);
    expect(field(model, 'Workout', 'endTime').required).toBe(false);
    expect(entity(model, 'Plan').fields.find((f) => /classes/i.test(f.name))?.required).toBe(false);
  });
  it('keeps a single attribute with a modifier before a colon whole ("a subject, chosen from a list we ship: …")', () => {
    const { model } = extract([
      '# School app', '', '## Courses', '',
      'Every course has a title and a code. Every course has a subject, chosen from a global subject list we ship with the product: Art, Music, Drama.',
    ].join('\n'));
    expect(names(model, 'Course')).not.toContain('chosen');
  });
});

describe('"a X records … the date it was Y"', () => {
  it('makes the time of what has happened required', () => {
    const { model } = extract([
      '# Meter app', '', '## Meter reads', '',
      'A meter read records the value, the time it was taken and an optional note. A bill has a total and we want to know when it was paid.',
    ].join('\n'));
    expect(field(model, 'MeterRead', 'takenAt').required).toBe(true);
    expect(field(model, 'MeterRead', 'note').required).toBe(false);
  });
});

describe('"X is required …; Y is optional" after a story that lists them', () => {
  it('settles the listed attributes, a short name meaning the longer one', () => {
    const { model } = extract([
      '# Club app', '', '## Members and fees', '',
      '1. As front desk, I want to register members with their first name, email and phone number. Email is required and no two members of a club share an email; phone is optional.',
      '2. As an owner, I want to define fees, each with a name and an amount.',
    ].join('\n'));
    expect(field(model, 'Member', 'phoneNumber').required).toBe(false);
    expect(field(model, 'Member', 'email').required).toBe(true);
    expect(names(model, 'Member')).not.toContain('phone');
  });
});

describe('a story whose want reads like "<subject> lists …"', () => {
  it('is not a record named after the verb and its object', () => {
    const { model } = extract([
      '# Fleet app', '', '## Vans', '', '- plate, status (active, parked)', '', '## Stories', '',
      '- As a dispatcher, I want to filter the van list by status, so that I see what is free.',
    ].join('\n'));
    expect(model.entities.map((e) => e.name)).not.toContain('FilterTheVan');
  });
});

describe('"approve or reject a X with an optional Y" when a record is named after the act', () => {
  it('gives Y to that record, not to X', () => {
    const { model } = extract([
      '# Expenses app', '', 'Employees sign in with their work email.', '', '## Expenses', '',
      '1. As an employee, I want to add an expense with an amount and a date.',
      '2. As a manager, I want to approve or reject an expense with an optional comment.',
      '3. As a controller, I want each approval step to be kept. Each approval step must be recorded separately: who decided, the decision, the comment and when.',
    ].join('\n'));
    expect(field(model, 'ApprovalStep', 'comment').required).toBe(false);
    expect(names(model, 'Expense')).not.toContain('comment');
  });
});

describe('a partial index over the unassigned rows, oldest first', () => {
  it('is kept although the creation time is added by a later pass', () => {
    const { model, findings } = extract([
      '# Desk app', '', 'Agents sign in with their email.', '', '## Jobs', '', '- a title; assignee (an agent) — optional', '',
      '## Queries', '', '- Unassigned queue: jobs with no assignee, oldest first; it should get its own index covering only the unassigned rows.',
    ].join('\n'));
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Job', fields: expect.arrayContaining(['createdAt']), where: [{ field: 'assigneeId', op: 'isNull' }] }));
    expect(findings.some((f) => /Dropped index/.test(f.message))).toBe(false);
  });
});

describe('"one or more <field word>s" naming a child record', () => {
  it('is the child, kept in the order the user chooses', () => {
    const { model } = extract([
      '# Fixit app', '', '## Jobs', '', 'Each job has a reference and a scheduled date.', '', '## Job steps', '',
      'A job has one or more steps, shown in a fixed order that the technician can rearrange. Each step has a description and an optional photo URL.',
    ].join('\n'));
    expect(names(model, 'Job')).not.toContain('steps');
    expect(relation(model, 'JobStep', 'job').to).toBe('Job');
    expect(field(model, 'JobStep', 'position').type).toBe('integer');
  });
});

describe('"the result value once entered, and the time the result was entered"', () => {
  it('names the value and the passive event time', () => {
    const { model } = extract([
      '# Lab app', '', '## Measurements', '',
      'Each measurement carries its own status (pending, done), the result value once entered, and the time the result was entered.',
    ].join('\n'));
    expect(names(model, 'Measurement')).toEqual(expect.arrayContaining(['resultValue', 'enteredAt']));
  });
});

describe('"Every X needs A and B; the C may be left empty"', () => {
  it('makes C optional', () => {
    const { model } = extract([
      '# Groomly', '', 'Every salon that signs up is its own organization.', '', '## Stories', '',
      '1. As an owner, I want to invite staff with their full name, email and role (owner, receptionist or groomer).',
      '2. As an owner, I want to add stations with a name and a note.',
      '3. As an owner, I want to define services, each with a name and a price.',
      '4. As reception, I want to schedule a slot for a service at a station, with a start time and the groomer who does it. Every slot needs a service and a station; the groomer may be left empty until someone is found.',
    ].join('\n'));
    expect(relation(model, 'Slot', 'groomer')).toMatchObject({ to: 'Staff', required: false });
  });
});

describe('"filter <hyphenated records> by A and B"', () => {
  it('is a query pattern on those records', () => {
    const { model } = extract([
      '# Parcel app', '', '## Depots', '', '- code, name', '', '## Drop-offs', '',
      'A drop-off records parcels arriving at a depot: a reference and the expected date. Status is one of expected, arrived or cancelled.', '',
      '## Non-functional requirements', '', 'NFR-1. Planners filter drop-offs by depot and status.',
    ].join('\n'));
    expect(model.queryPatterns).toContainEqual(expect.objectContaining({ entity: 'DropOff', equality: expect.arrayContaining(['depotId', 'status']) }));
  });
});
