import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStripePayments, signStripePayload } from '@koldoo/api/adapters/stripe-payments.ts';
import type { TPaymentEvent } from '@koldoo/api/domain/ports.ts';

/**
 * A small local stand-in for the Stripe endpoints Koldoo calls, so the real `stripe` SDK can be
 * tested with nothing leaving 127.0.0.1 (point it here with `createStripePayments({ apiUrl })`).
 *
 * It speaks the SDK's wire format: form-encoded bodies with nested keys
 * (`line_items[0][price_data][unit_amount]=…`), JSON replies, Stripe's error shape, and
 * `Idempotency-Key` semantics (same key and parameters → the first reply replayed with
 * `Idempotent-Replayed: true`; same key, other parameters → 400 `idempotency_error`).
 *
 * Endpoints: POST/GET `/v1/checkout/sessions` (list filters `payment_intent`, `limit`),
 * GET `/v1/checkout/sessions/:id`, POST `/v1/refunds`, GET `/v1/refunds/:id`,
 * GET `/v1/payment_intents/:id`, GET `/c/pay/:id` (a stub of the hosted page).
 */

/** A form value as Stripe receives it: strings, nested objects and arrays. */
export type TFormValue = string | TFormValue[] | { [key: string]: TFormValue };
export type TFormObject = { [key: string]: TFormValue };

export type TFakeRequest = {
  method: string;
  /** Path without the query, e.g. `/v1/checkout/sessions`. */
  path: string;
  query: Record<string, string>;
  idempotencyKey: string | undefined;
  /** The parsed form body (values stay strings, as on the wire). */
  body: TFormObject;
  /** The `Host` header the SDK sent. */
  host: string | undefined;
  /** Reply status; 0 for a connection the fake dropped on purpose. */
  status: number;
  /** True when the reply was an idempotent replay of an earlier one. */
  replayed: boolean;
};

export type TFakeSession = {
  id: string;
  object: 'checkout.session';
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid';
  payment_intent: string | null;
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  customer_email: string | null;
  client_reference_id: string | null;
  success_url: string | null;
  cancel_url: string | null;
  metadata: Record<string, string>;
  url: string | null;
  created: number;
  expires_at: number;
  livemode: false;
};

export type TFakePaymentIntent = {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: 'succeeded' | 'processing';
  latest_charge: string | null;
  metadata: Record<string, string>;
  created: number;
  livemode: false;
};

export type TFakeCharge = {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  refunded: boolean;
  currency: string;
  payment_intent: string;
  metadata: Record<string, string>;
  status: 'succeeded';
  created: number;
  livemode: false;
};

export type TFakeRefund = {
  id: string;
  object: 'refund';
  amount: number;
  charge: string;
  currency: string;
  payment_intent: string;
  metadata: Record<string, string>;
  status: 'succeeded';
  reason: null;
  created: number;
};

export type TStripeFake = {
  /** e.g. `http://127.0.0.1:43121`: pass as `apiUrl` / `STRIPE_API_URL`. */
  url: string;
  /** Every request, in arrival order (SDK retries included). */
  requests: TFakeRequest[];
  sessions: Map<string, TFakeSession>;
  paymentIntents: Map<string, TFakePaymentIntent>;
  charges: Map<string, TFakeCharge>;
  /** Refunds actually created (idempotent replays add nothing). */
  refunds: TFakeRefund[];
  /**
   * The next `count` requests fail before doing anything: with this status (default 500, which the
   * SDK retries), by dropping the connection (`'reset'`), or by never answering (`'hang'`, for
   * timeouts; `close()` ends them). Failures store no idempotent reply.
   */
  failNext(count: number, how?: number | 'reset' | 'hang'): void;
  /**
   * The customer paid (or, with `paymentStatus: 'unpaid'`, started a delayed payment): the session
   * gets a `pi_…` payment intent with a `ch_…` charge. Returns the completed session.
   */
  completeSession(sessionId: string, options?: { paymentStatus?: 'paid' | 'unpaid' }): TFakeSession;
  /** The charge of a completed session's payment intent (with its running `amount_refunded`). */
  chargeOf(paymentIntentId: string): TFakeCharge;
  /** Requests to one method and path, e.g. `fake.requestsTo('POST', '/v1/refunds')`. */
  requestsTo(method: string, path: string): TFakeRequest[];
  /** Forgets everything (requests, objects, idempotency keys, pending failures). */
  reset(): void;
  close(): Promise<void>;
};

