/** Wording that names the tenant, the people who sign in, and users shared across tenants. */

/** "Every merchant is one organization", "Each company that signs up is an organization". */
export const ORG_IS: RegExp = /\b(?:every|each|an?|one)\s+(?:paying\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:(?:that|who|which)\s+[a-z]+(?:\s+up)?\s+|using\s+[\w -]+?\s+|we\s+\w+\s+)?is\s+(?:an?|one|its own)\s+organi[sz]ation\b/i;

/**
 * "Every customer is an organizer account", "Each firm is a separate customer": the tenant named through the
 * customer it is; "Our customer is the restaurant group", "Each group that signs up gets its own account". One
 * of groups 1–4 is the tenant's word.
 */
export const CUSTOMER_IS: RegExp = /\b(?:every|each)\s+(?:customer|tenant|subscriber|client company)\s+is\s+(?:an?|one)\s+(?:separate\s+|single\s+)?(?:\*\*)?([a-z][\w-]*)(?:\*\*)?(?:\s+account)?\b|\b(?:every|each)\s+([a-z][\w-]*(?:\s+(?!is\b)[a-z][\w-]*)?)\s+is\s+(?:an?|one)\s+(?:separate\s+|single\s+|distinct\s+)?(?:customer|tenant)\b|\bour\s+customers?\s+(?:is|are)\s+(?:the\s+|an?\s+)?(?:\*\*)?((?:[a-z][\w-]*\s+)?[a-z][\w-]*?)s?(?:\*\*)?\b|\b(?:every|each)\s+([a-z][\w-]*)\s+that\s+signs\s+up\s+gets\s+its\s+own\s+(?:account|workspace|tenant)\b|\btreat\s+(?:each|every)\s+([a-z][\w-]*)\s+as\s+an?\s+(?:separate\s+)?tenant\b/i;

/** "(the UI calls it a "workspace")", "(the UI says "store")", "think of the org as "the site"". */
export const ORG_CALLED: readonly RegExp[] = [
  /\((?:the\s+)?(?:ui|app|product)\s+(?:calls it|says|shows|names it|refers to it as)\s+(?:an?\s+)?["“]([^"”]+)["”]\)/i,
  /\bthink of the (?:org|organi[sz]ation|tenant) as\s+["“](?:the\s+)?([^"”]+)["”]/i,
  /\b(?:org|organi[sz]ation|tenant)s?\s+(?:are|is)\s+(?:called|known as)\s+["“]?([a-z]+)/i,
  // "TidyShift customers are hotel companies": the product's name, capitalised, then what its customers are.
  /\b[A-Z][A-Za-z]+\s+customers\s+are\s+(?:the\s+)?([a-z]+(?:\s+[a-z]+)?(?<!s)s)\b/,
];

export const SIGN_IN: RegExp = /\b(?:sign(?:s|ed)?[- ]in|log(?:s|ged)?[- ]?(?:in|into|on))\b/i;

/** "before anyone is logged in", "without signing in", "Sponsors do not log in": no one here signs in. */
export const NOT_SIGNING_IN: RegExp = /\b(?:before|without|until|unless)\s+(?:(?:anyone|someone|anybody|they|you|a user|the user)\s+(?:is|are|has|have)\s+)?(?:logged|signed|logging|signing)\b|\bnot (?:logged|signed) in\b|\b(?:do|does|will|shall|can|may|must)\s+(?:not|never)\s+(?:sign|log)\b|\b(?:cannot|can't|can’t|don't|don’t|doesn't|doesn’t|won't|won’t|never)\s+(?:sign|log)\b/i;

/** "one login can belong to several organizations", "users are global". */
export const GLOBAL_USERS: RegExp = /\b(?:one login can belong to (?:several|multiple|many)|users are global|(?:user|login|account) can (?:belong to|be a member of|join) (?:several|multiple|many|more than one) (?:organi[sz]ations|orgs|tenants|workspaces)|members? of (?:several|multiple) (?:organi[sz]ations|orgs|workspaces))\b/i;

/** Words that stand for "people" without naming a role. */
export const GENERIC_PEOPLE: readonly string[] = ['people', 'person', 'someone', 'team member', 'member', 'they', 'everyone', 'each person', 'login'];

/** Entity names whose head word is a kind of person who signs in ("StaffUser", "Agent", "TeamMember"). */
export const PEOPLE_HEADS: RegExp = /(?:User|Staff|Member|Agent|Employee|Account|Operator|Admin|Clerk|Technician|Manager)s?$/;

/** "Lawyers, paralegals and the office manager all have user accounts". */
export const PEOPLE_ARE_USERS: RegExp = /^([a-z][\w ,'’]*?)\s+(?:all\s+|each\s+)?(?:have|get)\s+(?:their own\s+)?(?:user\s+accounts?|logins?)\b/i;
