import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import type { TApiFailure } from './api/core.ts';

/**
 * Turns an API failure during a page load into the error page with the right status.
 * The error page shows translated text chosen by status, so no message is passed on.
 */
export function failPage(failure: TApiFailure): never {
  if (failure.code === 'NOT_FOUND') error(404, 'Not found');
  if (failure.code === 'FORBIDDEN') error(403, 'Forbidden');
  error(failure.status >= 400 && failure.status <= 599 ? failure.status : 502, failure.code);
}

/** Pages for signed-in people send everyone else to sign in, and back here afterwards. */
export function requireUser(event: RequestEvent): TMe {
  const user = event.locals.user;
  if (!user)
    redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  return user;
}

export function requireModerator(event: RequestEvent): TMe {
  const user = requireUser(event);
  if (!user.roles.includes('moderator')) error(403, 'Forbidden');
  return user;
}

export const isModerator = (user: TMe | null): boolean =>
  Boolean(user?.roles.includes('moderator'));

/** An official of this council (the API checks again; this only decides which buttons to show). */
export const actsFor = (user: TMe | null, councilId: string): boolean =>
  Boolean(user?.roles.includes('council_official') && user.councilIds.includes(councilId));
