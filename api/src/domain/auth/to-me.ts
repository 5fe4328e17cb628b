import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import type { TUserRecord } from '../../data/users-repo.ts';

/** The public view of a user record: everything but the password hash. */
export function toMe(user: TUserRecord): TMe {
  const { passwordHash: _hidden, ...visible } = user;
  return visible;
}
