import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/static';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ERRORS, FIELD_MESSAGES, isFieldMessageKey, type ErrorBody, type ErrorCode } from '../shared/errors';
import { pickLang, type Lang } from '../shared/i18n';

/** The one error type of the server. `details` goes to the caller; never put internals in it. */
export class AppError extends Error {
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    options: { details?: unknown; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND');
}

export function fieldError(path: string, key: keyof typeof FIELD_MESSAGES): AppError {
  return new AppError('VALIDATION_FAILED', { details: [{ path, messageKey: key }] });
}

/** A PostgreSQL unique-constraint violation (23505), as thrown by pg or PGlite (possibly wrapped by drizzle). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return (e.code ?? e.cause?.code) === '23505';
}

/** A request failed its zod schema; carries the issues with the input so messages can name the received type. */
export class RequestValidationError extends Error {
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super('request validation failed');
  }
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['文本', 'text'],
  number: ['数字', 'a number'],
  int: ['整数', 'a whole number'],
  boolean: ['是/否', 'true or false'],
  object: ['对象', 'an object'],
  array: ['列表', 'a list'],
  date: ['日期', 'a date'],
};

function typeName(type: string, lang: Lang): string {
  const names = TYPE_NAMES[type];
  if (!names) return type;
  return lang === 'zh-CN' ? names[0] : names[1];
}

/** Turns one zod issue into a sentence in the caller's language. */
export function issueMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  const zh = lang === 'zh-CN';
  if (isFieldMessageKey(issue.message)) return FIELD_MESSAGES[issue.message][lang];
  switch (issue.code) {
    case 'invalid_type': {
      const missing = (issue as { input?: unknown }).input === undefined;
      if (missing) return zh ? '此项必填。' : 'Required.';
      return zh ? `应为${typeName(issue.expected, lang)}。` : `Expected ${typeName(issue.expected, lang)}.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return zh ? `至少 ${min} 个字符。` : `At least ${min} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return zh ? `至少 ${min} 项。` : `At least ${min} items.`;
      return zh ? `不能小于 ${min}。` : `Must be at least ${min}.`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return zh ? `最多 ${max} 个字符。` : `At most ${max} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return zh ? `最多 ${max} 项。` : `At most ${max} items.`;
      return zh ? `不能大于 ${max}。` : `Must be at most ${max}.`;
    }
    case 'invalid_format':
      if (issue.format === 'uuid') return zh ? '编号格式不正确。' : 'Not a valid id.';
      return zh ? '格式不正确。' : 'Not in the expected format.';
    case 'unrecognized_keys':
      return zh ? `不接受的字段：${issue.keys.join('、')}。` : `Unknown field(s): ${issue.keys.join(', ')}.`;
    case 'invalid_value':
      return zh
        ? `取值应为以下之一：${issue.values.map(String).join('、')}。`
        : `Must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'not_multiple_of':
      return zh ? `应为 ${String(issue.divisor)} 的整数倍。` : `Must be a multiple of ${String(issue.divisor)}.`;
    default:
      return zh ? '取值无效。' : 'Not a valid value.';
  }
}

export function issuesToDetails(issues: z.core.$ZodIssue[], lang: Lang, prefix?: string) {
  return issues.map((issue) => ({
    path: [...(prefix && prefix !== 'body' ? [prefix] : []), ...issue.path.map(String)].join('.'),
    message: issueMessage(issue, lang),
  }));
}

function send(reply: FastifyReply, lang: Lang, code: ErrorCode, details?: unknown): FastifyReply {
  const body: ErrorBody = { error: { code, message: ERRORS[code][lang], ...(details === undefined ? {} : { details }) } };
  return reply.status(ERRORS[code].status).type('application/json; charset=utf-8').send(body);
}

export function localiseDetails(details: unknown, lang: Lang): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((entry: unknown) => {
    if (entry && typeof entry === 'object' && 'messageKey' in entry) {
      const { messageKey, ...rest } = entry as { messageKey: keyof typeof FIELD_MESSAGES };
      return { ...rest, message: FIELD_MESSAGES[messageKey][lang] };
    }
    return entry;
  });
}

/** One error handler for the whole API: the error shape of API.md, messages in the caller's language, 5xx internals hidden. */
export function installErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError | AppError | RequestValidationError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = pickLang(request.headers['accept-language']);
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      if (error.status >= 500) request.log.error({ err: error.cause ?? error }, 'request failed');
      return send(reply, lang, error.code, localiseDetails(error.details, lang));
    }
    if (error instanceof RequestValidationError) {
      return send(reply, lang, 'VALIDATION_FAILED', issuesToDetails(error.issues, lang, error.part));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'reply did not match its schema');
      return send(reply, lang, 'INTERNAL');
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(reply, lang, 'VALIDATION_FAILED', [{ path: '', message: FIELD_MESSAGES['body.invalidJson'][lang] }]);
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, lang, 'VALIDATION_FAILED', [{ path: '', message: FIELD_MESSAGES['body.empty'][lang] }]);
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return send(reply, lang, 'PAYLOAD_TOO_LARGE');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, lang, 'UNSUPPORTED_FILE');
      default:
        break;
    }
    if (error.statusCode === 429) {
      return send(reply, lang, 'RATE_LIMITED');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, lang, error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED');
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, lang, 'INTERNAL');
  });

  app.setNotFoundHandler((request, reply) => {
    // The web client routes in the browser: any page address (not the API, not a file) gets its shell.
    const pathname = request.url.split('?')[0] ?? '';
    if (options.spaFallback && request.method === 'GET' && !pathname.startsWith('/api') && !/\.[a-z0-9]+$/i.test(pathname)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return send(reply, pickLang(request.headers['accept-language']), 'NOT_FOUND');
  });
}
