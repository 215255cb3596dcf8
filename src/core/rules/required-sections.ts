import type { Heading, RootContent } from 'mdast';
import type { BodyRule, DocumentRuleContext } from './rule';
import { isRecordType, type RecordType } from '../schema/schema-registry';
import { schemaSections } from '../schema/field-info';
import { satisfiesSection, sectionKey } from '../document/section-names';
import { scanTopLevelHeadings } from '../document/heading-scan';

function headingText(node: Heading): string {
  const parts: string[] = [];
  const stack: RootContent[] = [...node.children].reverse() as RootContent[];
  while (stack.length) {
    const child = stack.pop()!;
    if ('value' in child && typeof child.value === 'string') parts.push(child.value);
    if ('children' in child) stack.push(...([...child.children].reverse() as RootContent[]));
  }
  return parts.join('');
}


/** The configured sections of the type that no present heading satisfies. */
function missingSections(wantedHeadings: readonly string[], present: readonly string[]): string[] {
  return wantedHeadings.filter((heading) => {
    const wanted = sectionKey(heading);
    return wanted && !present.some((p) => satisfiesSection(p, wanted));
  });
}

function reportMissing(context: DocumentRuleContext, type: RecordType, missing: readonly string[], anchorLine: number): void {
  const prompts = new Map(schemaSections(type).map((s) => [sectionKey(s.heading), s.prompt]));
  for (const heading of missing) {
    const prompt = prompts.get(sectionKey(heading));
    context.report({
      message: `The section "${heading}" is missing.${prompt ? ` ${prompt}` : ''}`,
      range: context.doc.lines.lineRange(Math.max(0, anchorLine)),
      fix: { kind: 'add-section', heading, prompt },
    });
  }
}

/** Without a `#` title the findings sit on the body's first line (the closing fence's, with frontmatter). */
function bodyAnchorLine(doc: DocumentRuleContext['doc']): number {
  return doc.lines.position(doc.bodyStart).line - (doc.bodyStart > 0 ? 1 : 0);
}

export const requiredSections: BodyRule = {
  id: 'required-sections',
  description: 'The body has the section headings of its type (configurable in `.legible.json`).',
  defaultSeverity: 'warning',
  scope: 'body',
  withoutTree(context) {
    const { doc } = context;
    const type = doc.data?.type;
    if (!doc.legible || !isRecordType(type)) return true;
    const scan = scanTopLevelHeadings(doc.text, doc.bodyStart);
    if (!scan) return false;
    const missing = missingSections(context.config.sections[type] ?? [], scan.headings.map((h) => sectionKey(h.text)));
    if (!missing.length) return true;
    // Headings the scan cannot see could supply a section it misses: only the tree can tell.
    if (!scan.complete) return false;
    const title = scan.headings.find((h) => h.depth === 1);
    reportMissing(context, type, missing, title ? doc.lines.position(title.offset).line : bodyAnchorLine(doc));
    return true;
  },
  check(context) {
    const { doc, tree } = context;
    const type = doc.data?.type;
    if (!doc.legible || !isRecordType(type)) return;
    const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
    const missing = missingSections(context.config.sections[type] ?? [], headings.map((h) => sectionKey(headingText(h))));
    const title = headings.find((h) => h.depth === 1);
    reportMissing(context, type, missing, title?.position ? title.position.start.line - 1 : bodyAnchorLine(doc));
  },
};
