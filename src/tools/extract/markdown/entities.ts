/**
 * Entity discovery. Headings propose names; sentences confirm them. An entity exists when the PRD gives it
 * attributes (a field table, "<X> has …", a bullet list under its heading, a "X: a, b, c" label, a user story
 * "add an X with …"), or introduces it as a defined term. Each such statement is recorded for the attribute
 * pass, which runs once all entities are known so that "the requester (a customer)" can be read as a reference.
 */
import { pascalCase } from '../../../model/names.ts';
import { linkTo } from './attach.ts';
import { markUsed, type Doc } from './doc.ts';
import { isInstruction, opensWithClause, opensWithVerb } from './clause.ts';
import { entityNameOf, enumValuesOf, nameWords, parseAttributeList } from './fields.ts';
import { normalise } from './registry.ts';
import { dropDeterminers, isPlural, nominalsOf, pastParticiple, singular, sentencesOf, splitList, stripInline, tokens, trimRef } from './text.ts';
import type { Block, DraftEntity, Section, Sentence } from './types.ts';
import { CLAUSE_WORDS } from './vocabulary/grammar.ts';
import { ACTION_ORDER, DELETE_VERBS } from './vocabulary/deletion.ts';
import { CODE_NAMED, NAMED_CODE, REFERENCE_LIST_OF } from './vocabulary/reference.ts';
import { DATA_MODEL_HEADING, PEOPLE_SECTION } from './vocabulary/sections.ts';
import { RECORD_COLUMN } from './vocabulary/types.ts';
import { ABSTRACT_HEADS, DOCUMENT_HEADS, FIELD_SYNONYMS, FIELD_WORDS, NOT_ENTITY } from './vocabulary/nouns.ts';
import {
  ARE_RECORDS_LIST, PROSE_LIST_VERB, FOR_EACH_ONE, THERE_ARE, FOR_EACH_RECORD, RECORD_AS_HOLDING, APPOSITIVE,
  BELONG_TO_LIST,
  VERB_OBJECT_LIST,
  BOLD_LEAD, BY_CHOOSING, PURPOSE_FACT, PLURAL_LABEL, OWN_CHILDREN, ACCEPTANCE_LABEL, GIVEN_WHEN_THEN, GIVEN_RECORD, SYSTEM_SHALL, SHALL_ALLOW_RECORD, SYSTEM_SHALL_ACTOR_HEAD, STORE_FOR_EACH, SEE_OF_EACH, DESCRIBED_LIST, LIST_OF_RECORDS_COMMA, SETTLED_LABEL, ITS_CHILDREN, WE_KEEP, LIST_SETTLED, LIST_OF_RECORDS, MADE_OF_RECORDS, QUANTIFIED_OBJECT_LIST, COLON_PRONOUN, GIVE_ATTRIBUTE, RECORD_EVENT_DATE, VALUE_SAVED_WITH, WITH_THEIR_VALUES, ACT_TIME_RECORDED, ONE_SUCH_PER, FOR_EACH_VALUES, ADJUST_RECORD, ADJUST_EXAMPLE, ACT_RECORD_NOUNS, PER_FIELD_DEFINES, LIST_UNIT, MEASURE_HEADS, OWN_RECORDS_LIST, PRONOUN_CLAUSE_HAS, ACT_WITH, CLAUSE_SUBJECT_HAS, STAMPED_ON, WE_KNOW, PRONOUN_HAS, FIELD_IS_VALUES, WE_STORE_ON, CREATES, CREATED_WITH, TABLE_WITH, ONE_ATTRIBUTE, ARE_ADJ_LIST, OPENERS, CHILD_ROWS, CREATE_WITH, LABEL, RECORDED_LIST, STORY_PREFIX, STORY_PURPOSE, SUBJECT_HAS, TRACKED_PER, WE_NEED, WHICH_HAS, TABLE_LEAD_IN, RECORD_FOR_ONE, PUT_ON_WITH, RECORD_WHEN,
} from './vocabulary/statements.ts';

/** Entity names a heading proposes: "Pipelines & stages" → Pipeline, Stage; "Leave types and allowances" → LeaveType, LeaveAllowance. */
export function headingTerms(title: string): string[] {
  // "Appendix A. Reference lists" names a part of the document.
  if (/^\s*appendix\b/i.test(stripInline(title))) return [];
  let t = stripInline(title)
    // "3.2 Rooms", "B. Rooms", "§ 4 Rooms", "F3. Staff", "FR-2: Rooms": a numbering in front names nothing
    // ("RT-1 Log a submission" is a story's title, not a section of records).
    .replace(/^(?:\d+(?:\.\d+)*\.?|[A-Z]\.|§\s*\d+(?:\.\d+)*|[A-Z]{1,4}-?\d+(?:\.\d+)*[.:])\s+/, '')
    // "Agenda: sessions and speakers": the label before the colon groups the records, it qualifies none of them.
    .replace(/^[^:]{1,30}:\s+(?=\S)/, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[:：]\s*$/, '')
    .trim();
  // "Requesting leave" → "leave request": a gerund heading names the act as a record.
  const ger = /^([a-z]+)ing\s+([a-z]+(?:\s+[a-z]+)?)$/i.exec(t);
  // "Feeding slots" is a compound noun: only a gerund over a mass noun names the act.
  if (ger && !isPlural(tokens(ger[2]!).pop() ?? '')) t = `${ger[2]} ${ger[1]!.toLowerCase()}`;
  // "FD-1 Manage owners": a feature named by its act is about the records it acts on.
  t = t.replace(/^(?:manage|create|edit|add|view|configure|set up|define|maintain|assign|invite|browse|search|list)\s+(?=[a-z]+s\b)/i, '');
  // "Daily cleaning tasks": a frequency in front of a compound says when the records are made, not what they are.
  t = t.replace(/^(?:daily|weekly|monthly|nightly|yearly|annual|hourly)\s+(?=[a-z]+\s+[a-z]+)/i, '');
  const parts = t.split(/\s*(?:,|&|\+|\/|\band\b)\s*/i).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0 || parts.length > 4) return [];
  const out: string[] = [];
  const firstWords = tokens(parts[0]!);
  parts.forEach((p, i) => {
    let w = tokens(p);
    // "Leave types and allowances": a shared modifier distributes over a one-word second part.
    // "Alert rules and alerts": a part that repeats the modifier names its own entity.
    const repeatsModifier = w.length === 1 && singular(w[0]!) === singular(firstWords[0] ?? '');
    if (i > 0 && !repeatsModifier && w.length === 1 && firstWords.length === 2 && isPlural(firstWords[1]!) && isPlural(w[0]!)) w = [firstWords[0]!, w[0]!];
    const name = entityNameOf(w.join(' ')) ?? pluralHeadingName(w);
    const head = normalise(w.join(' ')).pop() ?? '';
    // "Deletion rules" is a part of the document; "Alert rules and alerts" names rules of a thing it also lists.
    const modifierListed = w.length === 2 && parts.some((q, j) => j !== i && tokens(q).length === 1 && singular(tokens(q)[0]!) === singular(w[0]!));
    if (name && !out.includes(name) && (!DOCUMENT_HEADS.includes(head) || modifierListed)) out.push(name);
  });
  return out;
}

/**
 * "Shows", "Boarding stays": a heading of one or two words ending in a plural names records even when that plural
 * also reads as a verb (sentences still have to confirm it).
 */
