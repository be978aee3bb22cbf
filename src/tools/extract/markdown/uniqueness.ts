/**
 * Natural keys and partial unique indexes. Uniqueness is read beside a field ("email (unique per org)"), in
 * sentences about a field ("Team names are unique per org", "no two employees may share a number"), or about a
 * combination ("at most one inventory record for a given variant in a given warehouse"). Partial rules
 * ("exactly one default pipeline per org", "at most one unresolved alert per rule") become unique indexes
 * with a predicate on the flag, status or timestamp that states it.
 */
import { camelCase, pascalCase } from '../../../model/names.ts';
import type { Predicate } from '../../../model/model.ts';
import { addField } from './attach.ts';
import { markUsed, type Doc } from './doc.ts';
import { findMentions } from './mentions.ts';
import { normalise } from './registry.ts';
import { sentencesOf, singular, tokens, trimRef } from './text.ts';
import type { DraftEntity, DraftIndex, Sentence } from './types.ts';
import { ANY_TENANT, GLOBAL_SCOPE_WORDS, GLOBALLY_UNIQUE, REJECT_ALREADY_USED, LIVE_ROWS_ONLY, SEQUENCE_SCOPED, UNIQUE_SCOPED } from './vocabulary/uniqueness.ts';
import { storyless } from './entities.ts';
import { uniqueClauses } from './unique-clauses.ts';
import { flagRules, liveOnly } from './flag-rules.ts';

export const NOT_UNIQUE = /\b(?:not (?:guaranteed |necessarily |always )?unique|may not be unique|non-unique|need not be unique|can be shared|may share)\b/i;

/** The scope a uniqueness note states, or undefined when it states none. */
export function uniqueScope(doc: Doc, text: string): 'org' | 'global' | { parent: string } | undefined {
  if (!text || NOT_UNIQUE.test(text)) return undefined;
  if (GLOBALLY_UNIQUE.test(text)) return 'global';
  const m = UNIQUE_SCOPED.exec(text) ?? SEQUENCE_SCOPED.exec(text);
  if (m) {
    const phrase = normalise(m[2]!).join(' ');
    const all = m[0].toLowerCase();
    if (doc.registry.isOrgPhrase(phrase) || /\b(?:our|my) (?:company|team|business)\b/.test(all)) return 'org';
    if (GLOBAL_SCOPE_WORDS.includes(phrase) || /\bacross\b/.test(all) && GLOBAL_SCOPE_WORDS.some((g) => phrase.startsWith(g))) return 'global';
    return { parent: phrase };
  }
  if (/\bunique\b/i.test(text) && !/\bunique\s+(?:id|identifier|key|link)\b/i.test(text)) return 'global';
  return undefined;
}

export function pendingUniqueFromNotes(doc: Doc, entity: string, field: string, notes: string[], line: number, ref: string): void {
  for (const note of notes) {
    const scope = uniqueScope(doc, note);
    if (scope) {
      doc.pendingUniques.push({ entity, field, scope, line, ref });
      return;
    }
  }
}

export function resolveUniques(doc: Doc): void {
  for (const p of doc.pendingUniques) addPendingUnique(doc, p);
  for (const s of doc.sentences) {
    if (s.block.section.cls !== 'data') continue;
    const text = storyless(s.text);
    const before = doc.indexes.length;
    if (sentenceKeys(doc, s, text) || uniqueClauses(doc, s, text)) markUsed(doc, s);
    // "Only the names of practice areas that aren't archived have to be unique": the key is partial.
    liveOnly(doc, s, text, doc.indexes.slice(before));
    if (partialRules(doc, s, text) || flagRules(doc, s, text)) markUsed(doc, s);
    // "…, so that exports line up; no two employees may share a number": a rule after the story's purpose.
    if (text !== s.text) for (const clause of s.text.split(/\s*;\s*/).slice(1)) if (sentenceKeys(doc, s, clause)) markUsed(doc, s);
  }
}

/** The FK field of `entity` that points at the entity a scope phrase names ("its project" → projectId). */
export function parentFk(doc: Doc, entity: DraftEntity, phrase: string): string | undefined {
  const target = doc.registry.resolve(phrase, undefined, { loose: true });
  if (!target) return undefined;
  const rel = doc.relations.find((r) => r.from === entity.name && r.to === target.name && r.cardinality !== 'many-to-many');
  return rel?.field;
}

