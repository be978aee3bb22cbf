/**
 * Deterministic synthetic inputs of any size, for tests at scale and for `npm run bench`: a structured JSON
 * model and an equivalent markdown PRD with N entities, chained by required and optional references, a few
 * many-to-many links, natural keys, a soft-deleted entity, a reference catalogue and query patterns.
 */
const NOUNS = [
  'account', 'asset', 'batch', 'booking', 'campaign', 'channel', 'checklist', 'contract', 'course', 'delivery',
  'document', 'episode', 'event', 'facility', 'feature', 'fixture', 'grant', 'incident', 'journey', 'kit',
  'lesson', 'listing', 'mission', 'module', 'notebook', 'offer', 'parcel', 'permit', 'playlist', 'portfolio',
  'quote', 'recipe', 'release', 'route', 'sample', 'season', 'segment', 'shipment', 'survey', 'ticket',
  'trip', 'unit', 'vehicle', 'venue', 'voucher', 'warranty', 'workshop', 'zone', 'badge', 'bundle',
];

const PREFIXES = ['north', 'south', 'east', 'west', 'inner', 'outer', 'upper', 'lower', 'prime', 'extra'];

export function entityNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const noun = NOUNS[i % NOUNS.length]!;
    const round = Math.floor(i / NOUNS.length);
    if (round === 0) return noun;
    const prefix = PREFIXES[(round - 1) % PREFIXES.length]!;
    return round > PREFIXES.length ? `${prefix} ${PREFIXES[Math.floor((round - 1) / PREFIXES.length) % PREFIXES.length]} ${noun}` : `${prefix} ${noun}`;
  });
}

const pascal = (s: string) => s.split(' ').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
const camel = (s: string) => { const p = pascal(s); return p[0]!.toLowerCase() + p.slice(1); };

/** `variant` renames the product only: the same shape with another schema text, so no cache answers a repeat. */
export function syntheticModel(count: number, variant = ''): Record<string, unknown> {
  const names = entityNames(count);
  const entities: Array<Record<string, unknown>> = [
    { name: 'Organization', fields: [{ name: 'name', type: 'string', required: true }, { name: 'slug', type: 'string', required: true, unique: true, uniqueScope: 'global' }] },
    { name: 'User', fields: [{ name: 'email', type: 'string', required: true, unique: true }, { name: 'fullName', type: 'string', required: true }] },
    { name: 'Category', scope: 'reference', fields: [{ name: 'code', type: 'string', required: true, unique: true }, { name: 'label', type: 'string', required: true }],
      rows: [{ code: 'a', label: 'Alpha' }, { code: 'b', label: 'Beta' }] },
  ];
  const relationships: Array<Record<string, unknown>> = [];
  const queryPatterns: Array<Record<string, unknown>> = [];
  names.forEach((name, i) => {
    const entity = pascal(name);
    entities.push({
      name: entity,
      softDelete: i % 7 === 3 ? true : undefined,
      fields: [
        { name: 'name', type: 'string', required: true, maxLength: 200 },
        { name: 'code', type: 'string', required: true, unique: true },
        { name: 'status', type: 'enum', values: ['draft', 'active', 'closed'], required: true, default: 'draft' },
        { name: 'amount', type: 'decimal', required: false },
        { name: 'dueOn', type: 'date', required: false },
        { name: 'isPinned', type: 'boolean', required: true, default: false },
      ],
    });
    if (i > 0) relationships.push({ from: entity, to: pascal(names[Math.floor((i - 1) / 2)]!), field: `parent${pascal(names[Math.floor((i - 1) / 2)]!)}Id`, cardinality: 'many-to-one', required: i % 3 !== 0, onDelete: i % 3 !== 0 ? 'cascade' : 'setNull' });
    relationships.push({ from: entity, to: 'User', field: 'ownerId', cardinality: 'many-to-one', required: false, onDelete: 'setNull' });
    if (i % 4 === 1) relationships.push({ from: entity, to: 'Category', field: 'categoryId', cardinality: 'many-to-one', required: false });
    if (i % 5 === 2 && i > 0) relationships.push({ name: `${camel(name)}Links`, from: entity, to: pascal(names[i - 1]!), cardinality: 'many-to-many' });
    queryPatterns.push({ entity, description: `${name}: by status, newest first`, filter: ['status'], orderBy: [{ field: 'createdAt', direction: 'desc' }] });
  });
  return { kind: 'data-model', product: `synthetic ${count}${variant ? ` ${variant}` : ''}`, tenancy: { tenantEntity: 'Organization', tenantKey: 'orgId' }, entities, relationships, queryPatterns };
}

/** The same model as a markdown PRD: a section per entity with bullet fields, references and a query list. */
export function syntheticPrd(count: number): string {
  const names = entityNames(count);
  const lines = [
    `# Synthetic product with ${count} entities`,
    '',
    'Each customer is an organization; everything below belongs to exactly one organization and must never be visible to another.',
    'People sign in as users: email (unique within the organization) and full name.',
    '',
  ];
  names.forEach((name, i) => {
    const title = name.split(' ').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
    lines.push(`## ${title}s`, '');
    lines.push(`- name (required), code (unique within the organization), status (draft, active, closed; default draft)`);
    lines.push(`- amount (optional, money), due on (optional date), whether it is pinned`);
    if (i > 0) lines.push(`- each ${name} belongs to one ${names[Math.floor((i - 1) / 2)]}; deleting that ${names[Math.floor((i - 1) / 2)]} deletes its ${name}s`);
    lines.push(`- owner: a user (optional)`, '');
  });
  lines.push('## Queries', '');
  names.forEach((name) => lines.push(`- ${name}s filtered by status, newest first`));
  return lines.join('\n') + '\n';
}
