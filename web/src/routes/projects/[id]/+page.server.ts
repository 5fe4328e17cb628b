import { fail, redirect } from '@sveltejs/kit';
import { t } from '@koldoo/shared/i18n/index.ts';
import {
  advanceProject,
  cancelProject,
  createPledge,
  decide,
  getProject,
  ledgerCsvUrl,
  listRates,
} from '#lib/server/api.ts';
import { readCancel, readDecision } from '#lib/server/decision-form.ts';
import { errorsFromApi, failureStatus } from '#lib/server/form-errors.ts';
import { noticeKey } from '#lib/server/notice.ts';
import { progressUpdateAction } from '#lib/server/progress-update.ts';
import { actsFor, failPage, isModerator, requireModerator } from '#lib/server/page-errors.ts';
import {
  checkPledge,
  idempotencyKeyOf,
  pledgeFieldOf,
  pledgeFormView,
  readPledgeForm,
} from '#lib/server/pledges/pledge-form.ts';
import { amendableStatuses } from '#lib/server/project-form/amendment.ts';
import { toProjectView } from '#lib/server/views/project-page.ts';
import { ServerOnly } from '#lib/server-only.ts';
import type { Actions, PageServerLoad } from './$types';

// As the API's lifecycle: a moderator may cancel anything not yet completed, rejected or cancelled.
const cancellable = new Set([
  'draft',
  'submitted',
  'changes_requested',
  'published',
  'funded',
  'in_progress',
  'expired',
]);

/**
 * The public project page is a document: read, shared in messengers, opened on costly data.
 * It ships no JavaScript and no hydration payload; its forms (moderators' decisions) post plainly.
 */
export const csr = false;

export const load: PageServerLoad = async (event) => {
  const { locale, user } = event.locals;
  const [result, rates] = await Promise.all([getProject(event, event.params.id), listRates(event)]);
  if (!result.ok) failPage(result);
  const project = toProjectView(result.value, locale);
  const { coverImageId } = result.value.project;
  const url = new URL(`/projects/${encodeURIComponent(project.id)}`, event.url.origin);
  const isOfficial = actsFor(user, project.councilId);
  return {
    // The heavy parts are read by the server render only (csr = false): see lib/server-only.ts.
    project: new ServerOnly(project),
    // Absolute URLs: messengers fetch these when the link is shared, without our page's context.
    share: {
      url: url.href,
      image: coverImageId
        ? new URL(`/api/files/${encodeURIComponent(coverImageId)}`, event.url.origin).href
        : null,
      description: `${project.summary.text} — ${t(locale, 'project.percentFunded', { percent: project.percent })}`,
    },
    can: {
      edit: isOfficial && (project.status === 'draft' || project.status === 'changes_requested'),
      amend: isOfficial && amendableStatuses.has(project.status),
      startWork: isOfficial && project.status === 'funded',
      complete: isOfficial && project.status === 'in_progress',
      // News while the work goes on (the API checks again; reportingStatuses in shared).
      postUpdate: isOfficial && (project.status === 'funded' || project.status === 'in_progress'),
      decide: isModerator(user) && project.status === 'submitted',
      cancel: isModerator(user) && cancellable.has(project.status),
    },
    // Without rates the form still works; only the som estimate is missing.
    pledge: new ServerOnly(
      pledgeFormView({
        project,
        rates: rates.ok ? rates.value : [],
        locale,
        signedInEmail: user?.email ?? null,
      }),
    ),
    ledger: { url: `/projects/${encodeURIComponent(project.id)}/ledger`, csvUrl: ledgerCsvUrl(project.id) },
    // Stripe sends a donor who left its checkout back here with `?pledge=cancelled`.
    notice:
      noticeKey(event.url) ??
      (event.url.searchParams.get('pledge') === 'cancelled' ? ('notice.checkoutCancelled' as const) : null),
  };
};

export const actions = {
  decide: async (event) => {
    requireModerator(event);
    const { locale } = event.locals;
    const read = readDecision(await event.request.formData(), locale);
    if (!read.ok)
      return fail(400, { form: 'decide' as const, ...read.errors, values: read.values });
    const result = await decide(event, 'projects', event.params.id, read.value);
    if (!result.ok)
      return fail(failureStatus(result), {
        form: 'decide' as const,
        ...errorsFromApi(locale, result),
        values: { reason: read.value.reason },
      });
    redirect(303, `/projects/${encodeURIComponent(event.params.id)}?notice=decided`);
  },
  cancel: async (event) => {
    requireModerator(event);
    const { locale } = event.locals;
    const read = readCancel(await event.request.formData(), locale);
    if (!read.ok)
      return fail(400, { form: 'cancel' as const, ...read.errors, values: read.values });
    const result = await cancelProject(event, event.params.id, read.value.reason);
    if (!result.ok)
      return fail(failureStatus(result), {
        form: 'cancel' as const,
        ...errorsFromApi(locale, result),
        values: read.value,
      });
    redirect(303, `/projects/${encodeURIComponent(event.params.id)}?notice=cancelled`);
  },
  advance: async (event) => {
    const step = (await event.request.formData()).get('step');
    if (step !== 'start' && step !== 'complete') return fail(400, { form: 'advance' as const });
    const result = await advanceProject(event, event.params.id, step);
    if (!result.ok) return fail(failureStatus(result), { form: 'advance' as const, ...errorsFromApi(event.locals.locale, result) });
    redirect(303, `/projects/${encodeURIComponent(event.params.id)}?notice=advanced`);
  },
  /** An official's progress update: text in ky/ru/en and optional photos, onto the public timeline. */
  update: (event) => progressUpdateAction(event),
  /**
   * A donor's pledge. Card pledges go on to the checkout (Stripe's page, or the labelled test
   * page locally); bank transfers to the receipt with the bank details.
   */
  pledge: async (event) => {
    const { locale, user } = event.locals;
    const form = await event.request.formData();
    const values = readPledgeForm(form);
    let idempotencyKey = idempotencyKeyOf(form);
    const checked = checkPledge(values, Boolean(user), locale);
    // Nothing reached the API, so the same key serves the corrected form.
    if (!checked.ok) return fail(400, { form: 'pledge' as const, ...checked.errors, values, idempotencyKey });
    let result = await createPledge(event, event.params.id, checked.input, idempotencyKey);
    if (!result.ok && result.code === 'IDEMPOTENCY_KEY_REUSED') {
      // The donor changed the form after a post whose outcome they never saw (e.g. the card
      // service was down): that is a new pledge, so it gets a new key.
      idempotencyKey = crypto.randomUUID();
      result = await createPledge(event, event.params.id, checked.input, idempotencyKey);
    }
    if (!result.ok) {
      // After a 5xx the pledge may exist: a retry with the same key returns it instead of a second one.
      const keepKey = result.status >= 500;
      return fail(failureStatus(result), {
        form: 'pledge' as const,
        ...errorsFromApi(locale, result, pledgeFieldOf),
        values,
        idempotencyKey: keepKey ? idempotencyKey : crypto.randomUUID(),
      });
    }
    const { checkoutUrl, receiptUrl } = result.value;
    const next = checked.input.method === 'card' && checkoutUrl ? checkoutUrl : receiptUrl;
    // A redirect without a fragment inherits the form's `#pledge`; name one so it does not.
    redirect(303, next.includes('#') ? next : `${next}#main`);
  },
} satisfies Actions;
