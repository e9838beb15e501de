import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors/app-error.ts';
import type { ErrorCode } from '../errors/messages.ts';
import { languageOf, statusOf, translateError } from '../errors/translate.ts';

interface FieldIssue {
  field: string;
  message: string;
}

/** SQLSTATE codes that mean the client sent something the database refused, never a server fault. */
const SQLSTATE_TO_CODE: Record<string, ErrorCode> = {
  '23505': 'CONFLICT',
  '23503': 'REFERENCE_NOT_FOUND',
  '22P02': 'VALIDATION_FAILED',
  '22001': 'VALIDATION_FAILED',
  '22003': 'VALIDATION_FAILED',
  '23514': 'VALIDATION_FAILED',
  '22023': 'VALIDATION_FAILED',
  '22021': 'VALIDATION_FAILED',
  '22P05': 'VALIDATION_FAILED',
  '54001': 'VALIDATION_FAILED',
  XX000: 'VALIDATION_FAILED',
};

function fieldIssues(err: unknown): FieldIssue[] {
  if (!hasZodFastifySchemaValidationErrors(err)) return [];
  const context = (err as { validationContext?: string }).validationContext ?? 'body';
  return err.validation.map((v) => {
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const keys = (v.params as { keys?: unknown }).keys;
    const extra = Array.isArray(keys) ? keys.join(',') : '';
    const field = [context, path, extra].filter(Boolean).join('.');
    return { field, message: v.message ?? 'invalid' };
  });
}

/** Sends one error body. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  params: Record<string, string | number> = {},
  details?: unknown,
): FastifyReply {
  const lang = languageOf(request.headers['accept-language']);
  const body = { error: { code, message: translateError(code, lang, params), ...(details !== undefined ? { details } : {}) } };
  return reply.status(statusOf(code)).header('content-language', lang).send(body);
}

/**
 * The one place where errors become HTTP responses: typed domain errors, schema validation, malformed
 * bodies, database refusals, and anything unexpected (500, logged, never leaking internals).
 */
export function installErrorHandler(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return sendError(request, reply, err.code, err.params, err.details);
    const issues = fieldIssues(err);
    if (issues.length > 0) {
      const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return sendError(request, reply, 'VALIDATION_FAILED', { summary }, issues);
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return sendError(request, reply, 'INTERNAL', { requestId: request.id });
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(request, reply, 'PAYLOAD_TOO_LARGE', { limit: bodyLimit });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(request, reply, 'UNSUPPORTED_MEDIA_TYPE');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendError(request, reply, 'INVALID_JSON');
      default:
        break;
    }
    if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON|prototype|constructor/i.test(err.message))) {
      return sendError(request, reply, 'INVALID_JSON');
    }
    const sqlState = typeof err.code === 'string' ? SQLSTATE_TO_CODE[err.code] : undefined;
    if (sqlState) {
      request.log.warn({ sqlState: err.code, msg: err.message }, 'database refused the request');
      const field = (err as { constraint?: string }).constraint ?? 'input';
      return sendError(request, reply, sqlState, { what: field, field, summary: field });
    }
    if (err.statusCode === 429) return sendError(request, reply, 'TOO_MANY_ATTEMPTS', { retryAfter: 60 });
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(request, reply, 'VALIDATION_FAILED', { summary: err.message });
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL', { requestId: request.id });
  });
}
