import * as z from 'zod';
import { tableDefinition } from '@koldoo/infra/table.ts';
import { currencies, ZCurrency } from '@koldoo/shared/money.ts';

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
  /** Signs the local store's upload URLs (`PUT /api/uploads/<id>/bytes`); a random one per process when unset. */
  UPLOAD_SIGNING_SECRET: z.string().min(16).optional(),
  /** The National Bank's daily rates XML (https://www.nbkr.kg/XML/daily.xml); unset: no automatic refresh. */
  NBKR_RATES_URL: z.url().optional(),
  /** Comma-separated ISO codes donors may pledge in. */
  PLEDGE_CURRENCIES: z.string().default(currencies.join(',')).transform((list) => list.split(',').map((c) => c.trim())).pipe(z.array(ZCurrency).min(1)),
  /** The fiscal host's bank details shown to donors paying by transfer. The defaults are labelled demo values. */
  FISCAL_HOST_RECIPIENT: z.string().default('Koldoo Public Fund (DEMO details, not a real account)'),
  FISCAL_HOST_BANK: z.string().default('Demo Bank of Kyrgyzstan, Bishkek'),
  FISCAL_HOST_ACCOUNT: z.string().default('1280000000000000 (DEMO)'),
  FISCAL_HOST_BIC: z.string().default('DEMOKG22'),
  /** Card pledges through Stripe Checkout. Unset: the local platform simulates checkout (TEST MODE). */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, 'must be a Stripe secret key (sk_test_…, sk_live_…, rk_…)').optional(),
  /** Required with STRIPE_SECRET_KEY: verifies webhook signatures. */
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must be a Stripe webhook signing secret (whsec_…)').optional(),
  /** Another Stripe API origin (tests point it at a local fake). Default: api.stripe.com. */
  STRIPE_API_URL: z.url().optional(),
  /** Signs the simulated checkout's events; a random one per process when unset. */
  SIMULATED_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** AWS only: the Secrets Manager secret holding Stripe's keys as JSON, read at cold start instead of STRIPE_*. */
  STRIPE_SECRET_ARN: z.string().min(1).optional(),
  /** AWS only: the Secrets Manager secret holding the internal secret, read at cold start instead of KOLDOO_INTERNAL_SECRET. */
  INTERNAL_SECRET_ARN: z.string().min(1).optional(),
  /** AWS only: the secret CloudFront sends as `x-koldoo-origin-verify`, proving a request came through the distribution. */
  ORIGIN_SECRET_ARN: z.string().min(1).optional(),
  /** AWS only: the verified SES identity mail is sent from; unset, mail goes to the local outbox. */
  MAIL_FROM: z.email().optional(),
  /** AWS only: the S3 bucket holding uploads; unset, uploads go under UPLOADS_DIR. */
  UPLOADS_BUCKET: z.string().min(3).optional(),
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
