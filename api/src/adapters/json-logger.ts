import type { TLogFn, TLogger } from '../domain/ports.ts';

export type TLogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** pino's level numbers, so that CloudWatch filters such as `$.level >= 50` (the alarms) match. */
const levelValues: Record<TLogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

export type TJsonLoggerOptions = {
  /** Lines below this level are not written; `silent` writes none. */
  level: TLogLevel;
  /** Fields on every line (`service`). */
  base?: object;
  /** One call per line, newline included. Default: `process.stdout.write` (Lambda ships stdout to CloudWatch). */
  write?: (line: string) => void;
  /** Epoch milliseconds for `time`. Default: `Date.now`. */
  now?: () => number;
};

/**
 * A logger writing one JSON object per line, in pino's shape without pino (~65 KB of the Lambda's
 * cold start, with its worker-thread transport machinery, for the four methods Koldoo calls):
 * `{"level":30,"time":1767225600000,"service":"koldoo-api","requestId":"…","userId":"…","msg":"user registered"}`.
 * Bindings (base, then each child's) come before the call's fields, `msg` last; an Error in a field
 * (by convention `err`) is written as `{ type, message, stack, …its own fields, cause }`.
 */
export function createJsonLogger(options: TJsonLoggerOptions): TLogger {
  const threshold = levelValues[options.level];
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
  const now = options.now ?? Date.now;
  const noop: TLogFn = () => undefined;

  const make = (bindings: string): TLogger => {
    const method = (level: number): TLogFn =>
      level < threshold
        ? noop
        : (fieldsOrMessage: object | string, message?: string) => {
            const isMessageOnly = typeof fieldsOrMessage === 'string';
            const fields = isMessageOnly ? '' : fieldsJson(fieldsOrMessage instanceof Error ? { err: fieldsOrMessage } : fieldsOrMessage);
            const msg = isMessageOnly ? fieldsOrMessage : message;
            write(`{"level":${level},"time":${now()}${bindings}${fields}${msg === undefined ? '' : `,"msg":${JSON.stringify(String(msg))}`}}\n`);
          };
    return {
      error: method(50),
      warn: method(40),
      info: method(30),
      debug: method(20),
      child: (fields) => make(bindings + fieldsJson(fields)),
    };
  };
  return make(fieldsJson(options.base ?? {}));
}

/** `,"a":1,"b":2` (the object's members, Errors serialised), or `''` for none. */
function fieldsJson(fields: object | null | undefined): string {
  if (fields === null || typeof fields !== 'object') return '';
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = value instanceof Error ? serialiseError(value, 0) : value;
  const json = stringify(out);
  return json.length > 2 ? `,${json.slice(1, -1)}` : '';
}

function serialiseError(error: Error, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { type: error.constructor?.name || error.name, message: error.message, stack: error.stack };
  // Own enumerable fields: `code`, the AWS SDK's `$metadata`, Stripe's `statusCode`, …
  for (const [key, value] of Object.entries(error)) {
    if (out[key] === undefined) out[key] = value instanceof Error && depth < 3 ? serialiseError(value, depth + 1) : value;
  }
  if (error.cause !== undefined && out.cause === undefined) {
    out.cause = error.cause instanceof Error && depth < 3 ? serialiseError(error.cause, depth + 1) : error.cause;
  }
  return out;
}

/** `JSON.stringify`, except that a circular reference or a BigInt does not lose the line. */
function stringify(value: object): string {
  try {
    return JSON.stringify(value);
  } catch {
    const seen = new WeakSet<object>();
    return JSON.stringify(value, (_key, item: unknown) => {
      if (typeof item === 'bigint') return item.toString();
      if (item !== null && typeof item === 'object') {
        if (seen.has(item)) return '[Circular]';
        seen.add(item);
      }
      return item;
    });
  }
}