function pluralHeadingName(w: string[]): string | undefined {
  const last = w[w.length - 1];
  if (!last || w.length > 2 || !/^[a-z]+s$/.test(last) || !isPlural(last) || w.slice(0, -1).some((x) => CLAUSE_WORDS.includes(x) || !/^[a-z]+$/.test(x))) return undefined;
  return pascalCase([...w.slice(0, -1), singular(last)].join(' '));
}

export function collectHeadingTerms(doc: Doc): void {
  const firstHeading = doc.parsed.sections.find((s) => s.level > 0);
  for (const section of doc.parsed.sections) {
    if (section.level === 0 || section.cls !== 'data') continue;
    // The document title names the product, not an entity.
    if (section === firstHeading && section.level === 1) continue;
    const terms = headingTerms(section.title);
    if (terms.length) doc.sectionEntities.set(section, terms);
  }
}

interface Candidate {
  phrase: string;
  text: string;
  sentence: Sentence;
  evidence: string;
  /** Create the entity even when the attribute text yields nothing (defined terms, tables). */
  strong?: boolean;
  /** The owner's phrase when the sentence makes the record a child of another ("X has its Ys"). */
  parent?: string;
  aside?: boolean;
  /** Only for an entity known by the time the candidate is decided: the phrase alone does not make one. */
  known?: boolean;
  /** The statement records events that have happened ("records … the date it was received"). */
  happened?: boolean;
  /** The statement settles an attribute named elsewhere ("phone is optional" for the phone number). */
  settles?: boolean;
  /** The acts ("approve or reject a request with a comment"): a record named after one ("approval step") holds the attributes. */
  acts?: string[];
  /** What the statement means when its own phrase is not confirmed as an entity. */
  fallback?: { phrase: string; text: string };
}

