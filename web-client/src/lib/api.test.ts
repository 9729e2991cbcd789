import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './api';

describe('api', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('turns a problem into an error that names the field', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({
      type: 'https://civicdesk.org/problems/invalid-phone',
      status: 400,
      detail: '电话号码无效，请检查后重新填写。',
      errors: [{ field: 'phone', message: '电话号码无效，请检查后重新填写。' }],
    }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } })));

    const failure = await api<never>('/api/v1/citizens/verification', { body: { phone: '123' } }).catch((e: unknown) => e as ApiError);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure.slug).toBe('invalid-phone');
    expect(failure.fieldMessage('phone')).toBe('电话号码无效，请检查后重新填写。');
  });

  it('sends the bearer token and JSON body', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response('{"ok":true}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);

    await api('/api/v1/units', { token: 'abc', body: { name: 'x' } });

    const [, init] = fetch.mock.calls[0];
    expect(init.headers.Authorization).toBe('Bearer abc');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual({ name: 'x' });
  });

  it('explains an unreachable service in plain words', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const failure = await api<never>('/api/v1/units').catch((e: unknown) => e as ApiError);
    expect(failure.status).toBe(0);
    expect(failure.message).toContain('无法连接');
  });
});
