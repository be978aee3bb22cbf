/** Relations read from the structure of a sentence (subject, verb, quantifier, object): each on its own neutral snippet. */
import { describe, expect, it } from 'vitest';
import { assertConsistent, entity, extract, relation } from './helpers.ts';

describe('many-to-many stated both ways with a passive second clause', () => {
  it('reads "one X can use several Ys, and a Y is used in many Xs" as a junction', () => {
    const { model } = extract(['# Kiln app', '', '## Data', '', 'A firing has a date. A glaze has a name. One firing can use several glazes, and a glaze is used in many firings.'].join('\n'));
    const r = relation(model, 'Firing', 'glazes');
    expect(r.cardinality).toBe('many-to-many');
    expect(r.to).toBe('Glaze');
    assertConsistent(model);
  });
});

describe('subject, verb, quantifier, object', () => {
  const { model } = extract([
    '# Library app', '', '## Data', '',
    'A patron has a name. A branch has a name. A card has a number. A loan has a due date. A shelf has a label. A reader group has a name.', '',
    'A patron can register several cards. Each branch gets a shelf per subject. A loan ties a card to a branch. A reader group may sit inside another reader group.', '',
    'Each loan shall reference exactly one patron. A loan shall reference a shelf once it is returned.',
  ].join('\n'));
  it('reads a gathering verb with a "many" object as the object rows pointing at the subject', () => {
    expect(relation(model, 'Card', 'patron').to).toBe('Patron');
    expect(model.relations.some((r) => r.from === 'Patron' && r.to === 'Card')).toBe(false);
  });
  it('reads "a Y per Z" after a gathering verb as many Ys', () => {
    expect(relation(model, 'Shelf', 'branch').to).toBe('Branch');
    expect(model.relations.some((r) => r.from === 'Branch' && r.to === 'Shelf')).toBe(false);
  });
  it('reads a linking verb as the subject pointing at each object', () => {
    expect(relation(model, 'Loan', 'card').to).toBe('Card');
    expect(relation(model, 'Loan', 'branch').to).toBe('Branch');
    expect(model.relations.some((r) => r.from === 'Card' && r.to === 'Branch')).toBe(false);
  });
  it('reads "shall reference exactly one" as a required link and a condition as optional', () => {
    expect(relation(model, 'Loan', 'patron').required).toBe(true);
    expect(relation(model, 'Loan', 'shelf').required).toBe(false);
  });
  it('reads "sits inside another X" as a self-reference', () => {
    const r = relation(model, 'ReaderGroup', 'parentGroup');
    expect(r.to).toBe('ReaderGroup');
    expect(r.required).toBe(false);
    assertConsistent(model);
  });
  it('reads nothing from a verb of looking at data or a denied clause', () => {
    const { model: m } = extract(['# Library app', '', '## Data', '', 'A patron has a name. A report has a title. A patron can see several reports. A report never has several patrons.'].join('\n'));
    expect(m.relations.filter((r) => [r.from, r.to].includes('Report') && [r.from, r.to].includes('Patron'))).toEqual([]);
  });
});

describe('instructions', () => {
  const { model } = extract([
    '# Depot app', '', '## Data', '',
    'A truck has a plate. A depot has a name. A fuel stop has a litres amount. A route has a code.', '',
    'The system shall record fuel stops on a truck: the time and the litres. The system shall record which routes each depot serves and how often.',
  ].join('\n'));
  it('reads "record Xs on a Y" as each X belonging to the Y', () => {
    expect(relation(model, 'FuelStop', 'truck').to).toBe('Truck');
  });
  it('reads "which Ys each X <verb>" as a many-to-many', () => {
    const r = model.relations.find((x) => x.cardinality === 'many-to-many' && x.from === 'Depot');
    expect(r?.to).toBe('Route');
    assertConsistent(model);
  });
});

describe('the junction a section names itself', () => {
  it('is the record named after one side that nothing else links', () => {
    const { model } = extract([
      '# Lab app', '', '## Data', '', 'A swab has a label. An assay has a code.', '',
      '## Assay requests', '', '- A swab can have many assays, and each assay is run on many swabs.', '- Each ordered assay carries its own status (open, done) and the result value.',
    ].join('\n'));
    const r = model.relations.find((x) => x.cardinality === 'many-to-many');
    expect(r?.through).toBe('OrderedAssay');
    expect(model.entities.find((e) => e.name === 'OrderedAssay')?.kind).toBe('junction');
    assertConsistent(model);
  });
});

