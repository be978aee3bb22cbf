/** Wording of links between entities. */

/** Quantifiers that make the object side "many". */
export const MANY_QUANTIFIER = 'any number of|zero or more|one or more|several|many|multiple|a number of|more than one|at least one';

/** Phrases that settle a many-to-many on their own ("can be in several", "any number of", "↔"). */
export const M2M_STRONG: RegExp = /\b(?:any number of|zero or more|many[- ]to[- ]many)\b|↔|<->|\bcan (?:be (?:in|on|part of|added to|assigned to|tagged with|linked to|a member of|attached to)|involve|belong to|join|carry|appear in)\s+(?:several|many|multiple|any number of|more than one|one or more)\b|\bbelongs? to (?:one or more|several|many|multiple)\b/i;

/** "X ↔ Y is many-to-many", "X and Y are many-to-many". */
export const M2M_PAIR: RegExp = /\b([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*(?:↔|<->|and|\/)\s*([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:is|are)\s+(?:a\s+)?many[- ]to[- ]many\b/i;

/**
 * "belongs to one project", "is for one customer", "watches one sensor", "linked to a deal"; "references a
 * customer", "names a product" (requirement style); and a passive verb with "one": "is looked after by one
 * manager", "is fulfilled from one depot", "is run by exactly one team" — "one" makes the target single.
 */
export const BELONGS_TO: RegExp = /\b(?:belongs?|belonging) to\s+(?:exactly\s+)?(?:one|an?|the|a single|their|its)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)|\b(?:is|are) for\s+(?:exactly\s+)?(?:one|an?|a single)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)|\b(?:watches|monitors|targets|lives in|sits in|is in|is part of|uses|follows|is governed by)\s+(?:exactly\s+)?(?:one|an?|a single)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)|\b(?:linked|tied|attached|bound|assigned) to\s+(?:exactly\s+)?(?:one|an?|the|a single)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)|\b(?:references|refers to|points to|points at|names)\s+(?:exactly\s+)?(?:one|an?|the|a single)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)|\b(?:is|are)\s+(?:always\s+)?[a-z]+(?:ed|en)(?:\s+(?:after|over|up|out))?\s+(?:from|by|at|in|under|for|through|via)\s+(?:exactly\s+)?(?:one|a single)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/gi;

/**
 * "define slips on a dock", "create rooms in a building", "add stops to a route": each X sits under one Y. The verb
 * may be gone when a requirement frame took it with a two-word actor ("let an operator define slips on a dock").
 */
export const DEFINE_ON: RegExp = /^(?:(?:define|create|add|set up|register|configure)\s+)?([a-z][\w-]*s)\s+(?:on|in|within|under|inside|to)\s+(?:an?|each|every|one|the|its|their)\s+([a-z][\w-]*(?:\s+(?!(?:and|or|with|for|so|that|which)\b)[a-z][\w-]*)?)\s*[.;]?$/i;

