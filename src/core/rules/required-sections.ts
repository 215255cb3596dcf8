import type { Heading, RootContent } from 'mdast';
import type { BodyRule } from './rule';
import { isRecordType } from '../schema/schema-registry';
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


export const requiredSections: BodyRule = {
  id: 'required-sections',
  description: 'The body has the section headings of its type (configurable in `.legible.json`).',
  defaultSeverity: 'warning',
  scope: 'body',
  provesClean(context) {
    const type = context.doc.data?.type;
    if (!isRecordType(type)) return true;
    const headings = scanTopLevelHeadings(context.doc.text, context.doc.bodyStart);
    if (!headings) return false;
    const present = headings.map(sectionKey);
    return (context.config.sections[type] ?? []).every((heading) => {
      const wanted = sectionKey(heading);
      return !wanted || present.some((p) => satisfiesSection(p, wanted));
    });
  },
  check(context) {
    const { doc, tree } = context;
    const type = doc.data?.type;
    if (!doc.legible || !isRecordType(type)) return;
    const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
    const present = headings.map((h) => sectionKey(headingText(h)));
    const title = headings.find((h) => h.depth === 1);
    const anchorLine = title?.position ? title.position.start.line - 1 : doc.lines.position(doc.bodyStart).line - (doc.bodyStart > 0 ? 1 : 0);
    const prompts = new Map(schemaSections(type).map((s) => [sectionKey(s.heading), s.prompt]));
    for (const heading of context.config.sections[type] ?? []) {
      const wanted = sectionKey(heading);
      if (!wanted || present.some((p) => satisfiesSection(p, wanted))) continue;
      const prompt = prompts.get(wanted);
      context.report({
        message: `The section "${heading}" is missing.${prompt ? ` ${prompt}` : ''}`,
        range: doc.lines.lineRange(Math.max(0, anchorLine)),
        fix: { kind: 'add-section', heading, prompt },
      });
    }
  },
};