describe('delete rules', () => {
  it('reads "Ys go away when their X is removed" as a cascade', () => {
    const { model } = extract(['# Shop app', '', '## Data', '', 'A buyer has a name. A voucher has a code.', '', 'A buyer can hold several vouchers. Vouchers go away when their buyer is removed.'].join('\n'));
    expect(relation(model, 'Voucher', 'buyer').onDelete).toBe('Cascade');
  });
  it('reads "deleting a X deletes the Xs inside it" as a cascade on the self-reference', () => {
    const { model } = extract(['# Map app', '', '## Data', '', 'A region has a name and may sit inside another region. Deleting a region deletes the regions inside it.'].join('\n'));
    expect(relation(model, 'Region', 'parentRegion').onDelete).toBe('Cascade');
  });
  it('reads nothing from a clause that deletes something the model does not hold', () => {
    const { model } = extract(['# Shop app', '', '## Data', '', 'A buyer has a name. A voucher has a code. Each voucher is for one buyer.', '', "A buyer's vouchers are deleted together with the buyer. If a coupon is deleted, the voucher it led to stays and just loses the link."].join('\n'));
    expect(relation(model, 'Voucher', 'buyer').onDelete).not.toBe('SetNull');
    expect(relation(model, 'Voucher', 'buyer').required).toBe(true);
  });
  it('does not make a self-reference of a record named twice in the singular', () => {
    const { model } = extract(['# Shop app', '', '## Data', '', 'A buyer has a name.', '', "I want a buyer's history deleted together with the buyer."].join('\n'));
    expect(model.relations.filter((r) => r.from === 'Buyer' && r.to === 'Buyer')).toEqual([]);
  });
});

describe('an attribute whose description names what it points at', () => {
  it('reads "must be another X" in a field table as a self-reference, "X member (…)" and "who …" as a person', () => {
    const { model } = extract([
      '# Gym app', '', '## Coaches', '', 'A coach has a name and an email.', '', '## Staff', '', 'A staff member has a name and a phone.', '', '## Athletes', '',
      '| Field | Required | Notes |', '|---|---|---|', '| Name | yes | full name |', '| Mentor | no | the athlete who looks after a newcomer. Must be another athlete of the same gym. |',
      '| Head trainer | no | coach (senior or junior) |', '| Signed up by | no | who enrolled them |',
    ].join('\n'));
    expect(relation(model, 'Athlete', 'mentor').to).toBe('Athlete');
    expect(relation(model, 'Athlete', 'headTrainer').to).toBe('Coach');
    expect(relation(model, 'Athlete', 'mentor').required).toBe(false);
    expect(relation(model, 'Athlete', 'signedUpBy').to).toBe('StaffMember');
    assertConsistent(model);
  });
  it('reads ", who is another X" after an attribute in its sentence', () => {
    const { model } = extract(['# Gym app', '', '## Coaches', '', '- Each coach shall have a name and an email.', '- The system shall record, for each coach, an optional buddy coach, who is another coach of the same gym.'].join('\n'));
    expect(relation(model, 'Coach', 'buddyCoach').to).toBe('Coach');
  });
  it('keeps a plain value described with an entity as a value', () => {
    const { model } = extract(['# Gym app', '', '## Coaches', '', 'A coach has a name.', '', '## Athletes', '', '| Field | Required | Notes |', '|---|---|---|', '| Name | yes | full name |', '| Email | no | the coach who referred them can see it |'].join('\n'));
    expect(model.relations.filter((r) => r.from === 'Athlete')).toEqual([]);
  });
});

describe('a delete rule over records that have other rows', () => {
  it('links the rows to the record that cannot be deleted', () => {
    const { model } = extract(['# Gym app', '', '## Data', '', 'A gym has a name. A class has a title. A trainer has a name.', '', 'The system shall prevent deleting a gym that has classes. A trainer that has been assigned to any class cannot be deleted.'].join('\n'));
    expect(relation(model, 'Class', 'gym').onDelete).toBe('Restrict');
    expect(relation(model, 'Class', 'trainer').onDelete).toBe('Restrict');
  });
});

