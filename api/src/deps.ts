import type { TClock, TFileStore, TLogger, TMailer, TPayments, TRatesSource } from './domain/ports.ts';
import type { TDb } from './data/db.ts';
import type { TCurrency } from '@koldoo/shared/money.ts';

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
  /** Currencies donors may pledge in (a subset of `currencies`). */
  pledgeCurrencies: readonly TCurrency[];
  /** The account bank transfers and remittances go to. */
  fiscalHost: TFiscalHost;
};

export type TFiscalHost = { recipient: string; bankName: string; account: string; bic: string };

/** Everything `createApp` needs. Nothing in api/ reaches for globals beyond this. */
export type TAppDeps = {
  db: TDb;
  clock: TClock;
  mail: TMailer;
  files: TFileStore;
  payments: TPayments | undefined;
  /** The National Bank's daily rates when `NBKR_RATES_URL` is set; otherwise rates are set by moderators. */
  ratesSource: TRatesSource | undefined;
  logger: TLogger;
  config: TAppConfig;
  /** The runtime's idea of the caller's address (socket on Node, sourceIp on Lambda). */
  remoteAddress: (raw: Request, env: unknown) => string | undefined;
};
