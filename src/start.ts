/** Start: make the learner's notebook for a problem (folders included) unless it exists. */
import type { Contents } from '@jupyterlab/services';

import type { ProblemDetail } from './api';
import { notebookPath, parentFolder } from '@jaxlings/client';
import { starterNotebook } from '@jaxlings/client';

/** The calls Start makes on the server's files (the contents manager, or a fake in tests). */
export type IContents = Pick<Contents.IManager, 'get' | 'save'>;

async function exists(contents: IContents, path: string): Promise<boolean> {
  try {
    await contents.get(path, { content: false });
    return true;
  } catch {
    return false;
  }
}

/** Create every missing folder of `folder`, outermost first. */
export async function ensureFolder(contents: IContents, folder: string): Promise<void> {
  const parts = folder.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const path = parts.slice(0, i).join('/');
    if (!(await exists(contents, path))) {
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
  if (await exists(contents, path)) {
    return { path, created: false };
  }
  await ensureFolder(contents, parentFolder(path));
  await contents.save(path, { type: 'notebook', format: 'json', content: starterNotebook(detail) });
  return { path, created: true };
}