export function discoverEntities(doc: Doc): void {
  const reg = doc.registry;
  const candidates: Candidate[] = [];
  const dataSentences = doc.sentences.filter((s) => s.block.section.cls === 'data' && !isMetadata(s));

  for (const block of doc.parsed.blocks) {
    if (block.kind !== 'table' || block.excluded || block.section.cls !== 'data') continue;
    if (!isFieldTable(block)) continue;
    // "| Record | Field | Type | …": every record the first column names is an entity.
    const recordAt = (block.header ?? []).findIndex((h) => RECORD_COLUMN.test(stripInline(h).toLowerCase()));
    if (recordAt >= 0) {
      for (const row of block.rows ?? []) {
        const name = entityNameOf(stripInline(row.cells[recordAt] ?? ''));
        if (name && !reg.isOrgPhrase(name)) reg.add(name, { kind: 'tenant', line: row.line, ref: trimRef(row.cells.join(' | ')), evidence: 'table' }).evidence.add('table');
      }
      doc.used.add(block);
      continue;
    }
    const terms = doc.sectionEntities.get(block.section);
    const lead = tableLeadIn(doc, block);
    if (lead) {
      lead.evidence.add('table');
      doc.used.add(block);
    } else if (terms?.length === 1) {
      const name = terms[0]!;
      const entity = reg.isOrgPhrase(name) ? reg.get('Organization')! : reg.add(name, { kind: 'tenant', line: block.section.line, ref: trimRef(block.section.title), evidence: 'table' });
      entity.evidence.add('table');
      doc.used.add(block);
    }
  }

  // "…, so that each vehicle can have a home depot": a story's purpose may state a fact of its own.
  const purposes = dataSentences.flatMap((s) => {
    const p = STORY_PREFIX.test(s.text) ? PURPOSE_FACT.exec(s.text) : null;
    return p ? [{ ...s, text: p[1]! }] : [];
  });
  for (const s of [...dataSentences, ...purposes]) {
    const text = restatePronoun(storyless(s.text.replace(APPOSITIVE, '')).replace(OPENERS, ''));
    const listOf = REFERENCE_LIST_OF.exec(text);
    if (listOf) candidates.push({ phrase: listOf[1]!.replace(/\s+(?:so|that|which|to|from|for)\b.*$/i, ''), text: '', sentence: s, evidence: 'reference-list', strong: true });
    const firstOfBlock = sentencesOf(s.block)[0]?.text === s.text;
    let m: RegExpExecArray | null;
    if (firstOfBlock && s.block.kind === 'item' && (m = BOLD_LEAD.exec(s.block.text.trim()))) {
      const terms = [...m[1]!.matchAll(/\*\*([^*]+)\*\*(?:\s+([a-z]+))?/g)].map((x) => x[1]!);
      const rest = stripInline(m[2] ?? '');
      // "**Hosts** — take reservations on the phone, seat guests" under "Who uses it": a persona, described by what it does.
      if (PEOPLE_SECTION.test(stripInline(s.block.section.title)) && opensWithVerb(rest)) continue;
      for (const term of terms) {
        const attrs = terms.length === 1 ? attributeTail(rest) : '';
        candidates.push({ phrase: term, text: attrs, sentence: s, evidence: 'defined-term', strong: true });
      }
      if (terms.length) continue;
    }
    // Requirement phrasings that put a record's attributes after a colon (see the vocabulary comments).
    // "Organizers keep a small list of venues they reuse: name, …", "An event's agenda is made of sessions: a title, …",
    // "Each event sells one or more ticket types (…): a name, a price, …": the list describes the records named.
    if ((m = LIST_OF_RECORDS.exec(text) ?? LIST_OF_RECORDS_COMMA.exec(text) ?? MADE_OF_RECORDS.exec(text) ?? QUANTIFIED_OBJECT_LIST.exec(text)) && validSubject(m[1]!)) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'recorded', strong: true });
      continue;
    }
    if ((m = BELONG_TO_LIST.exec(text) ?? VERB_OBJECT_LIST.exec(text) ?? ARE_RECORDS_LIST.exec(text)) && validSubject(m[1]!)) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'recorded', strong: true });
      continue;
    }
    if ((m = RECORDED_LIST.exec(text)) && validSubject(m[1]!)) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'recorded', strong: true });
      continue;
    }
    if ((m = TRACKED_PER.exec(text))) {
      candidates.push({ phrase: m[1]!, text: m[4]!, sentence: s, evidence: 'tracked-per', strong: true });
      continue;
    }
    // "**Spaces.** The bookable things inside a location: a name, a kind, …": a description, then the attributes.
    if (firstOfBlock && s.block.kind === 'paragraph' && s.block.section.bold && (m = DESCRIBED_LIST.exec(text)) && sectionOwner(doc, s.block.section)) {
      candidates.push({ phrase: sectionOwner(doc, s.block.section)!, text: m[1]!, sentence: s, evidence: 'label', strong: true });
      continue;
    }
    // "For each link we record …" after "X can be linked to several Ys": the link is the pair, no record of its own.
    if ((m = FOR_EACH_RECORD.exec(text) ?? RECORD_AS_HOLDING.exec(text)) && validSubject(m[1]!) && !reg.isOrgPhrase(m[1]!) && !/^(?:link|connection|relationship|association|pairing|involvement)s?$/i.test(m[1]!.trim())) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'has', strong: true });
      continue;
    }
    // "store, for each operator, its name, its country and …", "store for each staff user a name, …".
    if ((m = STORE_FOR_EACH.exec(text))) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'has', strong: true });
      continue;
    }
    // "put a boater on the waitlist with …": each entry of the list is a record of that X.
    if ((m = PUT_ON_WITH.exec(text)) && validSubject(m[2]!) && !reg.isOrgPhrase(m[2]!)) {
      candidates.push({ phrase: m[2]!, text: `the ${m[1]}, ${m[3]}`, sentence: s, evidence: 'has', strong: true });
      continue;
    }
    // "record when a waitlist entry was offered a slip": the time of something that may not have happened yet.
    if ((m = RECORD_WHEN.exec(text)) && validSubject(m[1]!)) {
      candidates.push({ phrase: m[1]!, text: `when it was ${m[2]!.replace(/\.$/, '')} (optional)`, sentence: s, evidence: 'has' });
      continue;
    }
    if ((m = RECORD_FOR_ONE.exec(text)) && validSubject(m[1]!)) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'has', strong: true });
      continue;
    }
    if ((m = SEE_OF_EACH.exec(text))) {
      // The values in parentheses belong to the last attribute ("the status of each vehicle (active, retired)").
      candidates.push({ phrase: m[2]!, text: m[1]! + (m[3] ? ` ${m[3]}` : ''), sentence: s, evidence: 'has' });
      continue;
    }
    // "Guests are people who book. We keep a first name, an optional last name, …": the section's record.
    if ((m = WE_KEEP.exec(text)) && sectionOwner(doc, s.block.section)) {
      candidates.push({ phrase: sectionOwner(doc, s.block.section)!, text: m[1]!, sentence: s, evidence: 'has' });
      continue;
    }
    if ((m = WE_NEED.exec(text))) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'we-need' });
      continue;
    }
    if ((m = TABLE_WITH.exec(text))) {
      // Column names written as identifiers: "user_id" is the key, "created_at" an audit column.
      const cols = m[2]!.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((c) => c.trim()).filter((c) => c && !/^(?:id|created_at|updated_at)$/i.test(c));
      const own = normalise(m[1]!).join('_');
      const attrs = cols.filter((c) => c.toLowerCase() !== `${own}_id` && c.toLowerCase() !== `${singular(own)}_id`).join(', ');
      candidates.push({ phrase: m[1]!, text: attrs, sentence: s, evidence: 'table', strong: true });
      continue;
    }
    if ((m = WE_KNOW.exec(text)) && /^(?:when|who|how|which|whether|the)\b/i.test(m[1]!)) {
      const owner = sectionOwner(doc, s.block.section);
      if (owner) {
        candidates.push({ phrase: owner, text: m[1]!, sentence: s, evidence: 'we-know' });
        continue;
      }
    }
    if ((m = ACT_WITH.exec(text))) {
      // The act may never happen: what it leaves behind is optional. A second clause may name more of it.
      const also = CLAUSE_SUBJECT_HAS.exec(text);
      candidates.push({ phrase: m[2]!, text: `${m[3]} (optional)${also && normalise(also[1]!).pop() === normalise(m[2]!).pop() ? `, ${also[2]!.replace(/\.$/, '')} (optional)` : ''}`, sentence: s, evidence: 'story', known: true, acts: m[1]!.split(/\s+or\s+/i) });
      continue;
    }
    if ((m = STAMPED_ON.exec(text))) {
      candidates.push({ phrase: m[2]!, text: `${m[1]} (optional)`, sentence: s, evidence: 'story', known: true });
      continue;
    }
    if ((m = OWN_RECORDS_LIST.exec(text)) && validSubject(m[2]!)) {
      // The owner is the tenant ("each org defines its own tax rates") or a record the new ones belong to.
      const owner = doc.registry.isOrgPhrase(m[1]!) ? '' : `${m[1]}, `;
      candidates.push({ phrase: m[2]!, text: owner + m[3]!, sentence: s, evidence: 'recorded', strong: true });
      continue;
    }
    if ((m = PER_FIELD_DEFINES.exec(text))) {
      const next = doc.sentences[doc.sentences.indexOf(s) + 1];
      const child = next && next.block === s.block ? CHILD_ROWS.exec(next.text) : null;
      const parent = child ? resolveSubject(doc, m[2]!, s) : undefined;
      if (child && parent) {
        const unit = LIST_UNIT.exec(m[3]!);
        const items = splitList((unit ? m[3]!.slice(0, unit.index) : m[3]!).replace(/\.$/, '')).map((item) => {
          if (!unit) return item;
          const w = dropDeterminers(tokens(item));
          return [...(MEASURE_HEADS.includes(w[w.length - 1]!) ? w.slice(0, -1) : w), unit[1]!.toLowerCase()].join(' ');
        });
        candidates.push({ phrase: `${parent} ${child[1]}`, text: [m[1]!, ...items].join(', '), sentence: s, evidence: 'child-rows', strong: true });
        continue;
      }
    }
    if ((m = ADJUST_RECORD.exec(text)) && validSubject(m[2]!)) {
      // "(for example grant two extra days)": the example says what quantity the adjustment carries.
      const amount = ADJUST_EXAMPLE.exec(text);
      candidates.push({ phrase: `${m[3]} ${ACT_RECORD_NOUNS[m[1]!.toLowerCase()]}`, text: `${m[2]}, ${m[4]}, ${amount ? `${amount[1]}, ` : ''}${m[5]}`, sentence: s, evidence: 'recorded', strong: true });
      continue;
    }
    if ((m = ONE_SUCH_PER.exec(text))) {
      const prev = previousSentence(doc, s);
      const values = prev ? FOR_EACH_VALUES.exec(storyless(prev.text)) : null;
      const scope = [m[2]!, m[3]].filter((x): x is string => !!x && !doc.registry.isOrgPhrase(x));
      if (values && scope.length === 1) {
        // Named after what it is kept per: "one such setting per leave type" → a leave type setting.
        candidates.push({ phrase: `${normalise(scope[0]!).join(' ')} ${m[1]}`, text: `${scope[0]}, ${values[1]}`, sentence: s, evidence: 'recorded', strong: true });
        continue;
      }
    }
    if ((m = ACT_TIME_RECORDED.exec(text))) {
      const day = /^(?:date|day)$/i.test(m[3]!);
      candidates.push({ phrase: m[2]!, text: `${pastParticiple(m[1]!)} ${day ? 'on' : 'at'} (optional)`, sentence: s, evidence: 'story', known: true });
      continue;
    }
    if ((m = WITH_THEIR_VALUES.exec(text)) && enumValuesOf(m[3]!)) {
      candidates.push({ phrase: m[1]!, text: `${m[2]} (${m[3]})`, sentence: s, evidence: 'values', aside: true });
      continue;
    }
    if ((m = VALUE_SAVED_WITH.exec(text))) {
      candidates.push({ phrase: m[2]!, text: m[1]!.replace(/\s*\([^)]*\)/g, '').replace(/\s+(?:before|after|when|once|while)\s+.*$/i, ''), sentence: s, evidence: 'story' });
      continue;
    }
    if ((m = RECORD_EVENT_DATE.exec(text))) {
      candidates.push({ phrase: m[2]!, text: m[1]!, sentence: s, evidence: 'story', known: true });
      continue;
    }
    if ((m = GIVE_ATTRIBUTE.exec(text))) {
      // "a role — employee, manager or HR admin — that controls …": the dashes enclose the role's values.
      const dashed = /^(.*?)\s+[—–]\s+([^—–]+?)\s+[—–]\s+.*$/.exec(m[2]!);
      const attr = dashed && enumValuesOf(dashed[2]!) ? `${dashed[1]} (${dashed[2]})` : m[2]!;
      candidates.push({ phrase: m[1]!, text: attr, sentence: s, evidence: 'story', known: true });
      continue;
    }
    if ((m = CREATE_WITH.exec(text))) {
      let phrase = m[1]!;
      // "create an account (customer) with …": the parenthesis names the record; quoted examples do not.
      if (m[2] && tokens(m[2]).length <= 2 && !/\b(?:e\.g|i\.e|optional|required)\b|["“,]/i.test(m[2])) phrase = m[2];
      if (doc.registry.isOrgPhrase(phrase) && m[3]) phrase = m[3];
      candidates.push({ phrase, text: m[4]!, sentence: s, evidence: 'story', strong: true });
      continue;
    }
    if ((m = CREATED_WITH.exec(text))) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'created-with', strong: true });
      continue;
    }
    if ((m = ARE_ADJ_LIST.exec(text)) && /,/.test(m[2]!)) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'has' });
      continue;
    }
    // "prevent the deletion of a vessel that has a lease" is a delete rule: the lease holds the link, not the vessel.
    if ((m = WHICH_HAS.exec(text)) && !DELETE_VERBS.test(text.slice(0, m.index))) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'which-has' });
      continue;
    }
    // "The practice area, a description and the closing date are optional": a list settled for the record just described.
    if ((m = LIST_SETTLED.exec(text))) {
      const owner = describedBefore(candidates, s)?.phrase ?? sectionOwner(doc, s.block.section);
      if (owner) {
        candidates.push({ phrase: owner, text: `${m[1]} — all ${/optional/i.test(m[2]!) ? 'optional' : 'required'}`, sentence: s, evidence: 'has' });
        continue;
      }
    }
    if ((m = ONE_ATTRIBUTE.exec(text)) && !doc.registry.resolve(m[1]!)) {
      // "…register members with their email and phone. Email is required …; phone is optional": the record just described.
      const before = describedBefore(candidates, s);
      const owner = sectionOwner(doc, s.block.section) ?? before?.phrase;
      // "inactive policies are kept": the section's own records, not one of their attributes.
      const namesOwner = owner !== undefined && normalise(owner).pop() === normalise(m[1]!).pop();
      if (owner && !namesOwner && !/\b(?:it|they|this|that|which)\b/i.test(m[1]!)) {
        const mod = /optional/i.test(m[2]!) ? ' (optional)' : /required|mandatory/i.test(m[2]!) ? ' (required)' : '';
        // "A tax ID / VAT number is optional": the slash gives another name for the same attribute.
        candidates.push({ phrase: owner, text: m[1]!.replace(/\s+\/\s+.*$/, '') + mod, sentence: s, evidence: 'one-attribute', settles: true });
        // "…; phone is optional": each clause may settle another attribute.
        for (const clause of text.split(/\s*;\s*/).slice(1)) {
          const c = ONE_ATTRIBUTE.exec(clause);
          if (!c || doc.registry.resolve(c[1]!) || /\b(?:it|they|this|that|which)\b/i.test(c[1]!)) continue;
          const cm = /optional/i.test(c[2]!) ? ' (optional)' : /required|mandatory/i.test(c[2]!) ? ' (required)' : '';
          if (cm) candidates.push({ phrase: owner, text: c[1]! + cm, sentence: s, evidence: 'one-attribute', settles: true });
        }
        continue;
      }
    }
    if ((m = CREATES.exec(text))) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'creates', strong: true });
      continue;
    }
    if ((m = WE_STORE_ON.exec(text))) {
      candidates.push({ phrase: m[2]!, text: m[1]!, sentence: s, evidence: 'we-store' });
      continue;
    }
    // "It's always in one currency, and it can carry notes": a second clause about the section's record.
    if ((m = PRONOUN_CLAUSE_HAS.exec(text)) && sectionOwner(doc, s.block.section)) {
      const may = /^(?:can|may|might|could)\b/i.test(m[1] ?? '');
      candidates.push({ phrase: sectionOwner(doc, s.block.section)!, text: m[2]!.replace(/\.$/, '') + (may ? ' — all optional' : ''), sentence: s, evidence: 'has' });
      continue;
    }
    if ((m = PRONOUN_HAS.exec(text))) {
      const prev = previousSentence(doc, s);
      // "A merchant has one or more warehouses. Each has …": the quantified plural, not the quantifier, is the subject.
      const intro = prev && /\b(?:(?:has|have)\s+)?(?:one or more|several|many|multiple|some|a list of|any number of)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)|\b(?:has|have)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/i.exec(prev.text);
      // "…; an order belongs to a venue … It has a status": the subject of the previous sentence's last clause.
      const lastSubject = prev ? [...prev.text.matchAll(/(?:^|[;:]\s*)(?:an?|the|each|every)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:belongs?|is|are|has|have|sits|lives|comes)\b/gi)].pop()?.[1] : undefined;
      const phrase = intro?.[1] ?? intro?.[2] ?? lastSubject ?? sectionOwner(doc, s.block.section);
      if (phrase) {
        candidates.push({ phrase, text: afterColon(m[1]!), sentence: s, evidence: 'has' });
        continue;
      }
    }
    if ((m = FIELD_IS_VALUES.exec(text))) {
      // "A receipt records …. Status is one of …": the record the paragraph just described, else the section's.
      const before = describedBefore(candidates, s);
      const owner = before?.phrase ?? sectionOwner(doc, s.block.section);
      if (owner && !doc.registry.resolve(m[1]!)) {
        candidates.push({ phrase: owner, text: `${m[1]} (${m[2]!.replace(/\([^)]*\)/g, '')})`, sentence: s, evidence: 'values' });
        continue;
      }
    }
    if ((m = BY_CHOOSING.exec(text))) {
      const verb = m[1]!.toLowerCase();
      const object = m[2]!;
      const section = doc.sectionEntities.get(s.block.section) ?? [];
      const named = section.find((n) => normalise(n).includes(verb));
      // "log a visit by …" names the visit; "request leave by …" names the request.
      const counted = new RegExp(`\\b${verb}\\s+(?:an?|the)\\s`, 'i').test(text);
      candidates.push({ phrase: named ?? (counted ? object : `${object} ${verb}`), text: m[3]!, sentence: s, evidence: 'story', strong: true });
      continue;
    }
    // "… so to be precise about what is required: a matter must have …": the clause after the colon has the subject.
    if ((m = SUBJECT_HAS.exec(text) ?? SUBJECT_HAS.exec(text.slice(text.indexOf(': ') + 2 || text.length)))) {
      const subject = m[1]!;
      // "must hold at the database level": a have-verb followed by a preposition is not possession.
      // "Staff receive dogs, walk them twice a day, feed and groom them": a list of acts, not of attributes.
      const acts = /,/.test(m[2]!) && !namesAttributes(m[2]!.replace(/\([^)]*\)/g, ''), true);
      if ((validSubject(subject) || namesSectionTermHead(doc, subject, s)) && !acts && !/^(?:no|not|nothing|none|at|in|on|to|for|back|true|off|ever|never|already|been|just|recently|since)\b/i.test(m[2]!.trim())) {
        // "Each venue has its dining tables; a table has a label …": the possessed plural is a child record.
        const its = ITS_CHILDREN.exec(m[2]!.trim());
        if (its && !doc.registry.isOrgPhrase(its[1]!)) {
          candidates.push({ phrase: its[1]!, text: its[2] ?? '', sentence: s, evidence: 'child-rows', strong: true, parent: subject });
          continue;
        }
        const owned = ownedCompound(subject, m[2]!);
        if (owned) {
          candidates.push({ phrase: owned.phrase, text: owned.text, sentence: s, evidence: 'child-rows', strong: true });
          continue;
        }
        const child = CHILD_ROWS.exec(text);
        if (child) {
          const parent = resolveSubject(doc, subject, s);
          if (parent) candidates.push({ phrase: `${parent} ${child[1]}`, text: '', sentence: s, evidence: 'child-rows', strong: true });
        }
        // "A customer can have a preferred currency": what a record can have, it may lack.
        const may = /^[^,;:]*?\b(?:can|may)\s+(?:also\s+)?(?:have|has|carry|hold|include|get|keep)\b/i.test(text) && !/\b(?:must|always|required)\b/i.test(m[2]!);
        // "A payment records the amount, the date it was received": what a record records has already happened.
        const happened = /^[^,;:]*?\b(?:records|logs|captures)\b/i.test(text);
        candidates.push({ phrase: subject, text: afterColon(m[2]!) + (may ? ' — all optional' : ''), sentence: s, evidence: 'has', ...(happened ? { happened } : {}) });
        continue;
      }
    }
    // "prevent the deletion of a vessel that has a lease" is a delete rule: the lease holds the link, not the vessel.
    if ((m = WHICH_HAS.exec(text)) && !DELETE_VERBS.test(text.slice(0, m.index))) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'which-has' });
      continue;
    }
    // "required: first name, last name, email": the label settles the items, it names no attribute.
    if (SETTLED_LABEL.test(text) && sectionOwner(doc, s.block.section)) {
      candidates.push({ phrase: sectionOwner(doc, s.block.section)!, text, sentence: s, evidence: 'bullet' });
      continue;
    }
    // "… It has a status. Order lines: the menu item, quantity, …": a plural label mid-paragraph starts a child list.
    if (!firstOfBlock && s.block.kind === 'paragraph' && (m = PLURAL_LABEL.exec(text)) && isPlural(tokens(m[1]!).pop() ?? '') && !reg.resolve(m[1]!)) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'plural-label' });
      continue;
    }
    // "Each venue configures its own stations (Grill, Fry, …); the station name is unique within a venue".
    if ((m = OWN_CHILDREN.exec(text)) && validSubject(m[1]!) && !reg.isOrgPhrase(m[2]!)) {
      candidates.push({ phrase: m[2]!, text: m[3] ?? '', sentence: s, evidence: 'child-rows', strong: true, ...(reg.isOrgPhrase(m[1]!) ? {} : { parent: m[1]! }) });
      continue;
    }
    // "Property: name, code, time zone, address." under a data-model heading: a record and its attributes, in
    // any sentence of the item ("Checklist: name, … Checklist item: checklist, text, position.").
    if (s.block.kind !== 'heading' && DATA_MODEL_HEADING.test(stripInline(s.block.section.title)) && (m = LABEL.exec(text)) && recordLabel(m[1]!, m[2]!)) {
      candidates.push({ phrase: m[1]!, text: m[2]!, sentence: s, evidence: 'label', strong: true });
      continue;
    }
    if (firstOfBlock && (m = LABEL.exec(text)) && s.block.kind !== 'heading') {
      const label = m[1]!;
      const rest = m[2]!;
      const lw = normalise(label);
      const sectionTerms = doc.sectionEntities.get(s.block.section) ?? [];
      const asEntity = lw.length > 0 && lw.length <= 3 && !lw.some((x) => CLAUSE_WORDS.includes(x)) ? pascalCase(lw.join(' ')) : undefined;
      if (asEntity && (sectionTerms.includes(asEntity) || sectionTerms.some((t) => normalise(t).join(' ').endsWith(lw.join(' '))))) {
        const term = sectionTerms.find((t) => t === asEntity) ?? sectionTerms.find((t) => normalise(t).join(' ').endsWith(lw.join(' ')))!;
        candidates.push({ phrase: term, text: rest, sentence: s, evidence: 'label', strong: true });
        continue;
      }
      const owner = sectionOwner(doc, s.block.section);
      // "code and label: REFERRAL (Employee referral), LINKEDIN (LinkedIn)": the label names the attributes,
      // the rest are rows to seed.
      if (owner && [...rest.matchAll(CODE_NAMED)].length >= 2) {
        candidates.push({ phrase: owner, text: label, sentence: s, evidence: 'label', strong: true });
        continue;
      }
      const values = enumValuesOf(rest.replace(/\.$/, ''));
      if (values && owner && !reg.resolve(label)) {
        candidates.push({ phrase: owner, text: `${label} (${values.join(', ')})`, sentence: s, evidence: 'values' });
        continue;
      }
      if (asEntity && isPlural(tokens(label).pop() ?? '') && !FIELD_SYNONYMS[lw[lw.length - 1]!] && tokens(label).length <= 3) {
        // A plural label whose list names another entity is a child table: "Cart lines: variant + quantity".
        // "SLA deadlines: first-response due at and …" names no record: then the label groups the owner's attributes.
        const holder = sectionOwner(doc, s.block.section);
        candidates.push({ phrase: label, text: rest, sentence: s, evidence: 'plural-label', ...(holder && !STORY_PREFIX.test(s.text) ? { fallback: { phrase: holder, text } } : {}) });
        continue;
      }
    }
    // Bullets under an entity heading describe that entity; "belong to a ticket; body (HTML); …" mixes a rule with attributes.
    // A user story's want is an action ("approve or reject a request …"), never a bare attribute list.
    if (s.block.kind === 'item' && firstOfBlock && !STORY_PREFIX.test(s.text)) {
      const owner = sectionOwner(doc, s.block.section);
      // "The system shall let an operator maintain rate cards": what follows the frame is an act, not a list.
      const act = SYSTEM_SHALL.test(s.text) && opensWithVerb(text);
      if (owner && !act) for (const part of text.split(/\s*;\s*/)) if (listLike(part) && !statesAboutOwner(part, owner)) candidates.push({ phrase: owner, text: part, sentence: s, evidence: 'bullet' });
    }
  }

  // Prose under an entity's own heading ("### Funds … a name, unique in that nonprofit, whether the fund is
  // restricted, and an active flag"): a sentence no phrasing above read still describes the section's record
  // when what it lists parses as attributes.
  const read = new Set(candidates.map((c) => c.sentence));
  for (const s of dataSentences) {
    if (read.has(s) || s.block.kind !== 'paragraph') continue;
    // "Inside a network there are team members. For each one: name, email, role.": the records just introduced.
    const each = FOR_EACH_ONE.exec(s.text);
    const introduced = each ? THERE_ARE.exec(previousSentence(doc, s)?.text ?? '') : null;
    if (each && introduced && validSubject(introduced[1]!)) {
      candidates.push({ phrase: introduced[1]!, text: each[1]!, sentence: s, evidence: 'has', strong: true });
      continue;
    }
    const owner = sectionOwner(doc, s.block.section);
    const list = owner ? proseAttributeList(storyless(s.text)) : undefined;
    if (!owner || !list) continue;
    const chunks = parseAttributeList(list, { registry: reg, entity: reg.get(resolveSubject(doc, owner, s) ?? owner) });
    if (chunks.filter((k) => k.kind === 'field').length >= 2) candidates.push({ phrase: owner, text: list, sentence: s, evidence: 'section-prose' });
  }

  // Decide: a name becomes an entity when one of its candidates is strong or yields an attribute; then every
  // candidate of a confirmed name contributes its statement (a bullet holding only a reference counts too).
  const named = candidates.map((c) => ({ c, name: candidateName(doc, c) }));
  const confirmed = new Set<string>();
  // A plural label is confirmed by the entities its list names, so it waits until every other candidate is in.
  for (const entry of [...named.filter((n) => n.c.evidence !== 'plural-label'), ...named.filter((n) => n.c.evidence === 'plural-label')]) {
    // Re-resolved now: "every session needs …" after "schedule a class session …" names the entity just confirmed.
    if (!entry.name || !reg.get(entry.name)) entry.name = candidateName(doc, entry.c);
    const { c, name } = entry;
    if (!name || name === 'Organization' || confirmed.has(name)) continue;
    const existing = reg.get(name);
    const chunks = c.text ? parseAttributeList(c.text, { registry: reg, entity: existing }) : [];
    const fieldish = chunks.filter((k) => k.kind === 'field').length;
    const refs = chunks.filter((k) => k.kind === 'ref' && !k.viaHint).length;
    if (c.evidence === 'plural-label' && !existing && refs === 0) {
      if (c.fallback) {
        entry.c = { ...c, ...c.fallback, evidence: 'bullet' };
        entry.name = candidateName(doc, entry.c);
      }
      continue;
    }
    if (c.known && !existing) continue;
    if (existing || c.strong || fieldish >= 1 || (c.evidence === 'plural-label' && refs >= 1)) {
      confirmed.add(name);
      if (!existing) reg.add(name, { kind: 'tenant', line: c.sentence.line, ref: trimRef(c.sentence.text), evidence: c.evidence });
    }
  }
  for (const { c, name } of named) {
    if (!name) continue;
    if (name === 'Organization') {
      // "Each org defines its own tax rates, e.g. …: a name, the percentage, …": the list describes the Xs.
      const own = /^(?:its own|their own|a list of|several|one or more|many|multiple)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\b[^:]*:\s*(.+)$/i.exec(c.text);
      if (own) {
        const childName = entityNameOf(own[1]!);
        if (childName) {
          const child = reg.add(childName, { kind: 'tenant', line: c.sentence.line, ref: trimRef(c.sentence.text), evidence: 'has' });
          doc.statements.push({ entity: child.name, text: own[2]!, line: c.sentence.line, ref: trimRef(c.sentence.text), block: c.sentence.block });
          markUsed(doc, c.sentence);
          continue;
        }
      }
      if (c.text) doc.statements.push({ entity: name, text: c.text, line: c.sentence.line, ref: trimRef(c.sentence.text), block: c.sentence.block });
      markUsed(doc, c.sentence);
      continue;
    }
    const object = reg.get(name);
    if (!object) continue;
    const entity = (c.acts && actRecord(doc, c.acts, object)) || object;
    entity.evidence.add(c.evidence);
    const parent = c.parent ? reg.get(candidateName(doc, { ...c, phrase: c.parent }) ?? '') : undefined;
    if (parent && parent !== entity && parent.kind !== 'tenant-root') {
      linkTo(doc, entity, parent, { line: c.sentence.line, ref: trimRef(c.sentence.text) }, true);
    }
    if (c.text) doc.statements.push({ entity: entity.name, text: c.text, line: c.sentence.line, ref: trimRef(c.sentence.text), block: c.sentence.block, ...(c.aside ? { aside: true } : {}), ...(c.happened ? { happened: true } : {}), ...(c.settles ? { settles: true } : {}) });
    markUsed(doc, c.sentence);
  }
}

