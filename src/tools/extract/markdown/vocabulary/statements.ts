/**
 * Sentence shapes that attach attributes to an entity. The captured subject is resolved against the
 * registry; the captured list goes to the attribute parser.
 */

/** Verbs that introduce an entity's attributes: "A site has a name…", "A payment records the amount…". */
export const HAVE_VERBS = 'receives|receive|has|have|carries|carry|records|record|stores|store|holds|hold|contains|contain|includes|include|tracks|track|keeps|keep|captures|capture|says|say|lists|list|needs|need|gets|get|consists of|is made of|is defined by|comes with|come with';

/** "<subject> [does something and] has <list>": "A visit is for one pet and has …", "A note belongs to a file and records …". */
export const SUBJECT_HAS: RegExp = new RegExp(
  `^(?:(?:each|every|a|an|the|one|any|all)\\s+)?([a-z][\\w-]*(?:\\s+[a-z][\\w-]*){0,3}?)\\s+(?:(?:also|always|usually|typically|then|only|just|should|must|will|can|may|shall)\\s+)?(?:(?:is|are)\\s+for\\s+[^,.;:]*?\\s+and\\s+|[a-z]+s?\\s+(?:(?:to|in|from|with)\\s+)?(?:one|a|an|the)\\s+[a-z]+\\s+and\\s+)?(?:${HAVE_VERBS})\\b\\s*(?::\\s*)?(.*)$`,
  'i',
);

/** "…through a membership, which carries their role in that org". */
export const WHICH_HAS: RegExp = new RegExp(`\\b(?:an?|the)\\s+([a-z][\\w-]*(?:\\s+[a-z][\\w-]*)?),?\\s+(?:which|that)\\s+(?:${HAVE_VERBS})\\s+(.+)$`, 'i');

