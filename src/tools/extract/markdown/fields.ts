/**
 * Attribute phrases → fields or references. One list ("a number shown to customers, unique within the org;
 * subject; status (new, open, solved); the requester (a customer) — required") is split into chunks, each
 * chunk into a head noun phrase and its modifiers (parentheticals, "— optional", "e.g. …"), and the head is
 * named, typed and checked against the known entities: a head that names an entity is a reference, not a field.
 */
import { camelCase, pascalCase } from '../../../model/names.ts';
import type { LogicalType } from '../../../model/model.ts';
import type { Registry } from './registry.ts';
import { normalise } from './registry.ts';
import { dropDeterminers, gerund, singular, splitList, tokens } from './text.ts';
import type { DraftEntity } from './types.ts';
import {
  DATE_AND_TIME, EVENT_DATE_SUBJECT, EVENT_TIME, FALLS_STATE, FLAG_FOR, PRONOUN_EVENT_TIME, FLAG_SUFFIX, HAPPENED_WHEN, HOW_IT_WAS, HOW_LONG, HOW_MANY, HOW_MUCH, MARK_AS,
  NUMBERED_LINES, SUPPLYING_GERUND, WHETHER, WHICH_IT_WAS, WHO_DID,
} from './vocabulary/fieldforms.ts';
import { CLAUSE_WORDS, NUMBER_WORDS, TAIL_CUTTERS } from './vocabulary/grammar.ts';
import { CONTAINER_HEADS, FIELD_SYNONYMS, FIELD_WORDS, NOT_ENTITY } from './vocabulary/nouns.ts';
import { GROUP_CUE, OPTIONAL_CUES, REMARK_TAIL, REQUIRED_CUES } from './vocabulary/required.ts';
import { FRACTIONAL_CUES, LONG_TEXT_CUES, NAME_TYPE_RULES, UNITS } from './vocabulary/types.ts';

export interface Modifiers {
  optional?: boolean;
  required?: boolean;
  enumValues?: string[];
  default?: string | number | boolean;
  declaredType?: LogicalType;
  /** The raw modifier text (parentheticals, dash tails): uniqueness and deletion wording is read from it. */
  notes: string[];
  /** A "from X" / "(a customer)" hint naming the referenced entity. */
  targetHint?: string;
}

export type Chunk =
  | { kind: 'field'; name: string; type: LogicalType; mods: Modifiers; text: string; required?: boolean }
  | { kind: 'ref'; role: string; target: DraftEntity; mods: Modifiers; text: string; many: boolean; required?: boolean; viaHint?: boolean }
  | { kind: 'none'; text: string };

export interface ChunkContext {
  entity?: DraftEntity;
  registry: Registry;
}

const DASH = /\s+[—–-]\s+|\s*—\s*/;

/** Hides parentheses and quotes so list splitting does not cut inside them; `restore` puts them back. */
function mask(text: string): { masked: string; restore: (s: string) => string } {
  const saved: string[] = [];
  const masked = text.replace(/\([^()]*\)|"[^"]*"|“[^”]*”|`[^`]*`/g, (m) => {
    saved.push(m);
    return `\u0000${saved.length - 1}\u0000`;
  });
  return { masked, restore: (s) => s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => saved[Number(i)] ?? '') };
}

