import type { Contents } from '@jupyterlab/services';
import { describe, expect, it } from 'vitest';

import { ensureFolder, ensureNotebook, IContents } from '../start';
import { detail } from '../../packages/client/test/fixtures';

/** The server's files as a set of paths; `get` of a missing path rejects as the server does. */
class FakeContents implements IContents {
  constructor(readonly paths = new Set<string>()) {}
  saved: Array<{ path: string; type?: string }> = [];
  async get(path: string): Promise<Contents.IModel> {
    if (!this.paths.has(path)) {
      throw new Error(`${path} not found`);
    }
    return { path } as Contents.IModel;
  }
  async save(path: string, options: Partial<Contents.IModel> = {}): Promise<Contents.IModel> {
    this.paths.add(path);
    this.saved.push({ path, type: options.type });
    return { path } as Contents.IModel;
  }
}

describe('ensureFolder', () => {
  it('creates each missing folder, outermost first', async () => {
    const contents = new FakeContents(new Set(['jaxlings']));
    await ensureFolder(contents, 'jaxlings/B-nnx/');
    expect(contents.saved).toEqual([{ path: 'jaxlings/B-nnx', type: 'directory' }]);
    await ensureFolder(contents, 'a/b/c');
    expect(contents.saved.slice(1).map(s => s.path)).toEqual(['a', 'a/b', 'a/b/c']);
  });
});

describe('ensureNotebook', () => {
  it('writes the starter notebook once and never over the learner’s', async () => {
    const contents = new FakeContents();
    const first = await ensureNotebook(contents, 'jaxlings', detail());
    expect(first.created).toBe(true);
    expect(first.path).toMatch(/^jaxlings\/.*19.*nnx-ema-step.*\.ipynb$/);
    expect(contents.saved[contents.saved.length - 1]).toEqual({
      path: first.path,
      type: 'notebook'
    });
    const again = await ensureNotebook(contents, 'jaxlings', detail());
    expect(again).toEqual({ path: first.path, created: false });
    expect(contents.saved.filter(s => s.type === 'notebook')).toHaveLength(1);
  });
});
