import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { getSession } from '../../data/sessions-repo.ts';
import { getUserById } from '../../data/users-repo.ts';
import type { TDomainContext } from '../context.ts';
import { hashSessionToken } from './session-token.ts';
import { toMe } from './to-me.ts';

/**
 * Finds the user behind a session token, or undefined. Checks expiry itself because
 * DynamoDB's TTL deletes expired items only eventually (up to days later).
 */
export async function resolveSession(ctx: TDomainContext, token: string): Promise<TMe | undefined> {
  const session = await getSession(ctx.db, hashSessionToken(token));
  if (!session) return undefined;
  if (session.expiresAt * 1000 <= ctx.clock.now().getTime()) return undefined;
  const user = await getUserById(ctx.db, session.userId);
  return user ? toMe(user) : undefined;
}
