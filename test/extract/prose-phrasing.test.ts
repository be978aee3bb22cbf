/** Prose phrasings read the same in any domain: each test uses its own neutral snippet, fitted to no PRD. */
import { describe, expect, it } from 'vitest';
import { assertConsistent, entity, extract, relation } from './helpers.ts';

describe('"deleting a X deletes its Ys"', () => {
  it('states that each Y belongs to one X, with Cascade', () => {
    const { model } = extract([
      '# Garden app', '', '## Beds', '', '- name, soil type', '', '## Plantings', '',
      '- every sowing in a bed creates a planting: crop and sown on', '- deleting a bed deletes its plantings',
    ].join('\n'));
    const r = relation(model, 'Planting', 'bed');
    expect(r).toMatchObject({ to: 'Bed', required: true, onDelete: 'Cascade' });
    assertConsistent(model);
  });
});

describe('a dash tail and a "but" clause after an attribute', () => {
  it('are modifiers of that attribute, not attributes of their own', () => {
    const { model } = extract([
      '# Garden app', '', '## Suppliers', '',
      '- name (required)', '- website, e.g. `seeds.example` — optional, but if present it must be unique in the org',
    ].join('\n'));
    const fields = entity(model, 'Supplier').fields;
    expect(fields.map((f) => f.name)).toEqual(['name', 'website']);
    expect(fields.find((f) => f.name === 'website')?.required).toBe(false);
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Supplier', fields: ['orgId', 'website'], unique: true }));
  });
});

describe('examples after "e.g."', () => {
  it('do not close an enumeration', () => {
    const { model } = extract(['# Garden app', '', '## Plots', '', 'A plot has a name and a short code (e.g. `NW1`, `SE2`).'].join('\n'));
    expect(entity(model, 'Plot').fields.find((f) => f.name === 'code')?.type).toBe('string');
  });
});

describe('"X has one or more Ys. Each has …"', () => {
  it('gives the attributes to the quantified Ys', () => {
    const { model } = extract([
      '# Garden app', '', '## Greenhouses', '',
      'A grower has one or more greenhouses (we may call them "houses"). Each has a name, a heating type and a capacity.',
    ].join('\n'));
    expect(entity(model, 'Greenhouse').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['name', 'heatingType', 'capacity']));
  });
});

describe('a many-to-many flag stated on "one of a X\'s Ys"', () => {
  it('lands on the junction, not on another record that references both', () => {
    const { model } = extract([
      '# Garden app', '', '## Crops', '', '- name, family', '', '## Beds', '', '- name',
      '- crops: a bed can involve several crops, each with an optional row count. **At most one of a bed\'s crops is the main crop**.',
      '', '## Harvests', '', '- a harvest is linked to a bed and a crop; weight',
    ].join('\n'));
    const junction = model.entities.find((e) => e.kind === 'junction')!;
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: junction.name, unique: true, where: [{ field: 'isMain', op: 'eq', value: true }] }));
    expect(entity(model, 'Harvest').fields.map((f) => f.name)).not.toContain('isMain');
  });
});

describe('a conditional "belongs to"', () => {
  it('is an optional link, and a status stated as "X is a, b (note) or c" is an enum', () => {
    const { model } = extract([
      '# Garden app', '', '## Members', '', 'A member has a name and an email.', '', '## Baskets', '',
      'A basket has a pickup code. A basket belongs to a member when they ordered online, otherwise it is a walk-in. Status is open, packed (ready at the stall) or collected.',
    ].join('\n'));
    expect(relation(model, 'Basket', 'member')).toMatchObject({ to: 'Member', required: false });
    expect(entity(model, 'Basket').fields.find((f) => f.name === 'status')).toMatchObject({ type: 'enum', enumValues: ['open', 'packed', 'collected'] });
  });
});