describe('many both ways, in other words', () => {
  it('reads "X lists the Ys in it; a Y can appear in many Xs" as a junction', () => {
    const { model } = extract(['# Gallery app', '', '## Data', '', 'A painting has a title. A catalogue has a name.', '', 'A catalogue lists the paintings in it; a painting can appear in many catalogues over the years.'].join('\n'));
    const r = model.relations.find((x) => x.cardinality === 'many-to-many');
    expect([r?.from, r?.to].sort()).toEqual(['Catalogue', 'Painting']);
    expect(model.relations.filter((x) => x.cardinality === 'many-to-one' && [x.from, x.to].includes('Painting') && [x.from, x.to].includes('Catalogue'))).toEqual([]);
    assertConsistent(model);
  });
  it('reads a second half without its verb ("and a Y many Xs")', () => {
    const { model } = extract(['# Gallery app', '', '## Data', '', 'A painting has a title. A restorer has a name.', '', 'A painting can have several restorers and a restorer many paintings.'].join('\n'));
    expect(relation(model, 'Painting', 'restorers').cardinality).toBe('many-to-many');
  });
});

describe('late references named after a record', () => {
  it('reads "an optional parent X" on an X as a self-reference and "the staff member who …" as the people record', () => {
    const { model } = extract(['# Gallery app', '', '## Staff', '', 'Staff log in with an email address and a password.', '', '## Rooms', '', 'Each room has a name, an optional parent room and a code.', '', '## Hangings', '', 'Every time a painting is hung we log a hanging: the room, when it was hung and the staff member who hung it.', '', '## Paintings', '', 'A painting has a title.'].join('\n'));
    expect(relation(model, 'Room', 'parentRoom').to).toBe('Room');
    expect(relation(model, 'Hanging', 'staffMember').to).toBe('Staff');
  });
});

describe('delete rules over links bound late', () => {
  it('apply to a link read from a plain attribute once it is bound', () => {
    const { model } = extract(['# Gallery app', '', '## Curators', '', 'Curators log in with their work email. A curator has a name.', '', '## Loans', '', '| Field | Required | Notes |', '|---|---|---|', '| Title | yes | |', '| Keeper | no | the curator who looks after it |', '', 'If a curator is removed, their loans stay and just have no keeper.'].join('\n'));
    const r = model.relations.find((x) => x.from === 'Loan' && x.to === 'Curator');
    expect(r?.onDelete).toBe('SetNull');
    expect(r?.required).toBe(false);
  });
  it('do not link the rows of a many-to-many list to one side', () => {
    const { model } = extract(['# Gallery app', '', '## Data', '', 'A painting has a title. A catalogue has a name.', '', 'A catalogue lists the paintings in it; a painting can appear in many catalogues. Deleting a catalogue deletes its painting list but not the paintings.'].join('\n'));
    expect(model.relations.filter((x) => x.cardinality === 'many-to-one' && [x.from, x.to].includes('Painting') && [x.from, x.to].includes('Catalogue'))).toEqual([]);
    expect(model.relations.some((x) => x.cardinality === 'many-to-many')).toBe(true);
  });
});

describe('an aside in a delete rule', () => {
  it('names no record the rule applies to', () => {
    const { model } = extract(['# Clinic app', '', '## Data', '', 'A client has a name. A visit has a date and belongs to one client. A bill has an amount.', '', 'A bill belongs to its client; deleting a client (only possible when they have no visits) deletes their bills.'].join('\n'));
    expect(relation(model, 'Bill', 'client').onDelete).toBe('Cascade');
    expect(relation(model, 'Visit', 'client').onDelete).not.toBe('Cascade');
  });
});

