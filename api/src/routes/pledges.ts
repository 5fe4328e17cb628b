import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import * as z from 'zod';
import {
  ZLedgerReply, ZPledge, ZPledgeCreatedReply, ZPledgeInput, ZPledgeList, ZPledgeReply, ZReconcileInput, ZRefundInput,
} from '@koldoo/shared/contracts/pledges.ts';
import { ZId } from '@koldoo/shared/contracts/text.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { localeCookie, pickLocale } from '@koldoo/shared/locales.ts';
import { maxUploadBytes } from '@koldoo/shared/contracts/uploads.ts';
import { toDonorView } from '../data/pledge-record.ts';
import { attachTransferProof } from '../domain/pledges/attach-transfer-proof.ts';
import { cancelPledge } from '../domain/pledges/cancel-pledge.ts';
import { createPledge } from '../domain/pledges/create-pledge.ts';
import { getPledgeDetail } from '../domain/pledges/get-pledge.ts';
import { getProjectLedger, ledgerToCsv } from '../domain/pledges/get-project-ledger.ts';
import { listMyPledges } from '../domain/pledges/list-my-pledges.ts';
import { listPledgeQueueFor } from '../domain/pledges/list-pledge-queue.ts';
import { reconcilePledge } from '../domain/pledges/reconcile-pledge.ts';
import { refundPledge } from '../domain/pledges/refund-pledge.ts';
import { simulateCheckout } from '../domain/pledges/simulate-checkout.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import type { TOperation } from '../http/openapi.ts';
import { parseJsonBody, parseWith, readJsonBody } from '../http/parse-input.ts';

const ZIdParam = z.object({ id: ZId });
const id = (raw: string) => parseWith(ZIdParam, { id: raw }).id;
const ZIdempotencyKey = z.string().trim().min(8, 'At least 8 characters').max(255).regex(/^[\x21-\x7e]+$/, 'Printable ASCII only').optional();
const ZToken = z.string().max(100).optional();
const ZOutcome = z.object({ outcome: z.enum(['confirm', 'decline']) });
const ZPledgeMutationReply = z.object({ pledge: ZPledge });