describe('query patterns that name their filter indirectly', () => {
  const { model } = extract([
    '# Garden app', '', '## Members', '', 'A member has a name.', '', '## Orders', '',
    'An order belongs to one member and has a total and a placed-at time.', '', '## Sheds', '', 'A shed has a name.', '',
    '## Tools', '', 'A tool has a label and sits in one shed.', '',
    '## Screens', '', '- Member page: their orders, newest first.', '- Shed screen: everything kept in one shed.',
  ].join('\n'));
  it('reads a possessive as the entity the label names', () => {
    expect(model.queryPatterns).toContainEqual(expect.objectContaining({ entity: 'Order', equality: ['memberId'] }));
  });
  it('reads "everything in one X" as the only kind of record X holds', () => {
    expect(model.queryPatterns).toContainEqual(expect.objectContaining({ entity: 'Tool', equality: ['shedId'] }));
  });
});

describe('"Xs <verb> Ys … per <verb noun>"', () => {
  it('makes the verb\'s own noun the junction, with what is chosen per link as its payload', () => {
    const { model } = extract([
      '# Garden app', '', '## Members', '', 'A member has a name.', '', '## Allotments', '', 'An allotment has a plot number.', '',
      '## Rentals', '', '- Members rent allotments for the season and pick the payment plan per rental: monthly or yearly. A member rents a given allotment at most once.',
    ].join('\n'));
    const junction = entity(model, 'Rental');
    expect(junction.kind).toBe('junction');
    expect(junction.fields.find((f) => f.name === 'paymentPlan')).toMatchObject({ type: 'enum', enumValues: ['monthly', 'yearly'] });
    expect(model.relations).toContainEqual(expect.objectContaining({ from: 'Member', to: 'Allotment', cardinality: 'many-to-many', through: 'Rental' }));
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Rental', unique: true, fields: expect.arrayContaining(['memberId', 'allotmentId']) }));
    assertConsistent(model);
  });
});

describe('bold labels over bullets', () => {
  const { model } = extract([
    '# Lending library', '', '## Entities', '', '**Members** (everyone who borrows)', '- required: full name, email', '- optional: phone, role: adult, child or senior', '',
    '**Loans** — a member borrowing a book', '- the member, the book, the date borrowed', '', '**Books**', '- title (required), isbn', '',
    '**Notes** — librarians sometimes add a remark.',
  ].join('\n'));
  it('head their own section, so the bullets describe that entity', () => {
    expect(entity(model, 'Member').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['fullName', 'email', 'phone', 'role']));
    expect(relation(model, 'Loan', 'member').to).toBe('Member');
    expect(relation(model, 'Loan', 'book').to).toBe('Book');
  });
  it('read "required:" and "optional:" as the nullability of every item, and "label: a, b or c" as an enum', () => {
    const f = (n: string) => entity(model, 'Member').fields.find((x) => x.name === n)!;
    expect([f('fullName').required, f('email').required, f('phone').required]).toEqual([true, true, false]);
    expect(f('role')).toMatchObject({ type: 'enum', enumValues: ['adult', 'child', 'senior'] });
  });
  it('without bullets stay a paragraph', () => {
    expect(model.entities.map((e) => e.name)).not.toContain('Note');
    assertConsistent(model);
  });
});

describe('"pick the X\'s Y from a standard list"', () => {
  it('makes Y the lookup and keeps X tenant data', () => {
    const { model } = extract([
      '# Lending library', '', '## Books', '',
      '- As a librarian, I want to register a book with its title and isbn.',
      '- As a librarian, I want to pick the book\'s format from a standard list — hardcover (HARDCOVER), paperback (PAPERBACK) and audio (AUDIO). That list is the same for every library.',
    ].join('\n'));
    expect(entity(model, 'Book').kind).toBe('tenant');
    expect(entity(model, 'Format').kind).toBe('reference');
    expect(relation(model, 'Book', 'format').to).toBe('Format');
    expect(model.referenceData.find((d) => d.entity === 'Format')?.rows).toHaveLength(3);
  });
});

