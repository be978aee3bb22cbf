/**
 * Attribute pass: reads every attribute statement and field table into fields and many-to-one references,
 * and adds the fields a sentence implies ("can be marked paid" → paidAt, "can be archived" → archivedAt).
 */
import { camelCase } from '../../../model/names.ts';
import type { LogicalType } from '../../../model/model.ts';
import { markUsed, type Doc } from './doc.ts';
import { type Chunk, entityNameOf, enumValuesOf, inferType, nameWords, parseAttributeList, readModifiers, type Modifiers } from './fields.ts';
import { deleteActionOf } from './deletion.ts';
import { singular as singularWord, stripInline, tokens, trimRef } from './text.ts';
import type { Block, DraftEntity, DraftField, DraftRelation } from './types.ts';
import { CAN_BE_STATE, MANUAL_ORDER, NOT_A_STATE, SIGN_IN_IDENTIFIER } from './vocabulary/fieldforms.ts';
import { DECLARED_TYPES, RECORD_COLUMN, TYPE_PHRASES } from './vocabulary/types.ts';
import { pendingUniqueFromNotes } from './uniqueness.ts';
import { tableLeadIn } from './entities.ts';

export function attachAttributes(doc: Doc): void {
  for (const block of doc.parsed.blocks) {
    if (block.kind === 'table' && doc.used.has(block)) readFieldTable(doc, block);
  }
  for (const st of doc.statements) {
    const entity = doc.registry.get(st.entity);
    if (!entity) continue;
    const chunks = parseAttributeList(st.text, { registry: doc.registry, entity });
    for (const chunk of chunks) {
      if (st.happened && chunk.kind === 'field' && chunk.mods.optional === undefined && /^(?:the (?:date|time|day|moment)|when)\b/i.test(chunk.text.trim())) chunk.mods.required = true;
      if (st.settles && chunk.kind === 'field' && settleExisting(entity, chunk.name, chunk.mods)) continue;
      applyChunk(doc, entity, chunk, st.line, st.ref);
    }
  }
  impliedStates(doc);
  signInIdentifier(doc);
  listedValues(doc);
}

/**
 * "Roles: owner, admin, producer." / "Roles are admin, project manager and viewer.", said apart from the list that
 * named the role: the values of the one plain field of that name (the people who sign in first, when several have it).
 */
function listedValues(doc: Doc): void {
  for (const s of doc.sentences) {
    if (s.block.section.cls !== 'data') continue;
    const m = /^([a-z]+s)\s*(?::|\bare\b|\bare one of\b)\s+(.+?)\.?$/i.exec(stripInline(s.text).trim());
    // "…, inspector and subcontractor": the last "and" of a comma list parts two values.
    const values = m ? enumValuesOf(/,/.test(m[2]!) ? m[2]!.replace(/\s+(?:and|or)\s+(?=[^,]*$)/i, ', ') : m[2]!) : undefined;
    if (!m || !values) continue;
    const name = camelCase(singularWord(m[1]!.toLowerCase()));
    const holders = doc.registry.list().filter((e) => e.fields.some((f) => f.name === name && f.type === 'string'));
    const user = holders.find((e) => e.name === doc.registry.userEntity);
    const holder = user ?? (holders.length === 1 ? holders[0] : undefined);
    const field = holder?.fields.find((f) => f.name === name);
    if (!field) continue;
    field.type = 'enum';
    field.enumValues = values;
    markUsed(doc, s);
  }
}

export function applyChunk(doc: Doc, entity: DraftEntity, chunk: Chunk, line: number, ref: string): void {
  if (chunk.kind === 'none') return;
  if (chunk.kind === 'field') {
    const field = addField(entity, {
      name: chunk.name,
      type: chunk.type,
      mods: chunk.mods,
      line,
      ref,
    });
    if (field) pendingUniqueFromNotes(doc, entity.name, field.name, [...chunk.mods.notes, chunk.text], line, ref);
    // What the PRD says about the attribute ("who is another user"): the late-references pass reads links from it.
    if (field && !field.description && chunk.mods.notes.length) field.description = chunk.mods.notes.join('; ');
    return;
  }
  if (chunk.target.kind === 'tenant-root') return;
  if (chunk.many) {
    // "ordered stages", "one or more sensors": the other side holds the reference.
    if (chunk.target === entity) return;
    // "one or more line items, shown in a fixed order that the user can rearrange": the children keep a position.
    if (MANUAL_ORDER.test(chunk.text)) addField(chunk.target, { name: 'position', type: 'integer', mods: { notes: [], required: true }, line, ref });
    addRelation(doc, {
      name: camelCase(entity.name), from: chunk.target.name, to: entity.name, cardinality: 'many-to-one',
      field: camelCase(entity.name) + 'Id', required: true, requiredStated: false, line, ref,
    });
    return;
  }
  const rel = addRelation(doc, {
    name: chunk.role, from: entity.name, to: chunk.target.name, cardinality: 'many-to-one', field: chunk.role + 'Id',
    required: chunk.mods.optional ? false : true, requiredStated: Boolean(chunk.mods.optional || chunk.mods.required), line, ref,
  });
  const notes = chunk.mods.notes.join('. ');
  const action = deleteActionOf(notes);
  if (action && rel && !rel.onDelete) {
    rel.onDelete = action;
    rel.why = trimRef(notes);
    rel.onDeleteStrength = 2;
  }
  if (rel) pendingUniqueFromNotes(doc, entity.name, rel.field!, chunk.mods.notes, line, ref);
}