export function addIndex(doc: Doc, idx: DraftIndex): void {
  const key = (i: DraftIndex) => `${i.entity}|${[...i.fields].sort().join(',')}|${JSON.stringify(i.where)}`;
  const existing = doc.indexes.find((i) => key(i) === key(idx));
  if (existing) return;
  // A bare field key on a tenant table that the same field has org-scoped already is the same rule read twice.
  doc.indexes.push(idx);
}

/** A field of `entity` named by a phrase: exact, or the field whose name ends with the phrase ("hash" → tokenHash). */
export function fieldByPhrase(entity: DraftEntity, phrase: string): string | undefined {
  const w = normalise(phrase);
  if (w.length === 0) return undefined;
  const name = camelCase(w.join(' '));
  if (entity.fields.some((f) => f.name === name)) return name;
  const tail = w.map((x) => x.charAt(0).toUpperCase() + x.slice(1)).join('');
  const ends = entity.fields.filter((f) => f.name.endsWith(tail) || f.name === name);
  if (ends.length === 1) return ends[0]!.name;
  const starts = entity.fields.filter((f) => f.name.startsWith(name));
  if (starts.length === 1) return starts[0]!.name;
  // A relation field by role or target.
  return undefined;
}

function relField(doc: Doc, from: DraftEntity, phrase: string): string | undefined {
  const target = doc.registry.resolve(phrase, undefined, { loose: true });
  const role = camelCase(normalise(phrase).join(' '));
  const rels = doc.relations.filter((r) => r.from === from.name && r.cardinality !== 'many-to-many');
  return (rels.find((r) => r.name === role) ?? rels.find((r) => target && r.to === target.name))?.field;
}

export function contextEntity(doc: Doc, s: Sentence): DraftEntity | undefined {
  const terms = doc.sectionEntities.get(s.block.section);
  return terms?.length === 1 ? doc.registry.get(terms[0]!) : undefined;
}

export function scopeFields(doc: Doc, entity: DraftEntity, scopePhrase: string | undefined): string[] | undefined {
  if (!scopePhrase) return [];
  if (doc.registry.isOrgPhrase(scopePhrase) || /\b(?:our|my|the) (?:company|org)/i.test(scopePhrase)) return entity.kind === 'global' ? [] : ['orgId'];
  const fk = parentFk(doc, entity, scopePhrase);
  return fk ? [fk] : undefined;
}

