/**
 * Closed-class words the sentence-structure reader (clause-links.ts) needs to read "subject, verb, quantifier,
 * object": modals, quantifiers, and the verbs whose meaning settles which side of a link holds the reference.
 * General English only: nothing here names a domain, an entity or a PRD.
 */

/** Modal and auxiliary words between a subject and its verb. Those in OPTIONAL_MODALS make the link optional. */
export const MODALS: readonly string[] = ['can', 'may', 'might', 'could', 'shall', 'must', 'will', 'should', 'would', 'always', 'also', 'usually', 'typically', 'normally', 'only', 'then', 'each', 'optionally'];
export const OPTIONAL_MODALS: readonly string[] = ['can', 'may', 'might', 'could', 'optionally'];

/** Words that deny the clause: nothing is read from it. */
export const NEGATIONS: readonly string[] = ['not', 'never', 'cannot', "can't", 'can’t', 'no', "won't", "doesn't", "don't", 'nor', 'without'];

/** Forms of "be" and "get" that make a following participle passive ("is used in", "gets assigned to"). */
export const PASSIVE_AUX: readonly string[] = ['is', 'are', 'be', 'been', 'being', 'was', 'were', 'gets', 'get', 'got'];

/** Quantifiers that make the object side "many" (read as token sequences, longest first). */
export const MANY_WORDS: readonly string[][] = [
  ['any', 'number', 'of'], ['zero', 'or', 'more'], ['one', 'or', 'more'], ['two', 'or', 'more'], ['a', 'number', 'of'],
  ['more', 'than', 'one'], ['a', 'list', 'of'], ['a', 'tree', 'of'], ['a', 'hierarchy', 'of'], ['a', 'collection', 'of'], ['a', 'series', 'of'], ['a', 'history', 'of'], ['a', 'set', 'of'], ['lots', 'of'], ['a', 'few'], ['several'], ['many'], ['multiple'], ['various'],
];

/** Determiners and quantifiers that make the object side one row. */
export const ONE_WORDS: readonly string[][] = [
  ['exactly', 'one'], ['a', 'single'], ['one', 'and', 'only', 'one'], ['one'], ['a'], ['an'], ['the'], ['its'], ['their'], ['that'], ['this'],
];

/** Quantifiers that say the object is exactly one ("one", "exactly one"): any verb then names the one row referenced. */
export const STRICT_ONE: readonly string[] = ['one', 'exactly one', 'a single', 'one and only one'];

/**
 * Verbs whose subject gathers the object rows ("a subscriber can save several addresses", "each plan gets a box
 * per month"): with a "many" object (or "a Y per Z") the object rows each point at the subject.
 */
export const GATHER_VERBS: readonly string[] = [
  'have', 'hold', 'own', 'contain', 'include', 'save', 'keep', 'store', 'carry', 'get', 'receive', 'place', 'make',
  'create', 'run', 'manage', 'host', 'schedule', 'issue', 'book', 'file', 'submit', 'raise', 'log', 'record', 'take',
  'generate', 'produce', 'employ', 'list', 'collect', 'gather', 'accumulate', 'add', 'open', 'write', 'post',
  'register', 'define', 'maintain', 'offer', 'sell', 'publish', 'upload', 'attach', 'organise', 'organize', 'group',
  'consist', 'comprise', 'track', 'start', 'launch', 'plan', 'span', 'spawn', 'accrue', 'incur',
];

/**
 * Verbs whose subject points at the object ("a load shall reference a carrier", "a location may sit inside
 * another location"): with a one-row object the subject holds the reference.
 */
export const POINT_VERBS: readonly string[] = [
  'reference', 'refer', 'point', 'belong', 'link', 'tie', 'relate', 'use', 'follow', 'target', 'concern', 'cover',
  'sit', 'live', 'happen', 'occur', 'apply', 'attach', 'fall', 'come', 'report', 'depend', 'derive', 'extend',
  'replace', 'supersede', 'copy', 'duplicate', 'mirror', 'answer', 'respond', 'reply', 'describe', 'document',
];

/** Verbs that tie the subject to every object they list ("a subscription ties a subscriber to a plan"). */
export const LINKING_VERBS: readonly string[] = ['tie', 'link', 'connect', 'join', 'bind', 'pair', 'match', 'associate'];

/** Verbs of looking at data: "a manager can see several reports" says nothing about who holds a reference. */
export const VIEW_VERBS: readonly string[] = [
  'see', 'view', 'search', 'find', 'filter', 'browse', 'read', 'access', 'export', 'import', 'print', 'show', 'display',
  'compare', 'sort', 'query', 'review', 'approve', 'reject', 'edit', 'change', 'update', 'delete', 'remove', 'archive',
  'need', 'want', 'like', 'choose', 'pick', 'select', 'know', 'check', 'watch', 'monitor', 'visit', 'call', 'email',
];

/** Words allowed between two objects of one verb ("one shipper and one required equipment type", "to a plan and to …"). */
export const OBJECT_JOINERS: readonly string[] = ['and', 'or', 'to', 'with', 'a', 'an', 'the', 'one', 'exactly', 'single', 'its', 'their', 'required', 'optional', 'mandatory', 'also', 'either', 'both', 'another', 'other'];

/** Words that make the link conditional (and so optional) when they follow the object ("once it is booked"). */
export const CONDITION_WORDS: RegExp = /\b(?:once|until|unless|if|when|whenever|before|after|optional(?:ly)?|sometimes|where applicable)\b/i;

/** Prepositions after which a plural object of an instruction belongs to what follows ("record check calls on a load"). */
export const OWNER_PREPOSITIONS: readonly string[] = ['on', 'for', 'against', 'of', 'under', 'within', 'inside', 'in', 'per'];

/** Verbs that open an instruction creating records ("record check calls on a load", "keep notes against a job"). */
export const INSTRUCTION_VERBS: readonly string[] = ['record', 'store', 'keep', 'track', 'log', 'capture', 'hold', 'maintain', 'attach', 'save', 'add', 'create', 'define', 'register', 'manage'];