export function addField(entity: DraftEntity, f: { name: string; type: LogicalType; mods: Modifiers; line: number; ref: string; role?: DraftField['role'] }): DraftField | undefined {
  if (['id', 'orgId', 'organizationId', 'createdAt', 'updatedAt', 'createdBy', 'createdById', 'tenantId'].includes(f.name)) return undefined;
  // "the claim status" of a claim is its status.
  const own = entity.name.charAt(0).toLowerCase() + entity.name.slice(1);
  if (/^(?:Status|Type|Kind|State)$/.test(f.name.slice(own.length)) && f.name.startsWith(own)) f = { ...f, name: f.name.slice(own.length).toLowerCase() };
  const stated = f.mods.optional !== undefined || f.mods.required !== undefined;
  const required = f.mods.optional ? false : f.mods.required ? true : guessRequired(f.name, f.type);
  const existing = entity.fields.find((x) => x.name === f.name);
  if (existing) {
    if (stated && !existing.requiredStated) {
      existing.required = required;
      existing.requiredStated = true;
    }
    if (f.mods.enumValues && !existing.enumValues) {
      existing.enumValues = f.mods.enumValues;
      existing.type = 'enum';
    }
    if (f.mods.default !== undefined && !existing.default) existing.default = { kind: 'value', value: f.mods.default };
    return existing;
  }
  const field: DraftField = {
    name: f.name,
    type: f.type,
    required,
    requiredStated: stated,
    role: f.role ?? 'attribute',
    line: f.line,
    ref: f.ref,
  };
  if (f.type === 'enum' && f.mods.enumValues) field.enumValues = f.mods.enumValues;
  if (f.mods.default !== undefined) {
    const v = f.mods.default;
    if (field.type === 'enum' && typeof v === 'string' && field.enumValues && !field.enumValues.includes(v)) {
      // "defaults to the org's currency": not a literal default.
    } else if (field.type !== 'boolean' || typeof v === 'boolean') field.default = { kind: 'value', value: v };
  }
  if (field.type === 'boolean' && !field.default && !stated) field.default = { kind: 'value', value: false };
  entity.fields.push(field);
  return field;
}

/** "phone is optional" when the record has a phoneNumber: the statement settles that attribute, it adds none. */
function settleExisting(entity: DraftEntity, name: string, mods: Modifiers): boolean {
  if (entity.fields.some((f) => f.name === name)) return false;
  const longer = entity.fields.filter((f) => f.name.startsWith(name) && /^[A-Z]/.test(f.name.slice(name.length)));
  if (longer.length !== 1 || (mods.optional === undefined && mods.required === undefined)) return false;
  longer[0]!.required = !mods.optional;
  longer[0]!.requiredStated = true;
  return true;
}

/** Unstated nullability: event times are unknown until the event happens; everything else is part of the record. */
function guessRequired(name: string, type: LogicalType): boolean {
  // A booking's or a session's start is what schedules it: known from the start, unlike the times of events.
  if (/^starts?(?:Time|At|On|Date)$/.test(name)) return true;
  if (type === 'datetime' || /(?:At|On)$/.test(name)) return false;
  return true;
}

/** The many-to-one "from belongs to to", named after the target ("a venue" → venue, venueId). */
export function linkTo(doc: Doc, from: DraftEntity, to: DraftEntity, at: { line: number; ref: string }, required: boolean, requiredStated = false): DraftRelation | undefined {
  const name = camelCase(to.name);
  return addRelation(doc, { name, from: from.name, to: to.name, cardinality: 'many-to-one', field: name + 'Id', required, requiredStated, line: at.line, ref: at.ref });
}

