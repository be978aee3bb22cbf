/** Wording that marks a platform-wide, seeded lookup list (reference data) rather than tenant data. */
export const REFERENCE_CUES: RegExp = /\b(?:platform[- ]wide|platform catalog(?:ue)?|fixed (?:platform[- ]wide\s+)?(?:list|catalog(?:ue)?|set)|standard list|not something (?:orgs|organi[sz]ations|customers|tenants) can edit|shared by every (?:customer|organi[sz]ation|org|tenant|company)|maintained by [\w ]+, not by (?:customers|orgs|tenants|users)|reference data|lookup (?:lists?|tables?)|seed(?:ed)? (?:them|it|the list|data)|must exist on a fresh install|global (?:list|catalog(?:ue)?)|same for (?:all|every) (?:customers|orgs|tenants)|shared by (?:all|every) [a-z]+|read-only (?:list|catalog(?:ue)?)|same (?:list )?for (?:all|every)(?:one|body|\s+[a-z]+)|the same for every(?:one|body|\s+[a-z]+)|(?:that|which) ships with|we ship (?:it|them|the list))\b/i;

/** "Countries and currencies shall be chosen from lists maintained by us": two lookups named together. */
export const TWO_LISTS: RegExp = /^(?:[A-Z]{1,5}-?\d+[.:]?\s+)?(?:the\s+)?((?:[a-z]+\s+)?[a-z]+s(?:\s+of\s+[a-z]+)?)\s+and\s+((?:[a-z]+\s+)?[a-z]+s(?:\s+of\s+[a-z]+)?)\s+(?:shall|must|will|are to|can only)?\s*(?:be\s+)?(?:chosen|picked|selected|taken|drawn)\s+from\s+(?:the\s+)?(?:global\s+|fixed\s+|shared\s+|standard\s+)?lists?\b/i;

/** "Launch set: USD, EUR, …", "at minimum our launch markets: US, CA, …": a list of codes to seed. */
export const CODE_LIST: RegExp = /(?::|\b(?:at least|at minimum|including|such as|namely))\s*((?:[A-Z][A-Z0-9_]{1,9}(?:\s*\([^)]*\))?\s*(?:,|and|or)\s*){2,}[A-Z][A-Z0-9_]{1,9})/;

/** "REFERRAL (Employee referral), LINKEDIN (LinkedIn)": codes with their names. */
export const CODE_NAMED: RegExp = /\b([A-Z][A-Z0-9_]{1,30})\s+\(([A-Z][^()]{0,40})\)/g;

/** "Annual leave (code ANNUAL), Sick leave (SICK)": named values with their codes. */
export const NAMED_CODE: RegExp = /([A-Za-z][A-Za-z]+(?:(?:\s+|\/)[a-z]+){0,3})\s+\((?:code\s+)?([A-Z][A-Z0-9_]{1,30})\)/g;

/** "pick from a standard list of leave types", "a fixed catalogue of units": the list names a lookup entity. */
export const REFERENCE_LIST_OF: RegExp = /\b(?:standard|fixed|global|predefined|pre-defined|built-in|shared|platform[- ]wide)\s+(?:list|catalog(?:ue)?|set)\s+of\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/i;

/** "…: Beginner, Intermediate, Advanced and All levels", "…: Fire, Wind and hail, Other": capitalised names after a colon. */
export const NAME_LIST: RegExp = /:\s*((?:[A-Z][\w-]*(?:\s+(?:(?:and|&)\s+)?[a-zA-Z][\w-]*){0,2}\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)){2,}[A-Z][\w-]*(?:\s+[a-zA-Z][\w-]*){0,2})\.?\s*$/;

/**
 * "each X has a difficulty level picked from a fixed list …", "has a category, chosen from a global category
 * list we ship": the picked noun (group 1) is the lookup entity, not the sentence's subject. Group 2 is the
 * list's qualifier, which must say the list is fixed/shared for the rule to apply.
 */
/**
 * "I want to pick the vehicle's fuel type from a standard list": the active form. Group 1 is the picked noun,
 * group 2 the list's qualifier; a possessive before the noun names the record that holds the choice.
 */
export const PICK_FROM: RegExp = /\b(?:pick|choose|select|take)s?\s+(?:the|an?|its|their|our|my)?\s*(?:[a-z][\w-]*['’]s\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+from\s+(?:an?|the|our|one)\s+((?:[\w-]+\s+){0,3}?)(?:list|catalog(?:ue)?|set)\b/i;

export const PICKED_FROM: RegExp = /\b(?:an?|one|its|their|the)\s+([a-z][\w-]*(?:\s+(?!(?:is|are)\b)[a-z][\w-]*)?)\s*,?\s+(?:\(\s*(?:(?:required|optional|mandatory)\s*,?\s*)?)?(?:(?:is|are)\s+)?(?:picked|chosen|selected|taken|drawn)\s+from\s+(?:an?|the|our|one|[A-Za-z][\w-]*['’]s)\s+((?:[\w-]+\s+){0,3}?)(?:list|catalog(?:ue)?|set)\b/i;

/** Qualifiers of a list that is the same for everyone. */
export const FIXED_LIST_QUALIFIER: RegExp = /\b(?:fixed|global|standard|predefined|pre-defined|built-in|shared|platform[- ]wide|closed)\b/i;

/**
 * "Carriers come from a fixed, global list that we seed: A, B and C", "Currencies are a global reference list
 * seeded at install: …": the subject is the lookup entity.
 */
export const COMES_FROM_LIST: RegExp = /^(?:the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:(?:comes?|are picked|are chosen|are taken|are drawn)\s+from|(?:are|is|form|forms)(?=\s+(?:an?|one)\s))\s+(?:an?|the|our|one)\s+((?:[\w-]+,?\s+){0,3}?)(?:list|catalog(?:ue)?|set)\b/i;

/**
 * Where a list of values starts: after a colon, "at least", "such as", "including", "plus", or inside parentheses.
 * Group 1 is the list (up to the end of the sentence or the parenthesis).
 */
export const VALUES_AFTER: RegExp = /(?::|\b(?:at least|at minimum|including|such as|namely|e\.g\.|for example|like|ships with(?: at least)?|seed(?:ed)?(?: with)?:?))\s*([^.;:()]+(?:\.\.\.|…)?)/gi;
export const VALUES_IN_PARENS: RegExp = /\(([^()]{6,400})\)/g;

/** A run of three or more codes anywhere: "US, CA, GB, IE, AU and NZ". */
export const CODE_RUN: RegExp = /\b[A-Z][A-Z0-9_]{1,9}(?:\s*,\s*(?:and\s+|or\s+)?[A-Z][A-Z0-9_]{1,9}|\s+(?:and|or)\s+[A-Z][A-Z0-9_]{1,9}){2,}\b/g;

/** Field names that hold a lookup value's display text or key, in the order they are preferred for a list of values. */
export const VALUE_FIELDS: readonly string[] = ['name', 'label', 'title', 'symbol', 'displayName', 'value', 'description'];

/** A block that talks about a list of values: only there is a run of values the list's rows. */
export const LIST_TALK: RegExp = /\b(?:list|lists|catalog(?:ue)?|seed(?:ed|s)?|ships?|shipped|standard|fixed|predefined|built-in|at least|at minimum|reference|maintain(?:ed)?)\b/i;
