/**
 * Relationship pass: role words bound to entities, "belongs to one X" links, story links ("put each employee
 * in a department"), nesting self-references, and many-to-many relations with their junction entity and
 * payload ("we need to know when each person was assigned" → TaskAssignee.assignedAt).
 */
import { camelCase, pascalCase } from '../../../model/names.ts';
import { addField, addRelation, applyChunk, linkTo } from './attach.ts';
import { markUsed, type Doc } from './doc.ts';
import { enumValuesOf, parseAttributeList, parseChunk } from './fields.ts';
import { findMentions } from './mentions.ts';
import { normalise } from './registry.ts';
import { plural, singular, stripInline, tokens, trimRef } from './text.ts';
import type { DraftEntity, Sentence } from './types.ts';
import { restatePronoun, storyless } from './entities.ts';
import { readClauseLinks } from './clause-links.ts';
import { PUT_ON_WITH, STORY_ACTOR, TRACKED_PER } from './vocabulary/statements.ts';
import { PEOPLE_HEADS } from './vocabulary/tenancy.ts';
import { FIELD_WORDS } from './vocabulary/nouns.ts';
import { DETERMINERS } from './vocabulary/grammar.ts';
import { ACT_OF_ONE, CONTAINS_ONE, M2M_PEOPLE, M2M_PER_PAIR, M2M_WHICH_ON, POINTED_TO, ACTOR_OBJECT_FOR, BELONGS_TO, DEFINE_ON, M2M_LINK_BETWEEN, M2M_TAG_WITH, M2M_BOTH_WAYS, M2M_PAIR, M2M_STRONG, MANY_QUANTIFIER, NESTING, PLURAL_VERB_IN_PLURAL, HISTORY_OF, PLURAL_VERB_PLURAL_LEAD, PUT_IN, RECORDS_EVENT_AT, ROLE_IN_PARENS, STORY_OBJECT_PREPS, ROLE_IS_ENTITY, ROLE_WHO_IS, WHO_ROLE_IS, M2M_ADDED_TO, M2M_THROUGH } from './vocabulary/relations.ts';

/** Role words used as entity names ("the owner is always a user"), read before attributes are parsed. */
export function bindRoleAliases(doc: Doc): void {
  for (const s of doc.sentences) {
    const m = ROLE_IS_ENTITY.exec(s.text);
    if (!m) continue;
    const role = singular(m[1]!);
    if (doc.registry.resolve(role)) continue;
    const target = doc.registry.resolve(m[2]!);
    if (target && target.kind !== 'tenant-root') {
      doc.registry.aliases.set(role, target.name);
      markUsed(doc, s);
    }
  }
}

function contextEntity(doc: Doc, s: Sentence): DraftEntity | undefined {
  const terms = doc.sectionEntities.get(s.block.section);
  return terms?.length === 1 ? doc.registry.get(terms[0]!) : undefined;
}

/** The subject of a sentence: its first entity mention before the verb, else the section's entity. */
function subjectOf(doc: Doc, s: Sentence, text: string, before: number): DraftEntity | undefined {
  const head = text.slice(0, before);
  const ms = findMentions(doc, head, s.block);
  if (ms.length) return ms[0]!.entity;
  if (/^\s*(?:the\s+)?org(?:ani[sz]ation)?s?\b/i.test(head)) return undefined;
  return contextEntity(doc, s);
}

export function findRelations(doc: Doc): void {
  for (const s of doc.sentences) {
    if (s.block.section.cls !== 'data') continue;
    const text = restatePronoun(storyless(s.text));
    manyToMany(doc, s, text.replace(/^[a-z][\w -]{0,30}:\s+/i, ''));
    writtenBy(doc, s, text);
    belongsTo(doc, s, text);
    actOfOne(doc, s, text);
    pointedAt(doc, s, text);
    storyLinks(doc, s, text);
    roleLinks(doc, s, text);
  }
  trackedPer(doc);
  storyObjectPreps(doc);
  actorObjectFor(doc);
  enrolmentJunctions(doc);
  verbJunctions(doc);
  storyActors(doc);
  compoundChildren(doc);
  readClauseLinks(doc, addManyToMany);
  dropLinksShadowedByM2m(doc);
}

/**
 * "As an employee, I want to request leave by …": a record a story's actor brings into being belongs to that
 * actor. Only the story that introduced the record counts, so a record an admin merely edits gains nothing.
 */
function storyActors(doc: Doc): void {
  for (const s of doc.sentences) {
    const actor = STORY_ACTOR.exec(s.text);
    if (!actor) continue;
    const who = doc.registry.resolve(actor[1]!);
    if (!who || who.kind === 'tenant-root' || who.kind === 'reference') continue;
    for (const e of doc.registry.list()) {
      if (e === who || e.line !== s.line || e.kind !== 'tenant' || e.evidence.has('reference-list') || doc.relations.some((r) => r.from === e.name && r.to === who.name)) continue;
      linkTo(doc, e, who, { line: s.line, ref: trimRef(s.text) }, true);
    }
  }
}

