import { claimUnusedFileForDeletion, deleteClaimedFileRecord, listUnusedFiles } from '../../data/files-repo.ts';
import type { TDomainContext } from '../context.ts';

/**
 * How long an upload may wait for its first use before it is deleted: a day, so a member who
 * uploads a photo or proof and finishes the form that evening (or whose session breaks off and
 * who comes back the next morning) still finds it; shorter would lose real work, longer only
 * keeps abandoned bytes around.
 */
export const unusedUploadGraceMs = 24 * 60 * 60 * 1000;
/** At most this many candidates per run (the job runs every 15 minutes, so a backlog drains over a few runs). */
export const unusedUploadsPerRun = 500;
const pageSize = 100;

/**
 * Deletes uploads nothing has used for more than `unusedUploadGraceMs`: council proofs never
 * applied with, project images never set as a cover, gallery or progress-update image, transfer
 * proofs whose pledge refused them. Candidates come from the sparse GSI2 partition `FILES#unused`
 * (no Scan), oldest first. For each:
 *
 * 1. mark it `deletingAt`, only if it is still unused (every use is a transaction conditional on
 *    the file not being marked, so a use and the sweep cannot both win; a file used meanwhile is
 *    skipped). From here the file reads as missing everywhere, so it cannot be used or read;
 * 2. delete its bytes (idempotent);
 * 3. delete its record (which drops the index entry).
 *
 * A run that dies after 1 or 2 leaves the file marked and indexed; the next run claims it again
 * and finishes. Concurrent runs both delete the bytes and one deletes the record. Every use
 * records itself in the transaction that writes the reference, so no used file is ever unmarked.
 */
export async function sweepUnusedUploads(ctx: TDomainContext): Promise<{ checked: number; deleted: number; failed: number }> {
  const now = ctx.clock.now();
  const createdBefore = new Date(now.getTime() - unusedUploadGraceMs).toISOString();
  const counts = { checked: 0, deleted: 0, failed: 0 };
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await listUnusedFiles(ctx.db, { createdBefore, limit: Math.min(pageSize, unusedUploadsPerRun - counts.checked), cursor });
    for (const { id } of page.files) {
      counts.checked += 1;
      try {
        const file = await claimUnusedFileForDeletion(ctx.db, id, now.toISOString());
        if (!file) continue;
        await ctx.files.delete(file.storageKey);
        if (await deleteClaimedFileRecord(ctx.db, id)) counts.deleted += 1;
      } catch (error) {
        // Left marked (if it got that far) and indexed: the next run tries again.
        counts.failed += 1;
        ctx.logger.error({ err: error, fileId: id }, 'unused upload not deleted');
      }
    }
    cursor = page.cursor;
  } while (cursor && counts.checked < unusedUploadsPerRun);
  if (counts.deleted + counts.failed > 0) ctx.logger.info(counts, 'unused uploads swept');
  return counts;
}
