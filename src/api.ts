/**
 * The REST API's JSON shapes (mirroring python/jaxlings/api.py) and the one request helper.
 *
 * tests/test_api_drift.py fails when an interface here and a TypedDict there disagree,
 * so keep one `export interface` per TypedDict, one field per line.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

export type Status = 'new' | 'attempted' | 'solved';
export type Verdict = 'passed' | 'failed' | 'error' | 'timeout' | 'memory';

export interface ProblemSummary {
  id: string;
  title: string;
  sprint: string;
  sprint_title: string;
  order: number;
  difficulty: string;
  status: Status;
  attempts: number;
}

export interface HintsInfo {
  total: number;
  unlocked: string[];
  next_available: boolean;
  locked_reason: string | null;
}

/** How Checks are kept apart from the server; `note` is shown when they are not jailed. */
export interface Isolation {
  jailed: boolean;
  tool: string;
  limits: string;
  note: string | null;
}

export interface ProblemDetail {
  id: string;
  title: string;
  sprint: string;
  sprint_title: string;
  order: number;
  difficulty: string;
  statement_md: string;
  starter: string;
  function: string;
  signature: string;
  hints: HintsInfo;
  solution_available: boolean;
  solution_locked_reason: string | null;
  status: Status;
  attempts: number;
  isolation: Isolation;
}

export interface CaseResult {
  name: string;
  passed: boolean;
  hidden: boolean;
  kind: 'case' | 'structure';
  inputs_preview: string | null;
  expected_preview: string | null;
  actual_preview: string | null;
  message: string | null;
}

export interface CheckError {
  type: string;
  message: string;
  line: number | null;
  traceback: string | null;
}

/** What the checker decides about one submission: the verdict and each case. */
export interface CheckReport {
  problem: string;
  passed: boolean;
  status: Verdict;
  cases: CaseResult[];
  error: CheckError | null;
  stdout: string;
  stderr: string;
  stdout_truncated: boolean;
  stderr_truncated: boolean;
  duration_ms: number;
}

/** A Check's answer: the report, the attempt as saved, and all the attempt moved. */
export interface CheckResult extends CheckReport {
  attempt: number | null;
  saved: boolean;
  save_error: string | null;
  summary: ProblemSummary;
  hints: HintsInfo;
  solution_available: boolean;
  solution_locked_reason: string | null;
}

export interface HintReveal {
  index: number;
  text: string;
  hints: HintsInfo;
}

export interface Solution {
  code: string;
  notes_md: string;
}

export interface SprintProgress {
  key: string;
  title: string;
  total: number;
  solved: number;
  attempted: number;
}

export interface Progress {
  user: string;
  problems: ProblemSummary[];
  sprints: SprintProgress[];
  solved: number;
  total: number;
}

/** An HTTP error from the jaxlings API, carrying the server's own sentence. */
export class APIError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message);
    this.name = 'APIError';
  }
}

/**
 * The sentence to show for a failed response: the body's `message` when it has one,
 * else a generic line with the status (a proxy's HTML error page has no `message`).
 */
export function errorMessageFromBody(status: number, statusText: string, bodyText: string): string {
  try {
    const body: unknown = JSON.parse(bodyText);
    const message =
      body && typeof body === 'object' ? (body as { message?: unknown }).message : null;
    if (typeof message === 'string' && message) {
      return message;
    }
  } catch {
    // not JSON: fall through
  }
  return `The jaxlings server answered ${status}${statusText ? ' ' + statusText : ''}.`;
}

/** The path below `jaxlings/api/` for a problem, with its id escaped. */
export function problemPath(id: string, ...rest: string[]): string {
  return ['problems', encodeURIComponent(id), ...rest].join('/');
}

/**
 * Call the jaxlings REST API at `{baseUrl}jaxlings/api/{endPoint}`.
 * A non-2xx answer rejects with an APIError whose message is the server's.
 */
export async function requestAPI<T>(
  endPoint = '',
  init: RequestInit = {},
  settings: ServerConnection.ISettings = ServerConnection.makeSettings()
): Promise<T> {
  const url = URLExt.join(settings.baseUrl, 'jaxlings/api', endPoint);
  let response: Response;
  try {
    response = await ServerConnection.makeRequest(url, init, settings);
  } catch (error) {
    throw new ServerConnection.NetworkError(error as TypeError);
  }
  const text = await response.text();
  if (!response.ok) {
    throw new APIError(
      errorMessageFromBody(response.status, response.statusText, text),
      response.status
    );
  }
  return (text ? JSON.parse(text) : null) as T;
}

/** The calls the front end makes, as one object so the model can take a fake in tests. */
export interface IJaxlingsClient {
  progress(): Promise<Progress>;
  problem(id: string): Promise<ProblemDetail>;
  check(id: string, code: string): Promise<CheckResult>;
  nextHint(id: string): Promise<HintReveal>;
  solution(id: string): Promise<Solution>;
}

/** The real client, over requestAPI. */
export class JaxlingsClient implements IJaxlingsClient {
  constructor(
    private readonly settings: ServerConnection.ISettings = ServerConnection.makeSettings()
  ) {}

  progress(): Promise<Progress> {
    return requestAPI<Progress>('progress', {}, this.settings);
  }

  problem(id: string): Promise<ProblemDetail> {
    return requestAPI<ProblemDetail>(problemPath(id), {}, this.settings);
  }

  check(id: string, code: string): Promise<CheckResult> {
    return requestAPI<CheckResult>(
      problemPath(id, 'check'),
      { method: 'POST', body: JSON.stringify({ code }) },
      this.settings
    );
  }

  nextHint(id: string): Promise<HintReveal> {
    return requestAPI<HintReveal>(
      problemPath(id, 'hints', 'next'),
      { method: 'POST', body: '{}' },
      this.settings
    );
  }

  solution(id: string): Promise<Solution> {
    return requestAPI<Solution>(problemPath(id, 'solution'), {}, this.settings);
  }
}