/** "Inventory is tracked per variant per warehouse": the record references both. */
function trackedPer(doc: Doc): void {
  for (const s of doc.sentences) {
    const m = TRACKED_PER.exec(s.text);
    if (!m) continue;
    const e = doc.registry.resolve(m[1]!, undefined, { loose: true });
    if (!e) continue;
    for (const phrase of [m[2]!, m[3]!]) {
      const t = doc.registry.resolve(phrase, undefined, { loose: true });
      if (!t || t === e || t.kind === 'tenant-root') continue;
      const role = camelCase(normalise(phrase).join(' '));
      if (!doc.relations.some((r) => r.from === e.name && r.to === t.name))
        addRelation(doc, { name: role, from: e.name, to: t.name, cardinality: 'many-to-one', field: role + 'Id', required: true, requiredStated: true, line: s.line, ref: trimRef(s.text) });
    }
  }
}

/** "Cart lines", "Post revisions", "Pipeline stages": a compound named after another entity is its child. */
function compoundChildren(doc: Doc): void {
  const all = doc.registry.list();
  for (const child of all) {
    if (child.kind === 'junction' || child.kind === 'tenant-root') continue;
    const cw = tokens(child.name.replace(/([a-z])([A-Z])/g, '$1 $2'));
    for (const parent of all) {
      if (parent === child || parent.kind === 'junction' || parent.kind === 'tenant-root') continue;
      const pw = tokens(parent.name.replace(/([a-z])([A-Z])/g, '$1 $2'));
      if (pw.length >= cw.length || pw.some((w, i) => cw[i] !== w)) continue;
      if (doc.relations.some((r) => (r.from === child.name && r.to === parent.name) || (r.from === parent.name && r.to === child.name))) continue;
      const role = camelCase(parent.name);
      addRelation(doc, { name: role, from: child.name, to: parent.name, cardinality: 'many-to-one', field: role + 'Id', required: true, requiredStated: false, line: child.line, ref: child.ref });
    }
    // "Order lines" when the order is called a "customer order": the compound's leading words resolve to it.
    if (cw.length >= 2) {
      const parent = doc.registry.resolve(cw.slice(0, -1), undefined, { loose: true });
      if (parent && parent !== child && parent.kind !== 'junction' && parent.kind !== 'tenant-root' && !doc.relations.some((r) => (r.from === child.name && r.to === parent.name) || (r.from === parent.name && r.to === child.name))) {
        const role = camelCase(cw.slice(0, -1).join(' '));
        addRelation(doc, { name: role, from: child.name, to: parent.name, cardinality: 'many-to-one', field: role + 'Id', required: true, requiredStated: false, line: child.line, ref: child.ref });
      }
    }
  }
}

/** "can be assigned to a picker (an operator)", "A receipt records goods arriving at a warehouse: …". */
function roleLinks(doc: Doc, s: Sentence, text: string): void {
  const role = ROLE_IN_PARENS.exec(text);
  if (role) {
    const from = subjectOf(doc, s, text, role.index);
    const to = doc.registry.resolve(role[2]!, undefined, { loose: true });
    if (from && to && to.kind !== 'tenant-root' && from !== to) {
      const name = camelCase(role[1]!);
      const optional = /\b(?:can|may|optionally|could)\b/i.test(text.slice(0, role.index + role[0].length));
      addRelation(doc, { name, from: from.name, to: to.name, cardinality: 'many-to-one', field: name + 'Id', required: !optional, requiredStated: optional, line: s.line, ref: trimRef(s.text) });
      markUsed(doc, s);
    }
  }
  const history = HISTORY_OF.exec(text);
  if (history) {
    const owner = doc.registry.resolve(history[2]!, undefined, { loose: true });
    const first = singular(history[1]!);
    const records = doc.registry.list().filter((e) => e !== owner && e.kind === 'tenant' && tokens(e.name.replace(/([a-z])([A-Z])/g, '$1 $2'))[0] === first);
    const rec = records.length === 1 ? records[0]! : undefined;
    if (owner && rec && owner.kind !== 'tenant-root' && !doc.relations.some((r) => (r.from === rec.name && r.to === owner.name) || (r.from === owner.name && r.to === rec.name))) {
      linkTo(doc, rec, owner, { line: s.line, ref: trimRef(s.text) }, true);
      markUsed(doc, s);
    }
  }
  const at = RECORDS_EVENT_AT.exec(text);
  if (at) {
    const from = doc.registry.resolve(at[1]!, undefined, { loose: true });
    const to = doc.registry.resolve(at[2]!, undefined, { loose: true });
    if (from && to && from !== to && ![from.kind, to.kind].includes('tenant-root') && !doc.relations.some((r) => r.from === from.name && r.to === to.name)) {
      linkTo(doc, from, to, { line: s.line, ref: trimRef(s.text) }, true);
      markUsed(doc, s);
    }
  }
}

/** "written by an agent or by the customer": who made the record, one link per alternative. */
function writtenBy(doc: Doc, s: Sentence, text: string): void {
  const m = /\b(?:written|created|sent|authored|posted|made|submitted|uploaded|logged|entered|raised|opened)\s+by\s+(?:an?|the|one)\s+([a-z]+)(?:\s+or\s+(?:by\s+)?(?:an?|the|one)\s+([a-z]+))?/i.exec(text);
  if (!m) return;
  const from = contextEntity(doc, s);
  if (!from) return;
  const alternatives = [m[1]!, m[2]].filter((x): x is string => !!x);
  for (const phrase of alternatives) {
    const to = doc.registry.resolve(phrase);
    if (!to || to.kind === 'tenant-root' || to === from) continue;
    if (doc.relations.some((r) => r.from === from.name && r.to === to.name)) continue;
    linkTo(doc, from, to, { line: s.line, ref: trimRef(s.text) }, alternatives.length === 1, alternatives.length > 1);
    markUsed(doc, s);
  }
}

