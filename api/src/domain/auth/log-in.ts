import { AppError } from '@koldoo/shared/errors.ts';
import type { TLoginInput, TMe } from '@koldoo/shared/contracts/auth.ts';
import { getUserByEmail } from '../../data/users-repo.ts';
import { clearFailures, getFailureWindow, recordFailure } from '../../data/rate-limit-repo.ts';
import type { TDomainContext } from '../context.ts';
import { getDummyHash, verifyPassword } from './password.ts';
import { startSession } from './start-session.ts';
import { toMe } from './to-me.ts';

/** 10 failures within 15 minutes, per IP and per e-mail, lock further attempts. */
export const loginLimit = { maxFailures: 10, windowSeconds: 15 * 60 } as const;

/** One message for every credential failure, so it does not reveal which e-mails exist. */
const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 'E-mail or password is incorrect');

/** Checks the password, counts failures, and opens a session. */
export async function logIn(
  ctx: TDomainContext,
  input: TLoginInput,
  clientIp: string,
): Promise<{ user: TMe; token: string; maxAgeSeconds: number }> {
  const nowSeconds = Math.floor(ctx.clock.now().getTime() / 1000);
  const subjects = [
    { scope: 'login-ip', subject: clientIp },
    { scope: 'login-email', subject: input.email },
  ];
  await refuseWhenLocked(ctx, subjects, nowSeconds);

  const user = await getUserByEmail(ctx.db, input.email);
  const isValid = await verifyPassword(input.password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !isValid) {
    await Promise.all(
      subjects.map((s) => recordFailure(ctx.db, s.scope, s.subject, nowSeconds, loginLimit.windowSeconds)),
    );
    ctx.logger.info({ hasAccount: Boolean(user) }, 'login failed');
    throw invalidCredentials();
  }
  // A success forgives the e-mail's failures, not the IP's: one IP may be guessing many accounts.
  await clearFailures(ctx.db, 'login-email', input.email);
  const session = await startSession(ctx, user.id);
  return { user: toMe(user), ...session };
}

async function refuseWhenLocked(
  ctx: TDomainContext,
  subjects: { scope: string; subject: string }[],
  nowSeconds: number,
): Promise<void> {
  const windows = await Promise.all(subjects.map((s) => getFailureWindow(ctx.db, s.scope, s.subject)));
  const retryAfter = Math.max(
    0,
    ...windows.map((window) => {
      if (!window || window.failures < loginLimit.maxFailures) return 0;
      return window.windowStart + loginLimit.windowSeconds - nowSeconds;
    }),
  );
  if (retryAfter > 0) {
    throw new AppError('RATE_LIMITED', 'Too many failed sign-in attempts; try again later', {
      retryAfterSeconds: retryAfter,
    });
  }
}