describe('a sentence about the moment of signing in', () => {
  it('does not name who signs in', () => {
    const { model } = extract([
      '# Lending library', '', '## Branches', '', '- name; a short code, shown before anyone is logged in', '', '## Librarians', '', 'Librarians sign in with an email.',
    ].join('\n'));
    expect(model.tenancy.userEntity).toBe('Librarian');
  });
});

describe('prose that settles a record after a colon, and a list settled as a whole', () => {
  const { model } = extract([
    '# Surveyor app', '', '## Sites and surveys', '',
    'A site is either a farm or a forest; we store which, plus the site\'s name (for a farm, the farm name) and, optionally, a contact email and a phone number.',
    '',
    'The form asks for a lot, so to be precise about what is required: a survey must have a survey number, a title and a start date. The weather, a free-text summary and the end date are optional.',
  ].join('\n'));
  it('reads the clause after the colon and the "… are optional" list for the same record', () => {
    const f = (n: string) => entity(model, 'Survey').fields.find((x) => x.name === n);
    expect([f('surveyNumber')?.required, f('title')?.required, f('startDate')?.required]).toEqual([true, true, true]);
    expect([f('weather')?.required, f('summary')?.required, f('endDate')?.required]).toEqual([false, false, false]);
  });
  it('reads "we store … plus the X\'s list", with "optionally" settling every item after it', () => {
    const f = (n: string) => entity(model, 'Site').fields.find((x) => x.name === n);
    expect(f('name')?.required).toBe(true);
    expect([f('contactEmail')?.required, f('phoneNumber')?.required]).toEqual([false, false]);
    expect(f('name')?.type).toBe('string');
  });
});

describe('a reference cue', () => {
  it('marks the list it names, not an entity mentioned among its values', () => {
    const { model } = extract([
      '# Surveyor app', '', '## Clients', '', 'A client has a name and an email.', '', '## Findings', '',
      'A finding has a title. Each finding has a category. These categories are identical for every company and we ship them as reference data: C1 Soil, C2 Water (with client), C3 Air.',
    ].join('\n'));
    expect(entity(model, 'Client').kind).toBe('tenant');
  });
});

describe('records introduced through their owner', () => {
  const { model } = extract([
    '# Choir app', '', '## Choirs and their singers', '',
    'Every customer is a **choir** account. A choir has a name.', '',
    '## Halls', '', 'Choirs keep a small list of halls they rehearse in: name, street address and an optional capacity.', '',
    '## Concerts', '',
    'A concert has a title and a date. Each concert sells one or more seat classes ("Balcony", "Stalls"): a name and a price.', '',
    'A concert\'s programme is made of pieces: a title, a composer and a duration in minutes.', '',
    'Choirs write their own dress codes — a name and a description.', '',
    'A booking is one reservation: it belongs to a concert and has a reference code and a status (held, paid).',
  ].join('\n'));
  it('reads "every customer is a X account" as the tenant\'s name', () => {
    expect(model.entities.map((e) => e.name)).not.toContain('Choir');
  });
  it('gives the list to the records it names', () => {
    expect(entity(model, 'Hall').fields.map((f) => f.name)).toEqual(['name', 'streetAddress', 'capacity']);
    expect(entity(model, 'SeatClass').fields.map((f) => f.name)).toEqual(['name', 'price']);
    expect(entity(model, 'Piece').fields.map((f) => f.name)).toEqual(['title', 'composer', 'durationMinutes']);
    expect(entity(model, 'DressCode').fields.map((f) => f.name)).toEqual(['name', 'description']);
    expect(entity(model, 'Organization').fields.map((f) => f.name)).toEqual(['name']);
  });
  it('reads "an X is one Y: it belongs to Z and has …" for X', () => {
    expect(entity(model, 'Booking').fields.map((f) => f.name)).toEqual(['referenceCode', 'status']);
    expect(relation(model, 'Booking', 'concert').to).toBe('Concert');
    assertConsistent(model);
  });
});

