/** Wording of uniqueness rules. The scope word after "within/per/in" is resolved against the entities. */

/** "unique within the org", "unique per project", "unique in the store", "unique across the whole platform". */
export const UNIQUE_SCOPED: RegExp = /\bunique\s+(?:with(?:in)?|per|in|inside|across|among|for|on)\s+((?:the|a|an|its|their|our|my|one|each|that|this|every|whole|entire|same|given)\s+)*([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/i;

/** Scope words that mean "no scope at all". */
export const GLOBAL_SCOPE_WORDS: readonly string[] = [
  'platform', 'whole platform', 'system', 'world', 'all organizations', 'all orgs', 'all tenants', 'all customers',
  'everyone', 'everything', 'all', 'database', 'bucket', 'installation', 'universe', 'whole system', 'manufacturers',
];

export const GLOBALLY_UNIQUE: RegExp = /\b(?:globally unique|unique globally|unique across (?:the (?:whole|entire) )?(?:platform|system|all)|unique platform[- ]wide|platform[- ]wide unique|unique everywhere|can only ever be claimed by one)\b/i;

/**
 * "reject a HIN that is already recorded for any vessel on the platform", "refuse a username that is already used by
 * another member": group 1 the value, group 2 the record, group 3 the scope that follows.
 */
export const REJECT_ALREADY_USED: RegExp = /\b(?:reject|refuse|block|prevent|disallow)s?\s+(?:an?|the|any)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)\s+that\s+(?:is|has)\s+already\s+(?:been\s+)?(?:recorded|used|registered|taken|assigned|stored|in use)\s+(?:for|by|on|with)\s+(?:any|another|an?|some)\s+(?:other\s+)?([a-z][\w-]*)\b(.*)$/i;

/** A scope that removes the tenant: "regardless of operator", "on the platform", "anywhere", "in any organization". */
export const ANY_TENANT: RegExp = /\b(?:regardless of|irrespective of|whatever the)\b|\bon the (?:whole |entire )?(?:platform|system)\b|\banywhere\b|\bin any (?:organi[sz]ation|tenant|account|workspace)\b/i;

/** "sequential per store", "counted per post", "numbered within each project": a per-scope sequence is unique. */
export const SEQUENCE_SCOPED: RegExp = /\b(?:sequential|counted|numbered|incrementing|sequence)\s+(?:per|within|in|inside|for)\s+((?:the|a|an|its|each|every|one)\s+)*([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/i;

/** Sentences stating a combination occurs once: "at most one X for a given A in a given B", "never two …". */
export const AT_MOST_ONCE: RegExp = /\b(?:at most once|only once|at most one|no more than one|never (?:have )?two|never more than one|one such \w+ per|must not exist twice|may not share|can only belong to one|only one|exactly one|not (?:have|contain) duplicates?|once per|never be more than one|no two|must be stored only once|cannot (?:appear|exist) twice)\b/i;

/** Uniqueness restricted to live rows. */
export const LIVE_ROWS_ONLY: RegExp = /\b(?:not in the trash|non-?trashed|not trashed|not (?:soft[- ])?deleted|only (?:apply|applies) to (?:records|rows) that are not|among (?:live|active|non-deleted) (?:records|rows)|among (?:the\s+)?(?:[a-z]+['’]s\s+)?(?:current|live|non-deleted|undeleted|remaining) [a-z]+|only among [a-z]+ that are not (?:soft[- ])?deleted)\b/i;

/**
 * A uniqueness predicate said of the attribute named just before it: "… is required and shall be unique", "an email
 * address that can only be used once", "the email must not already be used by another account", "it must not be
 * shared with another client", "email unique inside the group", "(unique within the organizer)", "can be used by one
 * account on the whole platform", "can't be invited twice". Group 1 is set when the predicate is the word "unique".
 */
export const UNIQUE_PREDICATE: RegExp = /(?:\b(?:is|are|be)\s+(?:also\s+)?(?:(?:required|mandatory)\s+and\s+(?:(?:shall|must|should|has to|have to|needs? to|will)\s+be\s+)?)?(?:globally\s+)?(unique)\b(?!\s+(?:id|identifier|key|link|listeners|visitors|users)\b)|(?:^|[\s(,])(unique)\b(?=\s+(?:with(?:in)?|per|in|inside|across|among|on)\b)|\b(?:can|may)\s+only\s+be\s+(?:used|registered|claimed|taken)\s+once\b|\b(?:can|may)\s+(?:only\s+)?be\s+used\s+by\s+(?:only\s+)?one\s+[a-z]+\b|\b(?:must|may|shall|should|can)\s*(?:not|n['’]t)\s+(?:already\s+)?be\s+(?:used|taken|registered|claimed)\s+(?:by|for)\s+(?:another|any other|a different)\s+[a-z]+\b|\b(?:must|may|shall|should|can)\s*(?:not|n['’]t)\s+be\s+shared\s+(?:with|by)\s+(?:another|any other|a different)\s+[a-z]+\b|\b(?:can(?:not|['’]t| not)|may not|must not|shall not)\s+be\s+(?:invited|registered|added|used|entered|recorded|created)\s+twice\b)/gi;

/** "by another account", "with another client": the records the value must not be shared with. */
export const ANOTHER_RECORD: RegExp = /\b(?:by|with|for)\s+(?:another|any other|a different)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)/i;

/** The scope after a uniqueness predicate: "within the firm", "inside one network", "of the same firm", "on the whole platform". */
export const SCOPE_AFTER: RegExp = /^[^.;]{0,40}?\b(with(?:in)?|inside|in|per|across|among|on|for|of|at)\s+((?:(?:the|a|an|its|their|our|my|one|each|that|this|every|whole|entire|same|given|all|any)\s+)*)([a-z][\w-]*(?:\s+(?!(?:and|or|but|so|because|since|when|if|not)\b)[a-z][\w-]*)?)/i;

/** Words between an attribute and its predicate that belong to neither: modals, relatives, "required and". */
export const PREDICATE_LEAD: RegExp = /(?:\s+(?:that|which|who|also|always|required|mandatory|and|has|have|had|needs?|to|must|shall|should|will|would|can|could|may|might|is|are|be))+\s*$/i;

/** "you can't have the same email twice inside one network": group 1 is the attribute. */
export const SAME_TWICE: RegExp = /\b(?:can['’]t|cannot|can not|may not|must not|shall not|should not|never)\s+(?:have|use|register|enter|record|add|hold|see)\s+(?:the same|a duplicate|duplicate)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+twice\b/i;

/** The subject of a sentence or clause: "The identifier is printed …", "barcodes come from …", "AC: the code must …". */
export const SENTENCE_SUBJECT: RegExp = /^(?:[A-Z]{1,5}-?\d+[.:]?\s+|AC:\s*|[-*]\s+)?(?:(?:the|an?|each|every|their|its)\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:comes?|are|is|must|shall|should|has|have|gets?|stays?|never)\b/i;

/** Head nouns of identifier-like attributes: said to be unique, they are attributes of the section's record. */
export const IDENTIFIER_HEADS: readonly string[] = [
  'slug', 'code', 'number', 'key', 'name', 'email', 'id', 'identifier', 'handle', 'reference', 'guid', 'uuid', 'serial',
  'barcode', 'sku', 'token', 'username', 'login', 'subdomain', 'domain', 'url', 'hash', 'label', 'tag', 'title', 'isbn', 'vin',
];

/** Words that name a flag at most one record per scope may carry. */
export const FLAG_WORDS: readonly string[] = [
  'default', 'primary', 'main', 'current', 'active', 'featured', 'flagship', 'preferred', 'open', 'live', 'principal',
  'headline', 'lead', 'home', 'selected', 'pinned', 'master', 'official', 'designated', 'leading', 'chief', 'head',
];

/** "Exactly one location is the practice's main office": group 1 the record, 2 the scope's possessive, 3 the flag. */
export const ONE_IS_THE: RegExp = /\b(?:exactly|only|at most)\s+one\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:is|can be|may be)\s+(?:the|an?)\s+(?:([a-z][\w-]*)['’]s\s+)?([a-z][\w-]*(?:\s+(?!(?:at|in|per|for|and|or)\b)[a-z][\w-]*)?)/i;

/**
 * "there must only ever be one default fund per nonprofit", "there is at most one default per company", "Only one
 * flagship per network", "there can never be two default addresses for the same subscriber", "never has more than
 * one primary contact": group 1 is what follows the count (flag, maybe the record, then the scope).
 */
export const ONE_FLAG: RegExp = /\b(?:(?:only|at most|exactly|no more than|never more than|just|a single)(?:\s+ever)?(?:\s+be)?\s+one|(?:(?:can|may|must|should|will|shall)\s+)?never\s+(?:be|have|has)\s+(?:more than one|two)|there\s+(?:can|may|must|should|will|shall)\s+(?:never|not)\s+be\s+(?:more than one|two))\s+(.+)$/i;

/** The scope after a flag: "per nonprofit", "for the same subscriber", "in each project". Group 1 the scope. */
export const SCOPE_OF_FLAG: RegExp = /\b(?:per|for each|for every|in each|for the same|for a|for one|in a|in the same|within (?:a|an|the|each)|of (?:a|an|the|each))\s+([a-z][\w-]*(?:\s+(?!(?:at|in|per|and|or|is|are|can|may|must|ever)\b)[a-z][\w-]*)?)/i;

/** A key that holds among the records not in a state: "that aren't archived", "that are not voided", "non-deleted". */
export const NOT_IN_STATE: RegExp = /\b(?:that|which|who)\s+(?:are|is)\s+not\s+(?:yet\s+)?([a-z]+ed)\b|\b(?:that|which|who)\s+(?:aren['’]t|isn['’]t|haven['’]t been|have not been|has not been|hasn['’]t been)\s+([a-z]+ed)\b|\b(?:non-?|un)(archived|deleted|voided|cancell?ed|retired|deactivated|closed|removed|trashed)\b/i;

/** "unique among the group's live items": a key among the records still in use. */
export const LIVE_ROWS: RegExp = /\bamong\s+(?:the\s+)?(?:[a-z]+['’]s\s+)?(?:live|current|active|remaining|existing|in-use)\s+[a-z]+/i;

/** States that retire a record; "live" records are in none of them. */
export const RETIRED_STATES: readonly string[] = ['archived', 'deleted', 'retired', 'deactivated', 'removed', 'discontinued'];

/** Values machines mint rather than people choose: said to be unique with no scope, they are unique everywhere. */
export const MINTED_HEADS: readonly string[] = ['hash', 'token', 'key', 'guid', 'uuid', 'secret', 'fingerprint', 'digest', 'checksum', 'nonce'];
