import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createJsonLogger } from './adapters/json-logger.ts';
import { createLocalFileStore } from './adapters/local-file-store.ts';
import { createOutboxMailer } from './adapters/outbox-mailer.ts';
import { systemClock } from './adapters/system-clock.ts';
import { createNbkrRatesSource } from './adapters/nbkr-rates.ts';
import { createSimulatedPayments } from './adapters/simulated-payments.ts';
import { createStripePayments } from './adapters/stripe-payments.ts';
import type { TLogger, TPayments } from './domain/ports.ts';
import type { TAppDeps } from './deps.ts';
import type { TApiEnv } from './env.ts';
import { appConfigOf } from './app-config.ts';

export function createDynamoClient(env: Pick<TApiEnv, 'DYNAMODB_ENDPOINT' | 'AWS_REGION'>): DynamoDBClient {
  return new DynamoDBClient({
    region: env.AWS_REGION,
    ...(env.DYNAMODB_ENDPOINT
      ? {
          endpoint: env.DYNAMODB_ENDPOINT,
          // DynamoDB Local accepts any credentials; fixed ones keep a developer's AWS profile out of it.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
}

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function createLogger(level: TApiEnv['LOG_LEVEL']): TLogger {
  return createJsonLogger({ level, base: { service: 'koldoo-api' } });
}

/**
 * Stripe when its key is set (the webhook secret is then required); otherwise, on the local
 * platform (DynamoDB Local), the simulated TEST MODE checkout; otherwise no card payments.
 */
export function buildPayments(
  env: Pick<TApiEnv, 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET' | 'STRIPE_API_URL' | 'SIMULATED_WEBHOOK_SECRET' | 'DYNAMODB_ENDPOINT' | 'PUBLIC_ORIGIN'>,
): TPayments | undefined {
  if (env.STRIPE_SECRET_KEY) {
    if (!env.STRIPE_WEBHOOK_SECRET) {
      throw new Error('STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: webhooks could not be verified. Set both or neither.');
    }
    return createStripePayments({
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      ...(env.STRIPE_API_URL ? { apiUrl: env.STRIPE_API_URL } : {}),
    });
  }
  if (env.DYNAMODB_ENDPOINT) {
    return createSimulatedPayments({
      webhookSecret: env.SIMULATED_WEBHOOK_SECRET ?? `whsec_sim_${randomBytes(24).toString('hex')}`,
      publicOrigin: env.PUBLIC_ORIGIN,
    });
  }
  return undefined;
}

/** The deps for a Node process (the local platform, the admin CLI, tests over HTTP). */
export function buildNodeDeps(env: TApiEnv, overrides: Partial<TAppDeps> = {}): TAppDeps {
  const client = createDocumentClient(createDynamoClient(env));
  const db = { client, tableName: env.TABLE_NAME };
  return {
    db,
    clock: systemClock,
    mail: createOutboxMailer(db, systemClock),
    files: createLocalFileStore(env.UPLOADS_DIR, { publicOrigin: env.PUBLIC_ORIGIN, signingSecret: env.UPLOAD_SIGNING_SECRET }),
    payments: buildPayments(env),
    // Only when configured: a laptop or CI has no route to nbkr.kg, and seeded rates suffice there.
    ratesSource: env.NBKR_RATES_URL ? createNbkrRatesSource({ url: env.NBKR_RATES_URL }) : undefined,
    logger: createLogger(env.LOG_LEVEL),
    config: appConfigOf(env),
    remoteAddress: nodeRemoteAddress,
    ...overrides,
  };
}

/** @hono/node-server passes `{ incoming }` as the env; its socket has the peer address. */
function nodeRemoteAddress(_raw: Request, env: unknown): string | undefined {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}
