import type { LayoutServerLoad } from './$types';

/** Every page needs the reader's locale and who is signed in; hooks.server.ts found both. */
export const load: LayoutServerLoad = ({ locals }) => ({ locale: locals.locale, user: locals.user });