describe('attributes that name an entity found later', () => {
  const { model } = extract([
    '# Choir app', '', '## Choirs', '', 'Every customer is a **choir** account. A choir has a name and a default currency.', '',
    '## Rehearsals', '', 'A rehearsal has a date and a home hall. Each rehearsal uses one dress code.', '',
    '## Halls', '', 'A hall has a name and a capacity.', '',
    '## Dress codes', '', 'Choirs write their own dress codes — a name and a description. **A choir has exactly one default dress code**.', '',
    '## Currencies', '', 'Currencies are a platform-wide list we seed: USD, EUR and GBP.',
  ].join('\n'));
  it('become links once every entity is known', () => {
    expect(relation(model, 'Organization', 'defaultCurrency').to).toBe('Currency');
    expect(relation(model, 'Rehearsal', 'homeHall').to).toBe('Hall');
    expect(relation(model, 'Rehearsal', 'dressCode').to).toBe('DressCode');
  });
  it('read "X has exactly one default Y" as a partial unique, not as a link from X', () => {
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'DressCode', fields: ['orgId'], unique: true, where: [{ field: 'isDefault', op: 'eq', value: true }] }));
    expect(model.relations.some((r) => r.from === 'Organization' && r.to === 'DressCode')).toBe(false);
    assertConsistent(model);
  });
});

