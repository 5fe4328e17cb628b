import { z } from 'zod';
import { tableDefinition } from '@koldoo/infra/table.ts';

/** The API's settings. Read from `process.env` here and nowhere else, and checked at start. */
const ZApiEnv = z.object({
  TABLE_NAME: z.string().min(3).default(tableDefinition.defaultName),
  /** Set for DynamoDB Local (http://127.0.0.1:PORT); unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default('eu-central-1'),
  PUBLIC_ORIGIN: z.url(),
  SESSION_TTL_SECONDS: z.coerce.number().int().positive().default(14 * 24 * 3600),
  KOLDOO_INTERNAL_SECRET: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UPLOADS_DIR: z.string().default('.data/uploads'),
});
export type TApiEnv = z.infer<typeof ZApiEnv>;

export function loadApiEnv(env: NodeJS.ProcessEnv = process.env): TApiEnv {
  const result = ZApiEnv.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid API environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Cookies are Secure everywhere except plain-http localhost, where browsers would drop them. */
export function isSecureOrigin(origin: string): boolean {
  const url = new URL(origin);
  const isLocalhost = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return url.protocol === 'https:' || !isLocalhost;
}
