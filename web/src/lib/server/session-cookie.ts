import type { Cookies } from '@sveltejs/kit';

/** The API's session cookie. The API owns its value and lifetime; web only relays it. */
export const sessionCookie = 'koldoo_session';

/**
 * Copies the API's `Set-Cookie` for the session onto our response. The browser never talks to the
 * API for pages, so without this relay a login through a form action would not stick.
 * We keep HttpOnly, SameSite=Lax and Path=/ whatever the API sent; Max-Age and Secure come from the API.
 */
export function relaySessionCookie(cookies: Cookies, setCookieHeaders: readonly string[]): void {
  for (const header of setCookieHeaders) {
    const parsed = cookies.parse(header);
    if (parsed.name !== sessionCookie) continue;
    const options = { path: '/', httpOnly: true, sameSite: 'lax', secure: parsed.secure === true } as const;
    const isExpired = parsed.expires !== undefined && parsed.expires.getTime() <= Date.now();
    if (!parsed.value || parsed.maxAge === 0 || isExpired) {
      cookies.delete(sessionCookie, options);
    } else {
      cookies.set(sessionCookie, parsed.value, {
        ...options,
        ...(parsed.maxAge !== undefined ? { maxAge: parsed.maxAge } : parsed.expires ? { expires: parsed.expires } : {}),
      });
    }
  }
}

/** Forgets a session the API no longer knows (401 from /api/me, or after sign-out). */
export function dropSessionCookie(cookies: Cookies, secure: boolean): void {
  cookies.delete(sessionCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