function candidateName(doc: Doc, c: Candidate): string | undefined {
  const reg = doc.registry;
  if (reg.isOrgPhrase(c.phrase)) return 'Organization';
  const resolved = resolveSubject(doc, c.phrase, c.sentence);
  if (resolved) return resolved;
  return entityNameOf(c.phrase);
}

/** A subject phrase → an existing entity or a heading term of its section (by head-noun match). */
export function resolveSubject(doc: Doc, phrase: string, s: Sentence): string | undefined {
  const reg = doc.registry;
  if (reg.isOrgPhrase(phrase)) return 'Organization';
  const w = normalise(phrase);
  if (w.length === 0) return undefined;
  const terms = doc.sectionEntities.get(s.block.section) ?? [];
  const exact = pascalCase(w.join(' '));
  if (reg.get(exact)) return exact;
  const alias = reg.aliases.get(w.join(' '));
  if (alias) return alias;
  const exactTerm = terms.find((t) => normalise(t).join(' ') === w.join(' '));
  if (exactTerm) return exactTerm;
  for (const t of terms) {
    const tw = normalise(t);
    if (w.length < tw.length && (tw.slice(-w.length).join(' ') === w.join(' ') || tw.slice(0, w.length).join(' ') === w.join(' '))) return t;
  }
  const known = reg.resolve(w, undefined);
  if (known && (w.length > 1 || !FIELD_WORDS.includes(w[0]!))) return known.name;
  return undefined;
}

