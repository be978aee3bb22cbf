/** Wording of links between entities. */

/** Quantifiers that make the object side "many". */
export const MANY_QUANTIFIER = 'any number of|zero or more|one or more|several|many|multiple|a number of|more than one|at least one';

/** Phrases that settle a many-to-many on their own ("can be in several", "any number of", "↔"). */
export const M2M_STRONG: RegExp = /\b(?:any number of|zero or more|many[- ]to[- ]many)\b|↔|<->|\bcan (?:be (?:in|on|part of|added to|assigned to|tagged with|linked to|a member of|attached to)|involve|belong to|join|carry|appear in)\s+(?:several|many|multiple|any number of|more than one|one or more)\b|\bbelongs? to (?:one or more|several|many|multiple)\b/i;

/** "X ↔ Y is many-to-many", "X and Y are many-to-many". */
export const M2M_PAIR: RegExp = /\b([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*(?:↔|<->|and|\/)\s*([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:is|are)\s+(?:a\s+)?many[- ]to[- ]many\b/i;

/** "belongs to one project", "is for one customer", "watches one sensor", "linked to a deal". */
export const BELONGS_TO: RegExp = /\b(?:belongs?|belonging) to\s+(?:exactly\s+)?(?:one|an?|the|a single|their|its)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)|\b(?:is|are) for\s+(?:exactly\s+)?(?:one|an?|a single)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)|\b(?:watches|monitors|targets|lives in|sits in|is in|is part of)\s+(?:exactly\s+)?(?:one|an?|a single)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)|\b(?:linked|tied|attached|bound|assigned) to\s+(?:exactly\s+)?(?:one|an?|the|a single)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/gi;

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