describe('clauses without their subject', () => {
  const { model } = extract([
    '# Radio app', '', '## Stations', '', 'A station has a call sign.', '', '## Blocks', '', 'A block has a number.', '',
    '## Slots', '', '- belongs to a station (required); optionally to one of that station\'s blocks', '- title (required)', '',
    '## Sponsors', '', '- Sponsor: name, contact email.', '- Spot: belongs to one sponsor and airs on one station.', '- Note: these are sold by the week and run on one station.', '', '## Spots', '', 'A spot has a length in seconds.', '',
  ].join('\n'));
  it('takes the section\'s record as the subject of a bullet that opens with its verb, and "(required)" outweighs a later "optionally"', () => {
    expect(relation(model, 'Slot', 'station').required).toBe(true);
  });
  it('reads "; optionally to one of X\'s Ys" as the same verb with another, optional object', () => {
    const r = relation(model, 'Slot', 'block');
    expect(r.to).toBe('Block');
    expect(r.required).toBe(false);
  });
  it('takes a "Label:" naming a record as the subject, and "<verb>s on one X" as a link', () => {
    expect(relation(model, 'Spot', 'station').to).toBe('Station');
    expect(model.relations.filter((r) => r.from === 'Sponsor')).toEqual([]);
    assertConsistent(model);
  });
  it('records each X against exactly one Y', () => {
    const { model: m } = extract(['# Radio app', '', '## Data', '', 'A licence has a number. A fine has an amount.', '', 'The system shall record each fine against exactly one licence.'].join('\n'));
    expect(relation(m, 'Fine', 'licence').to).toBe('Licence');
  });
});

describe('"must not delete its Xs"', () => {
  it('keeps the Xs without the link', () => {
    const { model } = extract(['# Radio app', '', '## Data', '', 'A series has a name. An episode has a title and belongs to a series (optional). Deleting a series must not delete its episodes, they just become series-less.'].join('\n'));
    expect(model.relations.find((r) => r.from === 'Episode' && r.to === 'Series')?.onDelete).toBe('SetNull');
  });
});

describe('a many-to-many side named nowhere else', () => {
  it('becomes a record when it is the object of one half and the subject of the other', () => {
    const { model } = extract(['# Choir app', '', '## Singers', '', 'A singer has a name and an email.', '', 'Badges: a singer has any number of badges; a badge is on any number of singers.'].join('\n'));
    expect(relation(model, 'Singer', 'badges').cardinality).toBe('many-to-many');
    expect(entity(model, 'Badge').kind).toBe('tenant');
    assertConsistent(model);
  });
  it('becomes a record at the end of "each link between a X and a Y"', () => {
    const { model } = extract(['# Choir app', '', '## Concerts', '', 'A concert has a title and a date.', '', 'Each link between a concert and a sponsor carries the sponsor\'s tier on that concert.'].join('\n'));
    expect(relation(model, 'Concert', 'sponsors').through).toBe('ConcertSponsor');
  });
  it('is not made from a field word', () => {
    const { model } = extract(['# Choir app', '', '## Singers', '', 'A singer has a name. A singer has any number of notes; a note is on any number of singers.'].join('\n'));
    expect(model.entities.map((e) => e.name)).not.toContain('Note');
  });
});

describe('junctions the PRD names', () => {
  it('reads "Xs are linked to Ys through Z" with Z as the junction', () => {
    const { model } = extract(['# Club app', '', '## Data', '', 'A rider has a name. A stable has a name. Each stabling records the start date and the box number.', '', 'Riders are linked to stables through stabling. A rider can have several stables and a stable houses many riders.'].join('\n'));
    const r = model.relations.find((x) => x.cardinality === 'many-to-many');
    expect(r?.through).toBe('Stabling');
    expect(entity(model, 'Stabling').kind).toBe('junction');
    assertConsistent(model);
  });
  it('reads "which Xs <verb> on which Y" as a many-to-many whose junction is the section\'s compound', () => {
    const { model } = extract(['# Club app', '', '## Riders', '', 'A rider has a name.', '', '## Events', '', 'An event has a title and a date.', '', '## Event crew', '', '- which riders work on which event, and what they do', '- a rider appears at most once per event'].join('\n'));
    const r = model.relations.find((x) => x.cardinality === 'many-to-many');
    expect([r?.from, r?.to].sort()).toEqual(['Event', 'Rider']);
    expect(r?.through).toBe('EventCrew');
    assertConsistent(model);
  });
  it('keeps a singular link stated in an attribute list beside a many-to-many of the same pair', () => {
    const { model } = extract(['# Club app', '', '## Riders', '', 'A rider has a name.', '', '## Events', '', '- title — required', '- head judge — required, a rider', '', '## Event crew', '', '- which riders work on which event'].join('\n'));
    expect(model.relations.some((x) => x.from === 'Event' && x.to === 'Rider' && x.cardinality === 'many-to-one')).toBe(true);
    expect(model.relations.some((x) => x.cardinality === 'many-to-many')).toBe(true);
  });
});

