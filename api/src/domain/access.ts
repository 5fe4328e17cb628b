import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TActorRole } from './projects/project-lifecycle.ts';

export const isModerator = (user: TMe | undefined): boolean => Boolean(user?.roles.includes('moderator'));

export const isOfficialOf = (user: TMe | undefined, councilId: string): boolean =>
  Boolean(user?.roles.includes('council_official') && user.councilIds.includes(councilId));

/** Council officials and moderators see a council's non-public objects; everyone else gets 404. */
export const canSeeCouncilInternals = (user: TMe | undefined, councilId: string): boolean =>
  isModerator(user) || isOfficialOf(user, councilId);

export function requireSignedIn(user: TMe | undefined): TMe {
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return user;
}

export function requireModerator(user: TMe | undefined): TMe {
  const signedIn = requireSignedIn(user);
  if (!isModerator(signedIn)) throw new AppError('FORBIDDEN', 'Only moderators may do this');
  return signedIn;
}

/** The role a user acts in on a council's project, or a 404 that does not reveal the project. */
export function actorRoleFor(user: TMe | undefined, councilId: string, preferred: TActorRole): TActorRole {
  if (preferred === 'council_official' && isOfficialOf(user, councilId)) return 'council_official';
  if (preferred === 'moderator' && isModerator(user)) return 'moderator';
  if (isOfficialOf(user, councilId)) return 'council_official';
  if (isModerator(user)) return 'moderator';
  throw new AppError('NOT_FOUND', 'No such project');
}
