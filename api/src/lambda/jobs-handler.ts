import { runScheduledJobs } from '../domain/run-scheduled-jobs.ts';
import { buildLambdaDeps } from './lambda-deps.ts';

/**
 * EventBridge Scheduler's target: every scheduled job (deadlines, expiry refunds, bank-transfer
 * reminders and expiry, progress-report reminders to councils, deletion of unused uploads, NBKR rates when configured), in the order `runScheduledJobs` defines. The
 * jobs are idempotent; a run with a failed step throws after the other steps ran, so the async
 * invocation is retried, lands in the dead-letter queue after its retries, and the Errors alarm fires.
 */
const { deps } = await buildLambdaDeps({ service: 'koldoo-jobs', stripe: 'lazy' });

export async function handler(event: unknown): Promise<Record<string, unknown>> {
  deps.logger.info({ event }, 'scheduled run');
  const results = await runScheduledJobs(deps);
  const failed = Object.entries(results)
    .filter(([, result]) => typeof result === 'object' && result !== null && 'error' in result)
    .map(([name]) => name);
  deps.logger.info({ results }, 'scheduled run done');
  if (failed.length > 0) throw new Error(`scheduled jobs failed: ${failed.join(', ')}`);
  return results;
}
