/** Wording of access paths: filters, lookups, ranges and orderings. */

/** Strong cues: a sentence with one of these describes how data is read, wherever it sits. */
export const QUERY_STRONG: RegExp = /\b(?:filter(?:ed|ing|s)?\s+(?:[\w-]+\s+){0,3}by|sorted by|ordered by|order by|grouped by|newest|oldest|most recent(?:ly)?|latest first|look(?:s|ing|ed)?\s+(?:\w+\s+){0,2}up\b|lookups?\b|look-?up|search(?:es|ed|ing)?\s+(?:[\w-]+\s+){0,3}?by\b|resolves? by|within a (?:date|time) range|over a (?:date|time) range|in the next \d+|in creation order|find\s+\w+\s+(?:whose|with|where|that|by)|index[- ]backed|needs? (?:a real |its own )?index|between two (?:dates|times|timestamps|days)|(?:date|time)[- ]range|in [\w-]+ order\b|(?:newest|oldest|soonest|latest) [\w-]+ first)/i;

/** Weak cues, read only in query/report/screen sections. */
export const QUERY_WEAK: RegExp = /\b(?:all\s+(?:the\s+)?\w+\s+(?:of|for|in|assigned|that|with|carrying)|with a given|(?:by|to|from) a given\b|for (?:one|a|an|that)\b|of (?:one|a|an|that)\b|in (?:one|that|a given)\b|everything\b|by (?:[a-z]+\s+)?(?:slug|handle|email|key|code|sku|number|id|name|phone|status|barcode|reference)\b|\w+['’]s \w+|resolves?\b|list(?:ed|s)?\b|page\b|queue\b)/i;

export const DESC_CUES: RegExp = /\b(?:newest|most recent(?:ly)?|latest|descending|desc|highest|largest|most used|recent first)\b/i;
export const ASC_CUES: RegExp = /\b(?:oldest|ascending|asc|earliest|in creation order|first come)\b/i;

/** Words that name the audit timestamps the later passes add. */
export const CREATED_WORDS: RegExp = /\b(?:creation|created|newest|oldest|most recent|latest|recent|submitted|logged)\b/i;
export const UPDATED_WORDS: RegExp = /\b(?:last update|last updated|updated|last activity|last modified|modified)\b/i;

export const RANGE_CUES: RegExp = /\b(?:within a (?:date|time) range|over a (?:date|time) range|in the next \d+|between|older than|newer than|before|after|has passed|have passed|overdue|range|in a given (?:week|month|day|year)|overlaps?|falls? within|since|upcoming|for the rest of)\b/i;

/** Synonyms between query wording and field names. */
export const FIELD_WORD_SYNONYMS: Readonly<Record<string, string[]>> = {
  deadline: ['due'], 'last update': ['updated'], update: ['updated'], placed: ['placed'], time: ['at'],
  requester: ['requester'], owner: ['owner'], creation: ['created'],
};

/** First words of timestamps that record when the thing itself happened: "newest first" sorts by these. */
export const EVENT_TIME_WORDS: readonly string[] = [
  'occurred', 'happened', 'placed', 'triggered', 'fired', 'raised', 'recorded', 'measured', 'observed', 'logged',
  'reported', 'submitted', 'sent', 'posted', 'published', 'issued', 'booked', 'ordered', 'requested', 'sampled',
];

/** "my requests", "a rep's tasks", "the current user's": the reader's own records. */
export const OWN_RECORDS: RegExp = /\b(?:my|mine|the current user['’]?s?|(?:a|an|one|the|given|each)\s+[a-z]+['’]s)\b/i;

/** "requests waiting for a decision", "orders awaiting shipment": records in the state before anyone acted. */
export const PENDING_CUES: RegExp = /\b(?:waiting (?:for|on)|awaiting|pending (?:a |an |the )?(?:decision|approval|review)|not yet (?:decided|approved|reviewed|handled))\b/i;
/** Enum values that name that state. */
export const PENDING_VALUES: readonly string[] = ['pending', 'waiting', 'awaiting', 'submitted', 'requested', 'awaiting_approval', 'pending_approval', 'in_review'];

/**
 * "the index serving this list shall cover only entries that have not been offered one", "the index should cover
 * just the rows that have not yet been approved": the read skips records whose act has happened (group 1, the verb).
 */
export const COVER_ONLY_NOT_YET: RegExp = /\bcovers?\s+(?:only|just)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:that|which|who)\s+(?:have|has)\s+not\s+(?:yet\s+)?been\s+([a-z]+ed)\b/i;

/** "everything in one warehouse", "all … for a given project": the filter names one parent, not the rows read. */
export const SINGLE_PARENT: RegExp = /\b(?:everything|all|anything)\b.*\b(?:in|at|of|for|from|under)\s+(?:one|a given|a single|a specific|that|this)\s+[a-z]/i;

/**
 * Where the read ends and a remark about it begins: "…, newest first, must load in under a second", "… and return
 * within 300 ms", "— the main screen, open all day". The text after the cut names no filter.
 */
export const QUERY_TAIL: RegExp = /\s*(?:[,;—–-]\s*|\s+)(?:and\s+)?(?:(?:must|should|shall|has to|needs? to|will)\s+(?:load|return|respond|render|run|complete|come back|be (?:fast|instant|quick))\b|in under \d|under \d+\s*(?:ms|s|seconds?)\b|within \d+\s*(?:ms|s|seconds?|milliseconds?)\b|even for\b|so that\b|so i can\b|because\b).*$/i;

/** Words before a mention that make it the filter of the read, not the records read: "of one project", "for a given date". */
export const FILTER_PREPOSITIONS: readonly string[] = ['of', 'for', 'in', 'at', 'from', 'under', 'to', 'per', 'on', 'across', 'within', 'by', 'about'];
export const MENTION_DETERMINERS: readonly string[] = ['a', 'an', 'the', 'one', 'given', 'that', 'this', 'each', 'its', 'their', 'his', 'her', 'single', 'specific', 'same', 'any', 'every', 'particular'];

/** "for a given date", "on one day", "for today": the read is of one calendar day. */
export const ONE_DAY: RegExp = /\b(?:for|on)\s+(?:(?:a|an|one|the|that|a given|a single|a specific|any)\s+)?(?:given\s+)?(?:date|day|business day|service date)\b|\b(?:for|of)\s+today\b|\btoday['’]s\b/i;

/** "signed-in attendant's", "the logged-in user's", "the current member's": the reader's own records. */
export const SIGNED_IN: RegExp = /\b(?:signed[- ]in|logged[- ]in|current)\s+[a-z]+['’]s\b/i;

/** Words of a field that keeps a manual or computed position: "in route order" sorts by it. */
export const POSITION_WORDS: RegExp = /(?:position|order|sequence|rank|index|seq|number)$/i;

/**
 * Timestamps that record a later change of state, not the moment the record itself stands for: "newest first"
 * never sorts by these.
 */
export const STATE_CHANGE_WORDS: readonly string[] = [
  'completed', 'closed', 'resolved', 'cancelled', 'canceled', 'archived', 'deleted', 'updated', 'approved', 'rejected',
  'paid', 'voided', 'returned', 'ended', 'expired', 'withdrawn', 'retired', 'deactivated', 'finished', 'verified',
  'acknowledged', 'read', 'answered', 'confirmed', 'refunded', 'released', 'signed', 'terminated', 'revoked',
];

/** A label that names a screen or a read: "list:", "participant page:", "site calendar:", "binder view:", "safety dashboard:". */
export const SCREEN_LABEL: RegExp = /^(?:[a-z][\w-]*\s+){0,2}(?:list|lists|view|page|screen|calendar|dashboard|board|report|search|lookup|look-up|queue|panel|tab|inbox|worklist|chart|feed|timeline|history|overview)\s*:\s*\S/i;

/**
 * The records read are those whose act has not happened: "that are not yet completed", "that haven't been submitted
 * yet", "not yet complete" (group 1); "that nobody has been assigned to yet", "nobody has claimed yet" (group 2).
 */
export const NOT_YET: RegExp = /\b(?:(?:are|is|have|has)\s*(?:not|n['’]t)\s+(?:yet\s+)?(?:been\s+)?|not\s+yet\s+(?:been\s+)?)([a-z]+(?:ed|te))\b|\b(?:nobody|no one|no-one)\s+(?:has\s+)?(?:been\s+)?([a-z]+ed)\b/i;
