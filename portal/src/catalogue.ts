/**
 * The catalogue tree: categories (localized names from the content API) joined with the stats
 * endpoint's rolled-up counts (by code).
 */
export interface CategoryRecord {
  code: string;
  name: string;
  parent?: string | null;
  sortOrder?: number | null;
}

export interface CategoryCount {
  code: string;
  name: string;
  parent: string | null;
  count: number;
  total: number;
}

export interface TreeNode {
  code: string;
  name: string;
  /** Rolled-up count (the category and everything below it); null when stats are unavailable. */
  total: number | null;
  children: TreeNode[];
}

/**
 * Builds the tree. Categories give names (in the page's locale), order and parents; stats give
 * counts, and their entries fill in categories the content API did not return.
 */
export function buildTree(categories: readonly CategoryRecord[], counts: readonly CategoryCount[] | null): TreeNode[] {
  const byCode = new Map<string, CategoryRecord & { index: number }>();
  categories.forEach((c, index) => {
    if (c && c.code) byCode.set(c.code, { ...c, index });
  });
  (counts ?? []).forEach((c, i) => {
    if (!byCode.has(c.code)) byCode.set(c.code, { code: c.code, name: c.name, parent: c.parent, sortOrder: null, index: categories.length + i });
    else if (!byCode.get(c.code)!.parent && c.parent) byCode.get(c.code)!.parent = c.parent;
  });
  const totals = new Map((counts ?? []).map((c) => [c.code, c.total]));
  const nodes = new Map<string, TreeNode & { sort: number; index: number }>();
  for (const c of byCode.values()) {
    nodes.set(c.code, {
      code: c.code,
      name: c.name,
      total: counts ? (totals.get(c.code) ?? 0) : null,
      children: [],
      sort: typeof c.sortOrder === 'number' ? c.sortOrder : Number.MAX_SAFE_INTEGER,
      index: c.index,
    });
  }
  const roots: (TreeNode & { sort: number; index: number })[] = [];
  for (const c of byCode.values()) {
    const node = nodes.get(c.code)!;
    const parent = c.parent ? nodes.get(c.parent) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const order = (a: { sort: number; index: number }, b: { sort: number; index: number }) => a.sort - b.sort || a.index - b.index;
  const strip = (list: (TreeNode & { sort: number; index: number })[]): TreeNode[] =>
    list.sort(order).map((n) => ({ code: n.code, name: n.name, total: n.total, children: strip(n.children as any) }));
  return strip(roots);
}

/** The code and the codes of all its descendants, as the filter for a category's rolled-up list. */
export function descendantCodes(categories: readonly Pick<CategoryRecord, 'code' | 'parent'>[], code: string): string[] {
  const children = new Map<string, string[]>();
  for (const c of categories) {
    if (!c.parent) continue;
    const list = children.get(c.parent) ?? [];
    list.push(c.code);
    children.set(c.parent, list);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (c: string) => {
    if (seen.has(c)) return;
    seen.add(c);
    out.push(c);
    for (const child of children.get(c) ?? []) visit(child);
  };
  visit(code);
  return out;
}

/** Depth-first lookup by code. */
export function findNode(tree: readonly TreeNode[], code: string): TreeNode | undefined {
  for (const n of tree) {
    if (n.code === code) return n;
    const inner = findNode(n.children, code);
    if (inner) return inner;
  }
  return undefined;
}

/** The source locale's categories (structure) with the names of another locale where it has them. */
export function mergeCategoryNames(source: readonly CategoryRecord[], localized: readonly CategoryRecord[]): CategoryRecord[] {
  const names = new Map(localized.filter((c) => c.code && c.name).map((c) => [c.code, c.name]));
  const known = new Set(source.map((c) => c.code));
  return [
    ...source.map((c) => ({ ...c, name: names.get(c.code) ?? c.name })),
    // Categories that only exist in the other locale keep their own data.
    ...localized.filter((c) => !known.has(c.code)),
  ];
}
