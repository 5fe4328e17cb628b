import type { TDomainContext } from './context.ts';
import { sweepUnusedUploads } from './files/sweep-unused-uploads.ts';
import type { TRatesSource } from './ports.ts';
import { refreshRatesFromSource } from './rates/refresh-rates-from-source.ts';
import { chaseBankTransfers } from './pledges/chase-bank-transfers.ts';
import { refundExpiredProjects } from './pledges/refund-expired-projects.ts';
import { expireProjects } from './projects/expire-projects.ts';
import { remindProgressReports } from './projects/remind-progress-reports.ts';

/**
 * Every scheduled job, in order: deadlines first (so a project that just expired is refunded
 * in the same run), then refunds, then the bank-transfer reminders and expiry, then the
 * reminders to councils of funded projects silent for a month, then the deletion of uploads
 * nothing used for a day, then the National Bank's rates when a source is configured. Each step is
 * idempotent and failures of one do not stop the next. EventBridge Scheduler calls the same
 * function in AWS; the local platform calls it on a timer; tests call it directly.
 */
export async function runScheduledJobs(ctx: TDomainContext & { ratesSource?: TRatesSource | undefined }) {
  const steps = {
    expireProjects: () => expireProjects(ctx),
    refundExpiredProjects: () => refundExpiredProjects(ctx),
    chaseBankTransfers: () => chaseBankTransfers(ctx),
    remindProgressReports: () => remindProgressReports(ctx),
    sweepUnusedUploads: () => sweepUnusedUploads(ctx),
    // The National Bank publishes once a day; refreshing more often only adds no-op reads.
    ...(ctx.ratesSource ? { refreshRates: () => refreshRatesFromSource(ctx, ctx.ratesSource!, 'system') } : {}),
  };
  const results: Record<string, unknown> = {};
  for (const [name, step] of Object.entries(steps)) {
    try {
      results[name] = await step();
    } catch (error) {
      ctx.logger.error({ err: error, job: name }, 'scheduled job failed');
      results[name] = { error: String(error) };
    }
  }
  return results;
}
