/**
 * Last check results kept in the browser's storage, one key per server URL so Hub users stay
 * apart. Written at once: the workspace state is saved on a debounce and can miss a reload.
 */
import type { CheckResult } from './api';

/** The part of the Web Storage API the store uses (window.localStorage, or a fake in tests). */
export type IResultsStorage = Pick<Storage, 'getItem' | 'setItem'>;

export class ResultsStore {
  constructor(
    baseUrl: string,
    private readonly storage: IResultsStorage
  ) {
    this.key = `jaxlings:last-results:${baseUrl}`;
  }

  readonly key: string;

  /** The saved results by problem id; nothing when none were saved or they cannot be read. */
  load(): Record<string, CheckResult> {
    try {
      const saved: unknown = JSON.parse(this.storage.getItem(this.key) ?? '{}');
      return saved && typeof saved === 'object' && !Array.isArray(saved)
        ? (saved as Record<string, CheckResult>)
        : {};
    } catch {
      return {};
    }
  }

  save(results: Record<string, CheckResult>): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(results));
    } catch {
      // storage full or disabled: results are only kept until the page is reloaded
    }
  }
}