/** Splits an attribute list into chunk texts, with the modifiers that a trailing "— both optional" spreads. */
export function splitAttributeList(text: string): { chunks: string[]; group: Modifiers } {
  // "…, role: admin, recruiter or viewer": a label with its values inside a list is one enum attribute.
  const labelled = text.replace(/\.$/, '').replace(DATE_AND_TIME, 'the moment').replace(/(^|,\s*)([a-z][a-z ]{0,25}?):\s+((?:[a-z][a-z0-9_-]*(?:\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+))+[a-z][a-z0-9_-]*)\s*(?=$|;)/g, '$1$2 ($3)');
  const { masked, restore } = mask(labelled);
  const group: Modifiers = { notes: [] };
  let body = masked;
  // A dash tail with "both/all optional" applies to every item before it.
  const dash = body.split(DASH);
  // "a snapshot of what was bought — SKU, product title, …": the list is after the dash.
  if (dash.length > 1 && /^(?:an?\s+|the\s+)?(?:snapshot|copy|record|list|set|summary|breakdown)\s+of\b/i.test(dash[0]!.trim()) && /,/.test(dash.slice(1).join(' '))) {
    body = dash.slice(1).join(' — ');
  } else if (dash.length > 1) {
    const tail = restore(dash.slice(1).join(' — '));
    const g = GROUP_CUE.exec(tail);
    if (g) {
      if (/optional/i.test(g[1]!)) group.optional = true;
      else group.required = true;
      group.notes.push(tail);
      body = dash[0]!;
    } else if (dash.length === 2 && REMARK_TAIL.test(tail.trim()) && !/,/.test(dash[0]!) && /\band\b/.test(dash[0]!)) {
      // "a due at and b due at — computed from the policy when …": a remark on the pair, not a third item.
      group.notes.push(tail);
      body = dash[0]!;
    }
  }
  body = body
    // A quoted or code sample after "e.g." is part of the example, not a list item.
    // It ends at "and an optional description": an article after "and" starts the next attribute.
    .replace(/\s+(?:like|e\.g\.|such as|for example)\s+(?:(?!\s+(?:and|or)\s+(?:an?|the|optional|its|their)\b)[^,;\u0000—–]|\u0000\d+\u0000)*/gi, ' ')
    // "first and last name" → "first name, last name"; "start and end dates" → "start date, end date".
    // Only a modifier that stands alone shares the noun: "job title and start date" keeps its title, and
    // "email and phone number" lists an attribute that is a noun by itself.
    .replace(/(^|[,;:(]\s*|\b(?:the|a|an|its|their|his|her|our|my|your|with|of|for|and|or|plus|by|from|in|on|has|have|records?|stores?)\s+)(?!(?:email|phone|name|title|address|website|status|notes?|description|code|price|date|time|number|age|gender|role)\b)([a-z]+) and (?!(?:the|a|an|its|their|his|her|our)\b)([a-z]+) (names?|dates?|times?|prices?|numbers?|address(?:es)?|lines?)\b/gi, (_, lead: string, a: string, b: string, noun: string) => `${lead}${a} ${singular(noun.toLowerCase())}, ${b} ${singular(noun.toLowerCase())}`)
    // "a billing address: two address lines, city, …": a group label inside the list gives way to its items.
    .replace(/(,|\band)\s+(?:an?\s+|the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?:\s+/gi, ', ');
  // "a preferred currency; when it isn't set, new invoices default to …": a conditional clause ends the list.
  body = body.replace(/\s*;\s*(?:when|if|unless|once|otherwise)\b.*$/i, '');
  const pieces = splitList(body.replace(/\s*,?\s*\bplus\b\s*/gi, ', '));
  const chunks: string[] = [];
  // "the name and, optionally, a contact email, a phone number": every item after the adverb is optional.
  let optionalFromHere = false;
  for (const piece of pieces) {
    let restored = restore(piece).replace(/\s+(?:and|or)$/i, '');
    const adverb = /^optionally\b[,:]?\s*/i.exec(restored);
    if (adverb) {
      optionalFromHere = true;
      restored = restored.slice(adverb[0].length);
      if (!restored) continue;
    }
    // "a name and may have a description": a modal repeats the verb for the items that follow.
    const modal = /^(?:(may|can|might|could)|must|shall|should|will)\s+(?:also\s+)?(?:have|has|include|record|carry)\s+/i.exec(restored);
    if (modal) restored = restored.slice(modal[0].length) + (modal[1] ? ' (optional)' : '');
    if (optionalFromHere) restored += ' (optional)';
    // Pure modifier pieces ("unique within the org", "e.g. acme.com", "optional") belong to the previous chunk.
    // "which step it was" is an attribute of its own, not a relative clause of the previous one.
    if (chunks.length > 0 && !WHICH_IT_WAS.test(restored) && (/^(?:optional|required|mandatory|always)$/i.test(restored) || /^[—–-]\s/.test(restored) || /^(?:unique|default|defaults|e\.g\.|eg|i\.e\.|such as|like|never|both|all|(?:empty|blank|null|none) for|if |when (?:present|set|known|applicable)|computed|shown|stored|set |used |only |which |that |must |can |may |no |not |but |so |unless )/i.test(restored))) {
      chunks[chunks.length - 1] += ', ' + restored;
      continue;
    }
    chunks.push(restored);
  }
  return { chunks, group };
}

/** Enumerated values from "(a, b, c)", "a | b", "a / b / c", "a → b → c"; undefined unless it reads like values. */
export function enumValuesOf(text: string): string[] | undefined {
  let t = text.replace(/[…]|\.\.\.|\betc\.?/g, '').replace(/\s*[-—–]\s*default\b.*$/i, '').replace(/\bdefaults? (?:to|is)?\s*\S+\.?$/i, '');
  // Examples ("e.g. GAR, UNIT2") illustrate free values; they do not close the set.
  if (/^(?:e\.g\.?|for example|such as|like)\s/i.test(t.trim())) return undefined;
  t = t.replace(/^(?:one of|either|values?:?|i\.e\.?)\s*/i, '').trim();
  if (!t) return undefined;
  // "GTIN/UPC" explains a value; "open / won / lost" lists values.
  if (/^[A-Z0-9]+(?:\/[A-Z0-9]+)+$/.test(t)) return undefined;
  const parts = t.split(/\s*(?:,\s*(?:or|and)\s+|,|\s+or\s+|\s*\|\s*|\s+\/\s+|(?<=[a-z])\/(?=[a-z])|\s*→\s*|\s*->\s*)\s*/).map((s) => s.trim().replace(/^["'`“]|["'`”.]$/g, '')).filter(Boolean);
  if (parts.length < 2) return undefined;
  if (parts.some((p) => !/^[A-Za-z][\w -]*$/.test(p) || p.split(/\s+/).length > 3)) return undefined;
  // "(for an individual, the full name)" explains; values do not open with a preposition or an article.
  // "on hold" and "in the shop" are values; "for an individual" is not.
  if (parts.some((p) => {
    const [w, next] = p.toLowerCase().split(/\s+/);
    return CLAUSE_WORDS.includes(w!) || (next !== undefined && (['the', 'a', 'an'].includes(w!) || (TAIL_CUTTERS.includes(w!) && ['a', 'an'].includes(next))));
  })) return undefined;
  // "(required, unique per org)" lists modifiers, not values.
  if (parts.some((p) => OPTIONAL_CUES.test(p) || REQUIRED_CUES.test(p) || /\bunique\b/i.test(p))) return undefined;
  return parts.map((p) => p.toLowerCase().replace(/[\s-]+/g, '_'));
}

function defaultOf(text: string): string | number | boolean | undefined {
  const m = /\bdefaults?\s*(?:to|is|:|=|value)?\s*["'`“]?([\w.-]+)/i.exec(text);
  if (!m) return undefined;
  const v = m[1]!.replace(/\.$/, '');
  if (/^(?:true|yes|on)$/i.test(v)) return true;
  if (/^(?:false|no|off)$/i.test(v)) return false;
  if (/^-?\d+(?:\.\d+)?$/.test(v)) return Number(v);
  if (['the', 'a', 'an', 'of'].includes(v.toLowerCase())) return undefined;
  return v.toLowerCase();
}

/** Reads required/optional/default/enum wording into modifiers. */
export function readModifiers(text: string, into: Modifiers): void {
  if (!text.trim()) return;
  into.notes.push(text);
  const lower = text.toLowerCase();
  if (OPTIONAL_CUES.test(lower) && !/\bnot optional\b/.test(lower)) into.optional = true;
  if (REQUIRED_CUES.test(lower) && !/\bnot required\b/.test(lower)) into.required = true;
  const d = defaultOf(text);
  if (d !== undefined) into.default = d;
  if (!into.enumValues) {
    const values = enumValuesOf(text);
    if (values) into.enumValues = values;
  }
  const from = /\b(?:from|of)\s+(?:the\s+)?([a-z][\w-]*)/i.exec(text.trim());
  if (from && !into.targetHint) into.targetHint = from[1];
  const who = /^(?:the|an?)\s+([a-z]+)\s+(?:who|that|which)\b/i.exec(text.trim());
  if (who) into.targetHint = who[1];
  const article = /^(?:an?|one)\s+([a-z][\w -]*)$/i.exec(text.trim());
  if (article && !into.targetHint) into.targetHint = article[1];
  const bare = /^([a-z]+s)$/i.exec(text.trim());
  if (bare && !into.targetHint) into.targetHint = bare[1];
}

/** Infers a logical type from the field's words and its modifiers. */
export function inferType(name: string, mods: Modifiers): LogicalType {
  if (mods.enumValues && mods.enumValues.length >= 2) return 'enum';
  const w = tokens(name.replace(/([a-z])([A-Z])/g, '$1 $2')).join(' ');
  const notes = mods.notes.join(' ');
  if (mods.declaredType && mods.declaredType !== 'string') {
    if (mods.declaredType === 'integer' && FRACTIONAL_CUES.test(notes)) return 'decimal';
    return mods.declaredType;
  }
  if (LONG_TEXT_CUES.test(notes) && !/\b(?:date|at|count)$/.test(w)) return 'text';
  for (const rule of NAME_TYPE_RULES) {
    if (rule.name.test(w)) {
      if (rule.type === 'integer' && /\bquantity|qty\b/.test(w) && FRACTIONAL_CUES.test(notes)) return 'decimal';
      return rule.type;
    }
  }
  return 'string';
}

/** Cleans a head phrase into name words, or undefined when it is a clause, a remark or too long. */
export function nameWords(head: string, verbatim = false): string[] | undefined {
  if (verbatim) {
    // A table's field cell is a name already: keep every word ("planted on", "amount in cents").
    const w = tokens(head.replace(/\([^)]*\)/g, ' ').replace(/[`"]/g, ' ')).filter((x) => !/\d/.test(x) || /^[a-z]+\d$/.test(x));
    return w.length > 0 && w.length <= 6 ? w : undefined;
  }
  let t = head
    .replace(/\([^)]*\)/g, ' ')
    .replace(/["“”`]/g, ' ')
    .replace(/\b(?:e\.g\.|i\.e\.)[\s\S]*$/i, ' ')
    .replace(/\b(?:optional(?:ly)?|required|mandatory|always|free-?text|numeric|short|long|unique|rich-?text|plain-?text|random)\b/gi, ' ')
    .replace(/^\s*(?:(?:one|zero) or more|at least one|any number of|up to \w+|several|many|multiple)\s+/i, ' ');
  // "the submitted-at time", "a cancelled-at timestamp": the hyphenated "<verb>-at" is the name (submittedAt).
  t = t.replace(/\b([a-z]+)-(at|on)\s+(?:time|timestamp|date-?time|date)\b/gi, '$1 $2');
  // "notes/payment terms": a plural noun before the slash is a name by itself; the alternative is a whole phrase.
  t = t.replace(/\b([a-z]+s)\/[a-z][\w-]*\s+([a-z]+s)\b/gi, '$1');
  // "region/state" → "region"; "notes/body" → "notes".
  t = t.replace(/\b([a-z][\w-]*)\/[a-z][\w/-]*/gi, '$1');
  // "English name", "local title": a language qualifier does not make another attribute.
  t = t.replace(/\b(?:english|french|german|spanish|italian|dutch|portuguese|native|local)\s+(?=(?:name|title|label)\b)/gi, '');
  let w = tokens(t);
  w = dropDeterminers(w);
  // "a note explaining why", "a comment describing the issue": a participle clause after the head ends the name.
  const participle = w.findIndex((x, i) => i > 0 && /ing$/.test(x) && /^(?:why|what|how|who|when|where|the|a|an|it|its|their|that|this)$/.test(w[i + 1] ?? ''));
  if (participle > 0) w = w.slice(0, participle);
  // "the maximum number of unused days that carry over" → max carry over days; "the minimum number of guests" → min guests.
  const limit = /^(maximum|minimum|max|min) number of (?:[a-z]+ )?([a-z]+s)(?: (?:that|which|to) ([a-z]+)(?: (over|out|back|forward|up|in))?)?\b/.exec(w.join(' '));
  if (limit && !CLAUSE_WORDS.includes(limit[3] ?? '')) return [limit[1]!.slice(0, 3), ...(limit[3] ? [limit[3], ...(limit[4] ? [limit[4]] : [])] : []), limit[2]!];
  // "a description of what happened": the clause after "of" says what it describes, the head names it.
  const ofClause = w.findIndex((x, i) => i > 0 && x === 'of' && /^(?:what|how|who|why|which|where|when|whether)$/.test(w[i + 1] ?? ''));
  if (ofClause > 0) w = w.slice(0, ofClause);
  // "a snapshot of the shipping address" names the shipping address.
  if (w.length > 2 && CONTAINER_HEADS.includes(w[0]!) && w[1] === 'of') w = dropDeterminers(w.slice(2));
  // "a hash of the token" → token hash.
  if (w.length > 2 && ['hash', 'digest', 'checksum', 'fingerprint'].includes(w[0]!) && w[1] === 'of') w = [...dropDeterminers(w.slice(2)), w[0]!];
  // "number of decimal places" → "decimal places"; "amount of X" stays.
  if (w.length > 2 && w[0] === 'number' && w[1] === 'of') w = dropDeterminers(w.slice(2));
  // "scheduled at", "due at", "starts on": a trailing at/on is the name's time suffix, not a preposition.
  const cut = w.findIndex(
    (x, i) =>
      i > 0 && TAIL_CUTTERS.includes(x) && !(['at', 'on', 'by'].includes(x) && i === w.length - 1) &&
      // "quantity on hand": a bare one-word object after on/in is part of the name.
      !(['on', 'in'].includes(x) && i === w.length - 2 && !isPluralWord(w[i + 1]!) && !UNITS.includes(w[i + 1]!)),
  );
  const unitAt = w.findIndex((x, i) => i > 0 && x === 'in' && UNITS.includes(w[i + 1] ?? ''));
  if (unitAt > 0) w = [...w.slice(0, unitAt), w[unitAt + 1]!];
  else if (cut > 0) w = w.slice(0, cut);
  w = w.filter((x) => !/\d/.test(x) || /^[a-z]+\d$/.test(x));
  // "channel it came in through": a relative clause without "that" ends the name.
  // "the unit its result is reported in": a possessive after the head opens a relative clause too.
  const clause = w.findIndex((x, i) => CLAUSE_WORDS.includes(x) || (i > 0 && ['its', 'their', 'his', 'her', 'our', 'your'].includes(x)));
  if (clause >= 1) w = w.slice(0, clause);
  // "a QR code string": a trailing type word does not name anything.
  if (w.length > 1 && w[w.length - 1] === 'string') w = w.slice(0, -1);
  if (w.length === 0 || w.length > 4) return undefined;
  if (w.some((x) => CLAUSE_WORDS.includes(x))) return undefined;
  // "a heating type", "the cooking time": a gerund before a field noun is a compound noun, not an action.
  const compound = w.length >= 2 && FIELD_WORDS.includes(w[1]!);
  if (w[0] === 'to' || w[0] === 'of' || w[0] === 'with' || /ing$/.test(w[0]!) && w.length > 1 && !compound && !['billing', 'shipping', 'opening', 'closing', 'starting', 'ending', 'reading', 'rating', 'listing', 'pricing', 'meeting', 'training', 'booking', 'parking', 'routing', 'tracking', 'setting', 'heading', 'mailing', 'landing', 'onboarding', 'working', 'remaining', 'ordering', 'outstanding', 'pending', 'existing', 'recurring', 'processing', 'handling', 'packaging', 'funding', 'hosting', 'sending', 'receiving', 'earning', 'accounting', 'marketing', 'warning', 'building', 'drawing'].includes(w[0]!)) return undefined;
  // "Lifecycle" is no name of its own but a synonym of status: the check reads the mapped words.
  if (NOT_ENTITY.includes(w.join(' ')) && !['status', 'name', 'email', 'type', 'notes', 'note', 'version', 'summary', 'scope', 'goal', 'context'].includes(w.map((x) => FIELD_SYNONYMS[x] ?? x).join(' '))) return undefined;
  return w.map((x) => FIELD_SYNONYMS[x] ?? x);
}

/** Parses one chunk. `previous` is the chunk before it: a bare "when" after "who acknowledged it" is acknowledgedAt. */
export function parseChunk(text: string, ctx: ChunkContext, previous?: Chunk): Chunk {
  const mods: Modifiers = { notes: [] };
  let head = text.trim().replace(/^(?:and|or|plus|also|then)\s+/i, '');
  if (SUPPLYING_GERUND.test(head)) {
    if (/^optionally\b/i.test(head)) mods.optional = true;
    head = head.replace(SUPPLYING_GERUND, '');
  }
  // Parentheticals are modifiers.
  head = head.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    readModifiers(inner, mods);
    return ' ';
  });
  // ", unique within the org", " — optional", ": a, b, c" tails are modifiers.
  const tailMatch = /(\s+[—–-]\s+|\s*—\s*|,\s+|:\s+)/.exec(head);
  if (tailMatch && tailMatch.index > 0) {
    readModifiers(head.slice(tailMatch.index + tailMatch[0].length), mods);
    head = head.slice(0, tailMatch.index);
  }
  // "maybe a title": what a record may have, it may lack.
  head = head.replace(/^(?:maybe|perhaps|possibly)\s+/i, () => {
    mods.optional = true;
    return '';
  });
  // "optional phone", "an optional reference", "optionally the country": leading optionality.
  if (/^(?:an?\s+|the\s+)?optional(?:ly)?\b/i.test(head)) mods.optional = true;
  if (/^(?:an?\s+|the\s+)?required\b/i.test(head)) mods.required = true;
  if (/\b(?:if|when)\s+(?:applicable|any|present|set|known|available|they were|it was|it is)\b/i.test(head)) mods.optional = true;
  // "the groomer may be left empty until someone is found", "the parent is optional": a clause settling the item.
  if (/\b(?:may|can)\s+be\s+(?:left\s+)?(?:empty|blank|unset|unassigned|null)\b|\b(?:is|are)\s+optional\b/i.test(head)) mods.optional = true;
  head = head.replace(/\s+(?:if|when)\s+.*$/i, '').replace(/,?\s*(?:if applicable|where applicable)\s*,?/gi, ' ').trim();
  const h = head.replace(/^(?:an?|the)\s+(?:optional\s+)?/i, '').trim();

  const field = (words: string[], type?: LogicalType, extra: Partial<Modifiers> = {}): Chunk => {
    Object.assign(mods, extra);
    const name = camelCase(words.join(' '));
    return { kind: 'field', name, type: type ?? inferType(name, mods), mods, text };
  };

  // Indirect shapes first.
  let m: RegExpExecArray | null;
  if ((m = WHO_DID.exec(h))) {
    const user = ctx.registry.userEntity ? ctx.registry.get(ctx.registry.userEntity) : undefined;
    if (user) return { kind: 'ref', role: camelCase(`${m[2]} by`), target: user, mods, text, many: false };
  }
  if (/^when$/i.test(h) && previous?.kind === 'ref' && /By$/.test(previous.role)) {
    // "who decided, which step it was, the decision and when": the time of the act named by the who-chunk.
    return field([previous.role.replace(/By$/, ''), 'at'], 'datetime', { optional: previous.mods.optional });
  }
  // A column written as an identifier ("password_hash", "category_id") is a name already.
  if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(h)) {
    const ref = /^(.+)_id$/.exec(h);
    const target = ref ? ctx.registry.resolve(ref[1]!.replace(/_/g, ' ')) : undefined;
    if (target && target !== ctx.entity && target.kind !== 'tenant-root') return { kind: 'ref', role: camelCase(ref![1]!), target, mods, text, many: false };
    return field(h.split('_'));
  }
  const headWithArticle = head.replace(/^(?:an?\s+)?optional\s+/i, '').trim();
  // The date of something the subject will do is unknown until it happens: optional unless stated.
  if ((m = FALLS_STATE.exec(headWithArticle))) {
    const day = /^(?:date|day)$/i.test(m[1]!);
    return field([m[2]!.toLowerCase(), day ? 'on' : 'at'], day ? 'date' : 'datetime');
  }
  if ((m = PRONOUN_EVENT_TIME.exec(headWithArticle)) && !/(?:ss|us|is)$/i.test(m[2]!)) {
    const day = /^(?:date|day)$/i.test(m[1]!);
    return field([m[2]!.toLowerCase(), day ? 'on' : 'at'], day ? 'date' : 'datetime');
  }
  if ((m = EVENT_DATE_SUBJECT.exec(headWithArticle))) return field([gerund(m[2]!), m[1]!.toLowerCase() === 'time' ? 'at' : 'date'], undefined, mods.required ? {} : { optional: true });
  if ((m = HAPPENED_WHEN.exec(headWithArticle))) {
    // A word naming another entity says who acted ("the first agent response"), not what happened.
    const w = tokens(m[1]!).filter((x) => { const e = ctx.registry.resolve(x); return !e || e === ctx.entity; });
    if (w.length) return field([...w, 'at'], 'datetime', mods.required ? {} : { optional: true });
  }
  if ((m = EVENT_TIME.exec(headWithArticle))) {
    const kind = (m[1] ?? '').toLowerCase();
    const verb = m[2]!.toLowerCase().split(/\s+/);
    if (!['it', 'was', 'is'].includes(verb[verb.length - 1]!))
      return field([...verb, kind === 'date' || kind === 'day' ? 'on' : 'at'], kind === 'date' || kind === 'day' ? 'date' : 'datetime');
  }
  if ((m = WHETHER.exec(h))) {
    const be = m[1] || /^(?:it's|it’s|they're|they’re)\b/i.test(h.replace(/^whether\s+/i, ''));
    let rest = dropDeterminers(tokens(m[2]!.replace(/^(?:it's|it’s|they're|they’re)\s+/i, '')));
    // "whether it needs approval" → needsApproval: a have-verb is part of the flag's name.
    // "whether it needs a room" → needsRoom: an article inside the phrase is no part of the name.
    rest = rest.filter((x) => (!CLAUSE_WORDS.includes(x) || ['has', 'needs'].includes(x)) && !['a', 'an', 'the'].includes(x));
    if (rest.length > 0 && rest.length <= 4) {
      // "they accept marketing emails" → acceptsMarketingEmails; "it is paid" → isPaid.
      const verbFirst = !be && rest.length > 1 && !/s$/.test(rest[0]!) ? [rest[0] + 's', ...rest.slice(1)] : rest;
      return field(be ? ['is', ...rest] : verbFirst, 'boolean');
    }
  }
  if ((m = FLAG_FOR.exec(h))) {
    const w = tokens(m[1]!).filter((x) => !CLAUSE_WORDS.includes(x));
    return field(w.slice(-3), 'boolean');
  }
  if ((m = FLAG_SUFFIX.exec(h))) {
    // "a "do not contact" flag that defaults to off": the clause after the flag is its modifier.
    if (m[2]) readModifiers(m[2], mods);
    // "an is_hazardous flag": the flag's column name written as an identifier.
    if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(m[1]!.trim())) return field(m[1]!.trim().split('_'), 'boolean');
    // A quoted name is the flag's own label, negations and all.
    const quoted = /^["“]([^"”]{1,40})["”]$/.exec(m[1]!.trim().replace(/^(?:an?|the)\s+/i, ''));
    if (quoted) return field(tokens(quoted[1]!), 'boolean');
    const w = nameWords(m[1]!);
    if (w) return field(w, 'boolean');
  }
  if ((m = HOW_MUCH.exec(h))) return field(['amount', m[1]!], 'decimal');
  if ((m = HOW_MANY.exec(h))) return field(tokens(m[1]!), 'integer');
  if (HOW_LONG.test(h)) {
    const unit = mods.notes.join(' ').match(new RegExp(`\\b(${UNITS.join('|')})\\b`, 'i'));
    return field(unit ? ['duration', unit[1]!] : ['duration'], 'integer');
  }
  if ((m = HOW_IT_WAS.exec(h))) return field(['method'], mods.enumValues ? 'enum' : 'string');
  if ((m = WHICH_IT_WAS.exec(h))) return field(tokens(m[1]!));
  if ((m = NUMBERED_LINES.exec(h))) {
    const n = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
    return { kind: 'none', text: `${m[2]} line x${n}` } as Chunk;
  }

  // "a link to the variant", "a reference to the invoice": a reference by name.
  const link = /^(?:an?\s+)?(?:link|reference|pointer|connection|relation)\s+to\s+(?:the|a|an|its|their)?\s*([a-z][\w -]*?)(?:\s+(?:if|when|that|which)\b.*)?$/i.exec(h);
  if (link) {
    const t = ctx.registry.resolve(link[1]!, undefined, { loose: true });
    if (t && t.kind !== 'tenant-root') return { kind: 'ref', role: camelCase(normalise(link[1]!).join(' ')), target: t, mods, text, many: false };
  }
  const quantified = /^(?:(?:one|zero) or more|at least one|any number of|up to \w+|several|many|multiple)\s+/i.test(h)
    // "a box per shipping month", "one ticket for each seat": one per something else is many of them.
    || /^(?:an?|one)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:per|for each|for every)\s/i.test(text.trim());
  const words = nameWords(h);
  if (!words) return { kind: 'none', text };
  // A yes/no suffix is a flag: "internal note yes/no".
  if (/\byes\s*\/\s*no\b/i.test(text)) {
    const w = words.filter((x) => x !== 'yes' && x !== 'no');
    return field(['is', ...w], 'boolean');
  }

  // A reference: the head (or a hint in the modifiers) names an entity.
  const target = resolveTarget(words, mods, ctx) ?? (quantified && words.length === 1 ? childNamed(words[0]!, ctx) : undefined);
  if (target) {
    const roleWords = words.length === 1 && isPluralWord(words[0]!) ? [singular(words[0]!)] : singularise(words);
    const viaHint = !ctx.registry.resolve(words, undefined, { loose: true });
    return { kind: 'ref', role: camelCase(roleWords.join(' ')), target, mods, text, many: quantified || isPluralWord(words[words.length - 1]!), viaHint };
  }
  return field(words);
}

/** "one or more steps" in a job's list: the one entity whose name ends with that word (JobStep), field word or not. */
function childNamed(word: string, ctx: ChunkContext): DraftEntity | undefined {
  const head = singular(word);
  const found = ctx.registry.list().filter((e) => e !== ctx.entity && e.kind !== 'tenant-root' && tokens(e.name.replace(/([a-z])([A-Z])/g, '$1 $2')).pop() === head);
  return found.length === 1 ? found[0] : undefined;
}

function singularise(words: string[]): string[] {
  return [...words.slice(0, -1), singular(words[words.length - 1]!)];
}

function isPluralWord(w: string): boolean {
  return singular(w) !== w;
}

function resolveTarget(words: string[], mods: Modifiers, ctx: ChunkContext) {
  const reg = ctx.registry;
  if (mods.enumValues) return undefined;
  const direct = reg.resolve(words, undefined);
  if (direct && direct.kind !== 'tenant-root') {
    // The section's own entity is only a target when the phrase marks a self-reference ("parent task").
    if (direct !== ctx.entity) return direct;
    if (words.length > 1) return direct;
  }
  if (mods.targetHint) {
    const hinted = reg.resolve(mods.targetHint, undefined, { loose: true });
    if (hinted && hinted.kind !== 'tenant-root') return hinted;
  }
  // "parent task", "default currency", "preferred currency": a modifier before an entity's name.
  if (words.length > 1) {
    const loose = reg.resolve(words, undefined, { loose: true });
    if (loose && loose.kind !== 'tenant-root' && !/^(?:name|title|number|code|key|date|status|value|count|email|type|total|amount|price|time|id)$/.test(words[words.length - 1]!)) return loose;
  }
  // "the instructor who teaches it" where instructor is one of the staff's roles: that entity, in that role.
  if (words.length === 1) {
    const value = singular(words[0]!);
    const holders = reg.list().filter((e) => e !== ctx.entity && e.fields.some((f) => f.type === 'enum' && /role|type|kind/i.test(f.name) && (f.enumValues ?? []).includes(value)));
    if (holders.length === 1) return holders[0];
  }
  return undefined;
}

/** Whole-list parse: chunk texts in, chunks out, group modifiers applied. */
export function parseAttributeList(source: string, ctx: ChunkContext): Chunk[] {
  // "one or more line items": the quantifier's "or" is not a list separator.
  let text = source.replace(/\b(?:one|zero) or more\b/gi, 'several');
  // "which subscription, which box, shipped date": items that open with "which" name what the record is for.
  if (/^\s*which\s+[^,]+,\s*which\s/i.test(text)) text = text.replace(/(^|,\s*)which\s+/gi, '$1');
  const mark = MARK_AS.exec(text);
  if (mark) {
    // "the first and/or last day as a half day" → first day half, last day half (the repeated head is dropped).
    const head = mark[3]?.toLowerCase();
    const state = tokens(mark[4]!).filter((w, i, all) => !(i === all.length - 1 && all.length > 1 && w === head));
    const flags = [mark[1]!, mark[2]].filter((x): x is string => !!x).map((mod) => `${[mod, head, ...state].filter(Boolean).join(' ')} flag`);
    text = text.slice(0, mark.index) + flags.join(', ') + text.slice(mark.index + mark[0].length);
  }
  // "status: open / won / lost, plus the closed date": a label with its values, then more attributes.
  const labelled = /^([A-Za-z][\w -]{0,30}?)\s*:\s+(.+)$/.exec(text.trim());
  // "desk: a name and …" inside the desk's own statement: the label just repeats the subject.
  if (labelled && ctx.entity && ctx.registry.resolve(labelled[1]!, ctx.entity) === ctx.entity) return parseAttributeList(labelled[2]!, ctx);
  // "required: first name, last name, email" / "optional: phone, website": the label settles every item.
  const settled = labelled && /^(?:required|mandatory|optional)$/i.test(labelled[1]!.trim()) ? /^optional$/i.test(labelled[1]!.trim()) : undefined;
  if (settled !== undefined) {
    const items = parseAttributeList(labelled![2]!, ctx);
    for (const c of items) if (c.kind !== 'none') (settled ? (c.mods.optional = true) : (c.mods.required = true));
    return items;
  }
  if (labelled && !/s$/i.test(labelled[1]!.trim()) && tokens(labelled[1]!).length <= 3 && /^(?:optional|required|unique|the|an?|one|from|picked|exactly|always|yes|no)\b/i.test(labelled[2]!.trim())) {
    // "avatar: optional, picked from the media library": one attribute with its notes.
    return [parseChunk(`${labelled[1]} — ${labelled[2]}`, ctx)];
  }
  if (labelled) {
    const [valuesPart, ...more] = labelled[2]!.split(/\s*(?:,\s*plus\b|;|\s+plus\s+|,\s*and also\b)\s*/i);
    const values = enumValuesOf(valuesPart!.replace(/\.$/, ''));
    if (values) {
      const head = parseChunk(`${labelled[1]} (${values.join(', ')})`, ctx);
      return [head, ...(more.length ? parseAttributeList(more.join(', '), ctx) : [])];
    }
    // "SLA deadlines: a and b": a group label over attributes.
    if (!ctx.registry.resolve(labelled[1]!) && /s$/i.test(labelled[1]!.trim())) return parseAttributeList(labelled[2]!, ctx);
  }
  const { chunks, group } = splitAttributeList(text);
  const out: Chunk[] = [];
  for (const c of chunks) {
    const chunk = parseChunk(c, ctx, /^(?:and\s+)?when$/i.test(c.trim()) ? [...out].reverse().find((k) => k.kind === 'ref' && /By$/.test(k.role)) : out[out.length - 1]);
    if (chunk.kind === 'none' && / line x(\d)$/.test(chunk.text)) {
      const [, base, n] = /^(.*) line x(\d)$/.exec(chunk.text)!;
      for (let i = 1; i <= Number(n); i++) out.push({ kind: 'field', name: camelCase(`${base} line ${i}`), type: 'string', mods: { notes: [], optional: i > 1 ? true : undefined }, text: c });
      continue;
    }
    if (group.optional && chunk.kind !== 'none') chunk.mods.optional = true;
    if (group.required && chunk.kind !== 'none') chunk.mods.required = true;
    if (chunk.kind !== 'none') chunk.mods.notes.push(...group.notes);
    out.push(chunk);
  }
  // "(last name optional — …)": a note naming a sibling settles that sibling.
  for (const chunk of out) {
    if (chunk.kind === 'none') continue;
    for (const note of chunk.mods.notes) {
      const m = /^([a-z][\w ]*?)\s+(optional|required)\b/i.exec(note.trim());
      if (!m) continue;
      const sib = out.find((c) => c.kind === 'field' && c.name === camelCase(m[1]!));
      if (sib && sib.kind === 'field') {
        if (/optional/i.test(m[2]!)) sib.mods.optional = true;
        else sib.mods.required = true;
        if (sib !== chunk) {
          chunk.mods.optional = chunk.mods.optional && chunk.mods.notes.some((n) => n !== note && OPTIONAL_CUES.test(n)) ? true : undefined;
        }
      }
    }
  }
  return out;
}

export function entityNameOf(phrase: string): string | undefined {
  let w = normalise(phrase);
  // "a parts catalogue", "the member register": the container names the records it holds.
  if (w.length >= 2 && ['catalogue', 'catalog', 'register', 'registry', 'directory', 'roster', 'list'].includes(w[w.length - 1]!)) w = normalise(w.slice(0, -1).join(' '));
  // "the two records …": a count names nothing.
  while (w.length && NUMBER_WORDS[w[0]!] !== undefined) w = w.slice(1);
  if (w.length === 0 || w.length > 3) return undefined;
  // "Lawyers and paralegals" coordinates two things; "lawyers additionally" carries an adverb, not a name.
  if (w.some((x) => CLAUSE_WORDS.includes(x) || TAIL_CUTTERS.includes(x) || /\d/.test(x) || x === 'and' || x === 'or' || (/ly$/.test(x) && x.length > 5))) return undefined;
  if (NOT_ENTITY.includes(w.join(' '))) return undefined;
  return pascalCase(w.join(' '));
}
