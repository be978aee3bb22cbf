/**
 * Query patterns: sentences (and rows of screen/query tables) that say how data is read. Each yields the
 * entity read, its equality filters, a range filter, the ordering and fixed conditions; patterns over a
 * many-to-many ("tasks with a given label") are read from the junction, filtered by the other side's key.
 */
import nlp from 'compromise';
import { camelCase } from '../../../model/names.ts';
import type { Predicate } from '../../../model/model.ts';
import { addField } from './attach.ts';
import { markUsed, type Doc } from './doc.ts';
import { findMentions, type Mention } from './mentions.ts';
import { normalise } from './registry.ts';
import { stripInline, stripRequirementId, tokens, trimRef } from './text.ts';
import type { DraftEntity, DraftPattern, Sentence } from './types.ts';
import { addIndex } from './uniqueness.ts';
import { ASC_CUES, COVER_ONLY_NOT_YET, SINGLE_PARENT, CREATED_WORDS, DESC_CUES, EVENT_TIME_WORDS, FILTER_PREPOSITIONS, MENTION_DETERMINERS, ONE_DAY, OWN_RECORDS, PENDING_CUES, PENDING_VALUES, POSITION_WORDS, QUERY_STRONG, SCREEN_LABEL, NOT_YET, QUERY_TAIL, QUERY_WEAK, RANGE_CUES, SIGNED_IN, STATE_CHANGE_WORDS, UPDATED_WORDS } from './vocabulary/queries.ts';
import { STORY_ACTOR } from './vocabulary/statements.ts';
import { storyless } from './entities.ts';

