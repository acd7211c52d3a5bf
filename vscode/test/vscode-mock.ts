/** A small stand-in for the `vscode` module, enough for the extension's logic in unit tests. */
/* eslint-disable @typescript-eslint/no-explicit-any */

export class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (listener: (e: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter(l => l !== listener)) };
  };
  fire(e: T): void {
    this.listeners.forEach(l => l(e));
  }
  dispose(): void {
    this.listeners = [];
  }
}

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2
}

export class TreeItem {
  id?: string;
  description?: string;
  tooltip?: string;
  iconPath?: any;
  contextValue?: string;
  command?: any;
  accessibilityInformation?: any;
  constructor(
    public label: string,
    public collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None
  ) {}
}

export class ThemeColor {
  constructor(public id: string) {}
}

export class ThemeIcon {
  constructor(
    public id: string,
    public color?: ThemeColor
  ) {}
}

export class Uri {
  constructor(public readonly path: string) {}
  static file(path: string): Uri {
    return new Uri(path);
  }
  toString(): string {
    return `file://${this.path}`;
  }
}

export class Position {
  constructor(
    public line: number,
    public character: number
  ) {}
}

export class Range {
  start: Position;
  end: Position;
  constructor(sl: number, sc: number, el: number, ec: number) {
    this.start = new Position(sl, sc);
    this.end = new Position(el, ec);
  }
}

export class Location {
  constructor(
    public uri: Uri,
    public range: Range
  ) {}
}

export class TestMessage {
  expectedOutput?: string;
  actualOutput?: string;
  location?: Location;
  constructor(public message: string) {}
  static diff(message: string, expected: string, actual: string): TestMessage {
    const m = new TestMessage(message);
    m.expectedOutput = expected;
    m.actualOutput = actual;
    return m;
  }
}

export class TestRunRequest {
  constructor(public include?: any[]) {}
}

export enum TestRunProfileKind {
  Run = 1,
  Debug = 2,
  Coverage = 3
}

export enum NotebookCellKind {
  Markup = 1,
  Code = 2
}

/** A collection of test items keyed by id, as TestItemCollection behaves. */
class ItemCollection {
  private map = new Map<string, any>();
  get size(): number {
    return this.map.size;
  }
  add(item: any): void {
    this.map.set(item.id, item);
  }
  get(id: string): any {
    return this.map.get(id);
  }
  replace(items: any[]): void {
    this.map = new Map(items.map(i => [i.id, i]));
  }
  forEach(fn: (item: any) => void): void {
    this.map.forEach(item => fn(item));
  }
}

/** Every test run created, with the outcome of each item, for assertions. */
export const testRuns: {
  name: string;
  outcomes: { id: string; kind: string; message?: any }[];
  ended: boolean;
}[] = [];

export const tests = {
  createTestController(id: string, label: string) {
    return {
      id,
      label,
      items: new ItemCollection(),
      profiles: [] as any[],
      createRunProfile(label: string, kind: TestRunProfileKind, handler: any, isDefault: boolean) {
        const profile = { label, kind, handler, isDefault };
        this.profiles.push(profile);
        return profile;
      },
      createTestItem(id: string, label: string, uri?: Uri) {
        return {
          id,
          label,
          uri,
          range: undefined as Range | undefined,
          children: new ItemCollection()
        };
      },
      createTestRun(_request: TestRunRequest, name: string) {
        const run = { name, outcomes: [] as any[], ended: false };
        testRuns.push(run);
        return {
          started: (item: any) => run.outcomes.push({ id: item.id, kind: 'started' }),
          passed: (item: any) => run.outcomes.push({ id: item.id, kind: 'passed' }),
          failed: (item: any, message: any) =>
            run.outcomes.push({ id: item.id, kind: 'failed', message }),
          errored: (item: any, message: any) =>
            run.outcomes.push({ id: item.id, kind: 'errored', message }),
          end: () => (run.ended = true)
        };
      },
      dispose() {}
    };
  }
};

/** Every `executeCommand` call, for assertions (setContext and friends). */
export const executed: { command: string; args: any[] }[] = [];

export const commands = {
  executeCommand: async (command: string, ...args: any[]) => {
    executed.push({ command, args });
    return undefined;
  },
  registerCommand: () => ({ dispose() {} })
};
