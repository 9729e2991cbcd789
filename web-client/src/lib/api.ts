// The CivicDesk API from the browser: JSON in and out, bearer tokens, and RFC 9457 problems turned
// into an ApiError whose field errors a form can show next to the field they concern.

export interface FieldError {
  field: string;
  message: string;
  messageEn?: string;
}

export interface Problem {
  type: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.problem = problem;
  }

  /** The stable slug of the problem type, such as `slot-full`. */
  get slug(): string {
    const type = this.problem.type ?? '';
    return type.substring(type.lastIndexOf('/') + 1);
  }

  get status(): number {
    return this.problem.status;
  }

  /**
   * The message for one field, if the server named it, in the language the person chose. When the
   * problem concerns that field alone and its detail says more (an ID number's check), the detail.
   */
  fieldMessage(field: string): string | undefined {
    const errors = this.problem.errors ?? [];
    const match = errors.find((e) => e.field === field);
    if (match) {
      const message = language().startsWith('en') && match.messageEn ? match.messageEn : match.message;
      const detail = this.problem.detail;
      return errors.length === 1 && detail && detail !== message && detail.includes(message) ? detail : message;
    }
    return this.problem.field === field ? this.message : undefined;
  }

  /** Every field the problem names. */
  get fields(): string[] {
    const named = (this.problem.errors ?? []).map((e) => e.field);
    return typeof this.problem.field === 'string' ? [...named, this.problem.field] : named;
  }
}

/** Turns anything thrown into an ApiError, so that every failure can be shown in plain words. */
export function asApiError(failure: unknown): ApiError {
  if (failure instanceof ApiError) {
    return failure;
  }
  return new ApiError({ type: 'about:client', status: 0, detail: failure instanceof Error ? failure.message : String(failure) });
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

let language: () => string = () => 'zh-CN';

/** The language problems are asked for in. */
export function apiLanguage(): string {
  return language();
}

/** Problems come back in the language the person chose. */
export function useLanguageForApi(current: () => string): void {
  language = current;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language(),
    ...(options.headers ?? {}),
  };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (options.token) {
    headers.Authorization = `Bearer ${options.token}`;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (cause) {
    throw new ApiError({
      type: 'about:network',
      status: 0,
      detail: language().startsWith('en')
        ? 'The service cannot be reached. Check your connection and try again.'
        : '无法连接服务，请检查网络后重试。',
    });
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem: Problem =
      data && typeof data === 'object' && 'status' in (data as object)
        ? (data as Problem)
        : { type: 'about:blank', status: response.status, detail: response.statusText };
    throw new ApiError(problem);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
