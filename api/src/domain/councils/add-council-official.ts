import { ulid } from 'ulid';
import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { addCouncilOfficial as addOfficial, getCouncil, type TCouncilRecord } from '../../data/councils-repo.ts';
import { getUserByEmail } from '../../data/users-repo.ts';
import { requireModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';

/**
 * A council can have several officials: after checking with the council (by phone or letter),
 * a moderator adds a member's account to a verified council.
 */
export async function addCouncilOfficial(
  ctx: TDomainContext,
  viewer: TMe | undefined,
  councilId: string,
  input: { email: string; reason: string },
): Promise<TCouncilRecord> {
  const moderator = requireModerator(viewer);
  const council = await getCouncil(ctx.db, councilId);
  if (!council) throw new AppError('NOT_FOUND', 'No such council');
  if (council.status !== 'verified') throw new AppError('CONFLICT', 'Only a verified council can have officials');
  const user = await getUserByEmail(ctx.db, input.email);
  if (!user) {
    throw new AppError('VALIDATION_FAILED', 'No account with this e-mail', {
      issues: [{ path: 'email', message: 'The person must register first', code: 'unknown_user' }],
    });
  }
  if (council.officialIds.includes(user.id)) throw new AppError('CONFLICT', 'Already an official of this council');
  const event = { id: ulid(), at: ctx.clock.now().toISOString(), actorId: moderator.id, action: 'add_official' as const, reason: input.reason };
  if (!(await addOfficial(ctx.db, { council, user, event }))) {
    throw new AppError('CONFLICT', 'The council or the account changed meanwhile; try again');
  }
  return { ...council, officialIds: [...council.officialIds, user.id] };
}
