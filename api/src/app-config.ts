import type { TAppConfig } from './deps.ts';
import { isSecureOrigin, type TApiEnv } from './env.ts';

/**
 * The HTTP layer's settings from the API environment. One function for every runtime (the Node
 * platform in `build-deps.ts`, the Lambda functions in `lambda/lambda-deps.ts`) so they cannot drift.
 * It lives apart from `build-deps.ts` so that importing it pulls in no adapter (Stripe, sharp, disk).
 */
export function appConfigOf(env: TApiEnv): TAppConfig {
  return {
    publicOrigin: new URL(env.PUBLIC_ORIGIN).origin,
    isCookieSecure: isSecureOrigin(env.PUBLIC_ORIGIN),
    sessionTtlSeconds: env.SESSION_TTL_SECONDS,
    internalSecret: env.KOLDOO_INTERNAL_SECRET,
    hasDevOutbox: Boolean(env.DYNAMODB_ENDPOINT),
    pledgeCurrencies: env.PLEDGE_CURRENCIES,
    fiscalHost: { recipient: env.FISCAL_HOST_RECIPIENT, bankName: env.FISCAL_HOST_BANK, account: env.FISCAL_HOST_ACCOUNT, bic: env.FISCAL_HOST_BIC },
  };
}
