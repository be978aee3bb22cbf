/**
 * Cues that decide which parts of a PRD are requirements at all. Headings are matched as lower-case
 * substrings / regexes; sentences and list items by the deferral cues.
 */

/** Headings of parts that are explicitly not built now: nothing inside may become an entity. */
export const EXCLUDED_HEADINGS: readonly RegExp[] = [
  /\bout[- ]of[- ]scope\b/, /\bnon[- ]?goals?\b/, /\bnot in (?:this|the|v\d|scope)/, /\bnot (?:yet|now)\b/,
  /\bfuture\b/, /\broadmap\b/, /\bdeferred\b/, /\blater\b/, /\bphase [2-9]\b/, /\bnice[- ]to[- ]have\b/,
  /\bwon'?t have\b/, /\bopen questions?\b/, /\bparking lot\b/, /\bnext (?:version|release)\b/, /\bv[2-9]\b/,
  /\bexclusions?\b/, /\bappendix\b(?!.*\b(?:reference|lists?|codes?|values|seed|lookups?|catalog(?:ue)?s?|data model|entities)\b)/, /\bnot in (?:release|version|phase|the first release)\b/, /\bmeeting notes?\b/, /\bbacklog\b/, /\bideas\b/,
];

/** Headings of parts that talk about the business, not the data: market, marketing, plans, people, risks. */
export const IRRELEVANT_HEADINGS: readonly RegExp[] = [
  /\bmarket/, /\bcompetit/, /\bgo[- ]to[- ]market\b/, /\bpricing\b/, /\btimeline\b/, /\bmilestones?\b/,
  /\brisks?\b/, /\bmitigations?\b/, /\bpersonas?\b/, /\bexecutive summary\b/, /\btl;?dr\b/, /\bstakeholders?\b/,
  /\bsuccess metrics?\b/, /\bkpis?\b/, /\bglossary of terms\b/, /\bchangelog\b/, /\brevision history\b/,
  /\bsign[- ]?off\b/, /\bbudget\b/, /\bteam\s*&\s*roles\b/, /\bfaq\b/, /\bresearch\b/, /\binterviews?\b/,
];

/** Headings whose body is about access paths: read for query patterns, never for entities. */
export const QUERY_HEADINGS: readonly RegExp[] = [
  /\bquer(?:y|ies)\b/, /\bperformance\b/, /\bscreens?\b/, /\breports?\b/, /\baccess patterns?\b/,
  /\bnon[- ]functional\b/, /\bnfrs?\b/, /\bsearch(?:es)?\b/, /\bdashboards?\b/, /\bviews?\b/, /\bsla targets?\b/,
];

/**
 * Deferral cues inside running text: an item or sentence carrying one describes something not built now.
 * Kept narrow on purpose — "later" alone is far too common ("linked later") to defer anything.
 */
export const DEFERRAL_CUES: readonly RegExp[] = [
  /\bphase [2-9]\b/i, /\bnot (?:in )?v1\b/i, /\bnot in (?:this|the first) (?:release|version)\b/i,
  /\bv\d+\.\d+\b.*\b(?:tbd|maybe|later)\b/i, /\bmaybe v\d/i, /\bdon'?t build\b/i, /\bdo not build\b/i,
  /\bout of scope\b/i, /\bon the roadmap\b/i, /\bnot part of this\b/i, /\bdeferred\b/i, /\bpark(?:ed)? until\b/i,
  /\brevisit in\b/i, /\bcomes? later\b/i, /\bno (?:schema|tables?) needed\b/i, /\bnot v1\b/i,
  /→\s*phase\b/i, /\bfuture release\b/i, /\bnext release\b/i,
];

/** A label paragraph or item ("Non-goals (v1):", "Out of scope:") that defers the list after it. */
export const DEFERRING_LABEL: RegExp = /^(?:non[- ]?goals?|out[- ]of[- ]scope|not in scope|deferred|later|future|exclusions?|not (?:now|yet|in v1)|won'?t have)\b[^:]*:\s*$/i;

/** Headings over the people who use the product ("Who uses it", "Personas", "Roles"): their items are actors. */
export const PEOPLE_SECTION: RegExp = /\b(?:who uses|who(?:'|’)?s who|personas?|roles?|users? and roles|audience|actors|stakeholders|people)\b/i;

/** Headings of a data-model section, where "Room: number, floor, room type" lines define records. */
export const DATA_MODEL_HEADING: RegExp = /\b(?:data|entities|entity|schema|domain model|records|objects|tables)\b/i;