/**
 * "A booking is one member reserving one space from a start time to an end time": the record is the act of one
 * entity on another, so it references both, and a "from a X to a Y" span gives it the two times.
 */
function actOfOne(doc: Doc, s: Sentence, text: string): void {
  const m = ACT_OF_ONE.exec(text);
  if (!m) return;
  const from = doc.registry.resolve(m[1]!);
  if (!from || from.kind === 'tenant-root' || from.kind === 'junction') return;
  for (const phrase of [m[2]!, m[3]!]) {
    const to = doc.registry.resolve(phrase, undefined, { loose: true });
    if (!to || to === from || to.kind === 'tenant-root') continue;
    if (doc.relations.some((r) => r.from === from.name && r.to === to.name)) continue;
    linkTo(doc, from, to, { line: s.line, ref: trimRef(s.text) }, true);
  }
  if (m[4] && m[5]) {
    for (const w of [m[4], m[5]]) addField(from, { name: camelCase(w), type: /\bdate\b/i.test(w) ? 'date' : 'datetime', mods: { notes: [], required: true }, line: s.line, ref: trimRef(s.text) });
  }
  markUsed(doc, s);
}

/**
 * "A venue that any event still points to can't be deleted" (the event references the venue); "An order contains
 * one ticket per seat bought" (each ticket belongs to the order).
 */
function pointedAt(doc: Doc, s: Sentence, text: string): void {
  const p = POINTED_TO.exec(text);
  const c = p ? null : CONTAINS_ONE.exec(text);
  const [fromPhrase, toPhrase] = p ? [p[2]!, p[1]!] : c ? [c[2]!, c[1]!] : [];
  if (!fromPhrase || !toPhrase) return;
  const from = doc.registry.resolve(fromPhrase, undefined, { loose: true });
  const to = doc.registry.resolve(toPhrase, undefined, { loose: true });
  if (!from || !to || from === to || from.kind === 'tenant-root' || to.kind === 'tenant-root' || from.kind === 'junction') return;
  // Containment settles the direction: a link read the other way round ("the order's ticket") gives way.
  if (c) doc.relations = doc.relations.filter((r) => !(r.from === to.name && r.to === from.name && r.cardinality === 'many-to-one' && !r.requiredStated));
  if (doc.relations.some((r) => (r.from === from.name && r.to === to.name) || (r.from === to.name && r.to === from.name))) return;
  linkTo(doc, from, to, { line: s.line, ref: trimRef(s.text) }, !!c);
  markUsed(doc, s);
}

