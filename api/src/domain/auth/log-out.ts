import { deleteSession, deleteSessionsOfUser } from '../../data/sessions-repo.ts';
import type { TDomainContext } from '../context.ts';
import { hashSessionToken } from './session-token.ts';

/** Ends one session for real: the record is deleted, so the cookie is worthless afterwards. */
export async function logOut(ctx: TDomainContext, token: string): Promise<void> {
  await deleteSession(ctx.db, hashSessionToken(token));
}

/** Ends every session of a user, e.g. when an operator revokes access. */
export async function revokeAllSessions(ctx: TDomainContext, userId: string): Promise<number> {
  const count = await deleteSessionsOfUser(ctx.db, userId);
  ctx.logger.info({ userId, count }, 'sessions revoked');
  return count;
}
