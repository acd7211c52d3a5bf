import { describe, expect, it } from 'vitest';

import { IResultsStorage, ResultsStore } from '../persistence';
import { result } from '../../packages/client/test/fixtures';

class FakeStorage implements IResultsStorage {
  items = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    }
    this.items.set(key, value);
  }
}

describe('ResultsStore', () => {
  it('round-trips results under one key per server', () => {
    const storage = new FakeStorage();
    const hub = new ResultsStore('/user/ada/', storage);
    hub.save({ 'nnx-ema-step': result({ attempt: 3 }) });
    expect(hub.load()['nnx-ema-step'].attempt).toBe(3);
    expect(new ResultsStore('/user/bob/', storage).load()).toEqual({});
    expect([...storage.items.keys()]).toEqual(['jaxlings:last-results:/user/ada/']);
  });

  it('reads nothing from corrupt or foreign values', () => {
    const storage = new FakeStorage();
    const store = new ResultsStore('/', storage);
    for (const bad of ['{not json', '[1, 2]', '"text"', 'null']) {
      storage.items.set(store.key, bad);
      expect(store.load()).toEqual({});
    }
  });

  it('keeps going when the storage is full', () => {
    const storage = new FakeStorage();
    storage.full = true;
    const store = new ResultsStore('/', storage);
    expect(() => store.save({ x: result() })).not.toThrow();
    expect(store.load()).toEqual({});
  });
});