/** "We need the customer's name, a billing email and …". */
export const WE_NEED: RegExp = /\b(?:we|you|i)\s+(?:need|want|store|keep|record|capture|track)\s+(?:to (?:store|know|record|keep|capture|track)\s+)?(?:the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)['’]s\s+(.+)$/i;

/** "Inventory is tracked per variant per warehouse: quantity on hand and quantity reserved". */
export const TRACKED_PER: RegExp = /^([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:is|are)\s+(?:tracked|kept|stored|recorded|held|counted)\s+per\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+per\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*:\s*(.+)$/i;

/** "a policy has up to four target rows": a child table named after its parent. */
export const CHILD_ROWS: RegExp = /\b(?:has|have|with|holds?)\s+(?:up to\s+\w+|several|many|one or more|multiple|some|\w+)\s+([a-z][\w-]*)\s+(?:rows|records|entries)\b/i;

/** User stories: "As an HR admin, I want to …, so that …". */
export const STORY_PREFIX: RegExp = /^as an?\s+[^,]{1,60},\s*i\s+(?:(?:don['’]t|do not|never)\s+)?(?:want|need|would like|should be able|must be able|expect)\s+(?:to\s+)?(?:be able to\s+)?/i;
/** The role a user story speaks for: "As an employee, I want …" → "employee". */
export const STORY_ACTOR: RegExp = /^as an?\s+([a-z][\w -]{0,40}?),\s*i\b/i;
export const STORY_PURPOSE: RegExp = /,?\s+(?:so that|so|in order to|because)\s+.*$/i;

/** "add an employee with their first name, …", "maintain holiday calendars, each with a name …". */
export const CREATE_WITH: RegExp = /\b(?:add|create|maintain|define|register|keep|organi[sz]e|set up|manage|record|configure|upload|enter|capture|invite|sell|issue|schedule|open|file|grant)\s+(?:(?:one or more|several|multiple|some|new|an?|the|our|my|each)\s+)*([a-z][\w -]*?)(?:\s*\(([^)]*)\))?(?:\s+(?:into|to|in|under|for|on|at)\s+(?:(?:an?|the|our|my|each)\s+)?([a-z][\w -]*?)){0,2},?\s+(?:each\s+)?with\s+(?:(?:their|its|his|her|a|an|the)\s+)?(.+)$/i;

/** "request leave by choosing a leave type, a start date and an end date". */
export const BY_CHOOSING: RegExp = /\b([a-z]+)\s+(?:(?:an?|the|some|my|our)\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+by\s+(?:choosing|selecting|entering|picking|giving|providing|specifying|filling in)\s+(.+)$/i;

/** Label lines: "stage: name, position, …", "Cart lines: variant + quantity", "status: open / won / lost". */
export const LABEL: RegExp = /^([A-Za-z][\w /'’-]{0,40}?)\s*:\s+(.+)$/;

/** "**Term** — rest", "**a**, **b** — rest": bold terms leading a list item. */
export const BOLD_LEAD: RegExp = /^((?:\*\*[^*]+\*\*(?:\s+[a-z]+(?:\s+[a-z]+)?)?\s*(?:,|\/|and|&)?\s*)+)\s*(?:[—–:-]|\s-\s)\s*(.*)$/;

/** "We want to know when it was sent, when it was paid and when it was voided." */
export const WE_KNOW: RegExp = /\b(?:we|you|i)\s+(?:want|need|have)\s+to\s+(?:know|record|store|track|capture|keep)\s+(.+)$/i;

/** "Each has a name …", "It has …": the subject is the thing the previous sentence introduced. */
export const PRONOUN_HAS: RegExp = new RegExp(`^(?:each(?: one)?|it|they|every one)\\s+(?:also\\s+)?(?:${HAVE_VERBS})\\b\\s*(?::\\s*)?(.*)$`, 'i');

/** "Status is active, converted (became an order) or abandoned." */
export const FIELD_IS_VALUES: RegExp = /^(?:the\s+|its\s+)?([a-z]+(?:\s+[a-z]+)?)\s+(?:is|can be|must be)\s+(?:one of\s+|either\s+)?((?:[a-z_]+(?:\s*\([^)]*\))?\s*,\s*)+(?:or\s+)?[a-z_]+(?:\s*\([^)]*\))?|[a-z_]+(?:\s*\([^)]*\))?\s+or\s+[a-z_]+(?:\s*\([^)]*\))?)\.?$/i;

/** "we store the Stripe payment intent id on the order". */
export const WE_STORE_ON: RegExp = /\b(?:we|you|i)\s+(?:store|keep|save|record)\s+(?:the\s+|a\s+|an\s+)?(.+?)\s+(?:on|in|with)\s+(?:the|each|every)\s+([a-z]+)\b/i;

/** "every save of a post creates a revision: title and body at that moment, …". */
export const CREATES: RegExp = /\b(?:creates?|adds?|produces?|writes?|logs?)\s+(?:a|an|one|new|a new)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*:\s*(.+)$/i;

/** "an alert is created with the rule, the time it triggered, …". */
export const CREATED_WITH: RegExp = /\b(?:an?|the|each|every)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+is\s+(?:created|recorded|added|logged|stored|opened|raised)\s+with\s+(.+)$/i;

/** "A tax ID / VAT number is optional", "Only a hash of the token is stored": one attribute stated alone. */
export const ONE_ATTRIBUTE: RegExp = /^(?:only\s+)?(?:an?\s+|the\s+)?([a-z][\w /-]{0,40}?)\s+(?:is|are)\s+(optional|required|mandatory|stored|recorded|kept|saved)\b/i;

/** "Users are global: one login, one email address (unique …)". */
export const ARE_ADJ_LIST: RegExp = /^([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:is|are)\s+[a-z-]+\s*:\s*(.+)$/i;

/** Discourse openers that hide the subject: "So a policy has …", "Also, each …". */
export const OPENERS: RegExp = /^(?:so|also|then|thus|hence|and|but|however|in addition|additionally|finally|in v\d+|for now|today)\s*,?\s+/i;

/** "The users table should have columns for user_id, username …", "Define a products table with product_id, …". */
export const TABLE_WITH: RegExp = /\b(?:an?|the)\s+([a-z][\w]*(?:\s+[a-z][\w]*)?)\s+table\s+(?:that\s+|which\s+)?(?:should\s+|must\s+|will\s+)?(?:have|has|with|needs|contain|contains|include|includes)\s+(?:the\s+)?(?:columns?\s+(?:for\s+)?)?(.+?)(?:\s+columns?)?$/i;

/** "Each approval step must be recorded separately: who decided, the decision, …": a record and its contents. */
export const RECORDED_LIST: RegExp = /^(?:each|every|an?|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+(?:must|should|will|shall|is|are)\s+(?:also\s+)?(?:be\s+)?(?:recorded|stored|kept|logged|tracked|captured|saved)\b[^:]*:\s*(.+)$/i;

/** "Tasks belong to a project: a title, a due date and …": the subject is a record and the list its attributes. */
export const BELONG_TO_LIST: RegExp = /^(?:each\s+|every\s+|an?\s+|the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:belongs?|sits?|lives?|hangs?) (?:to|in|under)\s+(?:an?|one|the|its|their)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s*:\s*(.+)$/i;

/**
 * "A member files a claim for a policy: the filed-at time, the amount and a note": an actor's verb creates the
 * object record, and the list after the colon describes that object (group 2), not the actor.
 */
export const VERB_OBJECT_LIST: RegExp = /^(?:an?|each|every|the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+[a-z]+s(?:\s+(?:in|up|out|off|over))?\s+(?:an?|one)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:for|to|on|against|about)\s+(?:an?|the|each|one)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s*:\s*(.+)$/i;

/** "… so visitors are records managed by staff: first name, last name, …": plain records and their attributes. */
export const ARE_RECORDS_LIST: RegExp = /(?:^|[—–;]\s*|\bso\s+)([a-z][\w-]*)\s+(?:is|are)\s+(?:(?:just|simply|plain|only)\s+)?(?:records?|entries|rows)\b[^:]*:\s*(.+)$/i;
