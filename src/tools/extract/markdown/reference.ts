/**
 * Reference data: entities the PRD calls platform-wide lookup lists become kind 'reference' (no org_id,
 * seeded), keyed by their code; rows come from catalogue tables, "Launch set: USD, EUR, …" lists and
 * "Annual leave (code ANNUAL)" enumerations.
 */
import { camelCase, pascalCase } from '../../../model/names.ts';
import { addField, addRelation } from './attach.ts';
import { entityNameOf } from './fields.ts';
import { markUsed, type Doc } from './doc.ts';
import { findMentions } from './mentions.ts';
import { normalise } from './registry.ts';
import { singular, splitList, stripInline, trimRef } from './text.ts';
import type { Block, DraftEntity, Sentence } from './types.ts';
import { addIndex } from './uniqueness.ts';
import { TWO_LISTS, CODE_LIST, CODE_NAMED, CODE_RUN, COMES_FROM_LIST, FIXED_LIST_QUALIFIER, NAMED_CODE, NAME_LIST, PICK_FROM, PICKED_FROM, REFERENCE_CUES, LIST_TALK, VALUE_FIELDS, VALUES_AFTER, VALUES_IN_PARENS } from './vocabulary/reference.ts';

export function findReferenceData(doc: Doc): void {
  const refs = new Set<DraftEntity>();
  const picked = pickedFromFixedList(doc, refs);
  for (const s of twoListsShared(doc, refs)) picked.add(s);
  for (const section of doc.parsed.sections) {
    if (section.cls !== 'data' || !REFERENCE_CUES.test(stripInline(section.title))) continue;
    for (const name of doc.sectionEntities.get(section) ?? []) {
      const e = doc.registry.get(name);
      if (e) refs.add(e);
    }
  }
  for (const s of doc.sentences) {
    if (s.block.section.cls !== 'data' || !REFERENCE_CUES.test(s.text) || picked.has(s)) continue;
    // The list is named before the cue or right after it ("a standard list of reasons"); what follows, and asides
    // in parentheses, are its values.
    const cue = REFERENCE_CUES.exec(s.text)!;
    const listOf = /^\s+of\s+[^:,.;(]+/.exec(s.text.slice(cue.index + cue[0].length))?.[0] ?? '';
    const head = s.text.slice(0, cue.index + cue[0].length).replace(/\([^)]*\)/g, ' ') + listOf;
    let named = findMentions(doc, head, s.block).map((m) => m.entity).filter((e) => e.kind !== 'junction');
    // "Lost item category: name (standard list)": one compound label is one list, named by its head noun.
    const label = /^([^:]{2,60}):/.exec(stripInline(s.text));
    if (label && named.length >= 2 && findMentions(doc, label[1]!, s.block).length === named.length) named = named.slice(-1);
    // "Found item category: name (standard list)": a label longer than the record it mentions names a list of its own.
    const labelName = label ? entityNameOf(label[1]!) : undefined;
    if (labelName && named.length === 1 && labelName !== named[0]!.name && labelName.endsWith(named[0]!.name) === false && labelName.startsWith(named[0]!.name)) {
      named = [doc.registry.get(labelName) ?? doc.registry.add(labelName, { kind: 'reference', line: s.line, ref: trimRef(s.text), evidence: 'reference-list' })];
    }
    // "…from a standard list. That list is the same for every library.", "Same list for everyone, we ship it.":
    // the list the sentence before named, not the section's records.
    const before = doc.sentences[doc.sentences.indexOf(s) - 1];
    if (named.length === 0 && before?.block === s.block && (picked.has(before) || REFERENCE_CUES.test(before.text))) continue;
    if (named.length === 0) named = (doc.sectionEntities.get(s.block.section) ?? []).map((n) => doc.registry.get(n)).filter((e): e is DraftEntity => !!e);
    // "pick from a standard list of leave types": the entity right after the cue.
    for (const e of named.slice(0, 2)) refs.add(e);
    markUsed(doc, s);
  }
  for (const e of refs) {
    if (e.kind === 'tenant-root' || e.kind === 'junction' || e.name === doc.registry.userEntity) continue;
    e.kind = 'reference';
  }
  for (const e of doc.registry.list()) {
    if (e.kind !== 'reference') continue;
    const blocks = doc.parsed.blocks.filter((b) => !b.excluded && b.section.cls === 'data' && (b.kind === 'table' || b.kind === 'item' || b.kind === 'paragraph') && mentionsEntity(doc, b, e));
    for (const b of blocks) readRows(doc, e, b);
    // No reader above found its rows: the longest list of values in a block that talks about the list.
    if (!doc.references.some((r) => r.entity === e.name)) {
      const best = blocks.filter((b) => b.kind !== 'table' && LIST_TALK.test(b.text)).map((b) => listedValues(e, b, stripInline(b.text))).filter((x) => !!x).sort((a, c) => c.rows.length - a.rows.length)[0];
      // A list that names no record it points at can only be seeded into a list that points at none.
      const pointing = doc.relations.some((r) => r.from === e.name && r.required && r.cardinality !== 'many-to-many');
      if (best && !pointing) {
        const filled = Object.keys(best.rows[0]!);
        for (const f of filled) {
          const field = e.fields.find((x) => x.name === f);
          if (!field) addField(e, { name: f, type: 'string', mods: { notes: [], required: true }, line: best.block.line, ref: trimRef(best.block.text) });
          // The key of a lookup list is text: its values are the rows, not a closed set of the column.
          else if (field.type === 'enum') {
            field.type = 'string';
            delete field.enumValues;
          }
        }
        // What the list does not give stays empty in the seeded rows.
        for (const f of e.fields) if (!filled.includes(f.name) && f.required && f.default === undefined) f.required = false;
        doc.references.push({ entity: e.name, rows: best.rows, line: best.block.line, ref: trimRef(best.block.text) });
        doc.used.add(best.block);
      }
    }
    const code = e.fields.find((f) => f.name === 'code' || /Code$/.test(f.name));
    if (code) addIndex(doc, { entity: e.name, fields: [code.name], unique: true, where: [], source: 'natural-key', why: `${e.name} is reference data keyed by its ${code.name}`, line: code.line, ref: code.ref });
  }
}

