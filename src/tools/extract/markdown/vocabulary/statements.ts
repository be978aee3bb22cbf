/**
 * Sentence shapes that attach attributes to an entity. The captured subject is resolved against the
 * registry; the captured list goes to the attribute parser.
 */

/** Verbs that introduce an entity's attributes: "A site has a name…", "A payment records the amount…". */
export const HAVE_VERBS = 'receives|receive|has|have|carries|carry|records|record|stores|store|holds|hold|contains|contain|includes|include|tracks|track|keeps|keep|captures|capture|says|say|lists|list|needs|need|gets|get|consists of|is made of|is defined by|comes with|come with';

/** "<subject> [does something and] has <list>": "A visit is for one pet and has …", "A note belongs to a file, records …". */
export const SUBJECT_HAS: RegExp = new RegExp(
  `^(?:(?:each|every|a|an|the|one|any|all)\\s+)?([a-z][\\w-]*(?:\\s+[a-z][\\w-]*){0,3}?)\\s+(?:(?:also|always|usually|typically|then|only|just|should|must|will|can|may|shall)\\s+)?(?:(?:is|are)\\s+for\\s+[^,.;:]*?\\s+and\\s+|[a-z]+s?\\s+(?:(?:to|in|from|with)\\s+)?(?:one|a|an|the)\\s+[a-z]+(?:\\s+and|,)\\s+)?(?:${HAVE_VERBS})\\b\\s*(?::\\s*)?(.*)$`,
  'i',
);

/** "…through a membership, which carries their role in that org". */
export const WHICH_HAS: RegExp = new RegExp(`\\b(?:an?|the)\\s+([a-z][\\w-]*(?:\\s+[a-z][\\w-]*)?),?\\s+(?:which|that)\\s+(?:${HAVE_VERBS})\\s+(?!(?:ever|never|already|been|just|recently|since|no|not)\\b)(.+)$`, 'i');

