import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, useLanguageForApi } from './api';

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

describe('field messages', () => {
  afterEach(() => useLanguageForApi(() => 'zh-CN'));

  it('prefers the detail when it says more about the one field', () => {
    const error = new ApiError({
      type: 'https://civicdesk.org/problems/invalid-id-number', status: 400, detail: '身份证号码无效：校验码不符。',
      errors: [{ field: 'parties[0].idNumber', message: '校验码不符', messageEn: 'its check character does not match' }],
    });
    expect(error.fieldMessage('parties[0].idNumber')).toBe('身份证号码无效：校验码不符。');
    expect(error.fieldMessage('parties[1].idNumber')).toBeUndefined();
  });

  it('answers in English when English was chosen', () => {
    useLanguageForApi(() => 'en');
    const error = new ApiError({
      type: 'x/validation-failed', status: 400, detail: 'Some fields are missing.',
      errors: [{ field: 'phone', message: '电话号码无效', messageEn: 'Not a valid phone number' }, { field: 'code', message: '必填' }],
    });
    expect(error.fieldMessage('phone')).toBe('Not a valid phone number');
    expect(error.fieldMessage('code')).toBe('必填');
  });

  it('reads a problem that names its field as an extension', () => {
    const error = new ApiError({ type: 'x/under-marriage-age', status: 422, detail: '未达法定婚龄', field: 'date' });
    expect(error.fieldMessage('date')).toBe('未达法定婚龄');
    expect(error.fields).toEqual(['date']);
  });
});