/**
 * "Countries and currencies shall be chosen from lists maintained by us and shared by all operators: ISO 3166
 * countries (…; at minimum US, CA, GB) and ISO 4217 currencies (…; at minimum USD, CAD)": two lookups at once,
 * each seeded with the codes listed after its own name.
 */
function twoListsShared(doc: Doc, refs: Set<DraftEntity>): Sentence[] {
  const done: Sentence[] = [];
  for (const s of doc.sentences) {
    const text = stripInline(s.text);
    const m = TWO_LISTS.exec(text);
    // The cue may be the sentence's or its section's ("## Reference data").
    if (!m || s.block.section.cls !== 'data' || !(REFERENCE_CUES.test(text) || REFERENCE_CUES.test(stripInline(s.block.section.title)))) continue;
    for (const noun of [m[1]!, m[2]!]) {
      // "lines of business": the plural is the head before "of".
      const of = /^([a-z]+)\s+of\s+(.+)$/i.exec(noun);
      const name = pascalCase(of ? `${singular(of[1]!.toLowerCase())} of ${of[2]}` : normalise(noun).join(' '));
      const ref = doc.registry.get(name) ?? doc.registry.add(name, { kind: 'reference', line: s.line, ref: trimRef(s.text), evidence: 'reference-list' });
      ref.kind = 'reference';
      refs.add(ref);
      // The codes in the parenthesis right after the list's own name ("countries (…; at minimum US, CA)").
      const own = new RegExp(`\\b${noun.replace(/s$/i, '')}\\w*\\s*\\(([^)]*)\\)`, 'i').exec(text.slice(m.index + m[0].length));
      const codes = own ? [...own[1]!.matchAll(/\b([A-Z][A-Z0-9]{1,9})\b/g)].map((x) => x[1]!).filter((c) => !/^ISO$/.test(c)) : [];
      const field = keyField(ref, 'code');
      if (codes.length >= 2 && !doc.references.some((r) => r.entity === ref.name)) doc.references.push({ entity: ref.name, rows: [...new Set(codes)].map((c) => ({ [field]: c })), line: s.line, ref: trimRef(s.text) });
    }
    markUsed(doc, s);
    done.push(s);
  }
  return done;
}

