/** Wording that marks a platform-wide, seeded lookup list (reference data) rather than tenant data. */
export const REFERENCE_CUES: RegExp = /\b(?:platform[- ]wide|platform catalog(?:ue)?|fixed (?:platform[- ]wide\s+)?(?:list|catalog(?:ue)?|set)|standard list|not something (?:orgs|organi[sz]ations|customers|tenants) can edit|shared by every (?:customer|organi[sz]ation|org|tenant|company)|maintained by [\w ]+, not by (?:customers|orgs|tenants|users)|reference data|lookup (?:lists?|tables?)|seed(?:ed)? (?:them|it|the list|data)|must exist on a fresh install|global (?:list|catalog(?:ue)?)|same for (?:all|every) (?:customers|orgs|tenants)|read-only (?:list|catalog(?:ue)?))\b/i;

/** "Launch set: USD, EUR, …", "at minimum our launch markets: US, CA, …": a list of codes to seed. */
export const CODE_LIST: RegExp = /:\s*((?:[A-Z][A-Z0-9_]{1,9}(?:\s*\([^)]*\))?\s*(?:,|and|or)\s*){2,}[A-Z][A-Z0-9_]{1,9})/;

/** "Annual leave (code ANNUAL), Sick leave (SICK)": named values with their codes. */
export const NAMED_CODE: RegExp = /([A-Z][a-z]+(?:\s+[a-z]+){0,3})\s+\((?:code\s+)?([A-Z][A-Z0-9_]{1,30})\)/g;

/** "pick from a standard list of leave types", "a fixed catalogue of units": the list names a lookup entity. */
export const REFERENCE_LIST_OF: RegExp = /\b(?:standard|fixed|global|predefined|pre-defined|built-in|shared|platform[- ]wide)\s+(?:list|catalog(?:ue)?|set)\s+of\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/i;

/** "…: Beginner, Intermediate, Advanced and All levels": capitalised names listed after a colon. */
export const NAME_LIST: RegExp = /:\s*((?:[A-Z][\w-]*(?:\s+[a-zA-Z][\w-]*){0,2}\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)){2,}[A-Z][\w-]*(?:\s+[a-zA-Z][\w-]*){0,2})\.?\s*$/;