export function findQueryPatterns(doc: Doc): void {
  const sentences: Sentence[] = [...doc.sentences];
  for (const block of doc.parsed.blocks) {
    if (block.kind !== 'table' || block.excluded || block.section.cls !== 'query') continue;
    for (const row of block.rows ?? []) {
      const cells = row.cells.map((c) => stripInline(c)).filter((c) => c && !/^(?:[A-Z]{1,4}-?\d+|#?\d+|p\d+.*|<.*|~.*)$/i.test(c) && !/^p\d+\s*[<>]/i.test(c) && !/^[<>≤]/.test(c));
      if (cells.length === 0) continue;
      const text = cells.length > 1 ? `${cells[0]}: ${cells.slice(1).join('. ')}` : cells[0]!;
      sentences.push({ text, line: row.line, block });
    }
  }
  for (const s of sentences) {
    const text = stripRequirementId(storyless(s.text));
    const inQuery = s.block.section.cls === 'query';
    // A sentence that listed attributes only mentions a lookup in passing; the query sections say it properly.
    // A bullet labelled as a screen ("list: studies filtered by status", "participant page: …") is a read wherever it sits.
    const screen = SCREEN_LABEL.test(stripInline(s.text));
    if (!inQuery && !screen && doc.usedSentences.has(s) && doc.statements.some((st) => st.line === s.line && st.block === s.block && !st.aside)) continue;
    if (!QUERY_STRONG.test(text) && !((inQuery || screen) && QUERY_WEAK.test(text))) continue;
    for (const variant of separateLookups(text)) {
      const pattern = readPattern(doc, s, variant);
      // "… Because most entries are offered a slip, the index serving this list shall cover only entries that have
      // not been offered one": a later sentence of the same requirement restricts the read.
      const notYet = pattern && COVER_ONLY_NOT_YET.exec(s.block.text);
      const at = notYet && doc.registry.get(pattern.entity)?.fields.find((f) => f.name === `${notYet[1]!.toLowerCase()}At`);
      if (pattern && at && !pattern.where.some((w) => w.field === at.name)) pattern.where.push({ field: at.name, op: 'isNull' });
      if (pattern) {
        doc.patterns.push(pattern);
        markUsed(doc, s);
      }
    }
  }
}

/** "looks up the device by serial number and by token hash": two lookups, each served on its own. */
function separateLookups(text: string): string[] {
  // "by email address, and separately by phone number" is two lookups too.
  const m = /^(.*?\bby\s+)(.+?)\s*,?\s+(?:and|or)\s+(?:separately\s+|also\s+|independently\s+)?by\s+([^;.]+)(.*)$/i.exec(text);
  return m ? [`${m[1]}${m[2]}${m[4]}`, `${m[1]}${m[3]}${m[4]}`] : [text];
}

/** "GET /projects/{id}/punch-items?status=": the records a path reads, the parent it nests them under, the filters it takes. */
const ENDPOINT = /`?\b(?:(?:GET|POST|PUT|PATCH|DELETE)\s+)?(\/[\w{}:/.-]*[\w}](?:\?[\w=&{}.,-]*)?)`?/;

function endpointOf(doc: Doc, full: string, block: Sentence['block']): { entity: DraftEntity; parent?: DraftEntity; params: string[] } | undefined {
  const m = ENDPOINT.exec(full);
  if (!m || !/\/[a-z]/i.test(m[1]!)) return undefined;
  const [path, query = ''] = m[1]!.split('?');
  const segs = path!.split('/').filter(Boolean);
  const named = segs.map((seg, i) => ({ seg, i })).filter((x) => !/^[{:]/.test(x.seg) && !/^(?:api|v\d+)$/i.test(x.seg));
  const last = named[named.length - 1];
  if (!last) return undefined;
  const resolve = (seg: string) => {
    const e = doc.registry.resolve(seg.replace(/[-_]/g, ' '));
    return e ?? findMentions(doc, seg.replace(/[-_]/g, ' '), block)[0]?.entity;
  };
  const entity = resolve(last.seg);
  if (!entity || entity.kind === 'tenant-root') return undefined;
  const prev = named[named.length - 2];
  const parent = prev && prev.i + 1 < segs.length && /^[{:]/.test(segs[prev.i + 1]!) ? resolve(prev.seg) : undefined;
  const params = query.split('&').map((q) => q.split('=')[0]!).filter(Boolean);
  return { entity, ...(parent && parent !== entity ? { parent } : {}), params };
}

function readPattern(doc: Doc, s: Sentence, full: string): DraftPattern | undefined {
  // "Punch list (`GET /projects/{id}/punch-items?status=`): …": a path states the records, their parent and filters.
  const endpoint = endpointOf(doc, full, s.block);
  const plain = full.replace(new RegExp(ENDPOINT.source, 'g'), ' ').replace(/\(\s*\)/g, ' ').replace(/\s+\/\s*:/g, ':').replace(/\s+(?=:)/g, '');
  // "Project board: All tasks of one project…": the label names the screen, the rest the query.
  const label = /^([^:]{1,40}):\s+(.+)$/.exec(plain);
  let text = label && !/\b(?:filter|sort|order|by)\b/i.test(label[1]!) ? label[2]! : plain;
  // A quoted remark ("I never got my tickets") is what the user says, not what the screen reads.
  // An example in parentheses ("(e.g. all "done" tasks waiting for inspection)") names no filter either.
  text = text.replace(/\([^)]*\bp\d+[^)]*\)/gi, '').replace(/\((?:e\.\s?g\.?|eg|for example|for instance|i\.\s?e\.?|such as)[^)]*\)/gi, ' ').replace(/"[^"]*"|“[^”]*”/g, ' ').replace(/[()]/g, ' ');
  // "…, newest first, must load in under a second even for fields with ten years of history": the remark is no filter.
  text = text.split(/\s*;\s*/).map((c) => c.replace(QUERY_TAIL, '')).filter((c) => c.trim()).join('; ');
  let mentions = findMentions(doc, text, s.block);
  if (mentions.length === 0) mentions = stateMentions(doc, text);
  // "Patient search: by last name and date of birth": the label names the records.
  if (mentions.length === 0 && label && text !== plain) mentions = findMentions(doc, label[1]!, s.block).slice(0, 1).map((m) => ({ ...m, start: -1, end: -1 }));
  if (mentions.length === 0 && endpoint) mentions = [{ entity: endpoint.entity, start: -1, end: -1, words: [] }];
  if (mentions.length === 0) return undefined;
  let main = pickMain(text, mentions);
  if (!main) return undefined;
  if (endpoint && endpoint.entity !== main.entity && mentions.some((m) => m.entity === endpoint.entity)) main = mentions.find((m) => m.entity === endpoint.entity)!;
  if (endpoint?.parent && endpoint.entity === main.entity && !mentions.some((m) => m.entity === endpoint.parent)) mentions = [...mentions, { entity: endpoint.parent, start: -1, end: -1, words: [] }];
  // "Customer account page: their order history": a possessive in the query refers back to what the label names.
  if (label && text !== full && /\b(?:their|its|his|her)\b/i.test(text)) {
    const owners = findMentions(doc, label[1]!, s.block).filter((m) => m.entity !== main!.entity);
    mentions = [...mentions, ...owners.map((m) => ({ ...m, start: -1, end: -1 }))];
  }
  // "everything stocked in one warehouse": the records inside one parent, when only one kind of record has that parent.
  // The one mention must be that parent ("… in one warehouse"), not the records read ("all tickets of one requester").
  const parentAt = /\b(?:in|at|of|for|from|under)\s+(?:one|a given|a single|a specific|that|this)\s+(?=[a-z])/i.exec(text);
  const namesParent = parentAt !== null && main.start >= tokens(text.slice(0, parentAt.index + parentAt[0].length)).length - 1;
  const children = mentions.length === 1 && namesParent && SINGLE_PARENT.test(text) ? childrenOf(doc, main.entity) : [];
  if (children.length === 1) {
    const child = doc.registry.get(children[0]!.from);
    if (child) {
      mentions = [{ entity: child, start: -1, end: -1, words: [] }, main];
      main = mentions[0]!;
    }
  }
  // "claims … whose date of loss falls in a range": "loss" inside a field's own words names no other record.
  const inField = fieldSpans(main.entity, tokens(text));
  mentions = mentions.filter((m) => m === main || !inField.some(([a, b]) => m.start >= a && m.end <= b));
  let entity = main.entity;
  const equality: string[] = [];
  const where: Predicate[] = [];
  const orderBy: DraftPattern['orderBy'] = [];
  let range: string | undefined;

  // Other entities named as filters: "of one project", "for a task", "a rep's", "with a given tag".
  for (const m of mentions) {
    if (m === main || m.entity === entity) continue;
    const fk = fkTo(doc, entity, m);
    if (fk) {
      if (!equality.includes(fk)) equality.push(fk);
      continue;
    }
    // A many-to-many: the pattern is read from the junction.
    const link = doc.relations.find((r) => r.cardinality === 'many-to-many' && r.through && [r.from, r.to].includes(entity.name) && [r.from, r.to].includes(m.entity.name));
    if (link && equality.length === 0 && entity === main.entity) {
      const junction = doc.registry.get(link.through!);
      if (junction) {
        entity = junction;
        equality.push(camelCase(m.entity.name) + 'Id');
      }
    } else if (link && entity.kind === 'junction') {
      // "the posts in that category or with that tag": one read per link.
      const junction = doc.registry.get(link.through!);
      if (junction && junction !== entity) doc.patterns.push({ entity: junction.name, description: trimRef(full), equality: [camelCase(m.entity.name) + 'Id'], orderBy: [], where: [], line: s.line, ref: trimRef(full) });
    }
  }
  // Role words: "assigned to a given agent" → assignee, "of one requester" → requester, "filtered by owner".
  const t = tokens(text);
  for (const r of doc.relations) {
    if (r.from !== entity.name || !r.field || r.cardinality === 'many-to-many') continue;
    const roleW = tokens(r.name.replace(/([a-z])([A-Z])/g, '$1 $2'));
    const stem = roleW.join(' ').replace(/(?:ee|or|er)$/, '');
    if (new RegExp(`\\b${roleW.join(' ')}(?:s|['’]s)?\\b`).test(t.join(' ')) || (stem.length >= 5 && new RegExp(`\\b${stem}(?:ed|s|['’]s)?\\b`).test(t.join(' ')))) {
      if (/\b(?:no|without|unassigned)\b/i.test(text) && new RegExp(`\\b(?:no|without)\\s+(?:an?\\s+)?${roleW[0]}|\\bun${stem}`, 'i').test(text)) {
        where.push({ field: r.field, op: 'isNull' });
      } else if (!equality.includes(r.field) && !where.some((w) => w.field === r.field)) equality.push(r.field);
    }
  }
  // "a study's documents of one type": one value of a reference whose role ends with the word.
  for (const m of text.matchAll(/\b(?:of|with|in|for)\s+(?:one|a given|a single|a specific|that)\s+([a-z]+)\b/gi)) {
    const w = m[1]!.toLowerCase();
    const rels = doc.relations.filter((r) => r.from === entity.name && r.field && r.cardinality !== 'many-to-many' && tokens(r.name.replace(/([a-z])([A-Z])/g, '$1 $2')).pop() === w);
    if (rels.length === 1 && !equality.includes(rels[0]!.field!)) equality.push(rels[0]!.field!);
  }
  // "my requests", "a rep's tasks": the reader's own records, through the one link to the people who sign in.
  // A possessor that names a record ("the item's comments", "the firm's deadlines") is a filter read above, not the reader.
  const ownMatch = OWN_RECORDS.exec(text);
  const possessor = ownMatch && /['’]s$/.test(ownMatch[0]) ? tokens(ownMatch[0]).pop()!.replace(/['’]s$/, '') : undefined;
  const possessed = possessor !== undefined && (doc.registry.isOrgPhrase(possessor) || (!!doc.registry.resolve(possessor) && doc.registry.resolve(possessor)!.name !== doc.registry.userEntity) || doc.relations.some((r) => r.from === entity.name && r.field && equality.includes(r.field) && new RegExp(`^${possessor}`, 'i').test(r.name)));
  const own = (ownMatch && !possessed) || SIGNED_IN.test(text) ? (ownMatch ?? SIGNED_IN.exec(text)) : null;
  // "tasks assigned to the current user" through a many-to-many: read from the junction by the user's key.
  const user = doc.registry.userEntity;
  const userLink = own && user ? doc.relations.find((r) => r.cardinality === 'many-to-many' && r.through && [r.from, r.to].includes(entity.name) && [r.from, r.to].includes(user) && r.from !== r.to) : undefined;
  if (userLink && user) {
    return { entity: userLink.through!, description: trimRef(full), equality: [camelCase(user) + 'Id'], orderBy: [], where: [], line: s.line, ref: trimRef(full) };
  }
  if (own) {
    const owner = ownerField(doc, entity, s);
    if (owner && !equality.includes(owner)) equality.push(owner);
  }
  // Plain fields: "by status and priority", "by SKU and by barcode", "with a given status", "by email".
  const fields = doc.registry.get(entity.name)?.fields ?? [];
  const filterPart = /\b(?:filter(?:ed|ing|s)?\s+(?:[\w-]+\s+){0,3}by|(?:look(?:s|ed|ing)?\s+(?:\w+\s+){0,2}up|lookup|look-?up|search(?:es|ed)?|resolves?|grouped)\s+(?:\w+\s+)?by|with a given|of a given|by)\s+(.+)$/i.exec(text);
  // Values listed as what is shown ("with their status (pending, approved …)") filter nothing.
  const adjText = text.replace(/\bwith\s+(?:their|its)\s+[a-z]+(?:\s+[a-z]+)?\s+[^,.;]*,[^.;]*\.?\s*$/i, ' ');
  // "by its VIN when the unit number sticker is missing": the condition after the filter names no filter.
  // "… with a given status whose date of loss falls in a range": the relative clause is the range, not a filter.
  const filterText = [(filterPart?.[1] ?? '').split(/\b(?:when|if|because|so that|unless|while|before|after|whose|where)\b/i)[0]!, ...[...adjText.matchAll(/\b(?:(?:with|in)\s+(?:a given|a|one|the|their)|(?:that|which|who)\s+(?:have|has)\s+(?:a given|the|a)|with(?= status))\s+([a-z]+)/gi)].map((m) => m[1]), ...(endpoint && endpoint.entity === entity ? endpoint.params.map((p) => p.replace(/_/g, ' ')) : [])].join(' , ');
  for (const f of fields) {
    const fw = tokens(f.name.replace(/([a-z])([A-Z])/g, '$1 $2'));
    if (f.role === 'soft-delete') continue;
    // "the claim status" on a claim is "a given status" in a query.
    const ownWords = tokens(entity.name.replace(/([a-z])([A-Z])/g, '$1 $2'));
    const unprefixed = fw.length > ownWords.length && ownWords.every((w, i) => fw[i] === w) ? fw.slice(ownWords.length) : fw;
    const phrase = fw.join(' ');
    // The unprefixed tail ("number" of customerNumber) counts only as a noun of its own, not inside "phone number".
    const inFilter = new RegExp(`\\b${phrase.replace(/\s+/g, '[\\s-]+')}\\b`, 'i').test(filterText) || (unprefixed !== fw && new RegExp(`(?:^|[,(]|\\b(?:by|and|or|its|their|the|given))\\s*${unprefixed.join('[\\s-]+')}\\b`, 'i').test(filterText));
    if (inFilter && !['datetime', 'date'].includes(f.type) && !equality.includes(f.name)) {
      if (/\b(?:ordered|sorted|order)\s+by\s+/i.test(filterText.slice(0, filterText.search(new RegExp(phrase, 'i'))))) continue;
      equality.push(f.name);
    }
  }
  // "ticket by code" when the field is qrCode: a one-word filter names the one field ending with it.
  const single = /^([a-z]+)\b(?!\s+[a-z])/i.exec((filterPart?.[1] ?? '').trim());
  if (single && !equality.length) {
    const ends = fields.filter((f) => f.role !== 'soft-delete' && !['datetime', 'date'].includes(f.type) && tokens(f.name.replace(/([a-z])([A-Z])/g, '$1 $2')).pop() === single[1]!.toLowerCase());
    if (ends.length === 1) equality.push(ends[0]!.name);
  }
  // "by tail code" names tailCode, not also code: drop a field whose words end a longer matched one.
  const wordsOf = (n: string): string => tokens(n.replace(/([a-z])([A-Z])/g, '$1 $2')).join(' ');
  for (const f of [...equality]) if (equality.some((g) => g !== f && wordsOf(g).endsWith(' ' + wordsOf(f)))) equality.splice(equality.indexOf(f), 1);
  // An enum value used as an adjective ("published posts", "active devices", "approved leave") filters by that field.
  // A value that starts a field's own words ("scheduled start") or names the ordering ("most recently completed
  // first") is no filter.
  const fieldHeads = fields.map((f) => tokens(f.name.replace(/([a-z])([A-Z])/g, '$1 $2'))).filter((w) => w.length > 1).map((w) => w.slice(0, 2).join(' '));
  const unordered = adjText.replace(/\b(?:most recently|most recent|newest|oldest|latest|earliest|soonest|recently)\s+[a-z]+\s+first\b/gi, ' ');
  for (const f of fields) {
    if (f.type !== 'enum' || !f.enumValues || equality.includes(f.name)) continue;
    const adjective = (v: string) => {
      const m = new RegExp(`\\b${v.replace(/_/g, '[ _]')}\\b(?!\\s+(?:at|on|date|time|by)\\b)(?:\\s+([a-z]+))?`, 'i').exec(unordered);
      return !!m && !(m[1] && fieldHeads.includes(`${v.split('_')[0]} ${m[1].toLowerCase()}`));
    };
    if (f.enumValues.some((v) => v.length > 3 && adjective(v))) equality.push(f.name);
    // "requests waiting for a decision", "orders awaiting shipment": the state that means not yet acted on.
    else if (PENDING_CUES.test(text) && f.enumValues.some((v) => PENDING_VALUES.includes(v))) equality.push(f.name);
  }
  // "an attendant's tasks for today", "all tasks for a given date": one calendar day of a date column is a filter.
  const day = ONE_DAY.test(text) ? fields.filter((f) => f.type === 'date' && f.role !== 'soft-delete' && !STATE_CHANGE_WORDS.includes(tokens(f.name.replace(/([a-z])([A-Z])/g, '$1 $2'))[0]!)) : [];
  if (day.length >= 1 && !equality.includes(day[0]!.name)) equality.push((day.find((f) => f.required) ?? day[0]!).name);
  // Ordering.
  const orderField = orderingField(entity, text);
  if (orderField) orderBy.push(orderField);
  // Range.
  if (RANGE_CUES.test(text)) {
    range = rangeField(entity, text, orderField?.field);
    if (range && orderBy.length === 0 && /\bsorted|ordered|by\b/i.test(text)) orderBy.push({ field: range, direction: 'asc' });
  }
  if (/\bnon-?trashed|not (?:in the )?trash|not deleted\b/i.test(text) && entity.softDelete) where.push({ field: 'deletedAt', op: 'isNull' });
  // "entries … that are not yet completed", "reports that haven't been submitted yet": the act's timestamp is empty;
  // "work orders that nobody has been assigned to yet": the link of that act is empty.
  const ownNotYet = NOT_YET.test(text);
  const notYet = NOT_YET.exec(s.block.kind === 'table' || ownNotYet ? text : s.block.text);
  // Said of another read of the same records in the paragraph ("a reminder job … only looks at deadlines that are not
  // yet complete"): that read gets its own pattern over the open rows; this one stays whole.
  const openWhere: Predicate[] = ownNotYet ? where : [];
  const act = notYet ? (notYet[1] ?? notYet[2])!.toLowerCase() : undefined;
  if (act) {
    const stem = act.replace(/(?:ed|d|e)$/, '');
    const timed = fields.find((f) => ['date', 'datetime'].includes(f.type) && new RegExp(`^${stem}(?:e|ed|d)?(?:At|On|Date)$`).test(f.name));
    const flag = fields.find((f) => f.type === 'boolean' && new RegExp(`^is${stem.charAt(0).toUpperCase()}${stem.slice(1)}(?:e|ed|d)?$`).test(f.name));
    const link = doc.relations.find((r) => r.from === entity.name && r.field && r.cardinality !== 'many-to-many' && new RegExp(`^${stem}`, 'i').test(r.name));
    const pred: Predicate | undefined = notYet![2] && link ? { field: link.field!, op: 'isNull' } : timed ? { field: timed.name, op: 'isNull' } : flag ? { field: flag.name, op: 'eq', value: false } : link ? { field: link.field!, op: 'isNull' } : undefined;
    // "deadlines that are not yet complete" on a record that does not say when it was completed: it now does.
    const added = !pred && notYet![1] && entity.kind === 'tenant' ? addField(entity, { name: `${stem}edAt`, type: 'datetime', mods: { notes: [], optional: true }, line: s.line, ref: trimRef(s.text) }) : undefined;
    const p = pred ?? (added ? { field: added.name, op: 'isNull' as const } : undefined);
    if (p && !openWhere.some((w) => w.field === p.field)) openWhere.push(p);
  }
  if (equality.length === 0 && /\bin (?:the|an?|their|our) (?:org|organi[sz]ation)\b/i.test(text) && entity.kind !== 'global') equality.push('orgId');
  if (equality.length === 0 && !range && orderBy.length === 0 && where.length === 0) return undefined;
  // "activities for one deal, one contact or one account": one read per alternative parent.
  const fkEq = equality.filter((f) => doc.relations.some((r) => r.from === entity.name && r.field === f));
  if (fkEq.length > 1 && /\bor\b/i.test(text) && !/\band\b/i.test(text.split(/\bor\b/i)[0]!.split(',').pop() ?? '')) {
    const rest = equality.filter((f) => !fkEq.includes(f));
    for (const f of fkEq.slice(1)) doc.patterns.push({ entity: entity.name, description: trimRef(full), equality: [f, ...rest], range, orderBy: [...orderBy], where: [...where], line: s.line, ref: trimRef(full) });
    equality.splice(0, equality.length, fkEq[0]!, ...rest);
  }
  if (openWhere !== where && openWhere.length && !openWhere.every((o) => where.some((w) => w.field === o.field && w.op === o.op))) doc.patterns.push({ entity: entity.name, description: trimRef(full), equality: [...equality], range, orderBy: [...orderBy], where: openWhere, line: s.line, ref: trimRef(full) });
  const pattern: DraftPattern = { entity: entity.name, description: trimRef(full), equality, range, orderBy, where, line: s.line, ref: trimRef(full) };
  // "its own index covering only the unassigned rows": a non-unique partial index.
  if (where.length && /\b(?:own index|partial index|index covering only|covering only)\b/i.test(text)) {
    const fieldsIdx = [...equality, ...orderBy.map((o) => o.field)];
    addIndex(doc, { entity: entity.name, fields: fieldsIdx.length ? fieldsIdx : [where[0]!.field], unique: false, where, source: 'partial', why: trimRef(full), line: s.line, ref: trimRef(full) });
  }
  return pattern;
}