describe('many-to-many stated through the link itself', () => {
  const { model } = extract([
    '# Studio app', '', '## Records', '', '**Users** (everyone who signs in)', '- full name, email', '',
    '**Shoots**', '- a date and a location', '- one or more photographers (users). For each photographer on a shoot we keep their fee: an amount and a paid flag.', '',
    '**Props**', '- a name', '', 'Each link between a shoot and a prop carries the quantity used. Staff tag a shoot with one or more styles.', '',
    '**Styles**', '- a name', '', '## Schedule: sessions and models', '', 'A session has a start time. A performer has a name.',
  ].join('\n'));
  const m2m = (a: string, b: string) => model.relations.find((r) => r.cardinality === 'many-to-many' && [r.from, r.to].includes(a) && [r.from, r.to].includes(b));
  it('reads "one or more Xs (users)" as people on many records, with what is kept per pair', () => {
    const r = m2m('Shoot', 'User');
    expect(r).toBeDefined();
    expect(entity(model, r!.through!).fields.map((f) => f.name)).toEqual(expect.arrayContaining(['amount']));
  });
  it('reads "each link between a X and a Y carries …" and "tag a X with one or more Ys"', () => {
    expect(entity(model, m2m('Shoot', 'Prop')!.through!).fields.map((f) => f.name)).toContain('quantity');
    expect(m2m('Shoot', 'Style')).toBeDefined();
  });
  it('does not spread a heading\'s colon label over the records it lists', () => {
    expect(model.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Session', 'Performer']));
    assertConsistent(model);
  });
});

describe('reference lists written as codes with names', () => {
  const { model } = extract([
    '# ATS', '', '## Entities', '',
    '**Candidate sources** — a platform-wide list we seed and maintain, the same for every workspace:',
    '- code and label: REFERRAL (Employee referral), LINKEDIN (LinkedIn), OTHER (Other)', '',
    '**Candidates**', '- required: first name, email', '- optional: the source (from the list above)', '',
    '**Plans**', '- name, monthly price', '- Exactly one plan per workspace is flagged as the default plan.', '',
    '**Currencies** are a platform-wide list we seed at install, with at least USD, EUR and GBP.',
  ].join('\n'));
  it('seeds code and name from "CODE (Name)" pairs and keeps the list global', () => {
    expect(entity(model, 'CandidateSource').kind).toBe('reference');
    expect(model.referenceData.find((d) => d.entity === 'CandidateSource')?.rows).toEqual([
      { code: 'REFERRAL', label: 'Employee referral' }, { code: 'LINKEDIN', label: 'LinkedIn' }, { code: 'OTHER', label: 'Other' },
    ]);
    expect(model.relations.filter((r) => r.from === 'CandidateSource')).toEqual([]);
  });
  it('links a plain "source" to the only list named so', () => {
    expect(relation(model, 'Candidate', 'source')).toMatchObject({ to: 'CandidateSource', required: false });
  });
  it('reads "flagged as the default" as the flag of a partial unique', () => {
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Plan', unique: true, where: [{ field: 'isDefault', op: 'eq', value: true }] }));
    assertConsistent(model);
  });
});

describe('screen lines that name their access path loosely', () => {
  const { model } = extract([
    '# Gigs', '', '## Data', '',
    'A gig has a title, a status (draft, live) and a start time. A gig belongs to one venue.', '',
    'A venue has a name.', '', 'A pass has a holder email and a QR code string. A pass belongs to one gig.', '',
    '## Screens that need to be fast', '',
    '- Door: scan → pass by code.', '- Inbox: "I lost my pass" → find passes by holder email.',
    '- Calendar: a venue\'s gigs in start-time order.', '- Home: gigs with a given status, by start time.',
  ].join('\n'));
  const qp = (e: string) => model.queryPatterns.filter((p) => p.entity === e).map((p) => ({ eq: p.equality, order: p.orderBy.map((o) => o.field), range: p.range }));
  it('reads "by code" as the one field ending with it and skips quoted remarks', () => {
    expect(qp('Pass')).toEqual(expect.arrayContaining([expect.objectContaining({ eq: ['qrCode'] }), expect.objectContaining({ eq: ['holderEmail'] })]));
  });
  it('reads "in start-time order" and a trailing "by start time" as the ordering', () => {
    expect(qp('Gig')).toEqual(expect.arrayContaining([expect.objectContaining({ eq: ['venueId'], order: ['startTime'] }), expect.objectContaining({ eq: ['status'], order: ['startTime'] })]));
    assertConsistent(model);
  });
});

describe('"an X is one A <verb>ing one B from a start time to an end time"', () => {
  it('links X to both and reads the span, which a date-range screen then filters on', () => {
    const { model } = extract([
      '# Hire', '', '## Data', '', 'A rider has a name.', '', 'A bike has a frame number.', '',
      'A rental is one rider hiring one bike from a start time to an end time. It has a status (open, closed) and a cancelled at time.', '',
      '## Screens', '', '- Bike calendar: all rentals of one bike between two timestamps.',
    ].join('\n'));
    expect(relation(model, 'Rental', 'rider').to).toBe('Rider');
    expect(relation(model, 'Rental', 'bike').to).toBe('Bike');
    expect(model.queryPatterns).toContainEqual(expect.objectContaining({ entity: 'Rental', equality: ['bikeId'], range: 'startTime' }));
    assertConsistent(model);
  });
});

describe('children introduced mid-paragraph or as "its own Xs"', () => {
  const { model } = extract([
    '# Bakery', '', '## Shops', '', 'A shop has a name and an address.', '',
    'Each shop configures its own ovens (Deck, Rack, Convection); the oven name is unique within a shop.', '',
    '## Orders', '', 'An order belongs to a shop. It has a status (open, baked). Order lines: the loaf, quantity and a note.', '',
    '## Loaves', '', 'A loaf has a name and a price.',
  ].join('\n'));
  it('reads "each X configures its own Ys (…)" as a child entity of X', () => {
    expect(relation(model, 'Oven', 'shop').to).toBe('Shop');
  });
  it('reads a plural label after other sentences as a child list', () => {
    expect(relation(model, 'OrderLine', 'loaf').to).toBe('Loaf');
    expect(entity(model, 'OrderLine').fields.map((f) => f.name)).toEqual(expect.arrayContaining(['quantity', 'note']));
    assertConsistent(model);
  });
});

describe('soft delete stated through its effect, and uniqueness among current rows', () => {
  it('reads "sets a deletion timestamp" and "unique among the X\'s current Ys" as a partial unique on live rows', () => {
    const { model } = extract([
      '# Gym', '', '## Members', '', '- required: name, email',
      '- deleting a member doesn\'t remove the row right away: it sets a deletion timestamp and hides the member.',
      '- Email must be unique among the gym\'s current members.',
    ].join('\n'));
    expect(entity(model, 'Member').softDelete).toBe(true);
    expect(model.indexes).toContainEqual(expect.objectContaining({ entity: 'Member', fields: ['orgId', 'email'], unique: true, where: [{ field: 'deletedAt', op: 'isNull' }] }));
  });
});

describe('people named by their role', () => {
  const { model } = extract([
    '# Clinic', '', '## Staff', '',
    'Doctors, nurses and the practice manager all have user accounts. A user signs in with an email and has a role (doctor, nurse, manager).', '',
    '## Cases', '', 'A case must have a title, a status (open, closed) and a responsible doctor.', '',
    '## Tasks', '', 'A task has a title, a due date and optionally the user responsible for it.',
  ].join('\n'));
  it('links "a responsible doctor" and "the user responsible for it" to the users', () => {
    const users = model.tenancy.userEntity;
    expect(relation(model, 'Case', 'responsibleDoctor').to).toBe(users);
    expect(relation(model, 'Task', 'responsibleUser')).toMatchObject({ to: users, required: false });
    assertConsistent(model);
  });
});

describe('links stated from the referenced side', () => {
  it('reads "a X that any Y still points to" and "an X contains one Y per …"', () => {
    const { model } = extract([
      '# Gigs', '', '## Data', '', 'A hall has a name. A hall that any gig still points to can\'t be deleted.', '',
      'A gig has a title and a date.', '', 'A booking has a total. A booking contains one seat per guest. A seat has a row and a number.',
    ].join('\n'));
    expect(relation(model, 'Gig', 'hall').to).toBe('Hall');
    expect(relation(model, 'Seat', 'booking')).toMatchObject({ to: 'Booking', required: true });
    expect(model.relations.some((r) => r.from === 'Booking' && r.to === 'Seat')).toBe(false);
    assertConsistent(model);
  });
});

describe('an example after "like"', () => {
  it('ends where "and an …" starts the next attribute', () => {
    const { model } = extract(['# School', '', '## Courses', '', 'Each course has a title, a course code like "MATH-9A" and an optional description.'].join('\n'));
    expect(entity(model, 'Course').fields.map((f) => [f.name, f.required])).toEqual([['title', true], ['courseCode', true], ['description', false]]);
  });
});

describe('two lookups named together', () => {
  it('are both global lists, each seeded with the codes after its own name', () => {
    const { model } = extract([
      '# Harbour', '', '## Operators', '',
      'The system shall store, for each operator, its name, its country and its currency. Countries and currencies shall be chosen from lists maintained by us and shared by all operators: ISO countries (two-letter code; at minimum US, CA and GB) and ISO currencies (three-letter code; at minimum USD and EUR).',
      '', '## Boaters', '', 'A boater has a name and a country of residence.',
    ].join('\n'));
    expect([entity(model, 'Country').kind, entity(model, 'Currency').kind]).toEqual(['reference', 'reference']);
    expect(model.referenceData.find((d) => d.entity === 'Country')?.rows.map((r) => r.code)).toEqual(['US', 'CA', 'GB']);
    expect(model.referenceData.find((d) => d.entity === 'Currency')?.rows.map((r) => r.code)).toEqual(['USD', 'EUR']);
    expect(relation(model, 'Boater', 'countryOfResidence').to).toBe('Country');
    assertConsistent(model);
  });
});