/** The one record named after an act ("approval step" for approve, "cancellation" for cancel), if the PRD has one. */
function actRecord(doc: Doc, acts: string[], object: DraftEntity): DraftEntity | undefined {
  const forms = new Set(acts.flatMap((a) => nominalsOf(a.toLowerCase())));
  const records = doc.registry.list().filter((e) => e !== object && e.kind === 'tenant' && forms.has(tokens(e.name.replace(/([a-z])([A-Z])/g, '$1 $2'))[0]!));
  return records.length === 1 ? records[0] : undefined;
}

function validSubject(subject: string): boolean {
  const w = tokens(subject);
  if (w.length === 0) return false;
  if (w.some((x) => CLAUSE_WORDS.includes(x) && x !== 'who')) return false;
  // "filter the vehicle (list by …)": an article inside the phrase makes it a verb and its object, not a name.
  if (w.slice(1).some((x) => ['the', 'a', 'an'].includes(x)) && !w.includes('of')) return false;
  if (['we', 'i', 'you', 'it', 'they', 'this', 'that', 'there', 'everyone', 'everybody', 'everything', 'all', 'both', 'once', 'when', 'if', 'after', 'before', 'while', 'until', 'because', 'since', 'unless', 'whenever'].includes(w[0]!)) return false;
  // "Restoring a record …" is an action, not a thing.
  if (/ing$/.test(w[0]!) && w.length > 1 && !/^(?:billing|shipping|reading|listing|meeting|booking|setting|heading|mailing|building|painting|drawing|recording|posting|filing|holding|opening|closing|rating|pricing|routing|tracking|training|parking|landing|offering|earning|warning|ending|starting|outstanding|pending|recurring|existing|remaining|upcoming|incoming|outgoing|working|funding|housing|clothing|lodging|seating|timing)$/.test(w[0]!)) return false;
  if (NOT_ENTITY.includes(normalise(w).join(' '))) return false;
  // "Tenant isolation must hold …": an abstract head noun names a concern of the document, not a record.
  const head = normalise(w).pop() ?? '';
  if (w.length > 1 && ABSTRACT_HEADS.includes(head)) return false;
  return true;
}

