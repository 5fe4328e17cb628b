import { fail, type RequestEvent } from '@sveltejs/kit';
import { t } from '@koldoo/shared/i18n/index.ts';

/**
 * Reads a posted form. A body over the server's BODY_SIZE_LIMIT (big photos) makes reading fail
 * with 413; instead of the bare error page the form comes back with an explanation. What was
 * typed is lost with it (the body was never read), and the message says so.
 */
export async function readPostedForm(event: RequestEvent) {
  try {
    return { form: await event.request.formData() };
  } catch (error) {
    if ((error as { status?: unknown } | null)?.status !== 413) throw error;
    return {
      tooLarge: fail(413, {
        message: t(event.locals.locale, 'validation.postTooLarge'),
        issues: {} as Record<string, string>,
      }),
    };
  }
}
