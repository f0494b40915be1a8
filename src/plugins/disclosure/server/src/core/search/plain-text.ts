/** The text of Strapi blocks (rich text) for indexing: paragraphs, headings, lists, quotes and code, one per line. */
export function blocksText(blocks: unknown): string {
  if (typeof blocks === 'string') return blocks;
  if (!Array.isArray(blocks)) return '';
  const lines: string[] = [];
  const inline = (node: any): string => (typeof node?.text === 'string' ? node.text : Array.isArray(node?.children) ? node.children.map(inline).join('') : '');
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'list' && Array.isArray(node.children)) node.children.forEach(walk);
    else if (node.type === 'image') lines.push(node.image?.alternativeText ?? '');
    else lines.push(inline(node));
  };
  blocks.forEach(walk);
  return lines.filter(Boolean).join('\n');
}
