/**
 * Delete-rule wording. Each rule class is a list of regexes over one clause; the first class that matches
 * wins in the order restrict → set-null → detach → cascade (a "can't be deleted" clause often also says
 * "deleted").
 */
import type { ReferentialAction } from '../../../../model/model.ts';

export const DELETE_VERBS: RegExp = /\b(?:delet|remov|purg|trash|hard[- ]delet|destroy|eras|drop|clos)\w*/i;

export const RESTRICT_CUES: readonly RegExp[] = [
  // "must not delete its episodes" keeps the episodes (set-null), unlike "must not be deleted".
  /\b(?:can(?:'|’)?t|cannot|can not|must not|may not|mustn't|shouldn'?t (?:be able to)?|never)\s+(?:be\s+)?(?:deleted|deletable|removed|purged|(?:delete|remove)(?!\s+(?:its|their|the)\s)|hard-deleted)\b/i,
  /\bnot be deletable\b/i, /\b(?:is|are) blocked while\b/i, /\bonly (?:archived|disabled|deactivated)\b/i,
  /\bblocks? (?:the )?delet/i, /\bprevents? (?:the )?delet/i, /\bshouldn'?t be able to delete\b/i,
  /\bcan(?:'|’)?t be (?:deleted|removed) while\b/i, /\bmust (?:first )?(?:move|reassign)\b/i,
];

export const SET_NULL_CUES: readonly RegExp[] = [
  /\bloses? the (?:link|reference|\w+)\b/i, /\bjust loses\b/i, /\bsimply has no\b/i, /\b(?:stays?|remains?|is kept|are kept|survives?|keep (?:the|their|its))\b/i,
  /\bbecomes? unassigned\b/i, /\bgo(?:es)? back to the unassigned\b/i, /\bwithout an?\b/i, /\bdetached\b/i, /\b(?:are|is) not deleted\b/i,
  /\bkeep (?:the|their|its) \w+/i, /\bmust (?:survive|outlive)\b/i, /\b(?:must|should|does|do|will|shall)\s+not\s+(?:delete|remove)\s+(?:its|their|the)\b/i, /\bbecomes? [a-z]+-?less\b/i, /\bset to (?:null|empty)\b/i, /\bunlinked\b/i, /\bcleared\b/i,
];

/** Many-to-many detach ("removes it from every task") settles nothing on a foreign key. */
export const DETACH_CUES: readonly RegExp[] = [/\bremoves? it from\b/i, /\bjust removes\b/i, /\bremoved from (?:its|their|every)\b/i];

export const CASCADE_CUES: readonly RegExp[] = [
  /\b(?:delet|remov|purg|trash)\w*\s+(?:all\s+)?(?:its|their|the)\b/i, /\b(?:deleted|purged|removed|trashed)\s+(?:together\s+)?with\b/i,
  /\bgo(?:es)? away with\b/i, /\bdisappears? from\b/i, /\b(?:deleted|removed|purged) along with\b/i, /\bwith (?:their|its) \w+$/i,
  /\bthrough (?:them|it)\b/i, /\bgo(?:es)? away\b/i, /\bgo(?:es)? (?:along )?with (?:it|them|their|its|the)\b/i, /\bgo(?:es)? too\b/i, /\bdelete[sd]?\s+(?:an?|the)\s+[a-z]+['’]s\s+[a-z]+/i, /\b(?:when|once|if) (?:their|its) [a-z]+(?: [a-z]+)? (?:is|are|gets?) (?:deleted|removed|purged|closed)\b/i,
];

export const ACTION_ORDER: readonly [ReferentialAction | 'detach', readonly RegExp[]][] = [
  ['Restrict', RESTRICT_CUES],
  ['detach', DETACH_CUES],
  ['SetNull', SET_NULL_CUES],
  ['Cascade', CASCADE_CUES],
];

/** Words that make a self-reference the subject of a rule: "subtasks", "child categories", "nested". */
export const CHILD_WORDS: RegExp = /\b(?:sub[a-z]+|child(?:ren)?|nested|parent)\b/i;

/** "If an inspection is deleted", "deleting a folder": group 1 is what the clause deletes. */
export const DELETED_PHRASE: RegExp = /(?:^|\b(?:if|when|once|after)\s+)(?:an?|the|each|every|any)\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:is|are|gets?)\s+(?:\w+\s+)?(?:deleted|removed|purged|erased)\b|\b(?:deleting|removing|purging)\s+(?:an?|the|any)\s+([a-z]+(?:\s+[a-z]+)?)\b/i;

/** Words between a deleted record and other rows that say it has them: "that has (any)", "with", "that has been assigned to any". */
export const HOLDS_BETWEEN: RegExp = /^(?:(?:that|which|who)\s+(?:still\s+)?(?:has|have)(?:\s+(?:any|some|open|active|existing|an?|one))?(?:\s+[a-z]+)?|with(?:\s+(?:any|some|open|active|existing))?|(?:that|which)\s+(?:has|have|is|are)\s+(?:been\s+|still\s+)?[a-z]+(?:ed|en)\s+(?:to|on|in|by|for|with)(?:\s+(?:any|an?|the|one))?)$/;

/** "deleted with it", "removed together with them": the clause's own rows go with the record named before. */
export const WITH_IT: RegExp = /^(?:(?:are|is|get|gets|will be|shall be)\s+)?(?:deleted|removed|purged)\s+(?:together\s+|along\s+)?with\s+(?:it|them)\b/i;
