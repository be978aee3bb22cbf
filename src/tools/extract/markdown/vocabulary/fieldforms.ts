/**
 * Phrase shapes that name an attribute indirectly, and how to name it. Each is general English: "when it was
 * sent" → sentAt, "whether it's the default" → isDefault, "how much has been paid" → amountPaid.
 */

/** "when it was sent", "the time it was placed", "the date it was received", "when each person was assigned". */
export const EVENT_TIME: RegExp = /^(?:when|the (time|date|moment|day|timestamp)(?: when| at which| that)?)\s+(?:(?:it|they|he|she|this|that|each \w+|every \w+|the \w+|one)\s+)?(?:(?:was|were|is|are|got|gets|has been|had been|will be|actually|first|finally)\s+)*((?:last\s+)?[a-z]+(?:ed|en|t|n))\b(.*)$/i;

/** "the date and time it was placed", "the date and time the order is due": one moment, not two attributes. */
export const DATE_AND_TIME: RegExp = /\bthe date and time\b(?=\s+(?:when|at which|that|it|they|this|the|an?|each)\b)/gi;

/** "the moment it falls due", "the date it becomes payable" → dueAt, payableOn: the state the record reaches. */
export const FALLS_STATE: RegExp = /^the (time|moment|date|day)\s+(?:when\s+|at which\s+)?(?:it|they|this|that|the \w+)\s+(?:falls?|becomes?|comes?|goes|go)\s+(due|payable|overdue|live|active|available)\b/i;

/** "the moment it starts", "the date it ends" → startsAt, endsOn: a pronoun subject and a present verb, nothing after. */
export const PRONOUN_EVENT_TIME: RegExp = /^the (time|moment|date|day)\s+(?:when\s+)?(?:it|they|this|that)\s+([a-z]+s)\s*$/i;

/** "the date an employee leaves the company" → leaving date. */
/** "the time the result was entered" is a passive event (EVENT_TIME), not a subject's act: auxiliaries are no verb here. */
export const EVENT_DATE_SUBJECT: RegExp = /^the (date|day|time)\s+(?:an?|the|each|their)\s+[a-z]+\s+(?!(?:was|is|has|does|goes)\b)([a-z]+s)\b/i;

/** "whether it's the default", "whether they accept marketing emails", "whether it is paid". */
export const WHETHER: RegExp = /^whether\s+(?:or not\s+)?(?:(?:it|they|he|she|the \w+|this|that)\s+)?(?:(is|are|'s|’s|'re|’re|was|were)\s+|(?:it's|it’s|they're|they’re)\s+)?(.+)$/i;

/** "how much has been paid so far" → amountPaid. */
export const HOW_MUCH: RegExp = /^how much (?:has been|was|is|have been|got)\s+([a-z]+)/i;

/** "how many days per year employees are entitled to" → daysPerYear; "how many times" → count. */
/** "how many working days my request will use" → workingDays: a modifier before a plural head is kept. */
export const HOW_MANY: RegExp = /^how many\s+((?:[a-z]+(?<!s)\s+)?[a-z]+s\b(?:\s+per\s+[a-z]+)?|[a-z]+(?:\s+per\s+[a-z]+)?)/i;

/** "how long the condition must hold before firing (seconds …)" → duration. */
export const HOW_LONG: RegExp = /^how long\b/i;

/** "how it was paid (bank transfer, card …)" → method. */
export const HOW_IT_WAS: RegExp = /^how\s+(?:it|they|this)\s+(?:was|were|is|are|gets?)\s+([a-z]+)/i;

/** "who acknowledged it", "which user saved it": a reference to the person who did it. */
export const WHO_DID: RegExp = /^(?:who|which (user|person|member|employee|agent|staff member))\s+([a-z]+ed|[a-z]+t|[a-z]+n)\b(?:\s+(?:it|them|this|that))?\s*$/i;

/** "which step it was" → step. */
export const WHICH_IT_WAS: RegExp = /^which\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:it|this|that)\s+(?:was|is)\b/i;