function belongsTo(doc: Doc, s: Sentence, text: string): void {
  for (const m of text.matchAll(BELONGS_TO)) {
    const raw = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6];
    if (!raw) continue;
    // "one room and has a number": the phrase ends where the clause goes on.
    const phrase = raw.split(/\s+(?:and|or|but|with|that|which|who|to|in|on|for|when|if|unless|while|once|until|whenever)\b/)[0]!;
    const target = doc.registry.resolve(phrase, undefined, { loose: true });
    if (!target || target.kind === 'tenant-root') continue;
    // "A basket has many lines; each line names an item": the subject is that of the verb's own clause.
    const clauseStart = text.lastIndexOf(';', m.index ?? 0) + 1;
    const from = clauseStart > 0 ? subjectOf(doc, s, text.slice(clauseStart), (m.index ?? 0) - clauseStart) : subjectOf(doc, s, text, m.index ?? 0);
    if (!from || from === target || from.kind === 'tenant-root') continue;
    if (doc.relations.some((r) => r.from === from.name && r.to === target.name)) continue;
    // "belongs to a customer when the shopper is logged in": a conditional link is optional.
    // "belongs to a show (required); optionally to …": a stated "(required)" right after the target settles it.
    const statedRequired = /^[^.;(]{0,30}\((?:required|mandatory)\)/i.test(text.slice((m.index ?? 0) + m[0].length - (raw.length - phrase.length)));
    const optional = !statedRequired && /\b(?:may|optional(?:ly)?|can|or|when|if|unless|otherwise)\b/i.test(text.slice(0, (m.index ?? 0) + m[0].length + 40));
    // "linked to a deal, a contact and/or an account": every listed target.
    const listed = text.slice((m.index ?? 0) + m[0].length - phrase.length).split(/[.;(]/)[0] ?? phrase;
    const targets = findMentions(doc, listed, s.block).map((x) => x.entity).filter((e) => e !== from);
    const all = targets.length > 1 ? targets : [target];
    for (const t of all) {
      if (doc.relations.some((r) => r.from === from.name && r.to === t.name)) continue;
      // "A contact is linked to a given matter at most once" after the two were joined many-to-many: about the pair.
      if (doc.relations.some((r) => r.cardinality === 'many-to-many' && [r.from, r.to].includes(from.name) && [r.from, r.to].includes(t.name))) continue;
      const role = camelCase(t.name);
      addRelation(doc, {
        name: role, from: from.name, to: t.name, cardinality: 'many-to-one', field: role + 'Id',
        required: all.length > 1 ? false : !optional, requiredStated: all.length > 1 || statedRequired || /\bexactly\b|\boptional|\bmay\b/i.test(text), line: s.line, ref: trimRef(s.text),
      });
    }
    markUsed(doc, s);
  }
}

function storyLinks(doc: Doc, s: Sentence, text: string): void {
  const on = DEFINE_ON.exec(text.trim());
  if (on) {
    const from = doc.registry.resolve(on[1]!, undefined, { loose: true });
    const to = doc.registry.resolve(on[2]!, undefined, { loose: true });
    if (from && to && from !== to && from.kind !== 'tenant-root' && to.kind !== 'tenant-root') {
      linkTo(doc, from, to, { line: s.line, ref: trimRef(s.text) }, true);
      markUsed(doc, s);
    }
  }
  // "add a book to the reading queue with a priority": the queue's entries are records of their own (entities pass).
  for (const m of PUT_ON_WITH.test(text.trim()) ? [] : text.matchAll(PUT_IN)) {
    const from = doc.registry.resolve(m[1]!, undefined, { loose: true });
    // "in a department and set who …": the target phrase ends where the clause goes on.
    const target = m[2]!.split(/\s+(?:and|or|but|with|that|which|who|so|to|in|on|for)\b/)[0]!;
    const to = doc.registry.resolve(target, undefined, { loose: true });
    if (!from || !to || from === to || to.kind === 'tenant-root' || from.kind === 'tenant-root') continue;
    const role = camelCase(normalise(target).join(' '));
    const targetRole = doc.registry.resolve(role) === to ? role : camelCase(to.name);
    addRelation(doc, { name: targetRole, from: from.name, to: to.name, cardinality: 'many-to-one', field: targetRole + 'Id', required: false, requiredStated: false, line: s.line, ref: trimRef(s.text) });
    markUsed(doc, s);
  }
  let m = WHO_ROLE_IS.exec(text);
  if (m) {
    const from = subjectOf(doc, s, text, m.index) ?? undefined;
    const to = m[2] ? doc.registry.resolve(m[2]) : from;
    if (from && to) {
      addRelation(doc, { name: m[1]!, from: from.name, to: to.name, cardinality: 'many-to-one', field: m[1] + 'Id', required: false, requiredStated: /\bno \w+\b|\bsome\b/i.test(s.block.text), line: s.line, ref: trimRef(s.text) });
      markUsed(doc, s);
    }
  }
  m = ROLE_WHO_IS.exec(text);
  if (m) {
    const from = subjectOf(doc, s, text, m.index);
    const to = doc.registry.resolve(m[2]!);
    if (from && to && to.kind !== 'tenant-root') {
      addRelation(doc, { name: m[1]!, from: from.name, to: to.name, cardinality: 'many-to-one', field: m[1] + 'Id', required: !/optional/i.test(text), requiredStated: /optional/i.test(text), line: s.line, ref: trimRef(s.text) });
      markUsed(doc, s);
    }
  }
  // Nesting: "nest departments under other departments", "nested via a parent category", "a folder may have
  // a parent folder".
  if (NESTING.test(text)) {
    const nest = /\bnest(?:ed)?\s+(?:(?:the|its|their)\s+)?([a-z]+)\s+(?:under|inside|within|in)\s+(?:other|another|a parent)\s+([a-z]+)/i.exec(text) ?? /\b(?:via|through|under|with)\s+(?:an?|the|its)\s+parent\s+([a-z]+)/i.exec(text) ?? /\b(?:have|has)\s+(?:an?|one)\s+parent\s+([a-z]+)/i.exec(text);
    if (nest) {
      const e = doc.registry.resolve(nest[1]!, contextEntity(doc, s)) ?? contextEntity(doc, s);
      if (e && e.kind !== 'tenant-root' && !doc.relations.some((r) => r.from === e.name && r.to === e.name)) {
        const role = camelCase(`parent ${tokens(pascalCase(e.name).replace(/([a-z])([A-Z])/g, '$1 $2')).pop()}`);
        addRelation(doc, { name: role, from: e.name, to: e.name, cardinality: 'many-to-one', field: role + 'Id', required: false, requiredStated: false, line: s.line, ref: trimRef(s.text) });
        markUsed(doc, s);
      }
    }
  }
}

function manyToMany(doc: Doc, s: Sentence, text: string): void {
  // "Patients are linked to plans through coverage": the named record is the junction.
  const through = M2M_THROUGH.exec(text.trim());
  if (through) {
    const a = doc.registry.resolve(through[1]!, undefined, { loose: true });
    const b = doc.registry.resolve(through[2]!, undefined, { loose: true });
    const j = doc.registry.resolve(through[3]!, undefined, { loose: true });
    if (a && b && a !== b && usableSide(a) && usableSide(b) && (!j || (j !== a && j !== b && j.kind === 'tenant' && !doc.relations.some((r) => (r.from === j.name || r.to === j.name) && ![r.from, r.to].every((n) => [j.name, a.name, b.name].includes(n)))))) {
      const name = j?.name ?? pascalCase(normalise(through[3]!).join(' '));
      // A junction links exactly its two sides: links read from its own attributes (to itself or to a side) go.
      doc.relations = doc.relations.filter((r) => r.from !== name || r.cardinality === 'many-to-many');
      if (!doc.relations.some((r) => r.cardinality === 'many-to-many' && [r.from, r.to].includes(a.name) && [r.from, r.to].includes(b.name)))
        doc.relations.push({ name: pluralRole(b.name), from: a.name, to: b.name, cardinality: 'many-to-many', through: name, required: false, requiredStated: false, line: s.line, ref: trimRef(s.text) });
      const junction = doc.registry.add(name, { kind: 'junction', line: s.line, ref: trimRef(s.text), evidence: 'many-to-many' });
      junction.kind = 'junction';
      markUsed(doc, s);
      return;
    }
  }
  const pair = M2M_PAIR.exec(text);
  if (pair) {
    const a = doc.registry.resolve(pair[1]!, undefined, { loose: true });
    const b = doc.registry.resolve(pair[2]!, undefined, { loose: true });
    if (a && b && a !== b) addManyToMany(doc, a, b, pluralRole(b.name), s, '');
    return;
  }
  const both = M2M_BOTH_WAYS.exec(text);
  if (both) {
    const resolve = (p: string) => doc.registry.resolve(p, undefined, { loose: true }) ?? roleHolder(doc, p);
    const a = resolve(both[1]!);
    // "a vessel can have several owners and a boater can own several vessels": the object is a role of the
    // second clause's subject.
    // "A donor has any number of tags; a tag is on any number of donors": a noun that is the object of one half
    // and the subject of the other is a record of its own, even if nothing else described it.
    const b = resolve(both[2]!) ?? (resolve(both[4]!) === a ? resolve(both[3]!) : undefined) ?? (a && resolve(both[4]!) === a ? sideRecord(doc, both[2]!, both[3]!, s) : undefined);
    if (a && b && a !== b && a.kind !== 'tenant-root' && b.kind !== 'tenant-root' && resolve(both[3]!) === b && resolve(both[4]!) === a) {
      // "an instructor can teach several rooms and a room has several instructors", where "instructor" is a role
      // value of the staff entity: the junction is named "<entity> <role>" from the side that is an entity.
      const aRole = !doc.registry.resolve(both[1]!, undefined, { loose: true });
      const tail = text.slice((both.index ?? 0) + both[0].length);
      if (aRole) addManyToMany(doc, b, a, camelCase(plural(singular(tokens(both[1]!).pop()!))), s, tail);
      else addManyToMany(doc, a, b, doc.registry.resolve(both[2]!, undefined, { loose: true }) ? pluralRole(b.name) : camelCase(plural(singular(tokens(both[2]!).pop()!))), s, tail);
      return;
    }
  }
  // "Each link between a matter and a contact carries the contact's role", "tag a X with one or more Ys": the link
  // is the junction. "record which parts I used on a work order, with the quantity": the pairs are (group 2, group 1).
  const used = M2M_WHICH_ON.exec(text);
  const link = used ? [used[0], used[2], used[1], used[3]] : (M2M_LINK_BETWEEN.exec(text) ?? M2M_TAG_WITH.exec(text) ?? M2M_ADDED_TO.exec(text));
  if (link) {
    const a = doc.registry.resolve(link[1]!, undefined, { loose: true });
    // "Each link between a matter and a contact carries …": both ends of a link are records.
    const b = doc.registry.resolve(link[2]!, undefined, { loose: true }) ?? (a && !used && M2M_LINK_BETWEEN.test(text) ? sideRecord(doc, link[2]!, link[2]!, s) : undefined);
    if (a && b && a !== b && a.kind !== 'tenant-root' && b.kind !== 'tenant-root') {
      addManyToMany(doc, a, b, pluralRole(b.name), s, link[3] ? `each with ${link[3]}` : '');
      return;
    }
  }
  // "one or more interviewers (users)": several people of an entity that exists on its own, each on many records.
  const people = M2M_PEOPLE.exec(text);
  const peopleTarget = people ? doc.registry.resolve(people[2]!, undefined, { loose: true }) : undefined;
  if (people && peopleTarget && (peopleTarget.name === doc.registry.userEntity || PEOPLE_HEADS.test(peopleTarget.name))) {
    const a = subjectOf(doc, s, text, people.index);
    if (a && a !== peopleTarget && a.kind !== 'tenant-root') {
      addManyToMany(doc, a, peopleTarget, camelCase(people[1]!), s, text.slice(people.index + people[0].length));
      return;
    }
  }
  if (!M2M_STRONG.test(text)) return;
  const re = new RegExp(`\\b(?:${MANY_QUANTIFIER})\\s+([a-z][\\w-]*(?:\\s+[a-z][\\w-]*)?)(?:\\s*\\(([^)]*)\\))?`, 'gi');
  let subject: DraftEntity | undefined;
  for (const m of text.matchAll(re)) {
    const np = m[1]!;
    const paren = m[2];
    const words = tokens(np);
    // "zero or more assignees (users)": a role of another entity.
    let b = doc.registry.resolve(words.slice(0, 2), undefined) ?? doc.registry.resolve(words.slice(0, 1), undefined);
    let role = pluralRole(b?.name ?? '');
    if (paren) {
      const t = doc.registry.resolve(paren, undefined, { loose: true });
      if (t) {
        b = t;
        role = camelCase(words[0]!);
      }
    }
    if (!b || b.kind === 'tenant-root') continue;
    // "can be in several categories and have many tags": one subject for the coordinated verbs.
    const a = subject ?? subjectOf(doc, s, text, m.index ?? 0);
    subject = a;
    if (!a || a === b || a.kind === 'tenant-root') continue;
    if (!b.name.toLowerCase().startsWith(singular(words[0]!)) && !paren && doc.registry.resolve(words[0]!) !== b) role = pluralRole(b.name);
    const after = text.slice((m.index ?? 0) + m[0].length);
    addManyToMany(doc, a, b, role, s, after);
  }
}

/**
 * The record a many-to-many names without any other description: `object` (one half's object) and `subject` (the
 * other half's subject) must be the same noun, a plain one that no field word, role or tenant name claims.
 */
function sideRecord(doc: Doc, object: string, subject: string, s: Sentence): DraftEntity | undefined {
  const o = normalise(object);
  const sub = normalise(subject);
  if (o.length === 0 || o.length > 2 || o.join(' ') !== sub.join(' ') || doc.registry.isOrgPhrase(o)) return undefined;
  if (o.some((w) => FIELD_WORDS.includes(w) || DETERMINERS.includes(w)) || PEOPLE_HEADS.test(pascalCase(o[o.length - 1]!))) return undefined;
  const name = pascalCase(o.join(' '));
  const owner = doc.registry.list().find((e) => e.fields.some((f) => f.name === camelCase(plural(o.join(' '))) || f.name === camelCase(o.join(' '))));
  // The plain "tags" attribute read before the record was known is that link.
  if (owner) owner.fields = owner.fields.filter((f) => f.name !== camelCase(plural(o.join(' '))) && f.name !== camelCase(o.join(' ')));
  return doc.registry.add(name, { kind: 'tenant', line: s.line, ref: trimRef(s.text), evidence: 'many-to-many' });
}

function usableSide(e: DraftEntity): boolean {
  return e.kind !== 'tenant-root' && e.kind !== 'junction';
}

function pluralRole(entity: string): string {
  const w = tokens(entity.replace(/([a-z])([A-Z])/g, '$1 $2'));
  return camelCase([...w.slice(0, -1), plural(w[w.length - 1] ?? '')].join(' '));
}

function addManyToMany(doc: Doc, a: DraftEntity, b: DraftEntity, role: string, s: Sentence, after: string): void {
  const existing = doc.relations.find((r) => r.cardinality === 'many-to-many' && ((r.from === a.name && r.to === b.name) || (r.from === b.name && r.to === a.name)));
  const roleSingular = singular(tokens(role.replace(/([a-z])([A-Z])/g, '$1 $2')).join(' '));
  const through = existing?.through ?? ownJunction(doc, a, b, s)?.name ?? pascalCase(`${a.name} ${roleSingular}`);
  if (!existing) {
    doc.relations.push({
      name: role, from: a.name, to: b.name, cardinality: 'many-to-many', through, required: false, requiredStated: false,
      line: s.line, ref: trimRef(s.text),
    });
  }
  const junction = doc.registry.add(through, { kind: 'junction', line: s.line, ref: trimRef(s.text), evidence: 'many-to-many' });
  junction.kind = 'junction';
  // A role-named entity ("Assignee") that is just this link's name is not an entity of its own.
  const roleEntity = doc.registry.get(pascalCase(roleSingular));
  if (roleEntity && roleEntity !== b && roleEntity !== a && roleEntity.fields.length === 0) doc.registry.remove(roleEntity.name);
  markUsed(doc, s);
  payload(doc, junction, s, after, a, b);
}

/**
 * "A sample can have many tests …; each requested test carries its own status": a record the same section names
 * after one side ("requested test"), linked to nothing yet, is the PRD's own name for the pair.
 */
function ownJunction(doc: Doc, a: DraftEntity, b: DraftEntity, s: Sentence): DraftEntity | undefined {
  const section = s.block.section;
  const inSection = (e: DraftEntity) => section.blocks.some((x) => e.line >= x.line && e.line <= x.endLine);
  // "## Study team" over "which staff members work on which study": a compound opening with one side's name too.
  const named = (e: DraftEntity) => [a, b].some((x) => e.name.endsWith(x.name) || (e.name.startsWith(x.name) && inSection(e) && s.block.section.title.toLowerCase().includes(e.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())));
  // Links read from its name ("the study team's study") are the junction's own keys.
  const ownLinks = (e: DraftEntity) => doc.relations.filter((r) => r.from === e.name && (r.to === a.name || r.to === b.name) && r.cardinality === 'many-to-one' && !r.requiredStated);
  const candidates = doc.registry.list().filter((e) =>
    e !== a && e !== b && e.kind === 'tenant' && inSection(e) && named(e) &&
    !doc.relations.some((r) => (r.from === e.name || r.to === e.name || r.through === e.name) && !ownLinks(e).includes(r)));
  if (candidates.length !== 1) return undefined;
  const own = ownLinks(candidates[0]!);
  doc.relations = doc.relations.filter((r) => !own.includes(r));
  return candidates[0];
}

/** Link data: "each with an optional role", "we need to know when each person was assigned", a manual order. */
function payload(doc: Doc, junction: DraftEntity, s: Sentence, after: string, a: DraftEntity, b: DraftEntity): void {
  const each = /\beach with\s+(.+)$/i.exec(after);
  if (each) {
    for (const chunk of parseAttributeList(each[1]!.replace(/\s+on (?:that|the|this|each) \w+/i, ''), { registry: doc.registry, entity: junction })) {
      if (chunk.kind === 'field') applyChunk(doc, junction, chunk, s.line, trimRef(s.text));
    }
  }
  const block = s.block;
  const rest = block.text.slice(block.text.indexOf(s.text.slice(0, 20)) + s.text.length);
  const know = /\b(?:need|want) to (?:know|record|track|store)\s+(.+?)(?:[.;]|$)/i.exec(rest) ?? /\b(?:need|want) to (?:know|record|track|store)\s+(.+?)(?:[.;]|$)/i.exec(after);
  if (know) {
    const chunk = parseChunk(know[1]!, { registry: doc.registry, entity: junction });
    if (chunk.kind === 'field') {
      chunk.mods.required = true;
      applyChunk(doc, junction, chunk, s.line, trimRef(s.text));
    }
  }
  // "For each interviewer on an interview we keep their scorecard: a rating, feedback and …", "for each speaker on a
  // session we store their role and …": what is kept per pair.
  const perPair = M2M_PER_PAIR.exec(`${after} ${rest}`);
  if (perPair) {
    for (const chunk of parseAttributeList(perPair[1]!.replace(/^(?:their|its)\s+/i, ''), { registry: doc.registry, entity: junction })) {
      if (chunk.kind === 'field') applyChunk(doc, junction, chunk, s.line, trimRef(s.text));
    }
  }
  const orderCue = /\b(?:manual order|drag|rearrange|re-?order|sort order|in (?:a|the) (?:fixed|custom) order)\b/i;
  if (orderCue.test(block.text)) {
    const around = findMentions(doc, block.text, block).map((m) => m.entity.name);
    if (around.includes(a.name) && around.includes(b.name)) addField(junction, { name: 'position', type: 'integer', mods: { notes: [], required: true }, line: s.line, ref: trimRef(block.text) });
  }
}

/** A "has several Ys" read as one-to-many loses to a stated many-to-many between the same pair. */
function dropLinksShadowedByM2m(doc: Doc): void {
  const m2m = doc.relations.filter((r) => r.cardinality === 'many-to-many');
  doc.relations = doc.relations.filter((r) => {
    if (r.cardinality === 'many-to-many') return true;
    // Only a link read from a "many" wording (or the m2m's own sentence) is shadowed: "principal investigator, a staff
    // member" on a study stays beside "which staff members work on which study".
    const many = r.line === undefined || new RegExp(`\\b(?:${MANY_QUANTIFIER})\\b`, 'i').test(r.ref);
    return !m2m.some((m) => ((m.from === r.from && m.to === r.to) || (m.from === r.to && m.to === r.from)) && r.name === camelCase(r.to) && (many || m.line === r.line));
  });
}

/**
 * "A member files a claim for a policy", "a rider books a seat on a trip": the object record belongs to both
 * the actor and the thing it is for. Applies only when all three nouns are entities of the model.
 */
function actorObjectFor(doc: Doc): void {
  for (const s of doc.sentences) {
    if (s.block.section.cls !== 'data') continue;
    for (const m of storyless(s.text).matchAll(ACTOR_OBJECT_FOR)) {
      const actor = doc.registry.resolve(m[1]!);
      const object = doc.registry.resolve(m[2]!);
      const target = doc.registry.resolve(m[3]!);
      if (!actor || !object || !target || new Set([actor, object, target]).size < 3) continue;
      if ([actor, object, target].some((e) => e.kind === 'tenant-root' || e.kind === 'junction' || e.kind === 'reference')) continue;
      for (const t of [target, actor]) {
        if (doc.relations.some((r) => (r.from === object.name && r.to === t.name) || (r.from === t.name && r.to === object.name && r.cardinality !== 'many-to-one'))) continue;
        linkTo(doc, object, t, { line: s.line, ref: trimRef(s.text) }, true);
      }
      markUsed(doc, s);
    }
  }
}

/**
 * "Members join clubs. A membership records the joining date …", "Students enrol in courses; each enrolment
 * records the grade": a plural "Xs <verb> in Ys" followed by a record the PRD names itself makes that record
 * the junction between X and Y (the PRD's own noun, not a generated XY), with both FKs and a key on them
 * when the block says the pair occurs once.
 */
function enrolmentJunctions(doc: Doc): void {
  for (const s of doc.sentences) {
    if (s.block.section.cls !== 'data') continue;
    const m = PLURAL_VERB_IN_PLURAL.exec(storyless(s.text));
    if (!m) continue;
    const a = doc.registry.resolve(m[1]!);
    const b = doc.registry.resolve(m[2]!);
    if (!a || !b || a === b || a.kind === 'tenant-root' || b.kind === 'tenant-root') continue;
    const rest = s.block.text.slice(s.block.text.indexOf(s.text.slice(0, 20)) + s.text.length);
    const next = /^\s*(?:an?|each|every|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:records|has|holds|stores|keeps|captures|tracks)\b/i.exec(stripInline(rest)) ?? /;\s*(?:each|every|an?)\s+([a-z][\w-]*)\s+(?:records|has|holds|stores|keeps|captures|tracks)\b/i.exec(s.text);
    const j = next ? doc.registry.resolve(next[1]!) : undefined;
    if (!j || j === a || j === b || j.kind !== 'tenant' || doc.relations.some((r) => r.from === j.name && (r.to === a.name || r.to === b.name))) continue;
    const fields: string[] = [];
    for (const t of [a, b]) {
      const r = linkTo(doc, j, t, { line: s.line, ref: trimRef(s.text) }, true);
      if (r?.field) fields.push(r.field);
    }
    if (/\b(?:only once|at most once|once per|no more than once|not twice)\b/i.test(s.block.text))
      doc.indexes.push({ entity: j.name, fields, unique: true, where: [], source: 'natural-key', why: trimRef(s.block.text), line: s.line, ref: trimRef(s.text) });
    markUsed(doc, s);
  }
}

/**
 * "Users subscribe to sites … and choose the channel per subscription: email, SMS or both": two plurals linked
 * by a verb whose own noun ("subscription" of "subscribe", "enrolment" of "enrol") names the link elsewhere in
 * the block. That noun is the junction, and what is chosen "per <noun>" is its payload.
 */
function verbJunctions(doc: Doc): void {
  for (const s of doc.sentences) {
    if (s.block.section.cls !== 'data') continue;
    const m = PLURAL_VERB_PLURAL_LEAD.exec(storyless(s.text));
    if (!m) continue;
    const a = doc.registry.resolve(m[1]!);
    const b = doc.registry.resolve(m[3]!);
    if (!a || !b || a === b || [a.kind, b.kind].some((k) => k === 'tenant-root' || k === 'junction')) continue;
    if (doc.relations.some((r) => [r.from, r.to].includes(a.name) && [r.from, r.to].includes(b.name))) continue;
    const block = stripInline(s.block.text);
    const stem = m[2]!.toLowerCase().replace(/(?:e|es|s)$/, '');
    if (stem.length < 4) continue;
    const noun = [...block.matchAll(/\b(?:per|each|every|the|a|an)\s+([a-z]+)\b/gi)].map((x) => singular(x[1]!.toLowerCase())).find((n) => n !== stem && n.startsWith(stem.slice(0, 5)) && n.length > stem.length + 1 && isUnclaimed(doc, n));
    if (!noun) continue;
    const through = pascalCase(noun);
    doc.relations.push({ name: camelCase(plural(b.name)), from: a.name, to: b.name, cardinality: 'many-to-many', through, required: false, requiredStated: false, line: s.line, ref: trimRef(s.text) });
    const junction = doc.registry.add(through, { kind: 'junction', line: s.line, ref: trimRef(s.text), evidence: 'many-to-many' });
    junction.kind = 'junction';
    const chosen = new RegExp(`\\b(?:the|a|an)\\s+([a-z]+(?:\\s+[a-z]+)?)\\s+(?:per|for each|of each)\\s+${noun}\\s*:\\s*([^.;]+)`, 'i').exec(block);
    if (chosen) {
      const values = enumValuesOf(chosen[2]!);
      addField(junction, { name: camelCase(chosen[1]!), type: values ? 'enum' : 'string', mods: { notes: [], required: true, ...(values ? { enumValues: values } : {}) }, line: s.line, ref: trimRef(s.text) });
    }
    markUsed(doc, s);
  }
}

/** A noun no entity holds yet, or only as a name without attributes or links of its own. */
function isUnclaimed(doc: Doc, noun: string): boolean {
  const e = doc.registry.get(pascalCase(noun));
  return !e || (e.kind === 'tenant' && e.fields.length === 0 && !doc.relations.some((r) => r.from === e.name || r.to === e.name));
}

/** "I want to sell a pass to a member for a plan": the created record references each entity after to/for/at. */
function storyObjectPreps(doc: Doc): void {
  for (const s of doc.sentences) {
    if (s.block.section.cls !== 'data') continue;
    const m = STORY_OBJECT_PREPS.exec(s.text);
    if (!m || PUT_ON_WITH.test(storyless(s.text).trim())) continue;
    const object = doc.registry.resolve(m[1]!, undefined, { loose: true });
    if (!object || object.kind === 'tenant-root' || object.kind === 'junction') continue;
    for (const p of m[2]!.matchAll(/\s+(?:to|for|at|in|on)\s+(?:an?|the|one|each)\s+([a-z][\w-]*(?:\s+(?!(?:to|for|at|in|on)\b)[a-z][\w-]*)?)/gi)) {
      // "for a vehicle describing the problem": the second word may already be the next clause.
      const t = doc.registry.resolve(p[1]!, undefined, { loose: true }) ?? doc.registry.resolve(p[1]!.split(/\s+/)[0]!);
      if (!t || t === object || t.kind === 'tenant-root' || t.kind === 'junction') continue;
      if (doc.relations.some((r) => (r.from === object.name && r.to === t.name) || (r.from === t.name && r.to === object.name && r.cardinality !== 'many-to-one'))) continue;
      linkTo(doc, object, t, { line: s.line, ref: trimRef(s.text) }, true);
      markUsed(doc, s);
    }
  }
}

/** "instructor" when the users entity has a role field whose values include "instructor": that entity. */
function roleHolder(doc: Doc, phrase: string): DraftEntity | undefined {
  const w = tokens(phrase);
  if (w.length !== 1) return undefined;
  const value = singular(w[0]!);
  const holders = doc.registry.list().filter((e) => e.fields.some((f) => f.type === 'enum' && /role|type|kind/i.test(f.name) && (f.enumValues ?? []).some((v) => v.toLowerCase() === value)));
  return holders.length === 1 ? holders[0] : undefined;
}
