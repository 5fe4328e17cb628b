import type { TLedgerReply } from '@koldoo/shared/contracts/pledges.ts';
import { isPublicStatus } from '@koldoo/shared/contracts/projects.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { listPledgesOfProject } from '../../data/pledges-repo.ts';
import { getProject } from '../../data/projects-repo.ts';
import type { TDomainContext } from '../context.ts';
import { contribution, paidStatuses } from './pledge-lifecycle.ts';

/**
 * The public ledger of incoming money: each pledge that brought money, once, with its refunds
 * netted. Totals are summed with the same `contribution` rule the counters are updated with,
 * so they equal the project's `raisedMinor` and `backers` exactly. E-mails never appear.
 */
export async function getProjectLedger(ctx: TDomainContext, projectId: string): Promise<TLedgerReply> {
  const project = await getProject(ctx.db, projectId);
  if (!project || !isPublicStatus(project.status)) throw new AppError('NOT_FOUND', 'No such project');
  const pledges = (await listPledgesOfProject(ctx.db, projectId)).filter((p) => paidStatuses.includes(p.status) && p.received);
  pledges.sort((a, b) => (a.succeededAt ?? '').localeCompare(b.succeededAt ?? ''));
  const totals = { raisedMinor: 0, backers: 0, byCurrency: {} as Record<string, number> };
  const entries = pledges.map((p) => {
    const part = contribution(p);
    totals.raisedMinor += part.kgsMinor;
    totals.backers += part.backers;
    if (part.currency) totals.byCurrency[part.currency] = (totals.byCurrency[part.currency] ?? 0) + part.currencyMinor;
    return {
      pledgeId: p.id,
      date: p.succeededAt ?? p.updatedAt,
      method: p.method,
      status: p.status,
      amount: p.received ?? p.amount,
      kgsMinor: p.kgsMinor ?? 0,
      refundedKgsMinor: p.refundedKgsMinor,
      donor: p.anonymous || !p.displayName ? 'Anonymous' : p.displayName,
      ...(p.message ? { message: p.message } : {}),
      ...(p.dedication ? { dedication: p.dedication } : {}),
    };
  });
  return { entries, totals };
}

/** A spreadsheet cell: quoted, and defused when it starts like a formula (=, +, -, @). */
function cell(value: string | number): string {
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

const minor = (n: number) => (n / 100).toFixed(2);

export function ledgerToCsv(ledger: TLedgerReply): string {
  const header = ['date', 'method', 'status', 'currency', 'amount', 'kgs', 'refunded_kgs', 'donor', 'message', 'dedication'];
  const rows = ledger.entries.map((e) => [
    e.date, e.method, e.status, e.amount.currency, minor(e.amount.value), minor(e.kgsMinor), minor(e.refundedKgsMinor), e.donor, e.message ?? '', e.dedication ?? '',
  ]);
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
