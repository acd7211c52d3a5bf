/** The notebook a problem starts from: a title cell and a code cell with the starter. */
import type { ProblemDetail } from './api';
import { bindingLine, METADATA_KEY } from './binding';

/** nbformat 4 JSON of a new notebook bound to the problem. */
export function starterNotebook(detail: ProblemDetail): Record<string, unknown> {
  const number = String(detail.order).padStart(2, '0');
  const intro =
    `# ${number} · ${detail.title}\n\n` +
    `Write \`${detail.function}\` in the cell below, then press **Check** in the toolbar ` +
    '(or Ctrl+Shift+Enter). The problem statement, hints and results are in the jaxlings ' +
    'view beside this notebook.\n\n' +
    '`jax`, `jnp`, `np`, `nnx` and `optax` are already imported when your code is checked.';
  const starter = detail.starter.replace(/\s+$/, '') + '\n';
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3 (ipykernel)', language: 'python' },
      language_info: { name: 'python' },
      [METADATA_KEY]: { problem: detail.id }
    },
    cells: [
      {
        cell_type: 'markdown',
        id: 'jaxlings-intro',
        metadata: {},
        source: intro
      },
      {
        cell_type: 'code',
        id: 'jaxlings-prelude',
        metadata: {},
        execution_count: null,
        outputs: [],
        source: PRELUDE_CELL
      },
      {
        cell_type: 'code',
        id: 'jaxlings-solution',
        metadata: {},
        execution_count: null,
        outputs: [],
        source: starter
      }
    ]
  };
}

/** Index of the cell holding the starter code in starterNotebook(). */
export const STARTER_CELL_INDEX = 2;

/** The checker's prelude, so the learner can also try the function in the kernel. */
export const PRELUDE_CELL =
  '# Check provides these names; run this cell to use them here.\n' +
  'import jax\n' +
  'import jax.numpy as jnp\n' +
  'import numpy as np\n' +
  'import optax\n' +
  'from flax import nnx\n';

/** The markdown shown for a statement: info strings the highlighter knows. */
export function displayMarkdown(md: string): string {
  return md.replace(/^(\s*(?:```|~~~)+)\s*(python|pycon)\b[^\n]*$/gm, '$1python');
}

/** A .py file for a problem: the binding line, a note, the prelude's imports and the starter. */
export function starterPython(detail: ProblemDetail): string {
  const number = String(detail.order).padStart(2, '0');
  const prelude = PRELUDE_CELL.split('\n').slice(1).join('\n');
  return (
    `${bindingLine(detail.id)}\n` +
    `# ${number} · ${detail.title}: write \`${detail.function}\`, then press Check above it ` +
    '(or Ctrl+Shift+Enter).\n' +
    '# Check provides these names; the imports let you also run this file yourself.\n' +
    prelude +
    '\n\n' +
    detail.starter.replace(/\s+$/, '') +
    '\n'
  );
}