/**
 * "Each type says …" under "Leave types": a generic head noun that shortens one of the section's terms; "A
 * boarding stay has …" under "Boarding stays": the term itself, whatever its first word looks like.
 */
function namesSectionTermHead(doc: Doc, subject: string, s: Sentence): boolean {
  const w = normalise(subject);
  return (doc.sectionEntities.get(s.block.section) ?? []).some((t) => {
    const tw = normalise(t);
    return tw.join(' ') === w.join(' ') || (w.length === 1 && tw.length > 1 && tw[tw.length - 1] === w[0]);
  });
}

/** The record an earlier sentence of the same block described: "… Status is one of …" continues it. */
function describedBefore(candidates: Candidate[], s: Sentence): Candidate | undefined {
  return [...candidates].reverse().find((c) => c.sentence.block === s.block && c.sentence !== s && c.text);
}

/** The heading term that owns a section's bullets: one term, or none. */
function sectionOwner(doc: Doc, section: Section): string | undefined {
  const terms = doc.sectionEntities.get(section);
  if (terms?.length === 1) return terms[0];
  return undefined;
}

/** Whether a bullet reads as a list of attributes rather than a rule or a remark. */
function listLike(text: string): boolean {
  const head = tokens(text.replace(/\([^)]*\)/g, ' ')).slice(0, 3);
  if (head.length === 0) return false;
  const fieldForm = /^(?:whether|when|how|who|which|the (?:time|date))\b/i.test(text.trim());
  if (CLAUSE_WORDS.includes(head[0]!) && !fieldForm) return false;
  if (/ing$/.test(head[0]!) && !['billing', 'shipping', 'reading', 'opening', 'closing', 'starting', 'ending'].includes(head[0]!)) return false;
  // A full sentence without a list ("Uniqueness rules only apply to …") is a rule, not attributes.
  const bare = text.replace(/\([^)]*\)/g, ' ');
  // "channel it came in through (email, web, chat)": a noun with its listed values, whatever clause follows it.
  const valued = /\([^()]*,[^()]*\)/.test(text) && !CLAUSE_WORDS.includes(head[0]!);
  if (!/[,;]/.test(bare) && !fieldForm && !valued && tokens(bare).slice(0, 2).some((w) => CLAUSE_WORDS.includes(w))) return false;
  // "Customers with tickets can't be deleted", "… are deleted together with their agent": a delete rule.
  if (DELETE_VERBS.test(bare) && ACTION_ORDER.some(([, cues]) => cues.some((r) => r.test(bare)))) return false;
  // "Members rent allotments for the season": a sentence with its own subject and verb states a rule or a link.
  if (!valued && (opensWithClause(text) || isInstruction(text))) return false;
  // "either shared with the whole org or personal to one agent": alternatives of a state, not attributes.
  if (/^either\b/i.test(text.trim())) return false;
  // "when it was solved and when it was closed" lists times; "when a ticket closes, …" states a rule.
  const whenList = /^when\b/i.test(text.trim()) && text.split(/,|\band\b/).every((p) => !p.trim() || /^\s*when\b/i.test(p));
  if (!whenList && /^(?:if|when|every|each|deleting|removing|used|written|belong|may|can|trashed|restoring|per|only|at|no|there)\b/i.test(text)) return false;
  return true;
}

