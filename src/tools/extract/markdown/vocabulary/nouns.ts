/**
 * Nouns that never name a business entity or an attribute on their own, and generic words that qualify a
 * reference without changing its target ("the user account" is the user, "the media library" is the media).
 */

export const NOT_ENTITY: readonly string[] = [
  'we', 'it', 'they', 'this', 'that', 'these', 'those', 'everyone', 'everything', 'nothing', 'someone', 'anyone',
  'people', 'person', 'thing', 'things', 'stuff', 'data', 'information', 'info', 'system', 'app',
  'platform', 'product team', 'ui', 'api', 'database', 'db', 'backend', 'frontend', 'server', 'client app',
  'screen', 'table', 'field', 'column', 'row', 'record',
  'records', 'entity', 'model', 'schema', 'index', 'query', 'requirement', 'goal', 'goals', 'scope', 'summary', 'overview', 'context',
  'background', 'tenancy', 'security', 'isolation', 'performance', 'definition', 'definitions', 'section',
  'mvp', 'v1', 'admin', 'admins', 'team members', 'eng', 'engineering', 'design', 'pm',
  'checkout', 'lifecycle', 'status', 'name', 'email', 'type', 'types', 'trash', 'deletion', 'deletion rules',
  'who', 'who is who', 'whos who', 'entities', 'entity glance', 'at a glance', 'edge cases', 'edge case',
  'acceptance criteria', 'non functional', 'functional requirements', 'sizing', 'glossary', 'org structure',
  'structure', 'approach', 'implementation', 'migration', 'notifications', 'notification', 'audit', 'soft delete',
  'hard delete', 'user stories', 'user story', 'reporting', 'calendar and reporting', 'ui copy', 'flows', 'flow',
  'platform-wide', 'global', 'standard', 'fixed', 'shared', 'predefined', 'built-in',
];

/** Head nouns of headings that name a part of the document, never an entity ("Deletion rules", "Tenancy notes"). */
export const DOCUMENT_HEADS: readonly string[] = [
  'note', 'rule', 'case', 'requirement', 'question', 'consideration', 'assumption', 'constraint', 'detail', 'overview',
  'summary', 'scope', 'goal', 'decision', 'principle', 'guideline', 'convention', 'glossary', 'definition', 'appendix',
  'background', 'context', 'tenancy', 'security', 'isolation', 'structure', 'model', 'spec', 'specification', 'faq',
  'flow', 'journey', 'criterion', 'criteria', 'metric', 'limit', 'behaviour', 'behavior', 'edge', 'query',
  'purpose', 'introduction', 'objective', 'vision', 'problem', 'app', 'board', 'page', 'portal', 'widget', 'tab',
];

/** Trailing words that qualify a reference without changing what it points at. */
export const QUALIFIER_TAILS: readonly string[] = [
  'account', 'accounts', 'library', 'record', 'records', 'entry', 'entries', 'row', 'rows', 'profile', 'item',
  'list', 'catalogue', 'catalog', 'id', 'ids', 'reference', 'link', 'object',
];

/** Container nouns: "a snapshot of the shipping address" names the shipping address. */
export const CONTAINER_HEADS: readonly string[] = ['snapshot', 'copy', 'record', 'set', 'list', 'pair', 'piece', 'kind', 'sort'];

/** Field names that are too generic to ever be read as a reference to an entity named "XType", "XStatus"… */
export const FIELD_WORDS: readonly string[] = [
  'type', 'name', 'status', 'code', 'key', 'number', 'title', 'date', 'value', 'kind', 'level', 'state', 'role',
  'channel', 'position', 'step', 'note', 'notes', 'description', 'body', 'time', 'amount', 'label', 'color',
  'colour', 'slug', 'handle', 'token', 'phone', 'address', 'reference', 'source', 'unit', 'size', 'priority',
];

/** Word replacements when a heading or label names a field by its concept ("Lifecycle: draft → sent"). */
export const FIELD_SYNONYMS: Readonly<Record<string, string>> = {
  lifecycle: 'status', states: 'status', workflow: 'status', roles: 'role', statuses: 'status', types: 'type',
};

/** Abstract qualities a requirement talks about ("tenant isolation", "query performance"): never a record. */
export const ABSTRACT_HEADS: readonly string[] = [
  'isolation', 'security', 'performance', 'tenancy', 'scalability', 'availability', 'reliability', 'privacy',
  'compliance', 'latency', 'durability', 'consistency', 'accessibility', 'usability', 'observability',
];
