/**
 * The REST API's types (generated into schema.ts from openapi.json) and a typed client over a
 * pluggable transport: JupyterLab's ServerConnection in the lab, fetch with a token elsewhere.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Status = Schemas['Status'];
export type Verdict = Schemas['Verdict'];
export type ProblemSummary = Schemas['ProblemSummary'];
export type HintsInfo = Schemas['HintsInfo'];
export type ProblemDetail = Schemas['ProblemDetail'];
export type CaseResult = Schemas['CaseResult'];
export type CheckError = Schemas['CheckError'];
export type CheckResult = Schemas['CheckResult'];
export type CheckRequest = Schemas['CheckRequest'];
export type EarlierCell = Schemas['EarlierCell'];
export type HintReveal = Schemas['HintReveal'];
export type Solution = Schemas['Solution'];
export type SprintProgress = Schemas['SprintProgress'];
export type Progress = Schemas['Progress'];
export type ErrorBody = Schemas['ErrorBody'];
export type Isolation = Schemas['Isolation'];
export type CheckReport = Schemas['CheckReport'];
export type CancelReply = Schemas['CancelReply'];

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
    const body = JSON.parse(bodyText);
    if (body && typeof body.message === 'string' && body.message) {
      return body.message;
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

/** What a transport hands back: enough of a fetch Response to read the status and the body. */
export interface ITransportResponse {
  ok: boolean;
  status: number;
  statusText: string;
  text(): Promise<string>;
}

/** Sends one request to `{server}jaxlings/api/{path}`. */
export type Transport = (
  path: string,
  init: { method?: string; body?: string }
) => Promise<ITransportResponse>;

/** Join a base URL and a path with exactly one slash between them. */
export function joinUrl(base: string, ...parts: string[]): string {
  let url = base.replace(/\/+$/, '');
  for (const part of parts) {
    const clean = part.replace(/^\/+|\/+$/g, '');
    if (clean) {
      url += '/' + clean;
    }
  }
  return url;
}

/**
 * A transport over fetch to a Jupyter server at `baseUrl` (e.g. `http://127.0.0.1:8888/`),
 * authenticated with its token as Jupyter expects (`Authorization: token …`).
 */
export function fetchTransport(
  baseUrl: string,
  token: string,
  fetchImpl: typeof fetch = fetch
): Transport {
  return (path, init) =>
    fetchImpl(joinUrl(baseUrl, 'jaxlings/api', path), {
      method: init.method ?? 'GET',
      body: init.body,
      headers: {
        Authorization: `token ${token}`,
        'Content-Type': 'application/json'
      }
    });
}

/** Call the API through a transport; a non-2xx answer rejects with the server's sentence. */
export async function request<T>(
  transport: Transport,
  path: string,
  init: { method?: string; body?: string } = {}
): Promise<T> {
  const response = await transport(path, init);
  const text = await response.text();
  if (!response.ok) {
    throw new APIError(
      errorMessageFromBody(response.status, response.statusText, text),
      response.status
    );
  }
  return (text ? JSON.parse(text) : null) as T;
}

/** The calls a front end makes, as one object so views can take a fake in tests. */
export interface IJaxlingsClient {
  progress(): Promise<Progress>;
  problem(id: string): Promise<ProblemDetail>;
  /** Check `code`; the definitions of the `context` cells above it run first. */
  check(id: string, code: string, context?: EarlierCell[]): Promise<CheckResult>;
  /** Stop the user's running Check of a problem (its request then fails with 409). */
  cancel(id: string): Promise<CancelReply>;
  nextHint(id: string): Promise<HintReveal>;
  solution(id: string): Promise<Solution>;
}

/** The real client: one method per REST operation. */
export class JaxlingsClient implements IJaxlingsClient {
  constructor(private readonly transport: Transport) {}

  progress(): Promise<Progress> {
    return request<Progress>(this.transport, 'progress');
  }

  problem(id: string): Promise<ProblemDetail> {
    return request<ProblemDetail>(this.transport, problemPath(id));
  }

  check(id: string, code: string, context?: EarlierCell[]): Promise<CheckResult> {
    const body: CheckRequest = context?.length ? { code, context } : { code };
    return request<CheckResult>(this.transport, problemPath(id, 'check'), {
      method: 'POST',
      body: JSON.stringify(body)
    });
  }

  cancel(id: string): Promise<CancelReply> {
    return request<CancelReply>(this.transport, problemPath(id, 'check'), { method: 'DELETE' });
  }

  nextHint(id: string): Promise<HintReveal> {
    return request<HintReveal>(this.transport, problemPath(id, 'hints', 'next'), {
      method: 'POST',
      body: '{}'
    });
  }

  solution(id: string): Promise<Solution> {
    return request<Solution>(this.transport, problemPath(id, 'solution'));
  }
}
