import { listPledgeQueue, updatePledgeFields } from '../../data/pledges-repo.ts';
import { getProject } from '../../data/projects-repo.ts';
import type { TDomainContext } from '../context.ts';
import { applyPledgeHappening } from './apply-pledge-happening.ts';
import { receiptUrl, sendBankInstructions } from './send-pledge-mail.ts';

const day = 24 * 3600 * 1000;
export const reminderAfterDays = 14;
export const expiryAfterDays = 30;

/**
 * Bank transfers not reconciled: a reminder with the instructions after 14 days (once), and
 * `expired` after 30. An expired transfer can still be reconciled if the money turns up.
 */
export async function chaseBankTransfers(ctx: TDomainContext): Promise<{ reminded: number; expired: number }> {
  const now = ctx.clock.now().getTime();
  const counts = { reminded: 0, expired: 0 };
  const isOpen = new Map<string, Promise<boolean>>();
  const projectIsOpen = (projectId: string) => {
    if (!isOpen.has(projectId)) isOpen.set(projectId, getProject(ctx.db, projectId).then((p) => p?.status === 'published' || p?.status === 'funded'));
    return isOpen.get(projectId)!;
  };
  for (const pledge of await listPledgeQueue(ctx.db, 'awaiting_transfer')) {
    const age = now - Date.parse(pledge.createdAt);
    if (age >= expiryAfterDays * day) {
      if ((await applyPledgeHappening(ctx, pledge.id, { kind: 'expire' })).changed) counts.expired += 1;
    } else if (age >= reminderAfterDays * day && !pledge.remindedAt && (await projectIsOpen(pledge.projectId))) {
      // No reminder to pay into a project that has closed (expired or cancelled).
      // Mark first: a crash after marking loses one reminder; the other order could send many.
      if (await updatePledgeFields(ctx.db, pledge, { remindedAt: new Date(now).toISOString() })) {
        await sendBankInstructions(ctx, pledge, receiptUrl(ctx, pledge.id, pledge.accessToken), { isReminder: true });
        counts.reminded += 1;
      }
    }
  }
  return counts;
}