function mentionsEntity(doc: Doc, b: Block, e: DraftEntity): boolean {
  const terms = doc.sectionEntities.get(b.section) ?? [];
  if (b.kind === 'table') {
    if (terms.includes(e.name)) return true;
    // "Lines of business:" and then the table: the lead-in names the list.
    const blocks = b.section.blocks;
    const prev = blocks[blocks.indexOf(b) - 1];
    return !!prev && prev.kind === 'paragraph' && /:\s*$/.test(prev.text) && findMentions(doc, prev.text, prev).some((m) => m.entity === e);
  }
  if (terms.length === 1 && terms[0] === e.name) return true;
  const lead = /^\*\*([^*]+)\*\*/.exec(b.text.trim());
  if (lead) return findMentions(doc, lead[1]!, b).some((m) => m.entity === e);
  return findMentions(doc, b.text, b).some((m) => m.entity === e);
}

function readRows(doc: Doc, e: DraftEntity, b: Block): void {
  if (b.kind === 'table') {
    const header = (b.header ?? []).map((h) => stripInline(h));
    if (header.some((h) => /^(?:field|column|attribute|type)$/i.test(h))) {
      seededColumn(doc, e, b);
      return;
    }
    const keys = header.map((h) => camelCase(h));
    const rows = (b.rows ?? []).map((r) => Object.fromEntries(keys.map((k, i) => [k, stripInline(r.cells[i] ?? '')] as const)));
    if (rows.length === 0) return;
    for (const [i, k] of keys.entries()) {
      if (!e.fields.some((f) => f.name === k)) addField(e, { name: k, type: 'string', mods: { notes: [], required: true }, line: b.line, ref: trimRef(header[i] ?? k) });
    }
    doc.references.push({ entity: e.name, rows, line: b.line, ref: trimRef(b.text.split('\n')[0] ?? '') });
    doc.used.add(b);
    return;
  }
  const text = stripInline(b.text);
  const named = [...text.matchAll(NAMED_CODE)];
  if (named.length >= 2) {
    const codeField = keyField(e, 'code');
    const rows = named.map((m) => ({ [codeField]: m[2]!, name: m[1]!.trim() }));
    if (!e.fields.some((f) => f.name === 'name')) addField(e, { name: 'name', type: 'string', mods: { notes: [], required: true }, line: b.line, ref: trimRef(text) });
    doc.references.push({ entity: e.name, rows, line: b.line, ref: trimRef(text) });
    doc.used.add(b);
    return;
  }
  // "REFERRAL (Employee referral), LINKEDIN (LinkedIn), …": codes with their names in parentheses.
  const coded = [...text.matchAll(CODE_NAMED)];
  if (coded.length >= 2) {
    const codeField = keyField(e, 'code');
    const nameField = e.fields.find((f) => ['name', 'label', 'displayName', 'title'].includes(f.name))?.name ?? 'name';
    if (!e.fields.some((f) => f.name === nameField)) addField(e, { name: nameField, type: 'string', mods: { notes: [], required: true }, line: b.line, ref: trimRef(text) });
    doc.references.push({ entity: e.name, rows: coded.map((m) => ({ [codeField]: m[1]!, [nameField]: m[2]!.trim() })), line: b.line, ref: trimRef(text) });
    doc.used.add(b);
    return;
  }
  const list = CODE_LIST.exec(text);
  if (list) {
    const codes = [...list[1]!.matchAll(/\b([A-Z][A-Z0-9_]{1,9})\b/g)].map((m) => m[1]!);
    if (codes.length >= 3) {
      const field = keyField(e, 'code');
      const line = lineOf(b, list[1]!.slice(0, 12));
      doc.references.push({ entity: e.name, rows: [...new Set(codes)].map((c) => ({ [field]: c })), line, ref: trimRef(text.slice(Math.max(0, list.index - 40))) });
      doc.used.add(b);
      return;
    }
  }
  // "Causes of loss: Collision, Fire, Wind and hail, Other.": the list's own label, then its names.
  const label = /^([^:]{2,60}):/.exec(text);
  // "… the species list … The list is the same for every practice: Dog, Cat, Other.": a block about the list.
  const names = (label && findMentions(doc, label[1]!, b).some((m) => m.entity === e)) || REFERENCE_CUES.test(text) ? NAME_LIST.exec(text) : null;
  if (names && !doc.references.some((r) => r.entity === e.name)) {
    const nameField = e.fields.find((f) => ['name', 'label', 'title'].includes(f.name))?.name ?? 'name';
    if (!e.fields.some((f) => f.name === nameField)) addField(e, { name: nameField, type: 'string', mods: { notes: [], required: true }, line: b.line, ref: trimRef(text) });
    // Commas part the names; "and" may be inside one ("Wind and hail").
    const values = names[1]!.split(/\s*,\s*/).map((v) => v.replace(/^(?:and|or)\s+/i, '').trim()).filter(Boolean);
    // A list keyed by a code it does not spell out gets one derived from each name ("Light and shade" → LIGHT_AND_SHADE).
    const code = e.fields.find((f) => f.name === 'code');
    const derived = (v: string) => v.toUpperCase().replace(/&/g, 'AND').replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
    doc.references.push({ entity: e.name, rows: values.map((v) => ({ ...(code ? { code: derived(v) } : {}), [nameField]: v })), line: b.line, ref: trimRef(text) });
    doc.used.add(b);
    return;
  }
}

