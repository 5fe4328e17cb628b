import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { getUserByEmail, getUserById, grantRole } from '../../data/users-repo.ts';
import type { TDomainContext } from '../context.ts';
import { registerUser } from './register-user.ts';
import { toMe } from './to-me.ts';

/**
 * Makes an e-mail a moderator: grants the role to an existing account, or creates the account
 * with the given password. Used by the operators' CLI, never by an HTTP route.
 */
export async function createModerator(
  ctx: TDomainContext,
  input: { email: string; password?: string; displayName?: string },
): Promise<{ user: TMe; isNew: boolean }> {
  const existing = await getUserByEmail(ctx.db, input.email);
  if (existing) {
    await grantRole(ctx.db, existing.id, 'moderator');
    const updated = await getUserById(ctx.db, existing.id);
    return { user: toMe(updated ?? existing), isNew: false };
  }
  if (!input.password) throw new Error('A new moderator account needs --password (at least 10 characters)');
  const user = await registerUser(
    ctx,
    { email: input.email, password: input.password, displayName: input.displayName ?? input.email },
    { roles: ['member', 'moderator'] },
  );
  return { user, isNew: true };
}
