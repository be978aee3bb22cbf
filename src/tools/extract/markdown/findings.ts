/**
 * Findings for text that talks about data but gave the parser nothing, so a reviewer (or the LLM extractor)
 * can look at exactly those lines; and a summary when almost nothing was understood.
 */
import type { Doc } from './doc.ts';
import { stripInline, trimRef } from './text.ts';

const DATA_TALK = /\b(?:has|have|stores?|records?|tracks?|keeps?|contains?|unique|required|optional|belongs? to|each|every|list of|fields?|attributes?|columns?|must|deleted?|linked)\b/i;

export function collectFindings(doc: Doc): void {
  for (const block of doc.parsed.blocks) {
    if (block.excluded || block.section.cls !== 'data' || doc.used.has(block)) continue;
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    const text = stripInline(block.text);
    if (text.length < 25 || !DATA_TALK.test(text)) continue;
    if (block.section.level <= 1 && /^[A-Z][\w ]{0,20}:\s/.test(text)) continue;
    doc.findings.push({ target: `line ${block.line}`, message: `Could not read a data requirement from: "${trimRef(text)}"`, line: block.line });
  }
  const business = doc.registry.list().filter((e) => e.kind !== 'tenant-root');
  const fields = business.reduce((n, e) => n + e.fields.length, 0);
  if (business.length < 2 || fields < 2) {
    doc.findings.push({ target: 'prd', message: `Almost nothing was extracted (${business.length} entities, ${fields} fields): the PRD may be prose the deterministic parser cannot read.` });
  }
}