describe('a sentence about the pair of a many-to-many', () => {
  it('adds no one-to-many beside it', () => {
    const { model } = extract(['# Club app', '', '## Data', '', 'A rider has a name.', '', 'Each link between a rider and a sponsor carries the sponsor tier. A sponsor is linked to a given rider at most once. Removing a sponsor only removes their links to riders.'].join('\n'));
    expect(model.relations.filter((x) => x.cardinality === 'many-to-one' && [x.from, x.to].includes('Sponsor'))).toEqual([]);
    expect(model.relations.some((x) => x.cardinality === 'many-to-many')).toBe(true);
  });
  it('keeps a junction it names to exactly its two sides', () => {
    const { model } = extract(['# Club app', '', '## Data', '', 'A rider has a name. A stable has a name. Each stabling records the start date and whether it is the primary or secondary stabling.', '', 'Riders are linked to stables through stabling.'].join('\n'));
    expect(model.relations.filter((x) => x.from === 'Stabling')).toEqual([]);
  });
});

describe('attribute lists with examples and "which" items', () => {
  const { model } = extract([
    '# Kit app', '', '## Clubs', '', 'A club has a name.', '', '## Kits', '',
    'Each club gets a kit per season: for example, the "Home Red" kit for 2025. A kit has a colour and a status (draft, ordered).', '',
    '## Deliveries', '', 'When a kit ships, each active member of that club gets a delivery: which member, which kit, shipped date, optional courier.', '', '## Members', '', 'A member has a name.',
  ].join('\n'));
  it('reads "gets a Y per Z: for example, the … Y" as the Ys belonging to the subject, not the other way round', () => {
    expect(relation(model, 'Kit', 'club').to).toBe('Club');
    expect(model.relations.filter((r) => r.from === 'Club')).toEqual([]);
  });
  it('reads "which X, which Y" items as links', () => {
    expect(relation(model, 'Delivery', 'member').to).toBe('Member');
    expect(relation(model, 'Delivery', 'kit').to).toBe('Kit');
    assertConsistent(model);
  });
});

describe('people who do not sign in', () => {
  it('are not the sign-in entity, so roles on records fall to the people who do', () => {
    const { model } = extract(['# Trial app', '', '## Staff', '', 'A staff member has a name and an email.', '', '## Sponsors', '', 'A sponsor has a name. Sponsors do not log in.', '', '## Visits', '', '- date — required', '- coordinator — optional staff member'].join('\n'));
    expect(relation(model, 'Visit', 'coordinator').to).toBe('StaffMember');
    expect(model.tenancy?.userEntity).not.toBe('Sponsor');
  });
});

describe('rows that go with their record', () => {
  it('reads "its Ys go with it", "its Ys go too" and "the X\'s Ys go with it" as cascades', () => {
    const { model } = extract(['# Farm app', '', '## Data', '', 'A barn has a name. A stall has a number and belongs to a barn. A pen has a number and belongs to a barn. A gate has a code and belongs to a pen.', '', 'If a barn is closed and deleted, its stalls go with it. When a pen is deleted, its gates go too. We rarely delete a barn, but when we do it, the barn\'s pens go with it.'].join('\n'));
    expect(relation(model, 'Stall', 'barn').onDelete).toBe('Cascade');
    expect(relation(model, 'Gate', 'pen').onDelete).toBe('Cascade');
    expect(relation(model, 'Pen', 'barn').onDelete).toBe('Cascade');
  });
  it('reads "delete a X\'s Ys when the X is deleted" as a cascade', () => {
    const { model } = extract(['# Farm app', '', '## Data', '', 'A barn has a name. A stall has a number and belongs to a barn.', '', 'The system shall delete a barn\'s stalls when the barn is deleted.'].join('\n'));
    expect(relation(model, 'Stall', 'barn').onDelete).toBe('Cascade');
  });
  it('reads a subjectless "deleted with it" under a record\'s section', () => {
    const { model } = extract(['# Farm app', '', '## Barns', '', 'A barn has a name.', '', '## Stalls', '', '- number (required)', '- belong to a barn; deleted with it'].join('\n'));
    expect(relation(model, 'Stall', 'barn').onDelete).toBe('Cascade');
  });
});

