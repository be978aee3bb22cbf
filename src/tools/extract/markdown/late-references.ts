/**
 * Late references: a plain attribute read before the entity it names was known ("a default currency" on the
 * organizer, "the table" on a reservation, "a home depot" on a vehicle) is that link. Attributes are read as
 * soon as all entities are discovered, but reference lists and children found later add entities too, so this
 * pass runs once everything is known and turns each such field into a many-to-one relation.
 */
import { camelCase } from '../../../model/names.ts';
import { addRelation } from './attach.ts';
import { applyDeletionRules } from './deletion.ts';
import type { Doc } from './doc.ts';
import { tokens } from './text.ts';
import type { DraftEntity, DraftField } from './types.ts';
import { FIELD_WORDS } from './vocabulary/nouns.ts';
import { DESCRIBED_ANOTHER, DESCRIBED_HEAD, DESCRIBED_ROLE_ON, DESCRIPTION_NOT_LINK } from './vocabulary/relations.ts';

/** Leading words that qualify a link without naming another entity ("default currency", "home depot"). */
const LINK_MODIFIERS = ['default', 'home', 'preferred', 'primary', 'current', 'assigned', 'responsible', 'main', 'original', 'billing', 'shipping', 'parent', 'previous', 'next', 'linked', 'related', 'owning'];

export function bindLateReferences(doc: Doc): void {
  // A global lookup row cannot point at one tenant's rows: such a link was read before the entity was known to be
  // reference data ("Candidate sources" looked like children of "Candidate").
  const kind = (n: string) => doc.registry.get(n)?.kind;
  doc.relations = doc.relations.filter((r) => !(kind(r.from) === 'reference' && r.cardinality !== 'many-to-many' && (kind(r.to) === 'tenant' || kind(r.to) === 'junction')));
  // "A punch item can have any number of photos … Photos are deleted with their punch item": the photo holds
  // the link, so the many-to-many read from the quantifier was one-to-many all along (its junction goes too).
  const owned = (a: string, b: string) => doc.relations.some((r) => r.cardinality === 'many-to-one' && r.from === b && r.to === a && r.onDelete === 'Cascade');
  const collapsed = doc.relations.filter((r) => r.cardinality === 'many-to-many' && r.through && (owned(r.from, r.to) || owned(r.to, r.from)));
  for (const r of collapsed) {
    doc.relations = doc.relations.filter((x) => x !== r && x.from !== r.through);
    if (!doc.relations.some((x) => x.through === r.through)) doc.registry.entities.delete(r.through!);
  }
  let bound = 0;
  for (const entity of doc.registry.list()) {
    if (entity.kind === 'junction') continue;
    for (const f of [...entity.fields]) {
      const words = tokens(f.name.replace(/([a-z])([A-Z])/g, '$1 $2'));
      const target = targetOf(doc, entity, f, words);
      if (!target) continue;
      if (doc.relations.some((r) => r.from === entity.name && (r.name === f.name || r.field === f.name + 'Id'))) continue;
      entity.fields = entity.fields.filter((x) => x !== f);
      // "user responsible" reads as "responsible user".
      const name = words.length === 2 && POSTPOSITIVE.includes(words[1]!) ? camelCase(`${words[1]} ${words[0]}`) : f.name;
      addRelation(doc, { name, from: entity.name, to: target.name, cardinality: 'many-to-one', field: name + 'Id', required: f.required, requiredStated: f.requiredStated, line: f.line, ref: f.ref });
      bound++;
    }
  }
  // The delete rules were read before these links existed ("… just has no owner"): read them again for the new ones.
  if (bound) applyDeletionRules(doc);
}

function targetOf(doc: Doc, entity: DraftEntity, f: DraftField, words: string[]): DraftEntity | undefined {
  if (f.type !== 'string' || f.role !== 'attribute' || f.enumValues?.length) return undefined;
  if (words.length === 0 || words.length > 3) return undefined;
  // "the responsible lawyer", "an assigned mechanic", "the user responsible for it": a person by role.
  const person = personOf(doc, words);
  if (person && person !== entity) return person;
  // "Staff: name, …, supervisor": a person role on the people's own record is a reference to one of them.
  if (person && person === entity && PERSON_HEADS.includes(words[words.length - 1]!) && words.length === 1) return person;
  // "the source (from the list above)": a plain field word names a lookup list only when exactly one list ends with it.
  if (FIELD_WORDS.includes(words[words.length - 1]!)) {
    const lists = doc.registry.list().filter((e) => e.kind === 'reference' && e !== entity && e.name.toLowerCase().endsWith(words.join('')));
    return lists.length === 1 ? lists[0] : undefined;
  }
  // "country of residence" names a country.
  const phrases = [words, ...(words.length > 1 && LINK_MODIFIERS.includes(words[0]!) ? [words.slice(1)] : []), ...(words[1] === 'of' ? [words.slice(0, 1)] : [])];
  for (const p of phrases) {
    // "the staff member who moved it": a compound naming the people's record is that record.
    const people = peopleEntity(doc);
    const t = doc.registry.resolve(p) ?? (p.length >= 2 && people && [p, p.slice(0, -1)].some((x, i) => (i === 0 || PEOPLE_TAILS.includes(p[p.length - 1]!)) && doc.registry.resolve(x, undefined, { loose: true }) === people) ? people : undefined);
    // "an optional parent location" on a location: a self-reference.
    if (t === entity && p !== words && SELF_MODIFIERS.includes(words[0]!)) return t;
    if (!t || t === entity || t.kind === 'tenant-root' || t.kind === 'junction') continue;
    // Only an entity with attributes of its own, and never the head of the holder's own compound name
    // ("nightly rate" on a RateCard is an amount, not a Rate).
    if (t.fields.length === 0 || entity.name.startsWith(t.name)) continue;
    return t;
  }
  // "Guarantor — must be another patient", "team lead, who is another user", "Provider | staff member (dentist or
  // hygienist)", "who performs it": the attribute's own description names what it points at.
  return describedTarget(doc, entity, f, words);
}