/** "inactive policies are kept for reporting": a statement whose subject is the section's own records. */
function statesAboutOwner(text: string, owner: string): boolean {
  const t = tokens(text);
  const verb = t.findIndex((w) => CLAUSE_WORDS.includes(w));
  return verb > 0 && normalise(t.slice(0, verb)).pop() === normalise(owner).pop();
}

/**
 * The attribute list a sentence of prose carries, if any: what follows a colon ("…: a name, …"), what "we keep"
 * or a have-verb introduces ("Everyone gets an optional email, …"), or the whole sentence when it is a bare list
 * ("Name (unique per nonprofit), a goal amount (optional), start and end dates").
 */
function proseAttributeList(text: string): string | undefined {
  const t = text.trim().replace(/\.$/, '');
  // "A fund that has gifts can't be deleted; deactivate it" is a delete rule ("closing dates" is not).
  if (DELETE_VERBS.test(t) && ACTION_ORDER.some(([, cues]) => cues.some((r) => r.test(t)))) return undefined;
  const masked = t.replace(/\([^)]*\)|"[^"]*"|“[^”]*”/g, (x) => '_'.repeat(x.length));
  const listed = (x: string) => (x.match(/,/g) ?? []).length >= 1 && namesAttributes(x);
  const colon = masked.indexOf(':');
  if (colon >= 0 && listed(masked.slice(colon + 1))) return dropScopes(afterColon(t));
  const verb = PROSE_LIST_VERB.exec(masked);
  if (verb && listed(masked.slice(verb.index + verb[0].length))) return dropScopes(t.slice(verb.index + verb[0].length));
  if ((masked.match(/,/g) ?? []).length >= 2 && listLike(t) && namesAttributes(masked.replace(/^\S+/, ''))) return dropScopes(t);
  return undefined;
}

/**
 * Whether the items of a list name attributes: not carriers or codes ("DHL, UPS, FedEx", "A101 Plan, A102
 * Research"), not acts ("receive goods, keep stock per bin, pick and ship orders") and not a selection.
 */
function namesAttributes(list: string, actsOnly = false): boolean {
  const items = list.split(/,|\band\b|\bor\b/).map((x) => x.trim()).filter(Boolean);
  if (items.length < 2) return actsOnly;
  const named = items.filter((x) => /^[A-Z0-9]/.test(x)).length;
  // "all reservations of one venue on one date, in time order": a selection of records, not their attributes.
  const selections = items.filter((x) => /^(?:all|every|each|any|some|no|in|on|at|by|with|from|to|into|per)\s/i.test(x)).length;
  // A verb with its object ("walk them twice a day", "keep stock per bin"); "shown in a fixed order" qualifies an
  // item, and two words ("product title") are too few for the tagger to tell a verb from a noun.
  const acts = items.filter((x) => {
    const w = tokens(x);
    if (w.length < 2 || /^(?:an?|the|its|their|optional|whether|when|who|how|which)\b|^[a-z]+(?:ed|wn|en)\b/i.test(x)) return false;
    return (w.length >= 3 || /^(?:it|them|him|her|us|a|an|the|its|their)$/.test(w[1]!)) && opensWithVerb(x);
  }).length;
  if (actsOnly) return items.length < 3 || acts * 2 < items.length;
  return named * 2 < items.length && acts * 2 < items.length && selections === 0;
}

/** A label that names a record, not an attribute with its values ("Status: open, closed"), over a list of attributes. */
function recordLabel(label: string, list: string): boolean {
  const w = normalise(label);
  if (!entityNameOf(label) || w.some((x) => CLAUSE_WORDS.includes(x)) || FIELD_WORDS.includes(w[w.length - 1]!) || FIELD_WORDS.includes(singular(w[w.length - 1]!))) return false;
  return /,/.test(list) && namesAttributes(list.replace(/\([^)]*\)/g, ''));
}

/** "first and last name, for organizations the organization name": the scope of an item is no part of it. */
function dropScopes(list: string): string {
  return list.replace(/(^|,\s*)for\s+[a-z]+(?:\s+[a-z]+)?\s+(?=(?:the|an?|their|its)\s)/gi, '$1');
}

/** After "**Term** —": the list after a colon, or the rest when it is a bare list ("ISO code, name, symbol"). */
function attributeTail(rest: string): string {
  // "Kilogram (code KG), Pound (code LB)": values to seed, not attributes.
  if ([...rest.matchAll(NAMED_CODE)].length >= 2) return '';
  const firstSentence = rest.split(/(?<=[.!?])\s+(?=[A-Z])/)[0] ?? '';
  const colon = firstSentence.replace(/\([^)]*\)/g, (m) => m.replace(/:/g, ' ')).indexOf(':');
  if (colon >= 0) return firstSentence.slice(colon + 1);
  if (/^(?:an?|the|one|people|someone|named|this|that)\b/i.test(firstSentence)) return '';
  if (!/,|\band\b/.test(firstSentence)) return '';
  return firstSentence;
}