/** Stories that link: "put each employee in a department", "assign each employee to a holiday calendar". */
export const PUT_IN: RegExp = /\b(?:put|place|assign|add|attach|link|move)\s+(?:each|every|an?|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:in|into|to|under)\s+(?:an?|one|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/gi;

/** "set who their manager is (another employee)". */
export const WHO_ROLE_IS: RegExp = /\bwho\s+(?:their|its|his|her)\s+([a-z]+)\s+is\b(?:\s*\((?:another|an?|the)\s+([a-z]+)\))?/i;

/** "to optionally have a head, who is one of our employees". */
export const ROLE_WHO_IS: RegExp = /\b(?:have|has|with)\s+(?:an?|one)\s+([a-z]+),?\s+(?:who|which|that)\s+is\s+(?:one of (?:our|the|its|their)\s+|an?\s+|another\s+)([a-z]+)/i;

/** "nest departments under other departments", "nested via a parent category", "parent/child". */
export const NESTING: RegExp = /\b(?:nest(?:ed)?|hierarch\w*|tree|parent|sub-?[a-z]+s?\b)/i;

/** "The owner is always a user": a role word bound to an entity for the whole PRD. */
export const ROLE_IS_ENTITY: RegExp = /\bthe\s+([a-z]+)\s+(?:is|are)\s+(?:always|usually|typically|just)?\s*(?:an?|the)\s+([a-z]+)\b/i;

/**
 * "A course can have several tutors and a tutor teaches several courses", "an author writes many books; a book
 * has one or more authors", "a technician can hold several trades and a trade is held by many technicians": both
 * directions stated as "many" in one sentence. Groups: 1 and 2 are the first
 * clause's subject and object, 3 and 4 the second's.
 */
export const M2M_BOTH_WAYS: RegExp = /\b(?:an?|each|every|one)\s+([a-z][\w-]*(?:\s+(?!(?:can|may|will|could|shall|must|should|is|are|has|have)\b)[a-z][\w-]*)?)\s+(?:(?:can|may|will|could|shall|must|should)\s+)?(?:[a-z]+\s+){1,3}?(?:several|many|multiple|one or more|any number of)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*(?:,?\s*and|;|,|while|but|whereas)\s+(?:an?|each|every|one)\s+([a-z][\w-]*(?:\s+(?!(?:can|may|will|could|shall|must|should|is|are|has|have)\b)[a-z][\w-]*)?)\s+(?:(?:can|may|will|could|shall|must|should)\s+)?(?:[a-z]+\s+){1,3}?(?:several|many|multiple|one or more|any number of)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/i;

/** "A member files a claim for a policy" (actor, object, what it is for); a linking verb ("ties a X to a Y") is no act. */
export const ACTOR_OBJECT_FOR: RegExp = /(?:^|[.;]\s+)(?:an?|each|every|the)\s+([a-z][\w-]*)\s+(?!(?:ties|links|connects|joins|binds|pairs|matches|associates)\b)[a-z]+s(?:\s+(?:in|up|out|off|over))?\s+(?:an?|one)\s+([a-z][\w-]*(?:\s+(?!for\b|to\b|on\b)[a-z][\w-]*)?)\s+(?:for|to|on|against)\s+(?:an?|the|each|one)\s+([a-z][\w-]*)\b/gi;

/** "Students enrol in courses.", "Members join clubs.": two plurals linked by a verb, alone in a sentence. */
export const PLURAL_VERB_IN_PLURAL: RegExp = /^([a-z][\w-]*s)\s+(?:can\s+|may\s+)?[a-z]+(?:\s+(?:in|into|on|to|for|at|up for))?\s+([a-z][\w-]*s)\s*[.;]?\s*$/i;

/** "A venue that any event still points to", "a practice area that matters still point to": group 2 references group 1. */
export const POINTED_TO: RegExp = /\b(?:an?|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+that\s+(?:any|an?|the|some|other)?\s*([a-z][\w-]*(?:\s+(?!still\b)[a-z][\w-]*)?)\s+(?:still\s+)?(?:points?|refers?|links?)\s+to\b/i;

/** "An order contains one ticket per seat bought": group 2 belongs to group 1. */
export const CONTAINS_ONE: RegExp = /^(?:an?|each|every|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:contains|holds|is made up of)\s+(?:one|an?)\s+([a-z][\w-]*)\s+(?:per|for each)\b/i;

/** "A booking is one member reserving one space from a start time to an end time". */
export const ACT_OF_ONE: RegExp = /^(?:an?|each|every)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+is\s+(?:one|an?|a single)\s+([a-z][\w-]*)\s+[a-z]+ing\s+(?:one|an?|a single)\s+([a-z][\w-]*)\b(?:.*?\bfrom\s+an?\s+([a-z]+\s+(?:time|date))\s+to\s+an?\s+([a-z]+\s+(?:time|date)))?/i;

/** "Each link between a matter and a contact carries the contact's role on that matter": group 3 is the payload. */
export const M2M_LINK_BETWEEN: RegExp = /\b(?:each|every|a|the)\s+(?:link|pairing|association|connection|assignment)\s+between\s+(?:an?|one|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+and\s+(?:an?|one|the)\s+([a-z][\w-]*(?:\s+(?!(?:carries|has|records|stores|holds|keeps)\b)[a-z][\w-]*)?)(?:\s+(?:carries|has|records|stores|holds|keeps)\s+(.+))?/i;

/** "one or more interviewers (users)": several people (group 1) of an entity that exists on its own (group 2). */
export const M2M_PEOPLE: RegExp = /\b(?:one or more|several|multiple)\s+([a-z][\w-]*s)\s*\(([a-z][\w -]*)\)/i;

/** "For each interviewer on an interview we keep their scorecard: a rating, feedback and …": what is kept per pair. */
export const M2M_PER_PAIR: RegExp = /\bfor each\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:on|in|of|for)\s+(?:an?|the|each)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?,?\s+(?:we|the system)\s+(?:shall\s+)?(?:keep|record|store|track|capture)s?\s+(?:(?:their|its|the)\s+[a-z]+\s*:\s*)?(.+?)(?:\.\s|\.?$)/i;

/** "record which parts I used on a work order, with the quantity and the unit cost at the time". */
export const M2M_WHICH_ON: RegExp = /\b(?:record|track|log|note|keep|see)\s+which\s+([a-z][\w-]*s)\s+(?:(?:i|we|they)\s+|(?:were|was|are|is|got|get)\s+)?[a-z]+ed\s+(?:on|in|for|during|at)\s+(?:an?|the|each)\s+([a-z][\w-]*(?:\s+(?!with\b)[a-z][\w-]*)?)\b(?:,?\s+with\s+([^.;]+?)(?:,\s*so\b|$|\.))?/i;

/** "tag a work order with one or more service types", "label a photo with several keywords". */
export const M2M_TAG_WITH: RegExp = /\b(?:tag|label|categori[sz]e|classify|mark)\s+(?:an?|the|each|every)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+with\s+(?:one or more|several|many|multiple|any number of)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)()/i;

/** "Users subscribe to sites to receive …": two plurals linked by a verb that opens a longer sentence. */
export const PLURAL_VERB_PLURAL_LEAD: RegExp = /^([a-z][\w-]*s)\s+(?:can\s+|may\s+)?([a-z]+)(?:\s+(?:in|into|on|to|for|at|with|up for))?\s+([a-z][\w-]*s)\b/i;

/**
 * Stories that create a record for/at/to other records: "sell a pass to a member for a plan", "schedule a
 * class for a course at a room". Group 1 is the record, group 2 the prepositional tail.
 */
export const STORY_OBJECT_PREPS: RegExp = /\b(?:sell|issue|schedule|book|open|file|grant|create|add|register|log)\s+(?:an?|the|one|new)\s+([a-z][\w-]*(?:\s+(?!to\b|for\b|at\b|in\b|on\b)[a-z][\w-]*)?)((?:\s+(?:to|for|at|in|on)\s+(?:an?|the|one|each)\s+[a-z][\w-]*(?:\s+(?!to\b|for\b|at\b|in\b|on\b|with\b)[a-z][\w-]*)?)+)/i;

/** "An order can be assigned to a picker (an operator)": a role filled by an entity. Groups: 1 the role, 2 the entity. */
export const ROLE_IN_PARENS: RegExp = /\b(?:assigned|given|handed|allocated|linked|routed) to\s+(?:an?|one|the)\s+([a-z]+)\s*\((?:an?|one|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\)/i;

/** "A receipt records goods arriving at a warehouse: …": the place or thing the recorded event happens at. */
export const RECORDS_EVENT_AT: RegExp = /^(?:an?|each|every|the)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:records|tracks|logs|captures|describes)\s+[^:]*?\b(?:at|to|from|into|in|for|on)\s+(?:an?|one|the|a single)\s+([a-z][\w-]*(?:\s+(?!and\b|or\b)[a-z][\w-]*)?)\s*:/i;

/** "the approval history of a request", "the price history of a product": the records named by the first word belong to it. */
export const HISTORY_OF: RegExp = /\bthe\s+([a-z]+)\s+(?:history|log|trail|timeline)\s+of\s+(?:an?|the|each|one|every)\s+([a-z][\w-]*(?:\s+(?!to\b|is\b|are\b|must\b|should\b|remains?\b)[a-z][\w-]*)?)/i;

/**
 * "Users are added to the projects they work on, each with a role on that project": people joined to records, the
 * pair carrying what follows "each with". Groups: 1 the joined, 2 the records, 3 the pair's attributes.
 */
export const M2M_ADDED_TO: RegExp = /^(?:the\s+)?([a-z][\w-]*s)\s+(?:are|get|can be)\s+(?:added|assigned|invited|attached)\s+to\s+(?:the\s+)?([a-z][\w-]*s)\b[^,;]*?(?:,\s*each\s+with\s+(.+))?[.]?$/i;

/** An attribute described as "another patient", "who is another user of the same company": group 1 names the target. */
export const DESCRIBED_ANOTHER: RegExp = /\b(?:another|other|one of (?:our|the|its|their))\s+(?:[a-z]+['’]s\s+)?([a-z][\w-]*(?:\s+(?!of\b|in\b|at\b|from\b|who\b|that\b)[a-z][\w-]*)?)/i;

/** A description opening with the thing itself: "the patient who is financially responsible", "staff member (dentist)". */
export const DESCRIBED_HEAD: RegExp = /^(?:the|an?|one|any)?\s*([a-z][\w-]*(?:\s+(?!who\b|that\b|which\b|whose\b)[a-z][\w-]*)?)\s*(?:\(|,|$|\s+(?:who|that|which|whose|responsible|in charge|assigned)\b)/i;

/** "a dentist on staff", "an analyst from the lab staff": a role held by one of the people (group 1). */
export const DESCRIBED_ROLE_ON: RegExp = /^(?:the|an?)\s+[a-z]+\s+(?:on|from|of|among)\s+(?:the\s+|our\s+)?([a-z]+(?:\s+[a-z]+)?)$/i;

/** Attribute heads a description never turns into a link: they hold a value about the target, not the target. */
export const DESCRIPTION_NOT_LINK: readonly string[] = ['email', 'phone', 'url', 'id', 'count', 'total', 'percentage', 'rate', 'price', 'cost', 'fee', 'at', 'on', 'flag', 'text', 'comment', 'reason'];

/** "Patients are linked to plans through coverage": two plurals joined through a record named after the preposition (group 3). */
export const M2M_THROUGH: RegExp = /^(?:the\s+)?([a-z][\w-]*s)\s+(?:are|get|can be)\s+(?:linked|connected|tied|joined|related|attached|matched|assigned)\s+to\s+(?:the\s+)?([a-z][\w-]*s)\s+(?:through|via|by way of|by means of|using)\s+(?:an?\s+|the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*[.;]?$/i;
