import { describe, expect, it } from 'vitest';

import { APIError, fetchTransport, JaxlingsClient, joinUrl } from '../src/api';
import { result } from './fixtures';

function fakeFetch(status: number, body: string) {
  const calls: { url: string; init: any }[] = [];
  const impl = (async (url: string, init: any) => {
    calls.push({ url, init });
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: status === 403 ? 'Forbidden' : 'OK',
      text: async () => body
    };
  }) as unknown as typeof fetch;
  return { calls, impl };
}

describe('the client over fetch', () => {
  it('posts the code with the token to {server}jaxlings/api/problems/{id}/check', async () => {
    const f = fakeFetch(200, JSON.stringify(result()));
    const client = new JaxlingsClient(fetchTransport('http://127.0.0.1:9/user/a/', 'tok', f.impl));
    const r = await client.check('nnx-ema-step', 'def ema_step(): ...');
    expect(r.status).toBe('failed');
    expect(f.calls[0].url).toBe(
      'http://127.0.0.1:9/user/a/jaxlings/api/problems/nnx-ema-step/check'
    );
    expect(f.calls[0].init.method).toBe('POST');
    expect(f.calls[0].init.headers.Authorization).toBe('token tok');
    expect(JSON.parse(f.calls[0].init.body)).toEqual({ code: 'def ema_step(): ...' });
  });
  it("rejects with the server's sentence", async () => {
    const f = fakeFetch(403, '{"message": "Hints unlock after your first attempt."}');
    const client = new JaxlingsClient(fetchTransport('http://h/', 't', f.impl));
    const error = await client.nextHint('x').catch(e => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(403);
    expect(error.message).toBe('Hints unlock after your first attempt.');
  });
  it('escapes problem ids and joins URLs with one slash', async () => {
    const f = fakeFetch(200, '{}');
    await new JaxlingsClient(fetchTransport('http://h', 't', f.impl)).problem('a/b');
    expect(f.calls[0].url).toBe('http://h/jaxlings/api/problems/a%2Fb');
    expect(joinUrl('http://h//', '/x/', 'y')).toBe('http://h/x/y');
  });
});
