/**
 * Section classification: which headings hold requirements (data), which hold access paths (query), and
 * which are deferred or irrelevant. Classes inherit downwards: a sub-heading of "Out of scope" is out of
 * scope too. Then block-level deferral: a "Non-goals:" label defers the list under it, and an item that
 * carries a deferral cue ("Gift cards (Phase 2)") is dropped on its own.
 */
import { stripInline } from './text.ts';
import type { Block, Section, SectionClass } from './types.ts';
import { DEFERRAL_CUES, DEFERRING_LABEL, EXCLUDED_HEADINGS, IRRELEVANT_HEADINGS, QUERY_HEADINGS } from './vocabulary/sections.ts';

export function headingClass(title: string): SectionClass | undefined {
  const t = stripInline(title).toLowerCase();
  if (EXCLUDED_HEADINGS.some((r) => r.test(t))) return 'excluded';
  if (IRRELEVANT_HEADINGS.some((r) => r.test(t))) return 'irrelevant';
  if (QUERY_HEADINGS.some((r) => r.test(t))) return 'query';
  return undefined;
}

export function classifySections(sections: Section[]): void {
  // The document's title ("# Taskboard v2", "# Roadmap tool PRD") names the product, not a part of it: the
  // first heading, when it is an H1, is never classified, so a version or a cue word in it defers nothing.
  const title = sections.find((s) => s.level > 0);
  for (const section of sections) {
    let own = section.level === 0 || (section === title && section.level === 1) ? undefined : headingClass(section.title);
    // A bold label names a thing of its parent section ("**Interviews**" under "Entities"), not a part of the document.
    if (section.bold && own === 'irrelevant') own = undefined;
    const inherited = section.parent?.cls ?? 'data';
    // Exclusion and irrelevance are sticky; a query heading under a data heading is a query section.
    section.cls = inherited === 'excluded' || inherited === 'irrelevant' ? inherited : (own ?? inherited);
  }
}

/** A data section whose items are mostly access paths ("filter by status, newest first") is a query section. */
export function reclassifyQuerySections(sections: Section[], strong: RegExp): void {
  for (const section of sections) {
    if (section.cls !== 'data' || section.level === 0) continue;
    const items = section.blocks.filter((b) => b.kind === 'item');
    if (items.length < 2) continue;
    const queries = items.filter((b) => strong.test(stripInline(b.text)) || /^[^:]{2,40}:\s/.test(stripInline(b.text)) && /\b(?:by|first|of a|of one|for a|all)\b/i.test(b.text));
    if (queries.length / items.length >= 0.6 && !items.some((b) => /^\*\*/.test(b.text))) section.cls = 'query';
  }
}

export function hasDeferralCue(text: string): boolean {
  return DEFERRAL_CUES.some((r) => r.test(text));
}

/** Removes parenthetical asides that defer something ("(SSO later)", "(phase 2)") so the rest still counts. */
export function withoutDeferredAsides(text: string): string {
  return text.replace(/\s*\(([^()]*)\)/g, (all, inner: string) => (hasDeferralCue(inner) || /\blater\b/i.test(inner) ? '' : all));
}

export function markDeferredBlocks(blocks: Block[]): void {
  let deferList = false;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      deferList = false;
      continue;
    }
    const text = stripInline(block.text);
    if (block.kind === 'paragraph' || (block.kind === 'item' && text.endsWith(':'))) {
      if (DEFERRING_LABEL.test(text)) {
        deferList = true;
        block.excluded = true;
        continue;
      }
      if (block.kind === 'paragraph') deferList = false;
    }
    if (block.kind === 'item' && deferList) {
      block.excluded = true;
      continue;
    }
    if (block.kind === 'quote') block.excluded = true; // review comments, not requirements
    if ((block.kind === 'item' || block.kind === 'paragraph') && hasDeferralCue(withoutDeferredAsides(text)) && isShortDeferral(text))
      block.excluded = true;
  }
}

/**
 * A whole block is dropped only when the deferral is its point — short items ("Gift cards (Phase 2)") or
 * one-sentence notes. A long paragraph that merely mentions a later phase keeps its other sentences; the
 * sentence filter handles those.
 */
function isShortDeferral(text: string): boolean {
  return text.split(/(?<=[.!?])\s+/).length <= 1 || text.length < 140;
}

export function blockIsReadable(block: Block): boolean {
  return !block.excluded && (block.section.cls === 'data' || block.section.cls === 'query');
}
