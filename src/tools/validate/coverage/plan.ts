/** Reading EXPLAIN (FORMAT JSON) plans: which index scans they contain, and the line a reader would look for. */

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  'Index Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

const INDEX_SCANS = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Index Scan']);

function nodes(root: PlanNode): PlanNode[] {
  return [root, ...(root.Plans ?? []).flatMap(nodes)];
}

export function indexScans(root: PlanNode): PlanNode[] {
  return nodes(root).filter((n) => INDEX_SCANS.has(n['Node Type']) && n['Index Name'] !== undefined);
}

/** The node that reads `table` (a Seq Scan when no index is used). */
export function scanOf(root: PlanNode, table: string): PlanNode | undefined {
  return nodes(root).find((n) => n['Relation Name'] === table);
}

/** As EXPLAIN's text format prints the node, with its Index Cond and Filter on the same line. */
export function describeNode(node: PlanNode): string {
  const type = node['Node Type'];
  const backward = node['Scan Direction'] === 'Backward' ? ' Backward' : '';
  const head = node['Index Name'] === undefined
    ? `${type}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}`
    : type === 'Bitmap Index Scan'
      ? `${type} on ${node['Index Name']}`
      : `${type}${backward} using ${node['Index Name']} on ${node['Relation Name']}`;
  const details = [
    node['Index Cond'] ? `Index Cond: ${node['Index Cond']}` : '',
    node.Filter ? `Filter: ${node.Filter}` : '',
  ].filter(Boolean);
  return details.length ? `${head}; ${details.join('; ')}` : head;
}
