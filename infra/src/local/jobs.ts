import type { TAppDeps } from '@koldoo/api/deps.ts';
import { runScheduledJobs } from '@koldoo/api/domain/run-scheduled-jobs.ts';

/**
 * Scheduled work on a laptop: a timer stands in for EventBridge Scheduler. The jobs are
 * idempotent, so a run at start-up plus one per interval is safe. Returns a stopper.
 */
export function startLocalJobs(deps: TAppDeps, intervalMs = 15 * 60 * 1000): () => void {
  const run = () => runScheduledJobs(deps).catch((error: unknown) => deps.logger.error({ err: error }, 'scheduled jobs failed'));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