/** "We need the customer's name, a billing email and …". */
export const WE_NEED: RegExp = /\b(?:we|you|i)\s+(?:need|want|store|keep|record|capture|track)\s+(?:to (?:store|know|record|keep|capture|track)\s+)?(?:which,?\s+plus\s+|(?:[a-z]+\s+){0,3}?plus\s+)?(?:the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)['’]s\s+(.+)$/i;

/** "Inventory is tracked per variant per warehouse: quantity on hand and quantity reserved". */
export const TRACKED_PER: RegExp = /^([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:is|are)\s+(?:tracked|kept|stored|recorded|held|counted)\s+per\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+per\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*:\s*(.+)$/i;

/** "a policy has up to four target rows": a child table named after its parent. */
export const CHILD_ROWS: RegExp = /\b(?:has|have|with|holds?)\s+(?:up to\s+\w+|several|many|one or more|multiple|some|\w+)\s+([a-z][\w-]*)\s+(?:rows|records|entries)\b/i;

/** User stories: "As an HR admin, I want to …, so that …". */
export const STORY_PREFIX: RegExp = /^as\s+(?:an?\s+)?[^,]{1,60},\s*i\s+(?:(?:don['’]t|do not|never)\s+)?(?:want|need|would like|should be able|must be able|expect)\s+(?:to\s+)?(?:be able to\s+)?/i;
/** The role a user story speaks for: "As an employee, I want …" → "employee". */
export const STORY_ACTOR: RegExp = /^as\s+(?:an?\s+)?([a-z][\w -]{0,40}?),\s*i\b/i;
export const STORY_PURPOSE: RegExp = /,?\s+(?:so that|so|in order to|because)\s+.*$/i;

/** "…, so that each vehicle can have a home depot": a purpose that states a fact of its own. */
export const PURPOSE_FACT: RegExp = /\bso that\s+((?:each|every|an?|the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:can|will|must|should)\s+(?:have|has)\s+.+)$/i;

/** "add an employee with their first name, …", "maintain holiday calendars, each with a name …". */
export const CREATE_WITH: RegExp = /\b(?:add|create|maintain|define|register|keep|store|organi[sz]e|set up|manage|record|configure|upload|enter|capture|invite|sell|issue|schedule|open|file|grant)\s+(?:(?:one or more|several|multiple|some|new|an?|the|our|my|each|own)\s+)*(?:(?:list|set|catalog(?:ue)?|library|register|roster)\s+of\s+)?([a-z][\w -]*?)(?:\s*\(([^)]*)\))?(?:\s+(?:into|to|in|under|for|on|at)\s+(?:(?:an?|the|our|my|each)\s+)?([a-z][\w -]*?)){0,2},?\s+(?:each\s+)?with:?\s+(?:(?:their|its|his|her|a|an|the)\s+)?(.+)$/i;

/** "give each employee a role", "give an employee an optional employee number": the second object is an attribute. */
export const GIVE_ATTRIBUTE: RegExp = /\b(?:give|assign|allocate|issue)\s+(?:an?|each|every|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+((?:an?|the|their|its)\s+[^;]+)$/i;

/** "record the date an employee leaves the company", "track the time a driver arrives": an event of the subject's. */
export const RECORD_EVENT_DATE: RegExp = /\b(?:record|store|capture|track|log|keep|save|note)\s+(the (?:date|day|time|moment)\s+(?:when\s+)?(?:an?|the|each|every)\s+([a-z][\w-]*)\s+[a-z]+s\b.*)$/i;

/**
 * "see how many working days my request will use …, and I want that number saved with the request": a value
 * described first ("how many …", "how much …") and then kept on a record. Group 1 is the value's phrase, 2 the record.
 */
export const VALUE_SAVED_WITH: RegExp = /\b(how (?:many|much|long)\b.*?)[,;]?\s+(?:and\s+)?(?:i|we)\s+(?:want|need)\s+(?:that|this|the)\s+(?:number|count|total|amount|value|figure|duration|result)\s+(?:to be\s+)?(?:saved|stored|recorded|kept|persisted)\s+(?:with|on|in|against)\s+(?:the|each|its|their|my)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/i;

/** "see all my requests, most recent first, with their status (pending, approved or rejected)": listed values of the records' attribute. */
export const WITH_THEIR_VALUES: RegExp = /\b(?:all|the|my|our|their|every)\s+(?:(?:my|our|the|open|current)\s+)?([a-z]+s)\b[^()]*?\bwith\s+(?:their|its)\s+([a-z]+(?:\s+[a-z]+)?)\s*\(([^)]+)\)/i;

/** "cancel a request …, and I want the time of the cancellation recorded": the act's time on its object. */
export const ACT_TIME_RECORDED: RegExp = /^([a-z]+)\s+(?:an?|the|my|their|each|any|one)\s+([a-z][\w-]*(?:\s+(?!that\b|which\b|who\b)[a-z][\w-]*)?)\b.*?\b(?:i|we)\s+(?:want|need)\s+the\s+(time|date|day|moment|timestamp)\s+(?:of\s+(?:the|that|this|its|each)\s+[a-z]+|it happened|of it|it was done)\s+(?:to be\s+)?(?:recorded|stored|saved|kept|logged|captured)\b/i;

/**
 * "…set, for each leave type my company uses, how many days … There's one such setting per leave type per
 * company.": the previous sentence's values form a record of their own, one per listed scope. Groups: 1 the
 * record's noun, 2 and 3 the scopes.
 */
export const ONE_SUCH_PER: RegExp = /\b(?:there(?:'s|’s| is)|we keep|we store|keep)\s+(?:exactly\s+|only\s+)?one such\s+([a-z]+)\s+per\s+([a-z][\w-]*(?:\s+(?!per\b)[a-z][\w-]*)?)(?:\s+per\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?))?/i;
/** "for each leave type my company uses, <values>": the values after the scope aside. */
export const FOR_EACH_VALUES: RegExp = /\bfor (?:each|every)\s+[^,]+,\s*(.+)$/i;

/**
 * "adjust an employee's entitlement for a specific year and leave type, with a note explaining why": each
 * adjustment is a record of its own (an entitlement adjustment) for the possessor and the listed specifics.
 * Groups: 1 the verb, 2 the possessor, 3 the adjusted thing, 4 the specifics, 5 what comes with it.
 */
export const ADJUST_RECORD: RegExp = /\b(adjust|correct|override|amend)\s+(?:an?|the|each|any|one)\s+([a-z][\w-]*)['’]s\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+for\s+(?:an?|the|each|one|a given)\s+([^,()]+?)\s*(?:\([^)]*\))?\s*,?\s+with\s+(.+)$/i;
/** "(for example grant two extra days)", "(e.g. add 3 more points)": the quantity an adjustment carries (group 1). */
export const ADJUST_EXAMPLE: RegExp = /\((?:for example|for instance|e\.g\.?|say|like)\s+[a-z]+\s+(?:[a-z]+|\d+)\s+(?:(?:extra|more|additional|fewer|bonus)\s+)?([a-z]+s)\)/i;
/** The record each act leaves behind. */
export const ACT_RECORD_NOUNS: Readonly<Record<string, string>> = { adjust: 'adjustment', correct: 'correction', override: 'override', amend: 'amendment' };

/**
 * "Per priority, a policy defines a first-response target and a resolution target, in minutes. So a policy has
 * up to four target rows": the values defined per something are the child rows' attributes. Groups: 1 the
 * "per" attribute, 2 the parent, 3 the values.
 */
export const PER_FIELD_DEFINES: RegExp = /^per\s+([a-z]+(?:\s+[a-z]+)?),\s+(?:an?|the|each|every)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:defines|sets|has|gets|specifies|configures|holds)\s+(.+)$/i;
/** ", in minutes" after a list: the unit of every value. */
export const LIST_UNIT: RegExp = /,?\s*(?:both\s+|all\s+|each\s+)?in\s+(seconds|minutes|hours|days|weeks|months|years)\.?\s*$/i;
/** Generic heads a unit replaces: "a resolution target, in minutes" → resolution minutes. */
export const MEASURE_HEADS: readonly string[] = ['target', 'limit', 'time', 'duration', 'window', 'deadline', 'goal', 'budget', 'threshold', 'allowance'];

/**
 * "Each org defines its own tax rates, e.g. "VAT 20%": a name, the percentage, …": the subject's own records
 * and their attributes. Groups: 1 the owner, 2 the records, 3 the attributes.
 */
export const OWN_RECORDS_LIST: RegExp = /^(?:each|every|an?|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:defines|maintains|manages|creates|configures|sets up|keeps|has)\s+(?:its|their) own\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\b[^:]*:\s*(.+)$/i;

/** "request leave by choosing a leave type, a start date and an end date". */
export const BY_CHOOSING: RegExp = /\b([a-z]+)\s+(?:(?:an?|the|some|my|our)\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+by\s+(?:choosing|selecting|entering|picking|giving|providing|specifying|filling in)\s+(.+)$/i;

/** "For individuals we keep first and last name", "Everyone gets an optional email": where a prose list starts. */
export const PROSE_LIST_VERB: RegExp = new RegExp(`^(?:[a-z]+\\s+){0,3}?(?:(?:we|you)\\s+(?:keep|store|record|capture|track|hold|save|need)|(?:${HAVE_VERBS}))\\s+`, 'i');

/** "For each one: name, email, role." — the attributes of the records the previous sentence introduced. */
export const FOR_EACH_ONE: RegExp = /^for (?:each|every) (?:one|of them)\s*[:,]\s*(.+)$/i;
/** "Inside a network there are team members.": group 1 the records introduced. */
export const THERE_ARE: RegExp = /\bthere (?:are|will be)\s+(?:many\s+|several\s+|some\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?s)\.?$/i;

/** "For each claim the system shall record the date of loss, …": group 1 the record, 2 the list. */
export const FOR_EACH_RECORD: RegExp = /^for (?:each|every) ([a-z][\w-]*(?:\s+[a-z][\w-]*)?),?\s+(?:the system|we|the app|it)\s+(?:(?:shall|must|should|will)\s+)?(?:record|store|keep|capture|track|hold)s?\s+(.+)$/i;

/** "record every change to a reserve as a separate reserve entry holding the category, …": group 1 the record, 2 the list. */
export const RECORD_AS_HOLDING: RegExp = /\b(?:record|store|keep|log)s?\s+.*?\bas\s+(?:an?|one)\s+(?:separate\s+|new\s+|distinct\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:holding|with|containing|that holds|recording)\s+(.+)$/i;

/** ", meaning people or businesses involved in claims," — an appositive that explains a noun, dropped before reading. */
export const APPOSITIVE: RegExp = /,\s+(?:meaning|i\.e\.|that is|namely)\s+[^,]+,/gi;

/** Label lines: "stage: name, position, …", "Cart lines: variant + quantity", "status: open / won / lost". */
export const LABEL: RegExp = /^([A-Za-z][\w /'’-]{0,40}?)\s*:\s+(.+)$/;

/** "**Term** — rest", "**a**, **b** — rest": bold terms leading a list item. */
export const BOLD_LEAD: RegExp = /^((?:\*\*[^*]+\*\*(?:\s+[a-z]+(?:\s+[a-z]+)?)?\s*(?:,|\/|and|&)?\s*)+)\s*(?:[—–:-]|\s-\s)\s*(.*)$/;

/** "We want to know when it was sent, when it was paid and when it was voided." */
export const WE_KNOW: RegExp = /\b(?:we|you|i)\s+(?:want|need|have)\s+to\s+(?:know|record|store|track|capture|keep)\s+(.+)$/i;

/** "Each has a name …", "It has …": the subject is the thing the previous sentence introduced. */
export const PRONOUN_HAS: RegExp = new RegExp(`^(?:each(?: one)?|it|they|every one)\\s+(?:also\\s+)?(?:${HAVE_VERBS})\\b\\s*(?::\\s*)?(.*)$`, 'i');

/** "It's always in one currency, and it can carry notes": a pronoun clause after the first. Group 1 the modal, 2 the list. */
export const PRONOUN_CLAUSE_HAS: RegExp = new RegExp(`,\\s+(?:and|but|while)\\s+(?:it|they)\\s+(?:(can|may|might|could|will|should|must)\\s+)?(?:also\\s+)?(?:${HAVE_VERBS})\\b\\s*(.+)$`, 'i');

/** "cancel a session with a cancellation reason", "reject a claim with a note": what the act leaves on its object. */
const ACTS = 'cancel|close|reject|decline|approve|refund|void|archive|return|suspend|end|terminate|pause|reopen|dismiss';
/** Groups: 1 the act (or two: "approve or reject"), 2 its object, 3 what comes with it. */
export const ACT_WITH: RegExp = new RegExp(`^((?:${ACTS})(?:\\s+or\\s+(?:${ACTS}))?)\\s+(?:an?|the|one|each)\\s+([a-z][\\w-]*(?:\\s+[a-z][\\w-]*)?)\\s+with\\s+(?:an?|the|their|its)\\s+([^,;]+)`, 'i');

/** "…, and the session keeps a cancelled-at timestamp": a record named again in a second clause. Groups: 1 the record, 2 the list. */
export const CLAUSE_SUBJECT_HAS: RegExp = new RegExp(`,\\s+and\\s+(?:the|each|every|its)\\s+([a-z][\\w-]*(?:\\s+[a-z][\\w-]*)?)\\s+(?:also\\s+)?(?:${HAVE_VERBS})\\b\\s*(.+)$`, 'i');

/** "check a member in, which records the checked-in time on the booking": a value stamped on a record. Groups: 1 the value, 2 the record. */
export const STAMPED_ON: RegExp = /\b(?:which|that|and|this)\s+(?:records|stores|saves|sets|stamps|writes)\s+(?:the|a|an)\s+(.+?)\s+on\s+(?:the|each|its|their)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\b/i;

/** "Status is active, converted (became an order) or abandoned." */
export const FIELD_IS_VALUES: RegExp = /^(?:the\s+|its\s+)?([a-z]+(?:\s+[a-z]+)?)\s+(?:is|can be|must be)\s+(?:one of\s+|either\s+)?((?:[a-z_]+(?:\s*\([^)]*\))?(?:\s*,\s*(?:or\s+)?|\s+or\s+))+[a-z_]+(?:\s*\([^)]*\))?)\.?$/i;

/** "we store the Stripe payment intent id on the order". */
export const WE_STORE_ON: RegExp = /\b(?:we|you|i)\s+(?:store|keep|save|record)\s+(?:the\s+|a\s+|an\s+)?(.+?)\s+(?:on|in|with)\s+(?:the|each|every)\s+([a-z]+)\b/i;

/** "every save of a post creates a revision: title and body at that moment, …". */
export const CREATES: RegExp = /\b(?:creates?|adds?|produces?|writes?|logs?)\s+(?:a|an|one|new|a new)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*:\s*(.+)$/i;

/** "an alert is created with the rule, the time it triggered, …". */
export const CREATED_WITH: RegExp = /\b(?:an?|the|each|every)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+is\s+(?:created|recorded|added|logged|stored|opened|raised)\s+with\s+(.+)$/i;

/** "The practice area, a free-text description and the closing date are optional": a list and its nullability. */
export const LIST_SETTLED: RegExp = /^((?:the|an?)\s+[^,;:]+(?:,\s*[^,;:]+)+\s+and\s+[^,;:]+?)\s+are\s+(?:all\s+)?(optional|required|mandatory)\b/i;

/** A record's name in a phrase: one or two words, the second never a pronoun that starts a clause ("venues they reuse"). */
const RECORD = String.raw`([a-z][\w-]*(?:\s+(?!(?:they|we|it|that|which|who|you|our|their|of|for|to|in|on|at|by|with|from)\b)[a-z][\w-]*)?)`;

/** "Organizers keep a small list of venues they reuse: name, …", "Firms write their own policies — a name, …". */
export const LIST_OF_RECORDS: RegExp = new RegExp(String.raw`^(?:each\s+|every\s+|an?\s+|the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:keeps?|maintains?|has|have|manages?|owns?|holds?|writes?|defines?|creates?|sets? up)\s+(?:(?:an?|their|its|our)\s+(?:own\s+)?(?:(?:small|short|long|simple|growing)\s+)?(?:list|set|catalog(?:ue)?|library|register|directory|roster|pool)\s+of\s+|(?:their|its)\s+own\s+)${RECORD}\b[^:—–]{0,60}?\s*[:—–]\s*(.+)$`, 'i');

/** "Each operator keeps its own list of amenities (projector, …), name unique per operator": a list, then its attributes. */
export const LIST_OF_RECORDS_COMMA: RegExp = new RegExp(String.raw`^(?:each\s+|every\s+|an?\s+|the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:keeps?|maintains?|has|have|manages?|defines?)\s+(?:an?|their|its|our)\s+(?:own\s+)?(?:list|set|catalog(?:ue)?|library|register|directory)\s+of\s+${RECORD}\s*(?:\([^)]*\))?\s*,\s*(.+)$`, 'i');

/** "The bookable things inside a location: a name, a kind, …", "Membership plans the operator sells: name, …". */
export const DESCRIBED_LIST: RegExp = /^(?!.*\b(?:we|you|must|should|will|can)\b)(?!(?:required|optional|mandatory)\s*:)[^:,()\s]+\s[^:,()]{2,70}:\s*(.+,.+)$/i;

/** "An event's agenda is made of sessions: a title, a description, …". */
export const MADE_OF_RECORDS: RegExp = new RegExp(String.raw`\b(?:is|are)\s+made\s+(?:up\s+)?of\s+${RECORD}\s*:\s*(.+)$`, 'i');

/** "Each event sells one or more ticket types ("Early bird", …): a name, a price, …". */
export const QUANTIFIED_OBJECT_LIST: RegExp = new RegExp(String.raw`^(?:each|every|an?|the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+[a-z]+s\s+(?:one or more|several|many|multiple|any number of|a few)\s+${RECORD}\b[^:]{0,80}:\s*(.+)$`, 'i');

/** "An order is one checkout: it belongs to an event and has …": the pronoun after the colon is the subject. */
export const COLON_PRONOUN: RegExp = /^((?:an?|the|each|every)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+is\s+[^:]{1,60}:\s*(?:it|they)\s+(.+)$/i;

/** "… has its dining tables; a table has a label, …": a possessed plural (group 1) and the child's attributes (group 2). */
export const ITS_CHILDREN: RegExp = /^(?:its|their)\s+(?:own\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?s)\b\s*(?:[;,:]\s*(?:an?|each|every)\s+[a-z][\w-]*\s+(?:has|have|records|holds|carries|gets)\s+(.+))?\.?$/i;

/** "We keep a first name, an optional last name and notes": attributes of the section's record. */
export const WE_KEEP: RegExp = /^(?:we|you)\s+(?:keep|store|record|capture|track|hold|save)\s+((?:an?|the|their|its)\s+.+,.+)$/i;

/** "Required: venue, guest, party size." as a sentence of its own. */
export const SETTLED_LABEL: RegExp = /^(?:required|mandatory|optional)\s*:\s+\S/i;

/** "Order lines: the menu item, quantity, …": a short plural label and its list. */
export const PLURAL_LABEL: RegExp = /^([A-Za-z][a-z]+(?:\s+[a-z]+){0,2})\s*:\s+(.+,.+)$/;

/** "Each venue configures its own stations (Grill, Fry); the station name is unique …": children of the subject. */
export const OWN_CHILDREN: RegExp = /^(?:each|every|an?|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:defines|configures|keeps|maintains|manages|sets up|creates|writes|runs)\s+(?:its|their)\s+own\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?s)\b\s*(?:\([^)]*\))?\s*(?:[;,]\s*(.*))?\.?$/i;

/** "AC:", "AC 3:", "Acceptance criteria:" before a criterion. */
export const ACCEPTANCE_LABEL: RegExp = /^(?:AC\s*\d*|acceptance(?: criteri(?:a|on))?)\s*[:.)-]\s*/i;

/** "Given …, when …, then …": group 1 the situation, group 2 the outcome. */
export const GIVEN_WHEN_THEN: RegExp = /^given\s+(.+?),\s*(?:and\s+)?when\s+.+?,\s*then\s+(.+)$/i;

/** The record a Given clause brings in: "I create a client", "a cooler arrives" is not one, "I log a submission" is. */
export const GIVEN_RECORD: RegExp = /\b(?:create|add|log|register|open|record|enter|save|book|submit|edit|receive)s?\s+(?:an?|the|one|new|a new)\s+([a-z][\w-]*(?:\s+(?!(?:when|and|for|from|to|with|in|on)\b)[a-z][\w-]*)?)|^(?:an?|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:has|is|exists)\b/i;

/** Requirement frames: "The system shall …", "The system shall let an operator …", "The app must allow staff to …". */
/** Group 1 is a two-word actor's second word, which may be the verb instead ("let an operator define docks"). */
export const SYSTEM_SHALL_ACTOR_HEAD: RegExp = /^(?:staff|personnel|people|team|crew|users?|members?|managers?|admins?|administrators?|owners?|agents?|employees?|clerks?|officers?|operators?|customers?|workers?|leads?|coordinators?|dispatchers?|technicians?|supervisors?|planners?|masters?|assistants?|reps?|representatives?)$/i;

/** "The system shall allow a vessel to have …": group 1 is what is allowed to do something. */
export const SHALL_ALLOW_RECORD: RegExp = /^the\s+(?:system|app|application|platform|service|product|software|tool)\s+(?:shall|must|should|will)\s+(?:allow|let|permit|enable)\s+(?:an?|each|every|the)\s+([a-z][\w-]*)\s+to\s+/i;

export const SYSTEM_SHALL: RegExp = /^the\s+(?:system|app|application|platform|service|product|software|tool)\s+(?:shall|must|should|will)\s+(?:(?:let|allow|enable|permit)\s+(?!(?:at most|at least|only|exactly|up to|no more than|one|two)\b)(?:an?\s+|the\s+|each\s+)?[a-z]+(?:\s+(?!to\b)([a-z]+))?\s+(?:to\s+)?)?/i;

/** "store, for each operator, its name, …", "record for each staff user a name, …". */
export const STORE_FOR_EACH: RegExp = /^(?:store|record|keep|capture|track|hold)\s*,?\s+for\s+(?:each|every|an?|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*,?\s+((?:an?|the|its|their)\s+.+)$/i;

/** "see the current odometer reading and the status of each vehicle (active, retired)": attributes of the record named last. */
export const SEE_OF_EACH: RegExp = /\b(?:see|view|know|show|track|check)\s+((?:the|its|their)\s+.+?)\s+of\s+(?:each|every|a|an|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*(\([^)]*\))?\s*\.?\s*$/i;

/** "A tax ID / VAT number is optional", "Only a hash of the token is stored": one attribute stated alone. */
export const ONE_ATTRIBUTE: RegExp = /^(?:only\s+)?(?:an?\s+|the\s+)?([a-z][\w /-]{0,40}?)\s+(?:is|are)\s+(optional|required|mandatory|stored|recorded|kept|saved)\b/i;

/** "record a lease for one slip, one vessel and one boater", "log a rental for one bike and one rider": what each holds one of. */
export const RECORD_FOR_ONE: RegExp = /^(?:record|store|keep|log|register|create|book)s?\s+(?:an?|each|every)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+for\s+(one\s+.+)$/i;

/** "put a boater on the waitlist with the slip length they need and a note", "add a patient to the waiting list with a priority". */
export const PUT_ON_WITH: RegExp = /^(?:put|add|place|enter)\s+(?:an?|the|each)\s+([a-z][\w-]*)\s+(?:on|to|onto|in|into)\s+(?:the|a|an|its|their)\s+([a-z][\w-]*(?:\s+(?!with\b)[a-z][\w-]*)?)\s+with\s+(.+)$/i;

/** "Hull identification number (HIN)", "stock keeping unit (SKU)": a name and its initials, defined once. */
export const ACRONYM_DEFINED: RegExp = /\b((?:[A-Za-z][a-z]+[\s-]+){1,4}[A-Za-z][a-z]+)\s*\(([A-Z]{2,6})\)/g;

/** "record when an order was shipped", "store when each request is approved": the act's time on that record. */
export const RECORD_WHEN: RegExp = /^(?:record|store|keep|capture|track|log)s?\s+when\s+(?:an?|the|each|every)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:was|is|were|are|gets|got|has been)\s+([a-z]+(?:ed|en|t|n)\b[^;]*)/i;

/** "Users are global: one login, one email address (unique …)". */
export const ARE_ADJ_LIST: RegExp = /^([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:is|are)\s+[a-z-]+\s*:\s*(.+)$/i;

/** Discourse openers that hide the subject: "So a policy has …", "Also, each …". */
export const OPENERS: RegExp = /^(?:so|also|then|thus|hence|and|but|however|in addition|additionally|finally|in v\d+|for now|today)\s*,?\s+/i;

/** "The users table should have columns for user_id, username …", "Define a products table with product_id, …". */
export const TABLE_WITH: RegExp = /\b(?:an?|the)\s+([a-z][\w]*(?:\s+[a-z][\w]*)?)\s+table\s+(?:that\s+|which\s+)?(?:should\s+|must\s+|will\s+)?(?:have|has|with|needs|contain|contains|include|includes)\s+(?:the\s+)?(?:columns?\s+(?:for\s+)?)?(.+?)(?:\s+columns?)?$/i;

/**
 * A lead-in naming the record the table below describes: "The system shall store vessels with the following
 * attributes:", "Each booking has the following fields:", "A supplier record contains these columns:".
 */
export const TABLE_LEAD_IN: RegExp = /([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:record\s+)?(?:with|has|have|having|contains?|includes?|needs?|carries|carry)\s+(?:the\s+following|these|the\s+attributes\s+below)\s*(?:attributes|fields|columns|properties|details|data|information)?\s*:?\s*$/i;

/** "Each approval step must be recorded separately: who decided, the decision, …": a record and its contents. */
export const RECORDED_LIST: RegExp = /^(?:each|every|an?|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+(?:must|should|will|shall|is|are)\s+(?:also\s+)?(?:be\s+)?(?:recorded|stored|kept|logged|tracked|captured|saved)\b[^:]*:\s*(.+)$/i;

/** "Tasks belong to a project: a title, a due date and …": the subject is a record and the list its attributes. */
export const BELONG_TO_LIST: RegExp = /^(?:each\s+|every\s+|an?\s+|the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:belongs?|sits?|lives?|hangs?) (?:to|in|under)\s+(?:an?|one|the|its|their)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?(?:\s+(?:so|because|since|as)\b[^:]{0,80})?\s*:\s*(.+)$/i;

/**
 * "A member files a claim for a policy: the filed-at time, the amount and a note": an actor's verb creates the
 * object record, and the list after the colon describes that object (group 2), not the actor.
 */
export const VERB_OBJECT_LIST: RegExp = /^(?:an?|each|every|the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+[a-z]+s(?:\s+(?:in|up|out|off|over))?\s+(?:an?|one)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:for|to|on|against|about)\s+(?:an?|the|each|one)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s*:\s*(.+)$/i;

/** "… so visitors are records managed by staff: first name, last name, …": plain records and their attributes. */
export const ARE_RECORDS_LIST: RegExp = /(?:^|[—–;]\s*|\bso\s+)([a-z][\w-]*)\s+(?:is|are)\s+(?:(?:just|simply|plain|only)\s+)?(?:records?|entries|rows)\b[^:]*:\s*(.+)$/i;
