import { redirect } from '@sveltejs/kit';
import { logout } from '#lib/server/api.ts';
import { dropSessionCookie } from '#lib/server/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (!locals.user) redirect(303, '/');
};

export const actions = {
  default: async (event) => {
    // The API ends the session and clears the cookie (relayed by api.ts). We drop it too, so
    // the person is signed out here even when the API cannot be reached.
    await logout(event);
    dropSessionCookie(event.cookies, event.url.protocol === 'https:');
    redirect(303, '/');
  },
} satisfies Actions;