export function addRelation(doc: Doc, r: DraftRelation): DraftRelation | undefined {
  if (r.from === 'Organization' && r.to === 'Organization') return undefined;
  // "The company keeps checklists": the tenant key already says whose they are.
  if (r.to === 'Organization' && r.name === 'organization' && doc.registry.get(r.from)?.kind === 'tenant') return undefined;
  const same = doc.relations.find((x) => x.from === r.from && x.name === r.name);
  if (same) {
    if (r.requiredStated && !same.requiredStated) {
      same.required = r.required;
      same.requiredStated = true;
    }
    return same;
  }
  // A second relation to the same target under another name is usually the same link seen twice
  // ("the requester (a customer)" and later "customer"), unless both names are explicit roles.
  doc.relations.push(r);
  return r;
}

function readFieldTable(doc: Doc, block: Block): void {
  const header = (block.header ?? []).map((h) => stripInline(h).toLowerCase());
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  // "| Record | Field | Type | …": one table for several records, each row naming its own.
  const iRecord = col(RECORD_COLUMN);
  const terms = doc.sectionEntities.get(block.section);
  const entityName = terms?.length === 1 ? (doc.registry.isOrgPhrase(terms[0]!) ? 'Organization' : terms[0]!) : undefined;
  const tableEntity = iRecord >= 0 ? undefined : tableLeadIn(doc, block) ?? (entityName ? doc.registry.get(entityName) : undefined);
  if (!tableEntity && iRecord < 0) return;
  const iName = col(/^(?:field|column|attribute|property|name)s?$/);
  const iType = col(/^(?:type|data type|kind)\b/);
  const iReq = col(/^(?:required|req|mandatory|nullable|optional)\??$/);
  const iNotes = col(/^(?:notes?|description|comments?|details)$/);
  for (const row of block.rows ?? []) {
    const cell = (i: number) => (i >= 0 ? stripInline(row.cells[i] ?? '') : '');
    const entity = iRecord >= 0 ? doc.registry.get(entityNameOf(cell(iRecord)) ?? '') : tableEntity;
    if (!entity) continue;
    const rawName = cell(iName);
    const words = nameWords(rawName, true);
    if (!words) continue;
    const typeCell = cell(iType);
    const notes = cell(iNotes);
    const reqCell = cell(iReq).toLowerCase();
    const mods: Modifiers = { notes: [] };
    if (notes) readModifiers(notes.split(/(?<=\.)\s+/)[0] ?? notes, mods);
    if (notes) mods.notes.push(notes);
    const stated = /\bdefaults? (?:to|is)?\s*["'`]?([\w.-]+)/i.exec(notes);
    if (stated && mods.default === undefined) mods.default = /^-?\d+(?:\.\d+)?$/.test(stated[1]!) ? Number(stated[1]) : stated[1]!.replace(/\.$/, '').toLowerCase();
    delete mods.targetHint;
    if (/^(?:yes|y|true|required|✓|x)$/.test(reqCell)) (mods.required = true), delete mods.optional;
    else if (/^(?:no|n|false|optional|-|)$/.test(reqCell) && iReq >= 0) (mods.optional = true), delete mods.required;
    if (header[iReq] === 'nullable') [mods.required, mods.optional] = [mods.optional, mods.required];
    const ref = trimRef(row.cells.join(' | '));
    // Type cells "→ X", "ref X", "FK to X", or a bare "reference" whose target the notes name ("from the
    // global payment method list") or, failing that, the column's own name.
    // "link to a location of the project", "one of the standard trades" name the target in words.
    const linkType = /^(?:an?\s+)?(?:link|reference|pointer)\s+to\s+(?:an?|one|the)\s+([a-z][\w-]*(?:\s+(?!of\b|in\b|from\b)[a-z][\w-]*)?)|^one of the\s+(?:standard\s+|fixed\s+|shared\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)$/i.exec(typeCell);
    const arrowType = linkType ? [linkType[0], linkType[1] ?? linkType[2]] : /(?:→|->|\bref(?:erences?)?\b:?|\bfk\b(?: to)?|\bforeign key\b(?: to)?)\s*([A-Za-z][\w ]*)?/i.exec(typeCell);
    const listed = /\b(?:from|to|in|of)\s+(?:the|a|an|our)\s+(?:(?:global|fixed|standard|shared|platform[- ]wide|predefined)\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:list|catalog(?:ue)?|table|lookup)\b/i.exec(notes);
    const arrowTarget = arrowType ? (arrowType[1]?.trim() || listed?.[1] || words.join(' ')) : undefined;
    if (arrowTarget) {
      // A table that types a column as "→ X" says X is an entity, even if nothing else describes it.
      const target = doc.registry.resolve(arrowTarget, undefined, { loose: true }) ?? addArrowTarget(doc, arrowTarget, row.line, ref);
      if (target) {
        const role = camelCase(words.join(' '));
        const rel = addRelation(doc, {
          name: role, from: entity.name, to: target.name, cardinality: 'many-to-one', field: role + 'Id',
          required: mods.optional ? false : true, requiredStated: mods.optional !== undefined || mods.required !== undefined, line: row.line, ref,
        });
        const action = deleteActionOf(notes);
        if (rel && action) {
          rel.onDelete = action;
          rel.why = trimRef(notes);
          rel.onDeleteStrength = 3;
        }
        if (rel) pendingUniqueFromNotes(doc, entity.name, rel.field!, [notes], row.line, ref);
        continue;
      }
    }
    // "bidding, active, closeout", "whole number", "long text", "date and time": the type cell in words.
    const cellValues = /,/.test(typeCell) ? enumValuesOf(typeCell) : undefined;
    if (cellValues && !mods.enumValues) mods.enumValues = cellValues;
    const declared = cellValues ? 'enum' : TYPE_PHRASES.find(([re]) => re.test(typeCell))?.[1] ?? DECLARED_TYPES[tokens(typeCell)[0] ?? ''];
    if (declared) mods.declaredType = declared;
    if (declared === 'enum' && !mods.enumValues) {
      const values = enumValuesOf((notes.split(/[.;]/)[0] ?? '').trim());
      if (values) mods.enumValues = values;
    }
    const name = camelCase(words.join(' '));
    let type = inferType(name, mods);
    if (declared === 'enum' && !mods.enumValues) type = 'string';
    const field = addField(entity, { name, type, mods, line: row.line, ref });
    if (field) {
      if (notes && !field.description) field.description = notes;
      if (/\bmax\s+(\d+)\s*(?:chars|characters)\b/i.exec(notes)) field.maxLength = Number(/\bmax\s+(\d+)/i.exec(notes)![1]);
      pendingUniqueFromNotes(doc, entity.name, field.name, [notes], row.line, ref);
    }
  }
}

function addArrowTarget(doc: Doc, phrase: string, line: number, ref: string): DraftEntity | undefined {
  const name = entityNameOf(phrase);
  return name ? doc.registry.add(name, { kind: 'tenant', line, ref, evidence: 'table' }) : undefined;
}

/** "Team members log in as users": whoever signs in has a login, an email unless the PRD names another one. */
function signInIdentifier(doc: Doc): void {
  const user = doc.registry.userEntity ? doc.registry.get(doc.registry.userEntity) : undefined;
  if (!user || user.fields.some((f) => SIGN_IN_IDENTIFIER.test(f.name))) return;
  addField(user, { name: 'email', type: 'string', mods: { notes: [], required: true }, line: user.line, ref: user.ref });
}

/** "can be marked paid" → paidAt, "can be archived" → archivedAt, on the sentence's subject entity. */
function impliedStates(doc: Doc): void {
  for (const s of doc.sentences) {
    if (s.block.section.cls !== 'data') continue;
    // "Only one story can be pinned per org" is a uniqueness rule over a flag, read by the uniqueness pass.
    if (/\b(?:only|exactly|at most) one\b/i.test(s.text)) continue;
    const states = [...s.text.matchAll(CAN_BE_STATE)].map((m) => (m[1] ?? m[2] ?? m[3]!).toLowerCase()).filter((v) => !NOT_A_STATE.includes(v));
    if (states.length === 0) continue;
    const subject = subjectEntity(doc, s.text.slice(0, Math.max(0, s.text.search(/\bcan(?:['’]t|not| not)? be\b/i))), s.block);
    if (!subject) continue;
    for (const state of states) {
      addField(subject, { name: camelCase(`${state} at`), type: 'datetime', mods: { notes: [], optional: true }, line: s.line, ref: trimRef(s.text) });
    }
    markUsed(doc, s);
  }
}

/** The entity a clause is about: its first noun phrase resolving to an entity, or the section's entity for "it". */
export function subjectEntity(doc: Doc, clause: string, block: Block): DraftEntity | undefined {
  const t = tokens(clause);
  for (let len = Math.min(3, t.length); len >= 1; len--) {
    for (let i = 0; i + len <= Math.min(t.length, 6); i++) {
      const e = doc.registry.resolve(t.slice(i, i + len), undefined);
      if (e && e.kind !== 'tenant-root') return e;
    }
  }
  if (/^\s*(?:it|they|this|each one)\b/i.test(clause) || t.length === 0) {
    const terms = doc.sectionEntities.get(block.section);
    if (terms?.length === 1) return doc.registry.get(terms[0]!);
  }
  return undefined;
}