function sentenceKeys(doc: Doc, s: Sentence, text: string): boolean {
  let m: RegExpExecArray | null;
  const ctx = contextEntity(doc, s);
  // "Team names are unique per org", "Numbers are unique per org", "Serial numbers are unique across the whole platform".
  // A conditional aside between subject and verb ("Tags, when present, are unique") does not change the rule.
  if ((m = /^(?:the\s+|its\s+|their\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+(?:is|are|must be|should be|shall be|has to be|have to be|needs? to be)\s+(?:also\s+)?(?:required\s+and\s+)?(?:globally\s+)?unique\b/i.exec(text.replace(/,\s*(?:when|if|where|once)\s+[^,]{1,30},/gi, '')))) {
    const w = normalise(m[1]!);
    let entity = ctx;
    let fieldWords = w;
    for (let i = w.length - 1; i >= 1; i--) {
      const e = doc.registry.resolve(w.slice(0, i));
      if (e && e.kind !== 'tenant-root') {
        entity = e;
        fieldWords = w.slice(i);
        break;
      }
    }
    // "FR-3. A warehouse has a code … The code is unique within the organization." in a section about
    // several entities: the one entity of the same paragraph that has that field.
    if (!entity) {
      const owners = [...new Set(findMentions(doc, s.block.text, s.block).map((x) => x.entity))].filter((e) => e.kind !== 'tenant-root' && fieldByPhrase(e, fieldWords.join(' ')));
      if (owners.length === 1) entity = owners[0];
    }
    const scope = uniqueScope(doc, text);
    if (entity && scope) {
      let field = fieldByPhrase(entity, fieldWords.join(' ')) ?? relField(doc, entity, fieldWords.join(' '));
      // "Team names are unique per org" states that teams have names.
      if (!field && entity !== ctx && fieldWords.length === 1)
        field = addField(entity, { name: camelCase(fieldWords.join(' ')), type: 'string', mods: { notes: [], required: true }, line: s.line, ref: trimRef(s.text) })?.name;
      if (field) {
        doc.pendingUniques.push({ entity: entity.name, field, scope, line: s.line, ref: trimRef(s.text) });
        resolveOne(doc);
        return true;
      }
    }
  }
  // "The system shall reject a HIN that is already recorded for any vessel on the platform, regardless of operator".
  if ((m = REJECT_ALREADY_USED.exec(text))) {
    const entity = doc.registry.resolve(m[2]!, undefined, { loose: true });
    const field = entity && entity.kind !== 'tenant-root' ? fieldByPhrase(entity, m[1]!) : undefined;
    if (entity && field) {
      const scope = ANY_TENANT.test(m[3]!) ? 'global' : (uniqueScope(doc, m[3]!) ?? 'org');
      doc.pendingUniques.push({ entity: entity.name, field, scope, line: s.line, ref: trimRef(s.text) });
      resolveOne(doc);
      return true;
    }
  }
  // "the same email must not exist twice within one org".
  if ((m = /\bthe same\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:must not|mustn't|can't|cannot|may not|should not|shouldn't)\s+(?:exist|appear|be used)\s+twice\s+(?:with)?in\s+(?:one|an?|the|each|a single)\s+([a-z]+)/i.exec(text))) {
    const entity = ctx;
    const field = entity && fieldByPhrase(entity, m[1]!);
    if (entity && field) {
      const scope = scopeFields(doc, entity, m[2]);
      if (scope) return key(doc, entity, [...scope, field], s);
    }
  }
  // "A work email can only belong to one employee in our company".
  if ((m = /\b(?:an?|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+can only belong to (?:one|a single)\s+([a-z]+)(?:\s+(?:in|within|per)\s+((?:our|the|my|a|an)\s+[a-z]+))?/i.exec(text))) {
    const entity = doc.registry.resolve(m[2]!);
    const field = entity && (fieldByPhrase(entity, m[1]!) ?? fieldByPhrase(entity, tokens(m[1]!).pop()!));
    if (entity && field) return key(doc, entity, [...(scopeFields(doc, entity, m[3]) ?? []), field], s);
  }
  // "no two employees in our company may share a number".
  // "no two members of a club share an email": the scope may follow "of" and the modal may be missing.
  // "The email address is required and no two users of a company may share one": "one" is the attribute named first.
  const shareOne = /^(?:the\s+)?([a-z]+(?:\s+[a-z]+)?)\s+(?:is|are)\b.*\bno two\s+([a-z]+)(?:\s+(?:in|within|per|of)\s+((?:our|the|my|a|an|one|each)\s+[a-z]+))?\s+(?:(?:may|can|should|must|will|shall)\s+)?share\s+(?:one|it)\b/i.exec(text);
  if (shareOne) {
    const entity = doc.registry.resolve(shareOne[2]!);
    const field = entity && fieldByPhrase(entity, shareOne[1]!);
    if (entity && field) return key(doc, entity, [...(scopeFields(doc, entity, shareOne[3]) ?? (shareOne[3] && entity.kind === 'tenant' ? ['orgId'] : [])), field], s);
  }
  // "you can't have the same email twice inside one network".
  if ((m = /\b(?:can['’]?t|cannot|may not|must not|shouldn['’]t)\s+have\s+the same\s+([a-z]+(?:\s+[a-z]+)?)\s+twice\s+(?:with)?in(?:side)?\s+(?:one|an?|the|each|a single)\s+([a-z]+)/i.exec(text))) {
    const entity = ctx;
    const field = entity && fieldByPhrase(entity, m[1]!);
    const scope = entity && field ? scopeFields(doc, entity, m[2]) : undefined;
    if (entity && field && scope) return key(doc, entity, [...scope, field], s);
  }
  // "No two policies of the same organization shall have the same policy number"; "no two staff members of one
  // practice may have the same NPI number", "No two machines on the same farm may share a serial number", "No two
  // plans in a practice may have the same payer ID and group number" (one key over both).
  if ((m = /\bno two\s+([a-z]+(?:\s+[a-z]+)?)(?:\s+(?:in|within|per|of|on|at|for)\s+((?:our|the|my|a|an|one|each)\s+(?:same\s+|given\s+)?[a-z]+))?\s+(?:(?:may|can|should|must|will|shall)\s+)?(?:share|have)\s+(?:a|an|the same)\s+([a-z]+(?:\s+[a-z]+)?(?:\s+and\s+(?:the\s+|a\s+|an\s+)?[a-z]+(?:\s+[a-z]+)?)?)/i.exec(text))) {
    const entity = doc.registry.resolve(m[1]!) ?? doc.registry.resolve(m[1]!.split(/\s+/)[0]!);
    const parts = m[3]!.split(/\s+and\s+(?:the\s+|a\s+|an\s+)?/i);
    const fields = entity ? parts.map((p) => fieldByPhrase(entity, p) ?? fieldByPhrase(entity, p.replace(/\s+(?:number|no)$/i, ''))) : [];
    const all = fields.length > 0 && fields.every(Boolean) ? (fields as string[]) : entity && fieldByPhrase(entity, m[3]!) ? [fieldByPhrase(entity, m[3]!)!] : entity && fields[0] ? [fields[0]] : [];
    // A scope word that names no entity ("of a club" where the club is the tenant) is the tenant itself.
    if (entity && all.length) return key(doc, entity, [...(scopeFields(doc, entity, m[2]) ?? (m[2] && entity.kind === 'tenant' ? ['orgId'] : [])), ...all], s);
  }
  // "Two depots in our company can't share a name": the same rule stated as a prohibition.
  if ((m = /\btwo\s+([a-z]+)(?:\s+(?:in|within|per|of)\s+((?:our|the|my|a|an|one|each)\s+[a-z]+))?\s+(?:can['’]t|cannot|can not|may not|must not|should not|shouldn['’]t)\s+(?:share|have)\s+(?:a|an|the same)\s+([a-z]+(?:\s+[a-z]+)?)/i.exec(text))) {
    const entity = doc.registry.resolve(m[1]!);
    const field = entity && fieldByPhrase(entity, m[3]!);
    if (entity && field) return key(doc, entity, [...(scopeFields(doc, entity, m[2]) ?? (m[2] && entity.kind === 'tenant' ? ['orgId'] : [])), field], s);
  }
  // "The unit number and the VIN must each be unique within our company": one key per attribute named.
  if ((m = /^(?:the\s+)?([a-z][\w -]*?)\s+and\s+(?:the\s+)?([a-z][\w -]*?)\s+(?:must|should|shall|have to)\s+each\s+be\s+unique\s+(?:with(?:in)?|per|in|across)\s+((?:our|the|my|a|an|each)\s+[a-z]+)/i.exec(text))) {
    const e = contextEntity(doc, s);
    const fields = e ? [m[1]!, m[2]!].map((p) => fieldByPhrase(e, p)) : [];
    if (e && fields.every(Boolean)) {
      for (const f of fields) key(doc, e, [...(scopeFields(doc, e, m[3]) ?? (e.kind === 'tenant' ? ['orgId'] : [])), f!], s);
      return true;
    }
  }
  // "a calendar must never have two holidays on the same date".
  if ((m = /\b(?:an?|the|each)\s+([a-z]+)\s+(?:must never|can never|may never|cannot|can't|must not|should never)\s+have two\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:on|with|for|at) the same\s+([a-z]+(?:\s+[a-z]+)?)/i.exec(text))) {
    const parent = doc.registry.resolve(m[1]!);
    const child = doc.registry.resolve(m[2]!, undefined, { loose: true });
    if (parent && child) {
      const fk = parentFk(doc, child, parent.name);
      const field = fieldByPhrase(child, m[3]!);
      if (fk && field) return key(doc, child, [fk, field], s);
    }
  }
  // "A member can't book the same session twice", "a voter may not vote on the same poll twice".
  if ((m = /\b(?:an?|each|the|one)\s+([a-z]+)\s+(?:can['’]t|cannot|can not|may not|must not|is not allowed to|should not)\s+[a-z]+(?:\s+(?:on|in|for|into|to))?\s+the same\s+([a-z]+(?:\s+[a-z]+)?)\s+twice\b/i.exec(text))) {
    const a = doc.registry.resolve(m[1]!);
    const b = doc.registry.resolve(m[2]!, undefined, { loose: true });
    if (a && b && a !== b) {
      const holder = holderOf(doc, a, b, s);
      if (holder) return key(doc, holder.entity, holder.fields, s);
    }
  }
  // "The same variant appears at most once per cart".
  // "A part appears at most once per work order": any article, and a two-word record.
  if ((m = /\b(?:the same|an?|each)\s+([a-z]+)\s+(?:appears|occurs|can appear|may appear|is listed)\s+(?:at most|only)\s+once\s+(?:per|in|within|on)\s+(?:an?|each|the|one)?\s*([a-z]+(?:\s+(?!(?:and|or|but|so|i|we)\b)[a-z]+)?)/i.exec(text))) {
    const a = doc.registry.resolve(m[1]!);
    const b = doc.registry.resolve(m[2]!) ?? doc.registry.resolve(m[2]!.split(/\s+/)[0]!);
    if (a && b) {
      const holder = holderOf(doc, a, b, s);
      if (holder) return key(doc, holder.entity, holder.fields, s);
    }
  }
  // "at most one inventory record for a given variant in a given warehouse".
  if ((m = /\b(?:at most|only|exactly) one\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:for|per)\s+(?:a given|each|one|a|an)\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:in|and|for|per|at)\s+(?:a given|each|one|a|an)\s+([a-z]+(?:\s+[a-z]+)?)/i.exec(text))) {
    const e = doc.registry.resolve(m[1]!, undefined, { loose: true }) ?? ctx;
    const a = doc.registry.resolve(m[2]!);
    const b = doc.registry.resolve(m[3]!);
    if (e && a && b) {
      const fa = parentFk(doc, e, a.name);
      const fb = parentFk(doc, e, b.name);
      if (fa && fb) return key(doc, e, [fa, fb], s);
    }
  }
  // "One review per guest per stay", "one vote per member per poll": the record is keyed by both FKs.
  if ((m = /(?:^|[.;]\s*|\bthere(?:'s|’s| is)\s+)one\s+(?:such\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+per\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+per\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\b/i.exec(text))) {
    const e = doc.registry.resolve(m[1]!, undefined, { loose: true });
    const a = doc.registry.resolve(m[2]!);
    const b = doc.registry.resolve(m[3]!);
    if (e && a && b) {
      const fa = a.kind === 'tenant-root' ? 'orgId' : parentFk(doc, e, a.name);
      const fb = b.kind === 'tenant-root' ? 'orgId' : parentFk(doc, e, b.name);
      if (fa && fb) return key(doc, e, [fb, fa], s);
    }
  }
  // "A given sensor + recorded time must be stored only once".
  if ((m = /\ba given\s+([a-z]+(?:\s+[a-z]+)?)\s*(?:\+|and|with)\s*(?:its\s+|the\s+)?([a-z]+(?:\s+[a-z]+)?)\s+(?:must|may|can|should)\s+(?:only\s+)?(?:be\s+)?(?:stored|recorded|exist|appear)?\s*(?:only|at most)\s+once\b/i.exec(text))) {
    const a = doc.registry.resolve(m[1]!);
    if (a) {
      for (const e of doc.registry.list()) {
        const fa = parentFk(doc, e, a.name);
        const field = fa && fieldByPhrase(e, m[2]!);
        if (fa && field) return key(doc, e, [fa, field], s);
      }
    }
  }
  // "never two for the same priority".
  if ((m = /\b(?:never|no) two (?:for|with) the same\s+([a-z]+)/i.exec(text))) {
    const mentioned = findMentions(doc, text, s.block).map((x) => x.entity);
    const child = [...doc.registry.list()].find((e) => e.evidence.has('child-rows') && mentioned.some((p) => parentFk(doc, e, p.name))) ?? ctx;
    if (child) {
      const parent = mentioned.find((p) => parentFk(doc, child, p.name));
      const fk = parent ? parentFk(doc, child, parent.name) : undefined;
      let field = fieldByPhrase(child, m[1]!);
      if (!field && fk) field = addField(child, { name: camelCase(m[1]!), type: 'string', mods: { notes: [], required: true }, line: s.line, ref: trimRef(s.text) })?.name;
      if (fk && field) return key(doc, child, [fk, field], s);
    }
  }
  // "A user can be a member of a given org only once", "A user subscribes to a given site at most once", "a member rents a given plot at most once".
  if ((m = /\b(?:an?|each)\s+([a-z]+)\s+(?:can|may)?\s*(?:be a member of|is assigned to|be assigned to|be added to|[a-z]+s?(?:\s+(?:to|in|into|for|on|at|with|up for))?)\s+a given\s+([a-z]+)\s+(?:only|at most)\s+once\b/i.exec(text))) {
    const a = doc.registry.resolve(m[1]!);
    const b = doc.registry.resolve(m[2]!);
    if (a && b) {
      const holder = holderOf(doc, a, b, s);
      if (holder) return key(doc, holder.entity, holder.fields, s);
    }
  }
  return false;
}

/** The entity that references both a and b (a junction or a child), with the FK fields. */
export function holderOf(doc: Doc, a: DraftEntity, b: DraftEntity, s: Sentence): { entity: DraftEntity; fields: string[] } | undefined {
  // A stated many-to-many between the two is the link itself; another entity that merely references both
  // (an activity linked to a deal and a contact) is not.
  const m2m = doc.relations.find((r) => r.cardinality === 'many-to-many' && [r.from, r.to].includes(a.name) && [r.from, r.to].includes(b.name));
  if (m2m?.through) {
    const j = doc.registry.get(m2m.through);
    if (j) return { entity: j, fields: [camelCase(b.name) + 'Id', camelCase(a.name) + 'Id'] };
  }
  const fk = (e: DraftEntity, t: DraftEntity) => (t.kind === 'tenant-root' ? 'orgId' : parentFk(doc, e, t.name));
  for (const e of doc.registry.list()) {
    if (e === a || e === b) continue;
    const fa = fk(e, a);
    const fb = fk(e, b);
    if (fa && fb) return { entity: e, fields: [fb, fa] };
  }
  void s;
  return undefined;
}

export function key(doc: Doc, entity: DraftEntity, fields: string[], s: Sentence): boolean {
  addIndex(doc, { entity: entity.name, fields, unique: true, where: [], source: 'natural-key', why: trimRef(s.text), line: s.line, ref: trimRef(s.text) });
  return true;
}

export function resolveOne(doc: Doc): void {
  const p = doc.pendingUniques.pop();
  if (p) addPendingUnique(doc, p);
}

/** A uniqueness whose scope was named before the entities it needs were known: global, per org or per parent. */
function addPendingUnique(doc: Doc, p: Doc['pendingUniques'][number]): void {
  const entity = doc.registry.get(p.entity);
  if (!entity) return;
  let fields: string[];
  if (p.scope === 'global') fields = [p.field];
  else if (p.scope === 'org') fields = entity.kind === 'global' || entity.kind === 'reference' ? [p.field] : ['orgId', p.field];
  else fields = [parentFk(doc, entity, p.scope.parent) ?? 'orgId', p.field];
  addIndex(doc, { entity: entity.name, fields, unique: true, where: [], source: 'natural-key', why: p.ref, line: p.line, ref: p.ref });
}

/** The predicate a flag word states on an entity: isDefault = true, status = 'active', resolvedAt IS NULL… */
export function flagPredicate(doc: Doc, entity: DraftEntity, flag: string, s: Sentence): Predicate | undefined {
  const f = flag.toLowerCase();
  const negated = /^un/.test(f) ? f.slice(2) : undefined;
  const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
  const bool = entity.fields.find((x) => x.type === 'boolean' && (x.name === `is${cap(f)}` || x.name === f || x.name.endsWith(cap(f))));
  if (bool) return { field: bool.name, op: 'eq', value: true };
  const enumField = entity.fields.find((x) => x.type === 'enum' && x.enumValues?.includes(f));
  if (enumField) return { field: enumField.name, op: 'eq', value: f };
  if (negated) {
    const at = entity.fields.find((x) => x.name === `${negated}At` || x.name === `${negated}On`);
    if (at) return { field: at.name, op: 'isNull' };
    const nb = entity.fields.find((x) => x.type === 'boolean' && x.name === `is${cap(negated)}`);
    if (nb) return { field: nb.name, op: 'eq', value: false };
  }
  const at = entity.fields.find((x) => x.name === `${f}At`);
  if (at) return { field: at.name, op: 'isNotNull' };
  if (negated) {
    const added = addField(entity, { name: `${negated}At`, type: 'datetime', mods: { notes: [], optional: true }, line: s.line, ref: trimRef(s.text) });
    return added ? { field: added.name, op: 'isNull' } : undefined;
  }
  // The PRD states the flag without listing it as a field: it is one.
  const added = addField(entity, { name: camelCase(`is ${f}`), type: 'boolean', mods: { notes: [], required: true, default: false }, line: s.line, ref: trimRef(s.text) });
  return added ? { field: added.name, op: 'eq', value: true } : undefined;
}

function partialRules(doc: Doc, s: Sentence, text: string): boolean {
  let m: RegExpExecArray | null;
  const ctx = contextEntity(doc, s);
  // "Exactly one pipeline per org is the default".
  // "Exactly one plan per operator is flagged as the default plan", "at most one rate card per operator to be active".
  if ((m = /\b(?:exactly|only|at most) one\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:per|in each|in an?|in the|for each)\s+([a-z]+)\s+(?:is|can be|may be|to be)\s+(?:(?:flagged|marked|set|chosen)\s+as\s+)?(?:the\s+|an?\s+)?([a-z]+)/i.exec(text))) {
    const e = doc.registry.resolve(m[1]!, ctx, { loose: true });
    if (e) return partial(doc, e, m[2]!, m[3]!, s);
  }
  // "Only one SLA policy can be active per org at any time", "only one location can be the default per
  // organization", "only one period can be the current period in a company at any time": the flag may carry
  // an article and repeat the noun before the scope.
  if ((m = /\b(?:exactly|only|at most) one\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+(?:can|may|should|must|is allowed to)\s+be\s+(?:the\s+|an?\s+)?([a-z]+)(?:\s+(?!per\b|in\b|within\b|for\b)[a-z]+)?\s+(?:per|in each|in an?|in the|within an?|within the|for each)\s+([a-z]+(?:\s+(?!in\b|at\b|per\b|within\b)[a-z]+)?)/i.exec(text))) {
    const e = doc.registry.resolve(m[1]!, ctx, { loose: true });
    // "… active per task type in a company": the scope is an attribute of the record, within the tenant.
    const byField = e ? fieldByPhrase(e, m[3]!) : undefined;
    const pred = e && byField ? flagPredicate(doc, e, m[2]!, s) : undefined;
    if (e && byField && pred) return partialIndex(doc, e, [...(e.kind === 'tenant' ? ['orgId'] : []), byField], pred, s);
    if (e) return partial(doc, e, tokens(m[3]!)[0]!, m[2]!, s) || partial(doc, e, m[3]!, m[2]!, s);
  }
  // "A shelf can have only one open loan at a time", "a desk has at most one active booking at any time": the
  // owner is the scope (its FK on the counted record) and the adjective is the flag.
  if ((m = /\b(?:an?|each|every|the)\s+([a-z][\w-]*(?:\s+(?!(?:can|may|must|should|will|only|has|have|holds?)\b)[a-z][\w-]*)?)\s+(?:(?:can|may|must|should|will)\s+)?(?:only\s+)?(?:have|has|hold|holds)\s+(?:only\s+|at most\s+|exactly\s+|no more than\s+)?one\s+([a-z]+)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:at a time|at any (?:one )?time|at once)\b/i.exec(text))) {
    if (ownerFlag(doc, s, m[1]!, m[2]!, m[3]!, ctx)) return true;
  }
  // "An organizer has exactly one default policy", "each vehicle has at most one open assignment".
  if ((m = /\b(?:an?|each|every|the)\s+([a-z][\w-]*)\s+(?:can\s+|may\s+)?(?:has|have)\s+(?:exactly|only|at most|no more than)\s+one\s+(default|primary|active|current|main|open|preferred|live)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/i.exec(text))) {
    if (ownerFlag(doc, s, m[1]!, m[2]!, m[3]!, ctx)) return true;
  }
  // "At most one of a deal's contacts is the primary contact".
  if ((m = /\b(?:at most|only|exactly) one of (?:an?|the|each)\s+([a-z]+)['’]s\s+([a-z]+)\s+(?:is|can be|may be)\s+(?:the|a|an)\s+([a-z]+)/i.exec(text))) {
    const p = doc.registry.resolve(m[1]!);
    const c = doc.registry.resolve(m[2]!);
    if (p && c) {
      const holder = holderOf(doc, c, p, s);
      if (holder) {
        const fk = holder.fields[0]!;
        const pred = flagPredicate(doc, holder.entity, m[3]!, s);
        if (pred) return partialIndex(doc, holder.entity, [fk], pred, s);
      }
    }
  }
  // "has at most one active cart per store", "never be more than one unresolved (open …) alert per rule".
  if ((m = /\b(?:at most|only|exactly|more than) one\s+([a-z]+)\s+(?:\([^)]*\)\s+)?([a-z]+(?:\s+[a-z]+)?)\s+(?:per|in each|for each)\s+([a-z]+)/i.exec(text))) {
    const e = doc.registry.resolve(m[2]!, ctx, { loose: true });
    if (e) {
      const subject = findMentions(doc, text.slice(0, m.index), s.block).map((x) => x.entity).find((x) => parentFk(doc, e, x.name));
      const scope = subject ? subject.name : m[3]!;
      return partial(doc, e, scope, m[1]!, s);
    }
  }
  return false;
}

/**
 * "<owner> has only one <flag> <record> …": a partial unique on the record scoped by the owner. The same sentence
 * read as an attribute or a link of the owner ("activeLoan", "defaultPolicy") is this rule, so those go.
 */
export function ownerFlag(doc: Doc, s: Sentence, ownerPhrase: string, flagWord: string, recordPhrase: string, ctx: DraftEntity | undefined): boolean {
  const owner = doc.registry.resolve(ownerPhrase, ctx, { loose: true });
  const e = doc.registry.resolve(recordPhrase, undefined, { loose: true });
  if (!owner || !e || owner === e) return false;
  if (!partial(doc, e, owner.kind === 'tenant-root' ? 'organization' : owner.name, flagWord, s)) return false;
  const flag = flagWord.toLowerCase();
  doc.relations = doc.relations.filter((r) => !(r.from === owner.name && r.to === e.name && r.cardinality === 'many-to-one' && r.name.toLowerCase().startsWith(flag)));
  owner.fields = owner.fields.filter((f) => !f.name.toLowerCase().startsWith(flag));
  return true;
}

export function partial(doc: Doc, e: DraftEntity, scopePhrase: string, flag: string, s: Sentence): boolean {
  // A scope word that names no entity of the model ("in a company" where the company is the tenant) is the tenant.
  const unknownScope = !doc.registry.resolve(scopePhrase, undefined, { loose: true }) && e.kind === 'tenant' ? ['orgId'] : undefined;
  const scope = scopeFields(doc, e, scopePhrase) ?? (parentFk(doc, e, scopePhrase) ? [parentFk(doc, e, scopePhrase)!] : unknownScope);
  if (!scope) return false;
  const pred = flagPredicate(doc, e, singular(flag), s) ?? flagPredicate(doc, e, flag, s);
  if (!pred) return false;
  return partialIndex(doc, e, scope.length ? scope : ['orgId'], pred, s);
}

export function partialIndex(doc: Doc, e: DraftEntity, fields: string[], where: Predicate, s: Sentence): boolean {
  addIndex(doc, { entity: e.name, fields, unique: true, where: [where], source: 'partial', why: trimRef(s.text), line: s.line, ref: trimRef(s.text) });
  return true;
}

/** Soft delete: entities moved to a trash get deletedAt, and uniqueness among live rows becomes partial. */
export function softDelete(doc: Doc): void {
  const cue = /\b(?:deleted_at|deletedAt|soft[- ]delet\w*|trash|recycle bin|deletion timestamp|deleted timestamp)\b/i;
  for (const block of doc.parsed.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    if (block.excluded || block.section.cls !== 'data' || !cue.test(block.text)) continue;
    if (/\bnot soft[- ]deleted\b/i.test(block.text)) continue;
    const rule = /\b(?:never deleted|moves? (?:the record|it|them) to (?:the )?trash|we set deleted_at|are soft[- ]deleted|is soft[- ]deleted|soft[- ]delete (?:them|it)|sets? an? (?:deletion|deleted) timestamp|doesn['’]t remove the row)\b/i;
    if (!rule.test(block.text)) continue;
    // The records soft-deleted are the ones named before the rule in its sentence ("Members are soft-deleted
    // (… their booking history stays)"), else the block's first sentence, else the section's own record.
    const sentences = sentencesOf(block);
    const at = sentences.findIndex((x) => rule.test(x.text));
    const before = at >= 0 ? sentences[at]!.text.slice(0, sentences[at]!.text.search(rule)) : '';
    let named = findMentions(doc, before, block).map((m) => m.entity);
    if (named.length === 0 && at > 0) named = findMentions(doc, sentences[0]!.text, block).map((m) => m.entity);
    if (named.length === 0) named = (doc.sectionEntities.get(block.section) ?? []).slice(0, 1).map((n) => doc.registry.get(n)).filter((e): e is DraftEntity => !!e);
    for (const e of named) {
      if (e.kind === 'tenant-root' || e.fields.some((f) => f.role === 'soft-delete')) continue;
      e.softDelete = true;
      addField(e, { name: 'deletedAt', type: 'datetime', mods: { notes: [], optional: true }, line: block.line, ref: trimRef(block.text), role: 'soft-delete' });
      doc.used.add(block);
    }
  }
  for (const s of doc.sentences) {
    if (!LIVE_ROWS_ONLY.test(s.text)) continue;
    const named = findMentions(doc, s.text, s.block).map((m) => m.entity.name);
    for (const idx of doc.indexes) {
      const e = doc.registry.get(idx.entity);
      if (!e?.softDelete || !idx.unique || idx.where.length) continue;
      if (named.length && !named.includes(e.name)) continue;
      idx.where = [{ field: 'deletedAt', op: 'isNull' }];
      idx.source = 'partial';
      markUsed(doc, s);
    }
  }
  void pascalCase;
}
