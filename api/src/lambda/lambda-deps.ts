import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { appConfigOf } from '../app-config.ts';
import type { TAppDeps } from '../deps.ts';
import type { TPayments } from '../domain/ports.ts';
import { loadApiEnv, type TApiEnv } from '../env.ts';
import { createJsonLogger } from '../adapters/json-logger.ts';
import { systemClock } from '../adapters/system-clock.ts';
import { createOutboxMailer } from '../adapters/outbox-mailer.ts';
import { createLocalFileStore } from '../adapters/local-file-store.ts';
import { createNbkrRatesSource } from '../adapters/nbkr-rates.ts';
import { createSesMailer } from '../adapters/ses-mailer.ts';
import { createS3FileStore } from '../adapters/s3-file-store.ts';
import { extensionSecretReader, loadLambdaSecrets, usesSecretsManager, type TLambdaSecrets } from '../adapters/secrets.ts';
import type { TStripePaymentsOptions } from '../adapters/stripe-payments.ts';
import { lambdaCredentials, secretsExtensionOptions } from './runtime-env.ts';
import { viewerAddress } from './http-event.ts';

export type TLambdaRuntime = { deps: TAppDeps; env: TApiEnv; secrets: TLambdaSecrets };

export type TLambdaDepsOptions = {
  service: string;
  /**
   * `lazy`: the Stripe SDK is loaded on the first checkout or refund (the API and jobs; keeps it
   * out of their cold start). `eager`: loaded now (the webhook function, which verifies every call).
   */
  stripe: 'lazy' | 'eager';
  processEnv?: NodeJS.ProcessEnv;
};

/**
 * The deps of a Lambda function, built once per cold start: secrets (Secrets Manager via the
 * extension, or env), DynamoDB, SES mail and S3 files in AWS (the outbox and a folder when
 * `DYNAMODB_ENDPOINT` points at DynamoDB Local, as in the handler tests), Stripe when its keys
 * are set. Unlike `buildNodeDeps`, there is no simulated checkout: it needs the Stripe SDK for
 * signing, and AWS stages take real (test or live) Stripe keys.
 */
export async function buildLambdaDeps(options: TLambdaDepsOptions): Promise<TLambdaRuntime> {
  const processEnv = options.processEnv ?? process.env;
  const base = loadApiEnv(processEnv);
  const secrets = await loadLambdaSecrets(
    base,
    usesSecretsManager(base) ? extensionSecretReader(secretsExtensionOptions(processEnv)) : undefined,
  );
  const env = loadApiEnv({
    ...processEnv,
    ...(secrets.stripeSecretKey ? { STRIPE_SECRET_KEY: secrets.stripeSecretKey } : {}),
    ...(secrets.stripeWebhookSecret ? { STRIPE_WEBHOOK_SECRET: secrets.stripeWebhookSecret } : {}),
    ...(secrets.internalSecret ? { KOLDOO_INTERNAL_SECRET: secrets.internalSecret } : {}),
  });
  const isLocal = Boolean(env.DYNAMODB_ENDPOINT);
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: env.AWS_REGION,
      ...(env.DYNAMODB_ENDPOINT
        ? { endpoint: env.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const db = { client, tableName: env.TABLE_NAME };
  const aws = { region: env.AWS_REGION, credentials: () => lambdaCredentials(processEnv) };

  if (!env.MAIL_FROM && !isLocal) throw new Error('MAIL_FROM is required in AWS (the verified SES identity)');
  if (!env.UPLOADS_BUCKET && !isLocal) throw new Error('UPLOADS_BUCKET is required in AWS');

  const deps: TAppDeps = {
    db,
    clock: systemClock,
    mail: env.MAIL_FROM ? createSesMailer({ ...aws, from: env.MAIL_FROM }) : createOutboxMailer(db, systemClock),
    files: env.UPLOADS_BUCKET ? createS3FileStore({ ...aws, bucket: env.UPLOADS_BUCKET }) : createLocalFileStore(env.UPLOADS_DIR, { publicOrigin: env.PUBLIC_ORIGIN, signingSecret: env.UPLOAD_SIGNING_SECRET }),
    payments: await stripePayments(env, options.stripe),
    ratesSource: env.NBKR_RATES_URL ? createNbkrRatesSource({ url: env.NBKR_RATES_URL }) : undefined,
    logger: createJsonLogger({ level: env.LOG_LEVEL, base: { service: options.service } }),
    config: appConfigOf(env),
    remoteAddress: (raw, lambdaEnv) =>
      viewerAddress(
        (name) => raw.headers.get(name),
        (lambdaEnv as { requestContext?: { http?: { sourceIp?: string } } } | undefined)?.requestContext?.http?.sourceIp,
        secrets.originSecret,
      ),
  };
  return { deps, env, secrets };
}

async function stripePayments(env: TApiEnv, mode: 'lazy' | 'eager'): Promise<TPayments | undefined> {
  if (!env.STRIPE_SECRET_KEY) return undefined;
  if (!env.STRIPE_WEBHOOK_SECRET) throw new Error('The Stripe secret key is set but the webhook secret is not. Set both or neither.');
  const options: TStripePaymentsOptions = {
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    ...(env.STRIPE_API_URL ? { apiUrl: env.STRIPE_API_URL } : {}),
  };
  const load = async () => (await import('../adapters/stripe-payments.ts')).createStripePayments(options);
  if (mode === 'eager') return load();
  let loaded: Promise<TPayments> | undefined;
  const payments = () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
  return {
    provider: 'stripe',
    createCheckout: async (input) => (await payments()).createCheckout(input),
    refund: async (input) => (await payments()).refund(input),
    findPledgeIdForPaymentIntent: async (id) => (await payments()).findPledgeIdForPaymentIntent(id),
    verifyEvent: () => {
      // API Gateway routes POST /api/webhooks/stripe to the webhook function, which loads Stripe eagerly.
      throw new Error('Webhook verification runs in the webhook function, not here');
    },
  };
}
