import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { localeCookie, pickLocale } from '@koldoo/shared/locales.ts';
import { me } from '#lib/server/api.ts';
import { webEnv } from '#lib/server/env.ts';
import { dropSessionCookie, sessionCookie } from '#lib/server/session-cookie.ts';

/** Fail at start, with the variable's name, rather than on the first signed-in request. */
export const init: ServerInit = () => {
  webEnv();
};

export const handle: Handle = async ({ event, resolve }) => {
  const locale = pickLocale(event.cookies.get(localeCookie), event.request.headers.get('accept-language'));
  event.locals.locale = locale;
  event.locals.user = null;

  if (event.cookies.get(sessionCookie)) {
    const result = await me(event);
    if (result.ok) {
      event.locals.user = result.value;
    } else if (result.code === 'UNAUTHENTICATED') {
      // The session expired or was revoked: stop sending a dead cookie on every request.
      dropSessionCookie(event.cookies, event.url.protocol === 'https:');
    }
    // Any other failure (API down) leaves the cookie alone: the session may still be valid.
  }

  return resolve(event, {
    // app.html has <html lang="%lang%"> so screen readers and fonts pick the right language in SSR.
    transformPageChunk: ({ html }) => html.replace('%lang%', locale),
  });
};

/** Unexpected errors are logged here; the error page shows a translated message, never `error.message`. */
export const handleError: HandleServerError = ({ kind, error, event }) => {
  if (kind === 'unknown') console.error(`web: ${event.request.method} ${event.url.pathname} failed`, error);
};