/**
 * "A fixed list …: General, Concrete, …, Fire protection, Landscaping. Customers can't add to it.", "ships with at
 * least Wheat, Barley … and Alfalfa", "(Arts, Business, …, TV & Film...)", "a short code (GIFT, PURCHASE, …)", "We ship
 * to US, CA, GB … plus … DE, FR": the longest list of values in the block, keyed by a code when they are codes.
 */
function listedValues(e: DraftEntity, b: Block, text: string): { rows: Record<string, string>[]; block: Block } | undefined {
  const lists: string[][] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z(])/)) {
    for (const m of sentence.matchAll(VALUES_AFTER)) lists.push(valuesOf(m[1]!));
    for (const m of sentence.matchAll(VALUES_IN_PARENS)) lists.push(valuesOf(m[1]!));
  }
  const runs = [...text.matchAll(CODE_RUN)].flatMap((m) => valuesOf(m[0]));
  if (runs.length >= 3) lists.push([...new Set(runs)]);
  const good = lists.filter((l) => l.length >= 3);
  if (good.length === 0) return undefined;
  const isCode = (v: string) => /^[A-Z][A-Z0-9_]{0,15}$/.test(v);
  const codes = good.filter((l) => l.every(isCode)).sort((a, c) => c.length - a.length)[0];
  const names = good.filter((l) => !l.every(isCode)).sort((a, c) => c.length - a.length)[0];
  const rows: Record<string, string>[] = [];
  if (codes) {
    const codeField = e.fields.find((x) => x.name === 'code' || /Code$/.test(x.name))?.name ?? 'code';
    const nameField = names && names.length === codes.length ? valueField(e, names) : undefined;
    codes.forEach((c, i) => rows.push({ [codeField]: c, ...(nameField ? { [nameField]: names![i]! } : {}) }));
  } else if (names) {
    const field = valueField(e, names);
    names.forEach((n) => rows.push({ [field]: n }));
  }
  return rows.length ? { rows, block: b } : undefined;
}