/** "the things that are actually sold: SKU, price": the list after a colon outside parentheses. */
function afterColon(text: string): string {
  const masked = text.replace(/\([^)]*\)/g, (x) => x.replace(/:/g, ' '));
  const i = masked.indexOf(':');
  // "a name, an email and a role: admin, supervisor or picker": after a list, the colon gives the last item's values.
  const values = i >= 0 && /,/.test(masked.slice(0, i)) && /\band\s+(?:an?|the|its|their)\s+[a-z]+(?:\s+[a-z]+)?\s*$/i.test(masked.slice(0, i)) ? enumValuesOf(text.slice(i + 1).trim().replace(/\.$/, '')) : undefined;
  if (values) return `${text.slice(0, i)} (${values.join(', ')})`;
  return i >= 0 && /,/.test(masked.slice(i)) ? text.slice(i + 1) : text;
}

function previousSentence(doc: Doc, s: Sentence): Sentence | undefined {
  const i = doc.sentences.indexOf(s);
  const prev = i > 0 ? doc.sentences[i - 1] : undefined;
  return prev && prev.block === s.block ? prev : undefined;
}

/** "An order is one checkout: it belongs to an event and has …" → "An order belongs to an event and has …". */
export function restatePronoun(text: string): string {
  const m = COLON_PRONOUN.exec(text);
  return m ? `${m[1]} ${m[2]}` : text;
}

/** Strips the user-story frame so the want itself can be read. */
export function storyless(text: string): string {
  text = text.replace(ACCEPTANCE_LABEL, '');
  const gwt = GIVEN_WHEN_THEN.exec(text);
  if (gwt) return givenThen(gwt[1]!, gwt[2]!) ?? text;
  // "The system shall let an operator define docks" reads as "define docks"; "The system shall store …" as "store …".
  // "The system shall allow a vessel to have several owners and a boater to own several vessels": the thing allowed
  // is a capability of a record, not of a person — "a vessel can have several owners and a boater can own …".
  const capability = SHALL_ALLOW_RECORD.exec(text);
  if (capability && !SYSTEM_SHALL_ACTOR_HEAD.test(capability[1]!)) {
    return text.slice(capability[0].length - capability[0].trimStart().length).replace(SHALL_ALLOW_RECORD, 'a $1 can ').replace(/\b(an?|each)\s+([a-z][\w-]*)\s+to\s+(?=[a-z])/gi, '$1 $2 can ');
  }
  const shall = SYSTEM_SHALL.exec(text);
  if (shall) {
    const rest = text.slice(shall[0].length);
    // "let office staff put …" has a two-word actor; in "let an operator define docks" the second word is the verb.
    return shall[1] && !SYSTEM_SHALL_ACTOR_HEAD.test(shall[1]) ? `${shall[1]} ${rest}` : rest;
  }
  if (!STORY_PREFIX.test(text)) return text;
  return text.replace(STORY_PREFIX, '').replace(STORY_PURPOSE, '');
}

/**
 * "Given I create a client, when I save, then a name and a code are required" → "A client has a name and a code —
 * all required"; "… then I pick the client (required) and …" → "A submission has the client (required) and …".
 * The record is the one the Given clause creates or receives; the Then clause states what it holds.
 */
function givenThen(given: string, then: string): string | undefined {
  const record = GIVEN_RECORD.exec(given);
  if (!record) return undefined;
  const subject = `A ${record[1]}`;
  const settled = /^(.+?)\s+(?:is|are)\s+(required|mandatory|optional)\b(.*)$/i.exec(then);
  if (settled) return `${subject} has ${settled[1]} — all ${/optional/i.test(settled[2]!) ? 'optional' : 'required'}${settled[3]}`;
  const entered = /^(?:i|we|they|the user)\s+(?:pick|choose|select|enter|record|give|fill in|type|provide)\s+(.+)$/i.exec(then);
  if (entered) return `${subject} has ${entered[1]}`;
  return `${subject} ${then}`;
}

/** The record a field table's lead-in names ("… store vessels with the following attributes:"), added if new. */
export function tableLeadIn(doc: Doc, block: Block): DraftEntity | undefined {
  const blocks = block.section.blocks;
  const prev = blocks[blocks.indexOf(block) - 1];
  if (!prev || prev.kind === 'table' || prev.kind === 'heading') return undefined;
  const m = TABLE_LEAD_IN.exec(stripInline(prev.text).trim());
  if (!m) return undefined;
  const words = dropDeterminers(tokens(m[1]!));
  for (const n of [words.length, 1]) {
    const phrase = words.slice(-n);
    if (!phrase.length) continue;
    const hit = doc.registry.resolve(phrase, undefined, { loose: true });
    if (hit) return hit.kind === 'tenant-root' ? undefined : hit;
  }
  // A new record: the head noun, without a verb in front ("store vessels" → vessels).
  const phrase = words.length > 1 && opensWithVerb(words.join(' ') + ' now') ? words.slice(1) : words;
  const name = entityNameOf(phrase.join(' '));
  return name ? doc.registry.add(name, { kind: 'tenant', line: prev.line, ref: trimRef(prev.text), evidence: 'table' }) : undefined;
}

function isFieldTable(block: Block): boolean {
  const header = (block.header ?? []).map((h) => stripInline(h).toLowerCase());
  return header.some((h) => /^(?:field|column|attribute|property|name)s?$/.test(h)) && header.some((h) => /^(?:type|data type|kind|required|notes?|description)$/.test(h));
}

/** "**Owner:** Priya N." and similar document metadata at the top are not requirements. */
function isMetadata(s: Sentence): boolean {
  return s.block.section.level <= 1 && /^\*\*[^*]+:\*\*|^[A-Z][\w ]{0,20}:\s/.test(s.block.text.trim()) && s.block.kind === 'paragraph';
}

export function entityFor(doc: Doc, name: string): DraftEntity | undefined {
  return doc.registry.get(name);
}

export { nameWords };

/**
 * "A basket has many basket lines; each basket line names an item and a quantity", "Each trip has trip stops
 * with a place and an arrival time": a plural compound whose first word is the owner's own name is a child
 * record of the owner (the owner's FK is added by the compound-children rule). The child's attributes are
 * the "with …" list or the "; each <child> <verb> …" clause that follows; the owner gets none of them.
 */
function ownedCompound(subject: string, rest: string): { phrase: string; text: string } | undefined {
  const m = /^(?:many|several|one or more|multiple|any number of|some|its|their)?\s*([a-z][\w-]*)\s+([a-z][\w-]*s)\b\s*(.*)$/i.exec(rest.trim());
  if (!m) return undefined;
  const owner = normalise(subject).pop();
  if (!owner || singular(m[1]!.toLowerCase()) !== singular(owner) || !isPlural(m[2]!.toLowerCase())) return undefined;
  const phrase = `${m[1]} ${singular(m[2]!.toLowerCase())}`;
  const tail = m[3]!.trim();
  const clause = new RegExp(`^[;,]?\\s*(?:and\\s+)?(?:each|every)\\s+(?:${m[1]}\\s+)?[a-z][\\w-]*\\s+(?:names|has|records|holds|carries|lists|stores|contains|includes|gets|references)\\s+(.+)$`, 'i').exec(tail);
  const withList = /^with\s+(.+)$/i.exec(tail);
  if (tail && !clause && !withList && !/^[.;]?$/.test(tail)) return undefined;
  return { phrase, text: (clause?.[1] ?? withList?.[1] ?? '').replace(/\.\s*$/, '') };
}