/** `/api/projects/:id/pledges` and `/api/projects/:id/ledger`. */
export const projectPledgeRoutes = new Hono<THonoEnv>()
  .post('/:id/pledges', async (c) => {
    const idempotencyKey = parseWith(z.object({ key: ZIdempotencyKey }), { key: c.req.header('idempotency-key') }).key;
    const result = await createPledge(c.get('deps'), c.get('user'), {
      projectId: id(c.req.param('id')),
      body: await readJsonBody(c),
      idempotencyKey,
      locale: pickLocale(getCookie(c, localeCookie), c.req.header('accept-language')),
    });
    const { isReplay, ...reply } = result;
    if (isReplay) c.header('Idempotent-Replayed', 'true');
    return c.json(ZPledgeCreatedReply.parse(reply), isReplay ? 200 : 201);
  })
  .get('/:id/ledger', async (c) => {
    const ledger = await getProjectLedger(c.get('deps'), id(c.req.param('id')));
    c.header('Cache-Control', 'public, max-age=30');
    if (c.req.query('format') === 'csv') {
      c.header('Content-Disposition', `attachment; filename="koldoo-ledger-${c.req.param('id')}.csv"`);
      return c.body(ledgerToCsv(ledger), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    return c.json(ZLedgerReply.parse(ledger));
  });

const proofBodyLimit = bodyLimit({
  maxSize: maxUploadBytes + 64 * 1024,
  onError: () => {
    throw new AppError('PAYLOAD_TOO_LARGE', `Files may be at most ${maxUploadBytes / 1024 / 1024} MB`);
  },
});

/** `/api/pledges/:id…`: the donor (account or receipt link `?token=`) and moderators. */
export const pledgeRoutes = new Hono<THonoEnv>()
  .get('/:id', async (c) => {
    const detail = await getPledgeDetail(c.get('deps'), c.get('user'), id(c.req.param('id')), parseWith(ZToken, c.req.query('token')));
    c.header('Cache-Control', 'private, no-store');
    return c.json(ZPledgeReply.parse(detail));
  })
  .post('/:id/cancel', async (c) => {
    const pledge = await cancelPledge(c.get('deps'), c.get('user'), id(c.req.param('id')), parseWith(ZToken, c.req.query('token')));
    return c.json(ZPledgeMutationReply.parse({ pledge: toDonorView(pledge) }));
  })
  .post('/:id/proof', proofBodyLimit, async (c) => {
    let file: unknown;
    try {
      file = (await c.req.formData()).get('file');
    } catch (error) {
      throw new AppError('VALIDATION_FAILED', 'Send the file as multipart/form-data with a `file` field', { issues: [{ path: 'file', message: 'Attach a file', code: 'invalid_type' }], cause: error });
    }
    const { file: proof } = parseWith(z.object({ file: z.file({ error: 'Attach a file' }) }), { file: file ?? undefined });
    const pledge = await attachTransferProof(c.get('deps'), c.get('user'), {
      pledgeId: id(c.req.param('id')),
      token: parseWith(ZToken, c.req.query('token')),
      bytes: new Uint8Array(await proof.arrayBuffer()),
    });
    return c.json(ZPledgeMutationReply.parse({ pledge: toDonorView(pledge) }));
  });

export const myPledgeRoutes = new Hono<THonoEnv>().get('/', async (c) => {
  c.header('Cache-Control', 'private, no-store');
  return c.json(ZPledgeList.parse(await listMyPledges(c.get('deps'), c.get('user'))));
});

/** The TEST MODE checkout's buttons (404 when real Stripe is configured). */
export const simulatedCheckoutRoutes = new Hono<THonoEnv>().post('/:id', async (c) => {
  const { outcome } = await parseJsonBody(c, ZOutcome);
  const pledge = await simulateCheckout(c.get('deps'), c.get('user'), { pledgeId: id(c.req.param('id')), token: parseWith(ZToken, c.req.query('token')), outcome });
  return c.json(ZPledgeMutationReply.parse({ pledge: toDonorView(pledge) }));
});

/** The treasurer's routes, under `/api/moderation/pledges` (moderators only). */
export const moderationPledgeRoutes = new Hono<THonoEnv>()
  .get('/', async (c) => c.json(ZPledgeList.parse(await listPledgeQueueFor(c.get('deps'), c.get('user'), c.req.query()))))
  .post('/:id/reconcile', async (c) => {
    const pledge = await reconcilePledge(c.get('deps'), c.get('user'), id(c.req.param('id')), await readJsonBody(c));
    return c.json(ZPledgeMutationReply.parse({ pledge: toDonorView(pledge) }));
  })
  .post('/:id/refund', async (c) => {
    const pledge = await refundPledge(c.get('deps'), c.get('user'), id(c.req.param('id')), await readJsonBody(c));
    return c.json(ZPledgeMutationReply.parse({ pledge: toDonorView(pledge) }));
  });

export const pledgeOperations: TOperation[] = [
  { method: 'post', path: '/api/projects/{id}/pledges', tag: 'pledges', summary: 'Pledge money by card (Stripe Checkout) or bank transfer; `Idempotency-Key` header makes a repeat return the same pledge', body: ZPledgeInput, responses: { 200: ZPledgeCreatedReply, 201: ZPledgeCreatedReply }, errors: [404, 409, 422, 502, 503] },
  { method: 'get', path: '/api/projects/{id}/ledger', tag: 'pledges', summary: 'Public ledger of incoming money with totals; `?format=csv` for CSV', responses: { 200: ZLedgerReply }, errors: [404] },
  { method: 'get', path: '/api/pledges/{id}', tag: 'pledges', summary: 'A pledge and its receipt (donor by account or `?token=`, moderators)', responses: { 200: ZPledgeReply }, errors: [404] },
  { method: 'post', path: '/api/pledges/{id}/cancel', tag: 'pledges', summary: 'Cancel an unpaid bank-transfer pledge', responses: { 200: ZPledgeMutationReply }, errors: [404, 409] },
  { method: 'post', path: '/api/pledges/{id}/proof', tag: 'pledges', summary: 'Upload proof of a bank transfer (JPEG, PNG, WebP or PDF, at most 10 MB)', responses: { 200: ZPledgeMutationReply }, errors: [404, 409, 413, 415], bodyMediaType: 'multipart/form-data' },
  { method: 'get', path: '/api/me/pledges', tag: 'pledges', summary: 'My pledges', responses: { 200: ZPledgeList }, errors: [401], isAuthenticated: true },
  { method: 'post', path: '/api/simulated-checkout/{id}', tag: 'pledges', summary: 'TEST MODE checkout: confirm or decline a card pledge (local platform only)', body: ZOutcome, responses: { 200: ZPledgeMutationReply }, errors: [404, 409] },
  { method: 'get', path: '/api/moderation/pledges', tag: 'moderation', summary: 'Treasurer queues: `view=awaiting_transfer|refunds_due`, or `reference=` a bank reference code', responses: { 200: ZPledgeList }, errors: [401, 403], isAuthenticated: true },
  { method: 'post', path: '/api/moderation/pledges/{id}/reconcile', tag: 'moderation', summary: 'Record a bank transfer or remittance as received', body: ZReconcileInput, responses: { 200: ZPledgeMutationReply }, errors: [401, 403, 404, 409], isAuthenticated: true },
  { method: 'post', path: '/api/moderation/pledges/{id}/refund', tag: 'moderation', summary: 'Refund a pledge in full or in part (cards via Stripe; transfers by hand with a reference)', body: ZRefundInput, responses: { 200: ZPledgeMutationReply }, errors: [401, 403, 404, 409, 502], isAuthenticated: true },
];