/** The entity an attribute's description names: "another X", a leading "the X who …", "X member (…)", "a <role> on X", "who …". */
function describedTarget(doc: Doc, entity: DraftEntity, f: DraftField, words: string[]): DraftEntity | undefined {
  const d = (f.description ?? followingClause(f, words))?.trim();
  if (!d || DESCRIPTION_NOT_LINK.includes(words[words.length - 1]!) || FIELD_WORDS.includes(words[words.length - 1]!)) return undefined;
  const ok = (t: DraftEntity | undefined) => (t && t.kind !== 'tenant-root' && t.kind !== 'junction' ? t : undefined);
  const resolve = (phrase: string) => ok(doc.registry.resolve(phrase, undefined, { loose: true })) ?? ok(doc.registry.resolve(phrase.split(/\s+/)[0]!));
  const another = DESCRIBED_ANOTHER.exec(d);
  if (another) {
    const t = resolve(another[1]!);
    if (t) return t;
  }
  // "required, a staff member; …", "optional — the room it happens in": the settling word is no part of the description.
  const first = d.split(/[.;—–:]|\s-\s|,\s+(?:if|when|unless|and|but)\b/)[0]!.trim().replace(/^(?:required|optional|mandatory)\b\s*,?\s*/i, '');
  const np = DESCRIBED_HEAD.exec(first);
  if (np) {
    const t = resolve(np[1]!);
    if (t && t !== entity) return t;
  }
  const people = peopleEntity(doc);
  const on = DESCRIBED_ROLE_ON.exec(first);
  if (on && people && doc.registry.resolve(on[1]!, undefined, { loose: true }) === people) return people;
  if (/^who\b/i.test(first) && people) return people;
  return undefined;
}

/** "an optional team lead, who is another user of …": the relative clause right after the attribute in its sentence. */
function followingClause(f: DraftField, words: string[]): string | undefined {
  const m = new RegExp(`\\b${words.join('\\s+')}\\s*,?\\s+((?:who|which|that)\\s+(?:is|are|must be|should be|will be)\\s+[^.;]+)`, 'i').exec(f.ref);
  return m?.[1];
}

/** The records of people: the sign-in entity, else the one record named like people. */
function peopleEntity(doc: Doc): DraftEntity | undefined {
  const named = doc.registry.list().filter((e) => e.kind !== 'tenant-root' && e.kind !== 'reference' && PEOPLE_RECORDS.test(e.name));
  return doc.registry.userEntity ? doc.registry.get(doc.registry.userEntity) : named.length === 1 ? named[0] : undefined;
}

/** Words that name someone who signs in: a role value of the users' role field, or a role word of any domain. */
function personOf(doc: Doc, words: string[]): DraftEntity | undefined {
  // Without a sign-in entity, the one record named like people (staff, employees, team members) plays that part.
  const named = doc.registry.list().filter((e) => e.kind !== 'tenant-root' && e.kind !== 'reference' && PEOPLE_RECORDS.test(e.name));
  const users = doc.registry.userEntity ? doc.registry.get(doc.registry.userEntity) : named.length === 1 ? named[0] : undefined;
  if (!users) return undefined;
  const roles = users.fields.filter((f) => f.type === 'enum' && /role|type|kind/i.test(f.name)).flatMap((f) => f.enumValues ?? []);
  const isPerson = (w: string) => roles.includes(w) || PERSON_ROLES.includes(w) || PERSON_HEADS.includes(w) || doc.registry.resolve(w) === users;
  const head = words[words.length - 1]!;
  // "comparison operator" is no person although "operator" may be a role: a compound needs a linking modifier
  // ("responsible doctor") or a head that is always a person ("hiring manager").
  if (isPerson(head) && (words.length === 1 || LINK_MODIFIERS.includes(words[0]!) || PERSON_HEADS.includes(head))) return users;
  // "found by", "reported by": who did it.
  if (words.length === 2 && words[1] === 'by') return users;
  // "user responsible", "person in charge": the person first, the role after it.
  if (words.length === 2 && isPerson(words[0]!) && POSTPOSITIVE.includes(words[1]!)) return users;
  return undefined;
}

/** Words after a people record's name that still name one of them ("staff member", "team member account"). */
const PEOPLE_TAILS = ['member', 'person', 'account', 'user', 'record', 'profile'];

/** Modifiers that make an attribute named after its own record a link to another row of it ("parent location"). */
const SELF_MODIFIERS = ['parent', 'original', 'previous', 'next', 'related', 'linked', 'superseding', 'replacement', 'master', 'source', 'predecessor', 'successor'];

/** Adjectives that follow the person they qualify ("the user responsible for it"). */
const POSTPOSITIVE = ['responsible', 'assigned', 'accountable', 'concerned', 'involved'];

/** Names of records that hold people. */
const PEOPLE_RECORDS = /^(?:User|Staff|StaffMember|Employee|TeamMember|Member|Worker|Personnel)$/;

/** Heads of compounds that always name a person. */
const PERSON_HEADS = ['manager', 'lead', 'owner', 'officer', 'coordinator', 'supervisor', 'representative', 'rep'];

/** Role nouns that stand for a person wherever they appear. */
const PERSON_ROLES = ['assignee', 'reviewer', 'approver', 'owner', 'author', 'requester', 'reporter', 'inspector', 'supervisor', 'technician', 'attendant'];
