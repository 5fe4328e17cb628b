import type { RequestEvent } from '@sveltejs/kit';
import * as z from 'zod';
import {
  ZLedgerReply,
  ZPledge,
  ZPledgeCreatedReply,
  ZPledgeList,
  ZPledgeReply,
  ZReconcileInput,
  ZRefundInput,
  type TLedgerReply,
  type TPledge,
  type TPledgeInput,
} from '@koldoo/shared/contracts/pledges.ts';
import { call, mapResult, type TApiResult } from './core.ts';

export type TPledgeCreated = z.infer<typeof ZPledgeCreatedReply>;
export type TPledgeReply = z.infer<typeof ZPledgeReply>;
export type TPledgeListItem = z.infer<typeof ZPledgeList>['items'][number];
export type TPledgeQueueView = 'awaiting_transfer' | 'refunds_due';

const ZOnePledge = z.object({ pledge: ZPledge });
const pledgeOf = (reply: { pledge: TPledge }) => reply.pledge;
const itemsOf = <T>(reply: { items: T[] }) => reply.items;
const pledgePath = (id: string, rest = '') =>
  `/api/pledges/${encodeURIComponent(id)}${rest}` as const;

/**
 * A new pledge. `idempotencyKey` comes from a hidden field of the rendered form, so a double
 * submit (no JavaScript to disable the button) creates one pledge and both posts get its reply.
 */
export async function createPledge(
  event: RequestEvent,
  projectId: string,
  input: TPledgeInput,
  idempotencyKey: string,
): Promise<TApiResult<TPledgeCreated>> {
  const path = `/api/projects/${encodeURIComponent(projectId)}/pledges` as const;
  return call(
    event,
    { method: 'POST', path, body: input, headers: { 'idempotency-key': idempotencyKey } },
    ZPledgeCreatedReply,
  );
}

/** The donor (signed in, or holding the receipt link's `token`) or a moderator. */
export async function getPledge(
  event: RequestEvent,
  id: string,
  token: string | undefined,
): Promise<TApiResult<TPledgeReply>> {
  return call(event, { method: 'GET', path: pledgePath(id), query: { token } }, ZPledgeReply);
}

/** The donor withdraws a bank transfer they have not paid. */
export async function cancelPledge(
  event: RequestEvent,
  id: string,
  token: string | undefined,
): Promise<TApiResult<TPledge>> {
  return mapResult(
    await call(
      event,
      { method: 'POST', path: pledgePath(id, '/cancel'), query: { token }, body: {} },
      ZOnePledge,
    ),
    pledgeOf,
  );
}

/**
 * The donor's receipt of the bank transfer, forwarded as the browser posted it: the API sniffs,
 * size-caps and stores it (kind `transfer_proof`) and links it to the pledge in one call.
 */
export async function attachTransferProof(
  event: RequestEvent,
  id: string,
  token: string | undefined,
  file: File,
): Promise<TApiResult<TPledge>> {
  const form = new FormData();
  form.set('file', file, file.name || 'proof');
  return mapResult(
    await call(
      event,
      { method: 'POST', path: pledgePath(id, '/proof'), query: { token }, form },
      ZOnePledge,
    ),
    pledgeOf,
  );
}

export async function myPledges(event: RequestEvent): Promise<TApiResult<TPledgeListItem[]>> {
  return mapResult(
    await call(event, { method: 'GET', path: '/api/me/pledges' }, ZPledgeList),
    itemsOf,
  );
}

/** The local platform's labelled test checkout; 404 where real Stripe is used. */
export async function completeSimulatedCheckout(
  event: RequestEvent,
  id: string,
  token: string | undefined,
  outcome: 'confirm' | 'decline',
): Promise<TApiResult<TPledge>> {
  const path = `/api/simulated-checkout/${encodeURIComponent(id)}` as const;
  return mapResult(
    await call(event, { method: 'POST', path, query: { token }, body: { outcome } }, ZOnePledge),
    pledgeOf,
  );
}

export async function projectLedger(
  event: RequestEvent,
  projectId: string,
): Promise<TApiResult<TLedgerReply>> {
  const path = `/api/projects/${encodeURIComponent(projectId)}/ledger` as const;
  return call(event, { method: 'GET', path }, ZLedgerReply);
}

/** Where a browser downloads the ledger as CSV (the API serves it on the same origin). */
export function ledgerCsvUrl(projectId: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/ledger?format=csv`;
}

/** The treasurer's queues: transfers to match with the bank statement, and refunds to pay. */
export async function pledgeQueue(
  event: RequestEvent,
  query: { view: TPledgeQueueView; reference?: string },
): Promise<TApiResult<TPledgeListItem[]>> {
  return mapResult(
    await call(event, { method: 'GET', path: '/api/moderation/pledges', query }, ZPledgeList),
    itemsOf,
  );
}

export type TReconcileInput = z.infer<typeof ZReconcileInput>;

export async function reconcilePledge(
  event: RequestEvent,
  id: string,
  input: TReconcileInput,
): Promise<TApiResult<TPledge>> {
  const path = `/api/moderation/pledges/${encodeURIComponent(id)}/reconcile` as const;
  return mapResult(await call(event, { method: 'POST', path, body: input }, ZOnePledge), pledgeOf);
}

export type TRefundInput = z.infer<typeof ZRefundInput>;

/** Whole when `amount` is absent; bank-transfer refunds carry the outgoing transfer's reference. */
export async function refundPledge(
  event: RequestEvent,
  id: string,
  input: TRefundInput,
): Promise<TApiResult<TPledge>> {
  const path = `/api/moderation/pledges/${encodeURIComponent(id)}/refund` as const;
  return mapResult(await call(event, { method: 'POST', path, body: input }, ZOnePledge), pledgeOf);
}
