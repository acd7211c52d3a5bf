/** Start: make the learner's notebook for a problem (folders included) unless it exists. */
import type { Contents } from '@jupyterlab/services';

import type { ProblemDetail } from './api';
import { notebookPath, parentFolder } from '@jaxlings/client';
import { starterNotebook } from '@jaxlings/client';

/** The calls Start makes on the server's files (the contents manager, or a fake in tests). */
export type IContents = Pick<Contents.IManager, 'get' | 'save'>;

/**
 * The names in a folder ('' is the root), or null when it does not exist. Start reads
 * listings rather than probing each path: a probe of a missing path logs a 404 in the console.
 */
async function names(contents: IContents, folder: string): Promise<Set<string> | null> {
  try {
    const model = await contents.get(folder, { content: true });
    const items: unknown = model.content;
    return new Set(Array.isArray(items) ? items.map((item: Contents.IModel) => item.name) : []);
  } catch {
    return null;
  }
}

/** Create every missing folder of `folder`, outermost first. */
export async function ensureFolder(contents: IContents, folder: string): Promise<void> {
  const parts = folder.split('/').filter(Boolean);
  let missing = false; // below a folder just created, nothing exists yet
  for (let i = 1; i <= parts.length; i++) {
    const path = parts.slice(0, i).join('/');
    if (!missing) {
      const here = await names(contents, parts.slice(0, i - 1).join('/'));
      missing = !here?.has(parts[i - 1]);
    }
    if (missing) {
      await contents.save(path, { type: 'directory' });
    }
  }
}

/**
 * The path of the learner's notebook for a problem under `folder`, written from the starter
 * when it does not exist yet (`created`); an existing notebook is never overwritten.
 */
export async function ensureNotebook(
  contents: IContents,
  folder: string,
  detail: ProblemDetail
): Promise<{ path: string; created: boolean }> {
  const path = notebookPath(folder, detail.order, detail.id);
  const parent = parentFolder(path);
  await ensureFolder(contents, parent);
  if ((await names(contents, parent))?.has(path.slice(parent ? parent.length + 1 : 0))) {
    return { path, created: false };
  }
  await contents.save(path, { type: 'notebook', format: 'json', content: starterNotebook(detail) });
  return { path, created: true };
}
