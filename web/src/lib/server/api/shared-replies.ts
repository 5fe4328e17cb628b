import type { z } from 'zod';

/**
 * Parsed bodies of replies the API marked `Cache-Control: public` (the same for every reader):
 * a project page reads the same project reply thousands of times between changes, and parsing
 * it with zod on each render cost more than rendering it. Keyed by the body text itself, so a
 * changed reply is a new entry; values are deep-frozen because every request shares them.
 */
const maxEntries = 2_000;
const replies = new Map<string, { schema: z.ZodType; value: unknown }>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function isSharedReply(response: Response): boolean {
  return /(^|,)\s*public\s*(,|$)/.test(response.headers.get('cache-control') ?? '');
}

/** The parsed body, from memory when this exact body was parsed with this schema before. */
export function parseSharedReply<T>(text: string, schema: z.ZodType<T>): z.ZodSafeParseResult<T> {
  const known = replies.get(text);
  if (known && known.schema === schema) {
    // Most recently used last, so the oldest is dropped first.
    replies.delete(text);
    replies.set(text, known);
    return { success: true, data: known.value as T };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) {
    replies.set(text, { schema, value: deepFreeze(parsed.data) });
    if (replies.size > maxEntries) replies.delete(replies.keys().next().value as string);
  }
  return parsed;
}
