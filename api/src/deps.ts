import type { Logger } from 'pino';
import type { TClock, TFileStore, TMailer, TPayments } from './domain/ports.ts';
import type { TDb } from './data/db.ts';

/** Settings the HTTP layer needs; built from env by `loadApiEnv`, or by tests directly. */
export type TAppConfig = {
  /** The one browser origin (scheme://host:port). Cookie-carrying mutations must come from it. */
  publicOrigin: string;
  /** `Secure` on cookies; false only when the origin is localhost over http. */
  isCookieSecure: boolean;
  sessionTtlSeconds: number;
  /** Shared with web/ so the API can trust the client IP that web/ forwards. */
  internalSecret: string | undefined;
  /** Local platform only: mail goes to the outbox and `/api/dev/outbox` shows it. */
  hasDevOutbox: boolean;
};

/** Everything `createApp` needs. Nothing in api/ reaches for globals beyond this. */
export type TAppDeps = {
  db: TDb;
  clock: TClock;
  mail: TMailer;
  files: TFileStore;
  payments: TPayments | undefined;
  logger: Logger;
  config: TAppConfig;
  /** The runtime's idea of the caller's address (socket on Node, sourceIp on Lambda). */
  remoteAddress: (raw: Request, env: unknown) => string | undefined;
};