function childrenOf(doc: Doc, parent: DraftEntity) {
  return doc.relations.filter((r) => r.to === parent.name && r.from !== parent.name && r.cardinality !== 'many-to-many' && r.field);
}

/**
 * "approved leave", "open tickets" where the records are "leave requests": one of an entity's state values
 * before the first word of its name stands for the entity.
 */
function stateMentions(doc: Doc, text: string): Mention[] {
  const out: Mention[] = [];
  const t = tokens(text);
  for (const e of doc.registry.list()) {
    if (e.kind === 'tenant-root' || e.kind === 'junction') continue;
    const first = tokens(e.name.replace(/([a-z])([A-Z])/g, '$1 $2'))[0]!;
    const values = e.fields.flatMap((f) => (f.type === 'enum' ? f.enumValues ?? [] : [])).filter((v) => !v.includes('_'));
    const at = t.findIndex((w, i) => i > 0 && (w === first || w === first + 's') && values.includes(t[i - 1]!));
    if (at > 0) out.push({ entity: e, start: at, end: at + 1, words: [t[at]!] });
  }
  return out.length === 1 ? out : [];
}

/** The entity read: the first mention that is plural or follows "all"/"find", else the first mention. */
function pickMain(text: string, mentions: Mention[]): Mention | undefined {
  const t = tokens(text);
  // "Users shall be able to find a party by email": the one acting is not what is read.
  const actor = (m: Mention) => m.start <= 1 && /^(?:shall|must|should|can|will|may|want|need|see|get)$/.test(t[m.end] ?? '');
  if (mentions.some((m) => !actor(m))) mentions = mentions.filter((m) => !actor(m));
  // "a patient's appointments": a possessive names the owner, not the records read; so does a mention after a
  // preposition ("the activity log for one field", "movement history of the object", "jobs at a location").
  const possessive = (m: Mention) => /['’]s$/.test(t[m.end - 1] ?? '');
  const filter = (m: Mention) => {
    let i = m.start - 1;
    while (i >= 0 && MENTION_DETERMINERS.includes(t[i]!)) i--;
    return i >= 0 && FILTER_PREPOSITIONS.includes(t[i]!);
  };
  const read = mentions.filter((m) => m.start >= 0 && !possessive(m) && !filter(m));
  const isPlural = (m: Mention) => {
    const last = t[m.end - 1] ?? '';
    return /s$/.test(last) && !/ss$|['’]s$/.test(last);
  };
  const pool = read.length ? read : mentions;
  return pool.find(isPlural) ?? (read.length ? read[0] : mentions.find(isPlural)) ?? mentions[0];
}

/** Token spans of the entity's multi-word field names in the text ("date of loss" of dateOfLoss). */
function fieldSpans(entity: DraftEntity, t: string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const f of entity.fields) {
    const fw = tokens(f.name.replace(/([a-z])([A-Z])/g, '$1 $2'));
    if (fw.length < 2) continue;
    for (let i = 0; i + fw.length <= t.length; i++) if (fw.every((w, k) => t[i + k] === w || t[i + k] === w + 's')) spans.push([i, i + fw.length]);
  }
  return spans;
}

/** The FK from `entity` to the story's actor or the sign-in entity, when exactly one such link exists. */
function ownerField(doc: Doc, entity: DraftEntity, s: Sentence): string | undefined {
  const actor = STORY_ACTOR.exec(s.text);
  const people = [actor ? doc.registry.resolve(actor[1]!)?.name : undefined, doc.registry.userEntity].filter((n): n is string => !!n);
  for (const who of people) {
    const links = doc.relations.filter((r) => r.from === entity.name && r.to === who && r.field && r.cardinality !== 'many-to-many');
    if (links.length === 1) return links[0]!.field;
  }
  return undefined;
}

function fkTo(doc: Doc, entity: DraftEntity, m: Mention): string | undefined {
  const rels = doc.relations.filter((r) => r.from === entity.name && r.to === m.entity.name && r.cardinality !== 'many-to-many');
  if (rels.length === 0) return undefined;
  const named = rels.find((r) => r.name === camelCase(m.words.join(' ')));
  return (named ?? rels.find((r) => r.name === camelCase(m.entity.name)) ?? rels[0])!.field;
}

function findField(entity: DraftEntity, phrase: string): string | undefined {
  const w = normalise(phrase).filter((x) => !['time', 'date', 'the', 'its', 'their'].includes(x) || normalise(phrase).length === 1);
  if (w.length === 0) return undefined;
  const mapped = w.map((x) => (x === 'deadline' ? 'due' : x === 'update' ? 'updated' : x));
  const candidates = entity.fields.filter((f) => {
    const fw = tokens(f.name.replace(/([a-z])([A-Z])/g, '$1 $2'));
    return mapped.every((x) => fw.some((y) => y === x || y.startsWith(x) || x.startsWith(y) && y.length >= 4));
  });
  const timed = candidates.filter((f) => ['date', 'datetime'].includes(f.type));
  return (timed[0] ?? candidates[0])?.name;
}

function orderingField(entity: DraftEntity, text: string): { field: string; direction: 'asc' | 'desc' } | undefined {
  const desc = DESC_CUES.test(text);
  const asc = ASC_CUES.test(text);
  const direction: 'asc' | 'desc' = desc && !asc ? 'desc' : 'asc';
  const by = /\b(?:ordered|sorted|order(?:ed)?|newest first|oldest first|most recent first|first)\s+by\s+([a-z][\w -]*?)(?:\s*\(|[,.;]|\s+then\b|\s+and\b|$)/i.exec(text);
  if (by) {
    const phrase = by[1]!.replace(/\b(?:oldest|newest|most recent|latest)\b.*$/i, '').trim();
    if (UPDATED_WORDS.test(phrase)) return { field: 'updatedAt', direction };
    if (/\bcreation\b|\bcreated\b/i.test(phrase)) return { field: 'createdAt', direction };
    const f = findField(entity, phrase);
    if (f) return { field: f, direction };
  }
  // "in start-time order", "…, by start date": a date or time named as the order; "in route order": a position.
  const inOrder = /\bin ([a-z][\w -]*?) order\b/i.exec(text) ?? /,\s*by\s+([a-z][\w -]*?)\s*(?:[.,;]|$)/i.exec(text);
  if (inOrder && !/\bmanual\b/i.test(inOrder[1]!)) {
    const f = findField(entity, inOrder[1]!.replace(/-/g, ' '));
    const type = entity.fields.find((x) => x.name === f)?.type ?? '';
    if (f && (['date', 'datetime', 'time'].includes(type) || (/^in\b/i.test(inOrder[0]) && POSITION_WORDS.test(f)))) return { field: f, direction };
  }
  // "newest publish date first", "most recently completed first", "oldest fired first".
  const named = /\b(?:newest|oldest|most recent(?:ly)?|latest|earliest|soonest|recently)\s+([a-z][\w -]*?)\s+first\b/i.exec(text);
  if (named) {
    const f = findField(entity, named[1]!);
    if (f) return { field: f, direction: /\b(?:soonest|earliest|oldest)\b/i.test(named[0]) ? 'asc' : /\b(?:newest|most recent|latest|recently)\b/i.test(named[0]) ? 'desc' : direction };
  }
  // "newest first by the date they were opened": the verb names the timestamp.
  const dated = /\b(?:by|on) the (?:date|time|day|moment) (?:it|they|the [a-z]+) (?:was|were) ([a-z]+)\b/i.exec(text);
  if (dated) {
    const f = findField(entity, dated[1]!);
    if (f) return { field: f, direction };
  }
  if (/\bmanual order\b|\bmanual(?:ly)? (?:sorted|ordered)\b/i.test(text)) {
    const p = entity.fields.find((f) => /position|order|rank|sort/i.test(f.name));
    if (p) return { field: p.name, direction: 'asc' };
    return { field: 'position', direction: 'asc' };
  }
  if (desc || asc || /\bin creation order\b/i.test(text)) {
    if (UPDATED_WORDS.test(text) && !CREATED_WORDS.test(text.replace(/most recent/i, ''))) return { field: 'updatedAt', direction };
    // A record that states when it happened ("occurred at", "moved at", "received on") is ordered by that, not by
    // when it was typed in; a later change of state ("completed at") is not that moment.
    const event = /\bin creation order|\bby creation\b|\bcreated\b/i.test(text) ? undefined : eventTime(entity);
    return { field: event ?? 'createdAt', direction };
  }
  return undefined;
}

/** The timestamp a record stands for: a known event word, else the one required past-participle date of the record. */
function eventTime(entity: DraftEntity): string | undefined {
  const words = (f: DraftEntity['fields'][number]) => tokens(f.name.replace(/([a-z])([A-Z])/g, '$1 $2'));
  const timed = entity.fields.filter((f) => (f.type === 'datetime' || f.type === 'date') && f.role !== 'soft-delete');
  const event = (f: DraftEntity['fields'][number]) => EVENT_TIME_WORDS.includes(words(f)[0]!);
  const act = (f: DraftEntity['fields'][number]) => isParticiple(words(f)[0]!) && !STATE_CHANGE_WORDS.includes(words(f)[0]!) && /(?:At|On|Date)$/.test(f.name);
  const acts = timed.filter((f) => f.required && act(f));
  const known = timed.find((f) => f.required && event(f)) ?? (acts.length === 1 ? acts[0] : undefined) ?? timed.find((f) => f.type === 'datetime' && event(f)) ?? timed.find(event);
  return known?.name;
}

const TEMPORAL = ['date', 'datetime', 'time'];

function rangeField(entity: DraftEntity, text: string, orderField?: string): string | undefined {
  const temporal = (f: string | undefined) => (f && TEMPORAL.includes(entity.fields.find((x) => x.name === f)?.type ?? '') ? f : undefined);
  // "within a scheduled-start date range", "in a date range of scheduled date": the span names its column.
  const spanned = /\b(?:within|in|over|for)\s+an?\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:date|time)\s+range\b/i.exec(text) ?? /\b(?:date|time)\s+range\s+(?:of|on|for|by)\s+(?:the\s+)?([a-z][\w -]*?)(?:[,.;]|$)/i.exec(text);
  if (spanned) {
    const f = temporal(findField(entity, spanned[1]!.replace(/-/g, ' ')));
    if (f) return f;
  }
  const explicit = /\b(?:with an?|whose|where (?:the|its)?|by)\s+([a-z][\w -]*?)\s+(?:in the next|is older|is newer|has passed|have passed|is before|is after|between|within|falls)/i.exec(text);
  if (explicit) {
    // "by status whose end date falls within …": the span is on the last field named before the verb.
    const f = temporal(findField(entity, explicit[1]!)) ?? temporal(findField(entity, explicit[1]!.split(/\s+(?:whose|with an?|where (?:the |its )?)\s*/i).pop()!));
    if (f) return f;
  }
  const verb = /\b([a-z]+ed)\s+(?:in the \w+\s+)?(?:within|between|during|over)\b/i.exec(text);
  if (verb) {
    const f = temporal(findField(entity, verb[1]!));
    if (f) return f;
  }
  if (orderField && orderField !== 'createdAt' && orderField !== 'updatedAt' && temporal(orderField)) return orderField;
  // A span read "between two timestamps" runs over when the record happens, not over when it was cancelled.
  const timed = entity.fields.filter((f) => f.type === 'date' || f.type === 'datetime');
  return (timed.find((f) => /^(?:start|begin|scheduled|date|time|occurred|happen|due|effective|valid)/i.test(f.name)) ?? timed[0])?.name;
}

const participles = new Map<string, boolean>();
/** Whether a word is a past participle ("moved", "lent", "found"): the tagger knows the irregular ones. */
function isParticiple(word: string): boolean {
  const w = word.toLowerCase();
  if (/ed$/.test(w)) return true;
  let hit = participles.get(w);
  if (hit === undefined) {
    if (participles.size > 5000) participles.clear();
    participles.set(w, (hit = nlp(`it was ${w}`).match('was #PastTense$').found));
  }
  return hit;
}
