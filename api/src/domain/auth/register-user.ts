import { ulid } from 'ulid';
import { AppError } from '@koldoo/shared/errors.ts';
import { defaultLocale, type TLocale } from '@koldoo/shared/locales.ts';
import type { TMe, TRegisterInput, TRole } from '@koldoo/shared/contracts/auth.ts';
import { EmailTakenError, insertUser } from '../../data/users-repo.ts';
import type { TDomainContext } from '../context.ts';
import { hashPassword } from './password.ts';
import { toMe } from './to-me.ts';

/**
 * Creates an account with the `member` role (operators add others through the admin CLI).
 * Throws EMAIL_TAKEN if the e-mail already has an account.
 */
export async function registerUser(
  ctx: TDomainContext,
  input: TRegisterInput,
  options: { roles?: TRole[]; fallbackLocale?: TLocale } = {},
): Promise<TMe> {
  const user = {
    id: ulid(),
    email: input.email,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    roles: options.roles ?? (['member'] as TRole[]),
    councilIds: [],
    locale: input.locale ?? options.fallbackLocale ?? defaultLocale,
    createdAt: ctx.clock.now().toISOString(),
  };
  try {
    await insertUser(ctx.db, user);
  } catch (error) {
    if (error instanceof EmailTakenError) {
      throw new AppError('EMAIL_TAKEN', 'An account with this e-mail already exists', {
        issues: [{ path: 'email', message: 'An account with this e-mail already exists', code: 'email_taken' }],
      });
    }
    throw error;
  }
  ctx.logger.info({ userId: user.id }, 'user registered');
  return toMe(user);
}
