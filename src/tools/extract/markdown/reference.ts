/**
 * Reference data: entities the PRD calls platform-wide lookup lists become kind 'reference' (no org_id,
 * seeded), keyed by their code; rows come from catalogue tables, "Launch set: USD, EUR, …" lists and
 * "Annual leave (code ANNUAL)" enumerations.
 */
import { camelCase } from '../../../model/names.ts';
import { addField } from './attach.ts';
import { markUsed, type Doc } from './doc.ts';
import { findMentions } from './mentions.ts';
import { stripInline, trimRef } from './text.ts';
import type { Block, DraftEntity } from './types.ts';
import { addIndex } from './uniqueness.ts';
import { CODE_LIST, NAMED_CODE, REFERENCE_CUES } from './vocabulary/reference.ts';

export function findReferenceData(doc: Doc): void {
  const refs = new Set<DraftEntity>();
  for (const section of doc.parsed.sections) {
    if (section.cls !== 'data' || !REFERENCE_CUES.test(stripInline(section.title))) continue;
    for (const name of doc.sectionEntities.get(section) ?? []) {
      const e = doc.registry.get(name);
      if (e) refs.add(e);
    }
  }
  for (const s of doc.sentences) {
    if (s.block.section.cls !== 'data' || !REFERENCE_CUES.test(s.text)) continue;
    let named = findMentions(doc, s.text, s.block).map((m) => m.entity).filter((e) => e.kind !== 'junction');
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
    const code = e.fields.find((f) => f.name === 'code' || /Code$/.test(f.name));
    if (code) addIndex(doc, { entity: e.name, fields: [code.name], unique: true, where: [], source: 'natural-key', why: `${e.name} is reference data keyed by its ${code.name}`, line: code.line, ref: code.ref });
  }
}

function mentionsEntity(doc: Doc, b: Block, e: DraftEntity): boolean {
  const terms = doc.sectionEntities.get(b.section) ?? [];
  if (b.kind === 'table') return terms.includes(e.name);
  if (terms.length === 1 && terms[0] === e.name) return true;
  const lead = /^\*\*([^*]+)\*\*/.exec(b.text.trim());
  if (lead) return findMentions(doc, lead[1]!, b).some((m) => m.entity === e);
  return findMentions(doc, b.text, b).some((m) => m.entity === e);
}

function readRows(doc: Doc, e: DraftEntity, b: Block): void {
  if (b.kind === 'table') {
    const header = (b.header ?? []).map((h) => stripInline(h));
    if (header.some((h) => /^(?:field|column|attribute|type)$/i.test(h))) return;
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
  const list = CODE_LIST.exec(text);
  if (list) {
    const codes = [...list[1]!.matchAll(/\b([A-Z][A-Z0-9_]{1,9})\b/g)].map((m) => m[1]!);
    if (codes.length >= 3) {
      const field = keyField(e, 'code');
      const line = lineOf(b, list[1]!.slice(0, 12));
      doc.references.push({ entity: e.name, rows: [...new Set(codes)].map((c) => ({ [field]: c })), line, ref: trimRef(text.slice(Math.max(0, list.index - 40))) });
      doc.used.add(b);
    }
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
