import i18next from 'i18next';
import { currentLanguage } from '../i18n';
import type { FieldIssue } from './types';

/** An error reply of the API, or a failure to reach it (`status` 0, code `NETWORK`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The `{ path, message }` list of a VALIDATION_FAILED (or ID_NUMBER_INVALID) reply, or an empty list. */
  fieldIssues(): FieldIssue[] {
    if ((this.code !== 'VALIDATION_FAILED' && this.code !== 'ID_NUMBER_INVALID') || !Array.isArray(this.details)) return [];
    return this.details.filter(isFieldIssue);
  }
}

function isFieldIssue(value: unknown): value is FieldIssue {
  if (typeof value !== 'object' || value === null) return false;
  const path: unknown = Reflect.get(value, 'path');
  const message: unknown = Reflect.get(value, 'message');
  return (typeof path === 'string' || Array.isArray(path)) && typeof message === 'string';
}

/** The field name a validation issue points at: the last segment of its path. */
export function issueField(issue: FieldIssue): string {
  if (typeof issue.path === 'string') return issue.path.split('.').pop() ?? issue.path;
  const last = issue.path[issue.path.length - 1];
  return last === undefined ? '' : String(last);
}

// The CSRF token lives in memory only: the login and /me replies hand it over again after a reload.
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401: the session has ended, so the app returns to sign-in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** A multipart body (file uploads); the browser sets its Content-Type with the boundary. */
  form?: FormData;
  /** Skip the return to sign-in on 401 (login and the session probe handle it themselves). */
  ignoreUnauthenticated?: boolean;
  signal?: AbortSignal;
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', i18next.t('common.networkError'));
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;

  const error = toApiError(response.status, payload);
  // A wrong password is a 401 too, but it does not mean the session has ended.
  if (response.status === 401 && !options.ignoreUnauthenticated && error.code !== 'INVALID_CREDENTIALS') {
    onUnauthenticated?.();
  }
  throw error;
}

function toApiError(status: number, payload: unknown): ApiError {
  const body = typeof payload === 'object' && payload !== null ? Reflect.get(payload, 'error') : undefined;
  if (typeof body === 'object' && body !== null) {
    const code: unknown = Reflect.get(body, 'code');
    const message: unknown = Reflect.get(body, 'message');
    if (typeof code === 'string' && typeof message === 'string') {
      return new ApiError(status, code, message, Reflect.get(body, 'details'));
    }
  }
  return new ApiError(status, status >= 500 ? 'INTERNAL' : 'UNKNOWN', i18next.t('common.unknownError'));
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>('GET', path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/** Uploads one file as the multipart field `file`. */
export function apiUpload<T>(path: string, file: Blob, fileName?: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName ?? (file instanceof File ? file.name : 'upload.xlsx'));
  return apiRequest<T>('POST', path, { form });
}

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The message to show for any thrown value. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return i18next.t('common.unknownError');
}
