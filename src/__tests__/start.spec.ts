import type { Contents } from '@jupyterlab/services';
import { describe, expect, it } from 'vitest';

import { ensureFolder, ensureNotebook, IContents } from '../start';
import { detail } from '../../packages/client/test/fixtures';

/**
 * The server's files as a set of paths; `get` of a missing path rejects (a 404) as the server
 * does, and a folder's `get` lists its entries. `gets` records every path asked for.
 */
class FakeContents implements IContents {
  constructor(readonly paths = new Set<string>()) {}
  saved: Array<{ path: string; type?: string }> = [];
  gets: string[] = [];
  missed: string[] = [];
  async get(path: string): Promise<Contents.IModel> {
    this.gets.push(path);
    if (path !== '' && !this.paths.has(path)) {
      this.missed.push(path);
      throw new Error(`${path} not found`);
    }
    const prefix = path ? `${path}/` : '';
    const content = [...this.paths]
      .filter(p => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
      .map(p => ({ name: p.slice(prefix.length), path: p }));
    return { path, content } as unknown as Contents.IModel;
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

  it('asks for no path that does not exist once its folder is there (no 404 in the console)', async () => {
    const contents = new FakeContents();
    await ensureNotebook(contents, 'jaxlings/B', detail());
    await ensureNotebook(contents, 'jaxlings', detail());
    await ensureNotebook(contents, 'jaxlings', detail());
    expect(contents.missed).toEqual([]);
  });
});
