import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { ZPledgeQueueQuery } from '@koldoo/shared/contracts/pledges.ts';
import { batchGetPledges, findPledgeIdByReference, listPledgeQueue } from '../../data/pledges-repo.ts';
import { requireModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { withProjectTitles, type TPledgeListItem } from './list-my-pledges.ts';

/**
 * The treasurer's work: bank transfers awaiting the money, or transfers to refund by hand after
 * an all-or-nothing project expired. A reference code from the bank statement (or a card
 * pledge's id from its receipt) finds one pledge.
 */
export async function listPledgeQueueFor(ctx: TDomainContext, viewer: TMe | undefined, query: unknown): Promise<{ items: TPledgeListItem[] }> {
  requireModerator(viewer);
  const { view, reference } = parseInput(ZPledgeQueueQuery, query);
  if (reference) {
    // Card pledges have no bank code; their receipts quote the pledge id instead.
    const isPledgeId = /^[0-9A-HJKMNP-TV-Z]{26}$/i.test(reference);
    const id = isPledgeId ? reference.toUpperCase() : await findPledgeIdByReference(ctx.db, reference.toUpperCase());
    return { items: id ? await withProjectTitles(ctx, await batchGetPledges(ctx.db, [id])) : [] };
  }
  return { items: await withProjectTitles(ctx, await listPledgeQueue(ctx.db, view)) };
}