/** "a flag for 'count business hours only'", "an enabled flag". */
export const FLAG_FOR: RegExp = /^(?:a|an)?\s*(?:boolean|flag|toggle|checkbox)\s+(?:for|to|that|whether)\s+(.+)$/i;
/** "a published flag", "a \"do not contact\" flag that defaults to off": group 1 the name, 2 a relative clause. */
export const FLAG_SUFFIX: RegExp = /^(.+?)\s+(?:flag|toggle|checkbox)(?:\s+((?:that|which)\s+.*))?$/i;

/** "two address lines" → addressLine1, addressLine2. */
export const NUMBERED_LINES: RegExp = /^(one|two|three|four|five|\d)\s+([a-z]+)\s+lines$/i;

/** "can be marked paid", "can be archived": a state the record can enter, stored as the moment it did. */
/** "can't be deleted, only archived": the state offered instead (group 3). */
export const CAN_BE_STATE: RegExp = /\bcan be (?:marked(?: as)?\s+([a-z]+)|([a-z]+(?:ed|en)))\b|\b(?:can['’]t|cannot|can not) be [a-z]+(?:ed|en),?\s+(?:only|just|but only)\s+([a-z]+(?:ed|en))\b/gi;

/** States that are actions on the row itself, not a lifecycle state worth a column. */
export const NOT_A_STATE: readonly string[] = [
  'deleted', 'removed', 'restored', 'edited', 'created', 'updated', 'linked', 'changed', 'used', 'reused',
  'rearranged', 'moved', 'shown', 'seen', 'sent', 'found', 'exported', 'imported', 'searched', 'filtered', 'sorted',
  'viewed', 'opened', 'given', 'shared', 'assigned', 'added', 'selected', 'picked', 'purged', 'trashed', 'hidden',
  'stored', 'computed', 'recomputed', 'checked', 'claimed', 'nested', 'grouped', 'ordered', 'set', 'unset',
  'accessed', 'matched', 'merged', 'tracked', 'printed', 'emailed', 'notified', 'called', 'deducted', 'applied',
];

/**
 * "optionally marking the first and/or last day as a half day", "flagging the order as a gift": a yes/no
 * attribute per marked part. Groups: 1 and 2 the modifiers, 3 the marked noun, 4 the state it is marked as.
 */
export const MARK_AS: RegExp = /\b(?:optionally\s+)?(?:marking|flagging|marks?|flags?)\s+(?:the\s+|an?\s+|its\s+|their\s+)?([a-z]+)(?:\s+(?:and\/or|and|or)\s+([a-z]+))?(?:\s+([a-z]+))?\s+as\s+(?:an?\s+)?([a-z]+(?:\s+[a-z]+)?)\b/i;

/** "adding an optional note", "entering a reason": the verb that supplies a value, before the value's name. */
export const SUPPLYING_GERUND: RegExp = /^(?:optionally\s+)?(?:adding|entering|attaching|giving|providing|including|choosing|selecting|picking|writing|uploading|specifying|leaving)\s+(?=(?:an?|the|one|some|their|its|my|our)\s)/i;

/** "when the first agent response actually happened", "when the last payment came in": the time of that event. */
export const HAPPENED_WHEN: RegExp = /^when\s+(?:the|its|their|a|an)\s+([a-z]+(?:[\s-]+[a-z]+){0,3}?)\s+(?:(?:actually|first|finally|really)\s+)?(?:happened|happens|occurred|occurs|took place|takes place|came in|arrived)\b/i;

/** Wording that puts records in an order people choose: they then keep a position. */
export const MANUAL_ORDER: RegExp = /\b(?:manual order|drag(?:ged)?|rearrange|re-?order|sort order|in (?:a|the) (?:fixed|custom|manual) order)\b/i;

/** Field names that identify whoever signs in. */
export const SIGN_IN_IDENTIFIER: RegExp = /email|username|userName|login|phone|handle/i;
