import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { pino, type Logger } from 'pino';
import { createLocalFileStore } from './adapters/local-file-store.ts';
import { createOutboxMailer } from './adapters/outbox-mailer.ts';
import { systemClock } from './adapters/system-clock.ts';
import type { TAppDeps } from './deps.ts';
import { isSecureOrigin, type TApiEnv } from './env.ts';

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

export function createLogger(level: TApiEnv['LOG_LEVEL']): Logger {
  return pino({ level, base: { service: 'koldoo-api' } });
}

/** The deps for a Node process (the local platform, the admin CLI, tests over HTTP). */
export function buildNodeDeps(env: TApiEnv, overrides: Partial<TAppDeps> = {}): TAppDeps {
  const client = createDocumentClient(createDynamoClient(env));
  const db = { client, tableName: env.TABLE_NAME };
  return {
    db,
    clock: systemClock,
    mail: createOutboxMailer(db, systemClock),
    files: createLocalFileStore(env.UPLOADS_DIR),
    payments: undefined,
    logger: createLogger(env.LOG_LEVEL),
    config: {
      publicOrigin: new URL(env.PUBLIC_ORIGIN).origin,
      isCookieSecure: isSecureOrigin(env.PUBLIC_ORIGIN),
      sessionTtlSeconds: env.SESSION_TTL_SECONDS,
      internalSecret: env.KOLDOO_INTERNAL_SECRET,
      hasDevOutbox: Boolean(env.DYNAMODB_ENDPOINT),
    },
    remoteAddress: nodeRemoteAddress,
    ...overrides,
  };
}

/** @hono/node-server passes `{ incoming }` as the env; its socket has the peer address. */
function nodeRemoteAddress(_raw: Request, env: unknown): string | undefined {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}