/** The values of a list: commas part them, and the last "and"/"or"; an intro word, quotes and a trailing "…" go. */
function valuesOf(raw: string): string[] {
  const list = raw.replace(/(?:\.\.\.|…|,?\s*etc\.?)\s*$/i, '').replace(/^\s*(?:at least|at minimum|including|such as|namely|e\.g\.|like)\s+/i, '');
  const parts = list.split(/\s*,\s*/);
  const lastAnd = /^(.*\S)\s+(?:and|or)\s+(\S.*)$/i.exec(parts[parts.length - 1]!);
  if (lastAnd && parts.length > 1) parts.splice(parts.length - 1, 1, lastAnd[1]!, lastAnd[2]!);
  const values = parts.map((p) => p.replace(/^(?:and|or)\s+/i, '').replace(/^["'“‘`]+|["'”’`.]+$/g, '').trim()).filter(Boolean);
  // A list is short names: no clause ("Customers can't add to it"), no long phrase.
  const ok = values.every((v) => v.length <= 40 && v.split(/\s+/).length <= 4 && !/\b(?:is|are|can|can't|cannot|must|will|should|has|have|we|they|it)\b/.test(v));
  return ok ? values : [];
}

/** The field a list of display values fills: a symbol-like list ("mg/L, %, pH") its key field, else its name-like field. */
function valueField(e: DraftEntity, values: string[]): string {
  const symbolic = values.every((v) => !/\s/.test(v) && v.length <= 10) && values.filter((v) => /[^A-Za-z]|^[a-z]/.test(v)).length * 2 >= values.length;
  const prefer = symbolic ? ['symbol', 'code', 'abbreviation', 'key', 'slug'] : VALUE_FIELDS;
  const f = prefer.map((n) => e.fields.find((x) => x.name === n)).find(Boolean) ?? (symbolic ? undefined : e.fields.find((x) => x.type === 'string' && !/Id$/.test(x.name)));
  return f?.name ?? (symbolic ? 'code' : 'name');
}

/** A field table whose row notes say what to seed ("code | … | Unique. Seed: `hvac`, `plumbing`, …"). */
function seededColumn(doc: Doc, e: DraftEntity, b: Block): void {
  for (const row of b.rows ?? []) {
    const cells = row.cells.map((c) => stripInline(c));
    const note = cells.slice(1).find((c) => /\bseed(?:ed)?(?:\s+with)?\s*:/i.test(c));
    if (!note || doc.references.some((r) => r.entity === e.name)) continue;
    const field = e.fields.find((f) => f.name === camelCase(cells[0]!))?.name;
    const values = valuesOf(note.replace(/^.*?\bseed(?:ed)?(?:\s+with)?\s*:\s*/i, '').replace(/\.\s*$/, ''));
    if (!field || values.length < 2) continue;
    doc.references.push({ entity: e.name, rows: values.map((v) => ({ [field]: v })), line: row.line, ref: trimRef(note) });
    doc.used.add(b);
  }
}

function keyField(e: DraftEntity, prefer: string): string {
  const f = e.fields.find((x) => x.name === prefer) ?? e.fields.find((x) => /Code$|^code/.test(x.name));
  if (f) return f.name;
  addField(e, { name: prefer, type: 'string', mods: { notes: [], required: true }, line: e.line, ref: e.ref });
  return prefer;
}

function lineOf(b: Block, needle: string): number {
  const raw = b.text;
  const i = raw.indexOf(needle.split(' ')[0] ?? needle);
  if (i < 0) return b.line;
  let line = b.line;
  for (const st of b.lineStarts) if (st.offset <= i) line = st.line;
  return line;
}

/**
 * "each X has a difficulty level picked from a fixed list that is the same for everyone: A, B and C",
 * "every X has a category, chosen from a global category list we ship: A, B, C". The picked noun is the
 * reference entity (seeded by name from the listed values) and the subject X keeps a required link to it; the
 * subject itself stays tenant data. Returns the sentences it settled so the generic cue rule skips them.
 */
function pickedFromFixedList(doc: Doc, refs: Set<DraftEntity>): Set<Sentence> {
  const done = new Set<Sentence>();
  for (const s of doc.sentences) {
    if (s.block.section.cls !== 'data') continue;
    const text = stripInline(s.text);
    // "Xs come from a fixed, global list …": the sentence's subject is the list; there is no picking subject.
    const own = COMES_FROM_LIST.exec(text);
    const m = own ?? PICK_FROM.exec(text) ?? PICKED_FROM.exec(text);
    if (!m) continue;
    const tail = text.slice(m.index + m[0].length);
    if (!FIXED_LIST_QUALIFIER.test(m[2] ?? '') && !REFERENCE_CUES.test(tail) && !REFERENCE_CUES.test(m[0])) continue;
    const words = normalise(m[1]!);
    if (words.length === 0) continue;
    const before = own ? '' : text.slice(0, m.index);
    const mentions = findMentions(doc, before, s.block).map((x) => x.entity).filter((e) => e.kind !== 'junction' && e.kind !== 'tenant-root');
    const terms = doc.sectionEntities.get(s.block.section) ?? [];
    const whose = own ? null : /\b([a-z][\w-]*)['’]s\s/i.exec(m[0]);
    const possessor = whose ? doc.registry.resolve(whose[1]!) : undefined;
    const subject = own ? undefined : (possessor ?? mentions[0] ?? (terms.length === 1 ? doc.registry.get(terms[0]!) : undefined));
    const name = pascalCase(words.join(' '));
    const existing = doc.registry.resolve(words);
    const ref = existing && existing !== subject ? existing : doc.registry.add(name, { kind: 'reference', line: s.line, ref: trimRef(s.text), evidence: 'reference-list' });
    ref.kind = 'reference';
    refs.add(ref);
    done.add(s);
    markUsed(doc, s);
    const list = NAME_LIST.exec(text);
    const values = list ? splitList(list[1]!).map((v) => v.replace(/^(?:and|or)\s+/i, '').trim()).filter(Boolean) : [];
    if (!ref.fields.some((f) => f.name === 'name')) addField(ref, { name: 'name', type: 'string', mods: { notes: [], required: true }, line: s.line, ref: trimRef(s.text) });
    if (values.length >= 2 && !doc.references.some((r) => r.entity === ref.name)) {
      doc.references.push({ entity: ref.name, rows: values.map((v) => ({ name: v })), line: s.line, ref: trimRef(s.text) });
      addIndex(doc, { entity: ref.name, fields: ['name'], unique: true, where: [], source: 'natural-key', why: `${ref.name} is reference data keyed by its name`, line: s.line, ref: trimRef(s.text) });
    }
    // "A shipment … records the carrier" read before the carriers were known: that plain field is the link.
    for (const e of doc.registry.list()) {
      if (e === ref || e.kind === 'reference' || e.kind === 'tenant-root') continue;
      const f = e.fields.find((x) => x.name === camelCase(ref.name) && x.type === 'string');
      if (!f || doc.relations.some((r) => r.from === e.name && r.to === ref.name)) continue;
      e.fields = e.fields.filter((x) => x !== f);
      addRelation(doc, { name: f.name, from: e.name, to: ref.name, cardinality: 'many-to-one', field: f.name + 'Id', required: f.required, requiredStated: f.requiredStated, line: f.line, ref: f.ref });
    }
    if (!subject || subject === ref) continue;
    // The listed values and the picked noun were read as the subject's attributes: they are the link now.
    const stray = new Set([camelCase(words.join(' ')), camelCase(ref.name), ...values.map((v) => camelCase(v))]);
    subject.fields = subject.fields.filter((f) => !stray.has(f.name));
    const role = camelCase(ref.name);
    if (!doc.relations.some((r) => r.from === subject.name && r.to === ref.name))
      addRelation(doc, { name: role, from: subject.name, to: ref.name, cardinality: 'many-to-one', field: role + 'Id', required: true, requiredStated: false, line: s.line, ref: trimRef(s.text) });
  }
  return done;
}
