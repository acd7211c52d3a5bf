/** How a notebook or a .py file says which problem it is for, and which cell holds the answer. */

/** A problem id is a slug. */
export const PROBLEM_ID = /^[a-z0-9][a-z0-9_-]*$/;

/** Notebook metadata key: `metadata.jaxlings.problem = "<id>"`. */
export const METADATA_KEY = 'jaxlings';

/** The problem id in a notebook's `jaxlings` metadata, or null. */
export function problemIdFromMetadata(meta: unknown): string | null {
  if (meta && typeof meta === 'object' && !Array.isArray(meta)) {
    const id = (meta as { problem?: unknown }).problem;
    if (typeof id === 'string' && PROBLEM_ID.test(id)) {
      return id;
    }
  }
  return null;
}

const PY_BINDING = /^\s*#\s*jaxlings\s*:\s*([A-Za-z0-9_-]+)\s*$/;

/** The problem id on a .py file's first line, `# jaxlings: <id>`, or null. */
export function problemIdFromSource(text: string): string | null {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const m = PY_BINDING.exec(first);
  return m && PROBLEM_ID.test(m[1]) ? m[1] : null;
}

/** The first line that binds a .py file to a problem. */
export function bindingLine(id: string): string {
  return `# jaxlings: ${id}`;
}

/** Whether a cell's source defines `def <name>(` at the start of a line. */
export function definesFunction(source: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*(async\\s+)?def\\s+${escaped}\\s*\\(`, 'm').test(source);
}

export interface ICellInfo {
  type: string;
  source: string;
}

/**
 * The problem an unlinked notebook or file is most likely for: the one whose function its code
 * defines (the sources in order of preference, e.g. the active cell first); null when none.
 */
export function guessProblem(
  sources: string[],
  problems: readonly { id: string; function: string }[]
): string | null {
  for (const source of sources) {
    const match = problems.find(p => definesFunction(source, p.function));
    if (match) {
      return match.id;
    }
  }
  return null;
}

/**
 * The index of the cell whose text to check.
 * The active cell when it is a code cell that defines the function (or the function is
 * not known); otherwise the nearest code cell above, then below, that defines it; otherwise
 * the active cell if it is code. Null when there is no code cell to send.
 */
export function pickSourceCell(
  cells: ICellInfo[],
  activeIndex: number,
  functionName: string | null
): number | null {
  const isCode = (i: number) => i >= 0 && i < cells.length && cells[i].type === 'code';
  const defines = (i: number) =>
    isCode(i) && functionName !== null && definesFunction(cells[i].source, functionName);
  if (isCode(activeIndex) && (functionName === null || defines(activeIndex))) {
    return activeIndex;
  }
  if (functionName !== null) {
    for (let i = Math.min(activeIndex, cells.length) - 1; i >= 0; i--) {
      if (defines(i)) {
        return i;
      }
    }
    for (let i = Math.max(activeIndex + 1, 0); i < cells.length; i++) {
      if (defines(i)) {
        return i;
      }
    }
  }
  return isCode(activeIndex) ? activeIndex : null;
}

/** The most the cells sent with a Check may hold together (the server's limit is 256 KiB). */
export const CONTEXT_BUDGET = 200 * 1024;

/**
 * The code cells above the checked one, as a Check sends them (the server runs only their
 * definitions): numbered from 1 as in the notebook, nearest kept first when they are too
 * large together, in notebook order.
 */
export function earlierCells(
  cells: ICellInfo[],
  index: number,
  budget = CONTEXT_BUDGET
): { cell: number; code: string }[] {
  const kept: { cell: number; code: string }[] = [];
  let size = new TextEncoder().encode(cells[index]?.source ?? '').length;
  for (let i = Math.min(index, cells.length) - 1; i >= 0; i--) {
    const c = cells[i];
    if (c.type !== 'code' || !c.source.trim()) {
      continue;
    }
    size += new TextEncoder().encode(c.source).length;
    if (size > budget) {
      break;
    }
    kept.unshift({ cell: i + 1, code: c.source });
  }
  return kept;
}

/**
 * The notebook for a problem: `<folder>/<NN>-<id>.ipynb`, the folder relative to the
 * server's root ("" or "/" for the root itself).
 */
export function notebookPath(folder: string, order: number, id: string): string {
  const clean = folder
    .split('/')
    .filter(part => part !== '' && part !== '.')
    .join('/');
  const name = `${String(order).padStart(2, '0')}-${id}.ipynb`;
  return clean ? `${clean}/${name}` : name;
}

/** The folder part of a path ("" for the root). */
export function parentFolder(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