type TStored = { fingerprint: string; status: number; body: unknown };
type TReply = { status: number; body: unknown; contentType?: string };

const nowSeconds = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

export async function startStripeFake(): Promise<TStripeFake> {
  const requests: TFakeRequest[] = [];
  const sessions = new Map<string, TFakeSession>();
  const paymentIntents = new Map<string, TFakePaymentIntent>();
  const charges = new Map<string, TFakeCharge>();
  const refunds: TFakeRefund[] = [];
  const idempotent = new Map<string, TStored>();
  /** `payment_intent_data[metadata]` of each session, copied to its payment intent and charge on completion. */
  const intentMetadata = new Map<string, Record<string, string>>();
  const failures: (number | 'reset' | 'hang')[] = [];
  let baseUrl = '';

  function route(method: string, path: string, query: Record<string, string>, body: TFormObject): TReply {
    if (method === 'POST' && path === '/v1/checkout/sessions') return createSession(body);
    if (method === 'GET' && path === '/v1/checkout/sessions') return listSessions(query);
    let match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && match) return found(sessions.get(decodeURIComponent(match[1]!)), 'checkout.session', match[1]!);
    if (method === 'POST' && path === '/v1/refunds') return createRefund(body);
    match = /^\/v1\/refunds\/([^/]+)$/.exec(path);
    if (method === 'GET' && match) return found(refunds.find((r) => r.id === match![1]), 'refund', match[1]!);
    match = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (method === 'GET' && match) return found(paymentIntents.get(decodeURIComponent(match[1]!)), 'payment_intent', match[1]!);
    match = /^\/c\/pay\/([^/]+)$/.exec(path);
    if (method === 'GET' && match) {
      return { status: 200, body: `<!doctype html><title>Fake Stripe Checkout</title><p>Fake checkout for ${match[1]}</p>`, contentType: 'text/html' };
    }
    return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
  }

  function createSession(body: TFormObject): TReply {
    if (str(body.mode) !== 'payment') return stripeError(400, 'invalid_request_error', 'The fake supports mode=payment only.', 'mode');
    const success = str(body.success_url);
    if (!success) return stripeError(400, 'invalid_request_error', 'Missing required param: success_url.', 'success_url');
    const items = Array.isArray(body.line_items) ? body.line_items : [];
    if (items.length === 0) return stripeError(400, 'invalid_request_error', 'Missing required param: line_items.', 'line_items');
    let total = 0;
    let currency = '';
    for (const [index, item] of items.entries()) {
      const line = obj(item);
      const price = obj(line.price_data);
      const unitAmount = Number(str(price.unit_amount));
      const quantity = Number(str(line.quantity) ?? '1');
      const itemCurrency = str(price.currency) ?? '';
      if (!Number.isSafeInteger(unitAmount) || unitAmount < 0) {
        return stripeError(400, 'invalid_request_error', 'Invalid integer: unit_amount.', `line_items[${index}][price_data][unit_amount]`);
      }
      if (!/^[a-z]{3}$/.test(itemCurrency)) {
        return stripeError(400, 'invalid_request_error', `Invalid currency: ${itemCurrency}.`, `line_items[${index}][price_data][currency]`);
      }
      if (!str(obj(price.product_data).name)) {
        return stripeError(400, 'invalid_request_error', 'Missing required param: product_data[name].', `line_items[${index}][price_data][product_data][name]`);
      }
      total += unitAmount * quantity;
      currency = itemCurrency;
    }
    const created = nowSeconds();
    const id = newId('cs_test');
    const session: TFakeSession = {
      id,
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      amount_subtotal: total,
      amount_total: total,
      currency,
      customer_email: str(body.customer_email) ?? null,
      client_reference_id: str(body.client_reference_id) ?? null,
      success_url: success,
      cancel_url: str(body.cancel_url) ?? null,
      metadata: strings(body.metadata),
      url: `${baseUrl}/c/pay/${id}`,
      created,
      expires_at: created + 24 * 3600,
      livemode: false,
    };
    sessions.set(id, session);
    intentMetadata.set(id, strings(obj(body.payment_intent_data).metadata));
    return { status: 200, body: session };
  }

  function listSessions(query: Record<string, string>): TReply {
    const limit = Math.min(Math.max(Number(query.limit ?? '10') || 10, 1), 100);
    const matching = [...sessions.values()]
      .filter((s) => query.payment_intent === undefined || s.payment_intent === query.payment_intent)
      .reverse();
    return {
      status: 200,
      body: { object: 'list', url: '/v1/checkout/sessions', has_more: matching.length > limit, data: matching.slice(0, limit) },
    };
  }

  function createRefund(body: TFormObject): TReply {
    const paymentIntentId = str(body.payment_intent);
    if (!paymentIntentId) return stripeError(400, 'invalid_request_error', 'Missing required param: payment_intent.', 'payment_intent');
    const intent = paymentIntents.get(paymentIntentId);
    if (!intent) {
      return stripeError(400, 'invalid_request_error', `No such payment_intent: '${paymentIntentId}'`, 'payment_intent', 'resource_missing');
    }
    const charge = intent.latest_charge ? charges.get(intent.latest_charge) : undefined;
    if (!charge || intent.status !== 'succeeded') {
      return stripeError(400, 'invalid_request_error', `This PaymentIntent (${paymentIntentId}) does not have a successful charge to refund.`, 'payment_intent');
    }
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining === 0) {
      return stripeError(400, 'invalid_request_error', `Charge ${charge.id} has already been refunded.`, undefined, 'charge_already_refunded');
    }
    const amount = body.amount === undefined ? remaining : Number(str(body.amount));
    if (!Number.isSafeInteger(amount) || amount <= 0) return stripeError(400, 'invalid_request_error', 'Invalid positive integer.', 'amount');
    if (amount > remaining) {
      return stripeError(
        400,
        'invalid_request_error',
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
        'amount',
      );
    }
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    const refund: TFakeRefund = {
      id: newId('re'),
      object: 'refund',
      amount,
      charge: charge.id,
      currency: charge.currency,
      payment_intent: paymentIntentId,
      metadata: strings(body.metadata),
      status: 'succeeded',
      reason: null,
      created: nowSeconds(),
    };
    refunds.push(refund);
    return { status: 200, body: refund };
  }

  function found(value: unknown, kind: string, id: string): TReply {
    return value === undefined ? stripeError(404, 'invalid_request_error', `No such ${kind}: '${id}'`, 'id', 'resource_missing') : { status: 200, body: value };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const idempotencyKey = header(req, 'idempotency-key');
    const record: TFakeRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      idempotencyKey,
      body: parseForm(raw),
      host: header(req, 'host'),
      status: 0,
      replayed: false,
    };
    requests.push(record);

    const failure = failures.shift();
    if (failure === 'reset') {
      req.socket.destroy();
      return;
    }
    if (failure === 'hang') return;
    if (failure !== undefined) return send(res, record, stripeError(failure, 'api_error', 'Fake Stripe: injected failure.'));

    if (!url.pathname.startsWith('/c/pay/') && !/^Bearer (sk|rk)_\S+$/.test(header(req, 'authorization') ?? '')) {
      return send(res, record, stripeError(401, 'invalid_request_error', 'You did not provide an API key.'));
    }

    if (method === 'POST' && idempotencyKey) {
      const fingerprint = `${method} ${url.pathname} ${raw}`;
      const stored = idempotent.get(idempotencyKey);
      if (stored && stored.fingerprint !== fingerprint) {
        return send(
          res,
          record,
          stripeError(
            400,
            'idempotency_error',
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          ),
        );
      }
      if (stored) {
        record.replayed = true;
        return send(res, record, { status: stored.status, body: stored.body }, { 'idempotent-replayed': 'true' });
      }
      const reply = route(method, url.pathname, record.query, record.body);
      idempotent.set(idempotencyKey, { fingerprint, status: reply.status, body: structuredClone(reply.body) });
      return send(res, record, reply);
    }
    return send(res, record, route(method, url.pathname, record.query, record.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake stripe crashed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    requests,
    sessions,
    paymentIntents,
    charges,
    refunds,
    failNext(count, how = 500) {
      for (let i = 0; i < count; i += 1) failures.push(how);
    },
    completeSession(sessionId, options = {}) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`stripe fake: no session ${sessionId}`);
      if (session.status !== 'open') throw new Error(`stripe fake: session ${sessionId} is ${session.status}`);
      const paid = (options.paymentStatus ?? 'paid') === 'paid';
      const created = nowSeconds();
      const metadata = intentMetadata.get(sessionId) ?? {};
      const intent: TFakePaymentIntent = {
        id: newId('pi'),
        object: 'payment_intent',
        amount: session.amount_total,
        amount_received: paid ? session.amount_total : 0,
        currency: session.currency,
        status: paid ? 'succeeded' : 'processing',
        latest_charge: null,
        metadata,
        created,
        livemode: false,
      };
      if (paid) {
        const charge: TFakeCharge = {
          id: newId('ch'),
          object: 'charge',
          amount: session.amount_total,
          amount_captured: session.amount_total,
          amount_refunded: 0,
          refunded: false,
          currency: session.currency,
          payment_intent: intent.id,
          metadata: { ...metadata },
          status: 'succeeded',
          created,
          livemode: false,
        };
        charges.set(charge.id, charge);
        intent.latest_charge = charge.id;
      }
      paymentIntents.set(intent.id, intent);
      Object.assign(session, { status: 'complete', payment_status: paid ? 'paid' : 'unpaid', payment_intent: intent.id, url: null });
      return structuredClone(session);
    },
    chargeOf(paymentIntentId) {
      const chargeId = paymentIntents.get(paymentIntentId)?.latest_charge;
      const charge = chargeId ? charges.get(chargeId) : undefined;
      if (!charge) throw new Error(`stripe fake: payment intent ${paymentIntentId} has no charge`);
      return structuredClone(charge);
    },
    requestsTo(method, path) {
      return requests.filter((r) => r.method === method && r.path === path);
    },
    reset() {
      requests.length = 0;
      refunds.length = 0;
      failures.length = 0;
      sessions.clear();
      paymentIntents.clear();
      charges.clear();
      idempotent.clear();
      intentMetadata.clear();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The real Stripe adapter pointed at a fake, with dummy credentials that only the fake sees.
 * Retries are the adapter's default (2) unless a test asks otherwise.
 */
export function stripePaymentsForFake(fake: Pick<TStripeFake, 'url'>, options: { webhookSecret?: string; maxNetworkRetries?: number; timeoutMs?: number } = {}) {
  const webhookSecret = options.webhookSecret ?? `whsec_test_${randomBytes(16).toString('hex')}`;
  const payments = createStripePayments({
    secretKey: 'sk_test_fake_for_local_tests',
    webhookSecret,
    apiUrl: fake.url,
    ...(options.maxNetworkRetries === undefined ? {} : { maxNetworkRetries: options.maxNetworkRetries }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  return { payments, webhookSecret };
}

/**
 * Signs an event as Stripe signs a webhook (`Stripe-Signature: t=…,v1=…`) with the SDK's
 * `generateTestHeaderString`. `timestamp` (Unix seconds) lets a test send a stale signature.
 */
export function signStripeEvent(event: TPaymentEvent, secret: string, options: { timestamp?: number } = {}): { rawBody: string; signature: string } {
  const rawBody = JSON.stringify(event);
  return { rawBody, signature: signStripePayload(rawBody, secret, options.timestamp) };
}

/** `a[b][0][c]=v&…` → `{ a: { b: [{ c: 'v' }] } }`, as Stripe reads the SDK's bodies. */
export function parseForm(raw: string): TFormObject {
  const root: TFormObject = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const head = /^[^[]+/.exec(key)?.[0] ?? key;
    const rest = [...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
    const path = [head, ...rest];
    let container: TFormObject | TFormValue[] = root;
    for (const [index, segment] of path.entries()) {
      const isLast = index === path.length - 1;
      const next = path[index + 1];
      const slot: string | number = Array.isArray(container) ? (segment === '' ? container.length : Number(segment)) : segment;
      if (isLast) {
        (container as Record<string | number, TFormValue>)[slot] = value;
        break;
      }
      const existing: TFormValue | undefined = (container as Record<string | number, TFormValue | undefined>)[slot];
      const child: TFormObject | TFormValue[] =
        existing !== undefined && typeof existing === 'object' ? existing : next === '' || /^\d+$/.test(next ?? '') ? [] : {};
      (container as Record<string | number, TFormValue>)[slot] = child;
      container = child;
    }
  }
  return root;
}

function stripeError(status: number, type: string, message: string, param?: string, code?: string): TReply {
  return { status, body: { error: { type, message, ...(param ? { param } : {}), ...(code ? { code } : {}) } } };
}

function send(res: ServerResponse, record: TFakeRequest, reply: TReply, extraHeaders: Record<string, string> = {}): void {
  record.status = reply.status;
  const isText = typeof reply.body === 'string';
  res.writeHead(reply.status, {
    'content-type': reply.contentType ?? 'application/json',
    'request-id': newId('req'),
    ...extraHeaders,
  });
  res.end(isText ? (reply.body as string) : JSON.stringify(reply.body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function str(value: TFormValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function obj(value: TFormValue | undefined): TFormObject {
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function strings(value: TFormValue | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(obj(value)).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