describe('links a sentence implies', () => {
  it('reads "mark a X as <participle> by a newer X" as a self-reference', () => {
    const { model } = extract(['# Depot app', '', '## Data', '', 'A tool has a code and a name.', '', 'As a clerk, I want to mark a tool as replaced by a newer tool, so that people pick the right one.'].join('\n'));
    const r = relation(model, 'Tool', 'replacedBy');
    expect(r.to).toBe('Tool');
    expect(r.required).toBe(false);
  });
  it('reads "the Ys … stay with no X recorded" as each Y having had an optional X', () => {
    const { model } = extract(['# Depot app', '', '## Data', '', 'A bin has a label. A tool has a code.', '', 'If a bin is removed, the tools stored there stay in the system with no bin recorded.'].join('\n'));
    const r = relation(model, 'Tool', 'bin');
    expect(r.onDelete).toBe('SetNull');
    expect(r.required).toBe(false);
  });
  it('cascades no self-reference of a record named in the plural and the singular without "inside it"', () => {
    const { model } = extract(['# Depot app', '', '## Data', '', 'A tool has a code. A job has a title. A tool may sit inside another tool.', '', 'I want the tools lines of a job to go away if the job is deleted, and a tool that has ever been used on a job to be kept.'].join('\n'));
    expect(model.relations.find((r) => r.from === 'Tool' && r.to === 'Tool')?.onDelete).not.toBe('Cascade');
  });
});

describe('a possessive delete rule over rows the model does not hold', () => {
  it('settles nothing about the other records of the block', () => {
    const { model } = extract(['# Depot app', '', '## Data', '', 'A truck has a plate. A job has a title and belongs to one truck.', '', "I want a truck's photos deleted together with the truck."].join('\n'));
    expect(relation(model, 'Job', 'truck').onDelete).toBeUndefined();
  });
});

describe('a pronoun subject', () => {
  it('stands for the record of the section, and a leading condition makes the link optional', () => {
    const { model } = extract(['# Orchard app', '', '## Harvests', '', 'A harvest has a date.', '', '## Spray entries', '', '- A spray entry records the date and the litres used.', '- If the spraying targets a current harvest, it is linked to that harvest; winter spraying has none.'].join('\n'));
    const r = relation(model, 'SprayEntry', 'harvest');
    expect(r.to).toBe('Harvest');
    expect(r.required).toBe(false);
  });
  it('stands for the subject named earlier in the sentence', () => {
    const { model } = extract(['# Orchard app', '', '## Data', '', 'A tree has a label. A bed has a number.', '', 'A tree is planted in spring, and it belongs to one bed.'].join('\n'));
    expect(relation(model, 'Tree', 'bed').required).toBe(true);
  });
});

describe('"<participle> by a <role>"', () => {
  it('links the subject to the people who sign in, under the role\'s name, also after ", and"', () => {
    const { model } = extract(['# Bakery app', '', '## Accounts', '', 'Staff log in with an email. Each account has a name.', '', '## Batches', '', 'A batch belongs to an oven and is checked by a supervisor. It has a status (open, done).', '', 'An oven has a name.'].join('\n'));
    expect(relation(model, 'Batch', 'supervisor').to).toBe('Account');
    expect(relation(model, 'Batch', 'oven').to).toBe('Oven');
  });
  it('reads nothing from a word that is no person', () => {
    const { model } = extract(['# Bakery app', '', '## Accounts', '', 'Staff log in with an email. Each account has a name.', '', '## Batches', '', 'A batch is baked by a timer. It has a status (open, done).'].join('\n'));
    expect(model.relations.filter((r) => r.from === 'Batch' && r.to === 'Account')).toEqual([]);
  });
});

describe('a record that "has a Y" and cannot be deleted', () => {
  it('is pointed at by the Y, even after "has at most one Y" was read the other way', () => {
    const { model } = extract(['# Clinic app', '', '## Consults', '', '- A consult has a date and a reason.', '- A consult has at most one clinical note.', '- The note has a summary and a weight.', "- A consult that has a clinical note can't be deleted; it has to be cancelled instead."].join('\n'));
    expect(relation(model, 'Note', 'consult').onDelete).toBe('Restrict');
    expect(model.relations.filter((r) => r.from === 'Consult' && r.to === 'Note')).toEqual([]);
  });
});
