import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, toFieldIssues } from '@koldoo/shared/errors.ts';

/** Bodies larger than this are refused before parsing; routes with uploads set their own. */
const defaultMaxBytes = 64 * 1024;

/** Reads a JSON body: 413 if too big, 400 MALFORMED_JSON if unparseable. Use cases validate it. */
export async function readJsonBody(c: Context, maxBytes = defaultMaxBytes): Promise<unknown> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `Body exceeds ${maxBytes} bytes`);
  const text = await c.req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `Body exceeds ${maxBytes} bytes`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('MALFORMED_JSON', 'The request body is not valid JSON');
  }
}

/** Reads a JSON body and validates it: 413, 400 MALFORMED_JSON or 400 VALIDATION_FAILED. */
export async function parseJsonBody<S extends z.ZodType>(c: Context, schema: S, maxBytes = defaultMaxBytes): Promise<z.infer<S>> {
  return parseWith(schema, await readJsonBody(c, maxBytes));
}

/** Validates already-read input (query strings, params) with the same error shape. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError('VALIDATION_FAILED', 'Some fields are invalid', { issues: toFieldIssues(result.error) });
  }
  return result.data;
}
