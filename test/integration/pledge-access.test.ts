import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPledge, listLedgerEntries } from '@koldoo/api/data/pledges-repo.ts';
import { ZPledgeCreatedReply, ZPledgeList, ZPledgeReply } from '@koldoo/shared/contracts/pledges.ts';
import { inDays, pngBytes, signUp } from '../support/project-fixtures.ts';
import { pledgeWorld, type TPledgeWorld } from '../support/pledge-fixtures.ts';
import { testOrigin } from '../support/test-app.ts';

/**
 * Who may see and change a pledge, and the bank-transfer donor's own flow: instructions in
 * their language, the secret receipt link, cancelling, proof of the transfer; and the
 * treasurer's routes refusing everyone else.
 */

let w: TPledgeWorld;
beforeAll(async () => {
  w = await pledgeWorld();
});
afterAll(async () => {
  await w.fake.close();
});

type TCreated = ReturnType<typeof ZPledgeCreatedReply.parse>;
const tokenOf = (created: TCreated) => new URL(created.receiptUrl).searchParams.get('token')!;
const outbox = async () => ((await (await w.send('/api/dev/outbox')).json()) as { items: { to: string; subject: string; text: string }[] }).items;
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

async function transfer(init: { email?: string; cookie?: string; headers?: Record<string, string>; value?: number } = {}) {
  const response = await w.send(`/api/projects/${w.projectId}/pledges`, {
    body: { amount: { value: init.value ?? 150_000, currency: 'KGS' }, method: 'bank_transfer', ...(init.email ? { email: init.email } : {}), displayName: 'Гүлнара' },
    cookie: init.cookie,
    headers: init.headers,
  });
  expect(response.status).toBe(201);
  return ZPledgeCreatedReply.parse(await response.json());
}

function upload(pledgeId: string, bytes: Uint8Array, type: string, init: { token?: string; cookie?: string } = {}) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), type === 'text/plain' ? 'receipt.txt' : 'receipt.png');
  const query = init.token ? `?token=${encodeURIComponent(init.token)}` : '';
  return w.setup.app.request(
    new Request(`http://localhost/api/pledges/${pledgeId}/proof${query}`, {
      method: 'POST',
      headers: { origin: testOrigin, ...(init.cookie ? { cookie: init.cookie } : {}) },
      body: form,
    }),
  );
}

describe('bank-transfer instructions in the donor\'s language', () => {
  it('a reference code KD-XXXXXX, Kyrgyz steps for a Kyrgyz reader, and the instructions e-mail', async () => {
    const created = await transfer({ email: 'ky-donor@example.kg', cookie: 'koldoo_locale=ky' });
    expect(created.pledge).toMatchObject({ status: 'pending', method: 'bank_transfer', amount: { value: 150_000, currency: 'KGS' } });
    expect(created.checkoutUrl).toBeUndefined();
    const instructions = created.bankInstructions!;
    // Unambiguous characters only: no 0/O, 1/I/L.
    expect(instructions.referenceCode).toMatch(/^KD-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/);
    expect(created.pledge.referenceCode).toBe(instructions.referenceCode);
    expect(instructions).toMatchObject({ amount: { value: 150_000, currency: 'KGS' }, bic: expect.any(String), account: expect.any(String), recipient: expect.any(String) });
    expect(instructions.steps).toHaveLength(4);
    expect(instructions.steps[1]).toBe(`Төлөмдүн максатына сөзсүз ${instructions.referenceCode} кодун жазыңыз.`);

    const mails = (await outbox()).filter((m) => m.to === 'ky-donor@example.kg');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Koldoo: Банк которуусу боюнча нускама (${instructions.referenceCode})`);
    expect(mails[0]!.text).toContain(instructions.steps[1]);
    expect(mails[0]!.text).toContain(instructions.account);
    // The mail carries the secret receipt link, which is the reply's.
    expect(mails[0]!.text).toContain(created.receiptUrl);

    // The receipt page shows the same instructions while the transfer is awaited.
    const receipt = ZPledgeReply.parse(await (await w.send(`/api/pledges/${created.pledge.id}?token=${encodeURIComponent(tokenOf(created))}`)).json());
    expect(receipt.bankInstructions).toEqual(instructions);
    expect(receipt.projectTitle).toMatchObject({ ru: 'Мост к школе' });
  });

  it('Accept-Language picks the language when there is no cookie; each pledge gets its own code', async () => {
    const english = await transfer({ email: 'en-donor@example.kg', headers: { 'accept-language': 'en-GB,en;q=0.9,ru;q=0.5' } });
    expect(english.bankInstructions!.steps[1]).toContain(`Write the code ${english.bankInstructions!.referenceCode}`);
    const kyrgyz = await transfer({ email: 'ky2-donor@example.kg', headers: { 'accept-language': 'ky-KG,ru;q=0.8' } });
    expect(kyrgyz.bankInstructions!.steps[0]).toContain('Төмөнкү эсепке');
    const russian = await transfer({ email: 'ru-donor@example.kg' });
    expect(russian.bankInstructions!.steps[1]).toContain('Обязательно укажите код');
    expect(new Set([english, kyrgyz, russian].map((c) => c.bankInstructions!.referenceCode)).size).toBe(3);
  });
});

describe('who may see a pledge', () => {
  it('the receipt token or the owning account; everyone else gets the same 404 as for no pledge', async () => {
    const created = await transfer({ email: 'secret@example.kg' });
    const { id } = created.pledge;
    const token = tokenOf(created);
    const stranger = await signUp(w.setup);

    const get = (query = '', cookie?: string) => w.send(`/api/pledges/${id}${query}`, { cookie });
    expect((await get()).status).toBe(404);
    const wrongSameLength = randomBytes(24).toString('base64url');
    expect(wrongSameLength).toHaveLength(token.length);
    for (const query of [`?token=${wrongSameLength}`, '?token=x', '?token=', `?token=${token.slice(0, -1)}`]) {
      const response = await get(query);
      expect(response.status).toBe(404);
      expect(await errorCode(response)).toBe('NOT_FOUND');
    }
    expect((await get('', stranger.cookie)).status).toBe(404);
    expect((await get(`?token=${wrongSameLength}`, stranger.cookie)).status).toBe(404);
    const missing = await w.send('/api/pledges/01JZZZZZZZZZZZZZZZZZZZZZZZ');
    expect(missing.status).toBe(404);
    expect(await errorCode(missing)).toBe('NOT_FOUND');

    const ok = await get(`?token=${encodeURIComponent(token)}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('private, no-store');
    const body = ZPledgeReply.parse(await ok.json());
    expect(body.pledge).toMatchObject({ id, email: 'secret@example.kg' });
    // The stored secret never appears in what the donor sees.
    expect(JSON.stringify(body)).not.toContain(token);
    // The token works for a signed-in stranger too: it is the link that grants, not the account.
    expect((await get(`?token=${encodeURIComponent(token)}`, stranger.cookie)).status).toBe(200);
    expect((await get('', w.moderator)).status).toBe(200);
  });

  it('a member\'s own pledge: visible to them, listed under "my pledges", and not to another member', async () => {
    const owner = await signUp(w.setup);
    const other = await signUp(w.setup);
    const response = await w.pledge({ amount: { value: 1_500, currency: 'USD' }, method: 'card' }, { cookie: owner.cookie });
    expect(response.status).toBe(201);
    const created = ZPledgeCreatedReply.parse(await response.json());
    // No e-mail in the body: the account's is used.
    expect(created.pledge.email).toBe(owner.email);
    const { id } = created.pledge;

    expect((await w.send(`/api/pledges/${id}`, { cookie: owner.cookie })).status).toBe(200);
    expect((await w.send(`/api/pledges/${id}`, { cookie: other.cookie })).status).toBe(404);
    expect((await w.send(`/api/pledges/${id}`)).status).toBe(404);

    const mine = ZPledgeList.parse(await (await w.send('/api/me/pledges', { cookie: owner.cookie })).json());
    expect(mine.items.map((p) => p.id)).toEqual([id]);
    expect(mine.items[0]!.projectTitle).toMatchObject({ ru: 'Мост к школе' });
    const theirs = ZPledgeList.parse(await (await w.send('/api/me/pledges', { cookie: other.cookie })).json());
    expect(theirs.items).toEqual([]);
    const signedOut = await w.send('/api/me/pledges');
    expect(signedOut.status).toBe(401);

    // After it is paid it is still the owner's, and still nobody else's.
    expect((await w.deliver(w.paidEvent(w.sessionOf(id)))).status).toBe(200);
    const paid = ZPledgeReply.parse(await (await w.send(`/api/pledges/${id}`, { cookie: owner.cookie })).json());
    expect(paid.pledge.status).toBe('succeeded');
    expect((await w.send(`/api/pledges/${id}`, { cookie: other.cookie })).status).toBe(404);
  });
});

describe('the treasurer\'s routes', () => {
  it('queues and reference search: 401 signed out, 403 for members and officials, 200 for moderators', async () => {
    const created = await transfer({ email: 'queue@example.kg' });
    const member = await signUp(w.setup);
    expect((await w.send('/api/moderation/pledges')).status).toBe(401);
    const forbidden = await w.send('/api/moderation/pledges?view=refunds_due', { cookie: member.cookie });
    expect(forbidden.status).toBe(403);
    expect(await errorCode(forbidden)).toBe('FORBIDDEN');
    expect((await w.send('/api/moderation/pledges', { cookie: w.official.cookie })).status).toBe(403);
    expect((await w.send(`/api/moderation/pledges?reference=${created.pledge.referenceCode}`, { cookie: member.cookie })).status).toBe(403);

    const awaiting = ZPledgeList.parse(await (await w.send('/api/moderation/pledges?view=awaiting_transfer', { cookie: w.moderator })).json());
    expect(awaiting.items.map((p) => p.id)).toContain(created.pledge.id);
    // Only bank transfers wait for the treasurer.
    expect(awaiting.items.every((p) => p.method === 'bank_transfer' && p.status === 'pending')).toBe(true);
    const code = created.pledge.referenceCode!;
    for (const query of [code, code.toLowerCase(), `%20${code}%20`]) {
      const found = ZPledgeList.parse(await (await w.send(`/api/moderation/pledges?reference=${query}`, { cookie: w.moderator })).json());
      expect(found.items.map((p) => p.id)).toEqual([created.pledge.id]);
    }
    const none = ZPledgeList.parse(await (await w.send('/api/moderation/pledges?reference=KD-ZZZZZZ', { cookie: w.moderator })).json());
    expect(none.items).toEqual([]);
    expect((await w.send('/api/moderation/pledges?view=everything', { cookie: w.moderator })).status).toBe(400);
  });

  it('reconcile: 403 for a non-moderator, 409 for a card pledge, 400 for an unknown currency, and nothing is written', async () => {
    const created = await transfer({ email: 'reconcile@example.kg', value: 80_000 });
    const { id } = created.pledge;
    const member = await signUp(w.setup);
    const body = { received: { value: 80_000, currency: 'KGS' }, bankReference: 'FT-2026-001', receivedOn: inDays(0) };
    const reconcile = (pledgeId: string, payload: unknown, cookie?: string) => w.send(`/api/moderation/pledges/${pledgeId}/reconcile`, { body: payload, cookie });
    const before = await getPledge(w.setup.deps.db, id);
    const projectBefore = await w.project();
    const ledgerBefore = (await listLedgerEntries(w.setup.deps.db, w.projectId)).length;
    const unchanged = async () => {
      expect(await getPledge(w.setup.deps.db, id)).toEqual(before);
      expect(await w.project()).toMatchObject({ raisedMinor: projectBefore.raisedMinor, backers: projectBefore.backers });
      expect(await listLedgerEntries(w.setup.deps.db, w.projectId)).toHaveLength(ledgerBefore);
    };

    expect((await reconcile(id, body)).status).toBe(401);
    expect((await reconcile(id, body, member.cookie)).status).toBe(403);
    expect((await reconcile(id, body, w.official.cookie)).status).toBe(403);
    await unchanged();

    const unknown = await reconcile(id, { ...body, received: { value: 80_000, currency: 'CNY' } }, w.moderator);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', issues: [{ path: 'received.currency' }] } });
    for (const bad of [{ ...body, received: { value: 0, currency: 'KGS' } }, { ...body, received: { value: -5, currency: 'KGS' } }, { ...body, bankReference: '' }, { ...body, receivedOn: 'yesterday' }]) {
      expect((await reconcile(id, bad, w.moderator)).status).toBe(400);
    }
    // A currency the platform knows but this deployment does not accept.
    const config = w.setup.deps.config as { pledgeCurrencies: readonly string[] };
    const accepted = config.pledgeCurrencies;
    config.pledgeCurrencies = ['KGS', 'USD'];
    try {
      const refused = await reconcile(id, { ...body, received: { value: 80_000, currency: 'TRY' } }, w.moderator);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { issues: [{ path: 'received.currency' }] } });
    } finally {
      config.pledgeCurrencies = accepted;
    }
    await unchanged();

    const card = await w.cardPledge(20_000);
    const cardReconcile = await reconcile(card.pledge.id, body, w.moderator);
    expect(cardReconcile.status).toBe(409);
    expect((await getPledge(w.setup.deps.db, card.pledge.id))?.status).toBe('pending');
    const nobody = await reconcile('01JZZZZZZZZZZZZZZZZZZZZZZZ', body, w.moderator);
    expect(nobody.status).toBe(404);
    await unchanged();

    // And the moderator's refund route refuses the same people.
    expect((await w.send(`/api/moderation/pledges/${id}/refund`, { body: { reason: 'Not yours' }, cookie: member.cookie })).status).toBe(403);
    // A pending pledge has nothing to refund.
    expect((await w.send(`/api/moderation/pledges/${id}/refund`, { body: { reference: 'X-1', reason: 'Too early' }, cookie: w.moderator })).status).toBe(409);
    await unchanged();
  });
});

describe('the donor cancels an unpaid transfer', () => {
  it('with the receipt token: cancelled, out of the queue; a card pledge cannot be cancelled', async () => {
    const created = await transfer({ email: 'cancel@example.kg' });
    const { id } = created.pledge;
    const token = encodeURIComponent(tokenOf(created));
    const stranger = await signUp(w.setup);
    const cancel = (query: string, cookie?: string) => w.send(`/api/pledges/${id}/cancel${query}`, { method: 'POST', cookie });

    expect((await cancel('')).status).toBe(404);
    expect((await cancel('?token=wrong-token')).status).toBe(404);
    expect((await cancel('', stranger.cookie)).status).toBe(404);
    expect((await getPledge(w.setup.deps.db, id))?.status).toBe('pending');

    const done = await cancel(`?token=${token}`);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ pledge: { id, status: 'cancelled' } });
    const awaiting = ZPledgeList.parse(await (await w.send('/api/moderation/pledges?view=awaiting_transfer', { cookie: w.moderator })).json());
    expect(awaiting.items.map((p) => p.id)).not.toContain(id);
    // The receipt shows it cancelled, without instructions to pay.
    const receipt = ZPledgeReply.parse(await (await w.send(`/api/pledges/${id}?token=${token}`)).json());
    expect(receipt.pledge.status).toBe('cancelled');
    expect(receipt.bankInstructions).toBeUndefined();

    const twice = await cancel(`?token=${token}`);
    expect(twice.status).toBe(409);
    // Money that turns up for a cancelled pledge is not silently counted.
    const late = await w.send(`/api/moderation/pledges/${id}/reconcile`, {
      body: { received: { value: 150_000, currency: 'KGS' }, bankReference: 'LATE', receivedOn: inDays(0) },
      cookie: w.moderator,
    });
    expect(late.status).toBe(409);

    const card = await w.cardPledge(30_000, 'KGS', { email: 'cardcancel@example.kg' });
    const cardCancel = await w.send(`/api/pledges/${card.pledge.id}/cancel?token=${encodeURIComponent(tokenOf(card))}`, { method: 'POST' });
    expect(cardCancel.status).toBe(409);
    expect((await getPledge(w.setup.deps.db, card.pledge.id))?.status).toBe('pending');
  });
});

describe('proof of the transfer', () => {
  it('an image is accepted with the token and readable by moderators only; a text file is refused', async () => {
    const created = await transfer({ email: 'proof@example.kg' });
    const { id } = created.pledge;
    const token = tokenOf(created);
    const png = new Uint8Array(await pngBytes());
    const text = new TextEncoder().encode('I paid, honestly. Reference KD-ABCDEF\n');

    expect((await upload(id, png, 'image/png')).status).toBe(404);
    expect((await upload(id, png, 'image/png', { token: 'not-the-token' })).status).toBe(404);
    const refused = await upload(id, text, 'text/plain', { token });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', issues: [{ path: 'file' }] } });
    // A PNG in name and type only is judged by its bytes.
    expect((await upload(id, text, 'image/png', { token })).status).toBe(400);
    const empty = await w.setup.app.request(new Request(`http://localhost/api/pledges/${id}/proof?token=${encodeURIComponent(token)}`, { method: 'POST', headers: { origin: testOrigin }, body: new FormData() }));
    expect(empty.status).toBe(400);
    expect((await getPledge(w.setup.deps.db, id))?.proofFileId).toBeUndefined();

    const accepted = await upload(id, png, 'image/png', { token });
    expect(accepted.status).toBe(200);
    const { pledge } = (await accepted.json()) as { pledge: { proofFileId?: string; status: string } };
    expect(pledge.status).toBe('pending');
    expect(pledge.proofFileId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect((await getPledge(w.setup.deps.db, id))?.proofFileId).toBe(pledge.proofFileId);

    const file = `/api/files/${pledge.proofFileId}`;
    const forModerator = await w.send(file, { cookie: w.moderator });
    expect(forModerator.status).toBe(200);
    expect(forModerator.headers.get('content-type')).toBe('image/png');
    expect((await forModerator.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const stranger = await signUp(w.setup);
    expect((await w.send(file, { cookie: stranger.cookie })).status).toBe(404);
    expect((await w.send(file)).status).toBe(404);
    expect((await w.send(file, { cookie: w.official.cookie })).status).toBe(404);

    // The treasurer sees the proof on the queue item.
    const awaiting = ZPledgeList.parse(await (await w.send('/api/moderation/pledges?view=awaiting_transfer', { cookie: w.moderator })).json());
    expect(awaiting.items.find((p) => p.id === id)?.proofFileId).toBe(pledge.proofFileId);
  });

  it('a member\'s own proof is readable by that member; card pledges and cancelled transfers take no proof', async () => {
    const member = await signUp(w.setup);
    const created = await transfer({ cookie: member.cookie });
    const png = new Uint8Array(await pngBytes());
    const accepted = await upload(created.pledge.id, png, 'image/png', { cookie: member.cookie });
    expect(accepted.status).toBe(200);
    const { pledge } = (await accepted.json()) as { pledge: { proofFileId: string } };
    expect((await w.send(`/api/files/${pledge.proofFileId}`, { cookie: member.cookie })).status).toBe(200);
    const other = await signUp(w.setup);
    expect((await upload(created.pledge.id, png, 'image/png', { cookie: other.cookie })).status).toBe(404);

    const card = await w.cardPledge(10_000, 'KGS', { email: 'cardproof@example.kg' });
    expect((await upload(card.pledge.id, png, 'image/png', { token: tokenOf(card) })).status).toBe(409);

    const cancelled = await transfer({ email: 'cancelproof@example.kg' });
    const token = encodeURIComponent(tokenOf(cancelled));
    expect((await w.send(`/api/pledges/${cancelled.pledge.id}/cancel?token=${token}`, { method: 'POST' })).status).toBe(200);
    expect((await upload(cancelled.pledge.id, png, 'image/png', { token: tokenOf(cancelled) })).status).toBe(409);
  });
});

describe('the simulated checkout', () => {
  it('is 404 when real Stripe is configured, and changes nothing', async () => {
    const card = await w.cardPledge(12_000, 'KGS', { email: 'sim@example.kg' });
    const token = encodeURIComponent(tokenOf(card));
    for (const outcome of ['confirm', 'decline']) {
      const response = await w.send(`/api/simulated-checkout/${card.pledge.id}?token=${token}`, { body: { outcome } });
      expect(response.status).toBe(404);
      expect(await errorCode(response)).toBe('NOT_FOUND');
    }
    expect((await w.send(`/api/simulated-checkout/${card.pledge.id}?token=${token}`, { body: { outcome: 'confirm' }, cookie: w.moderator })).status).toBe(404);
    expect((await getPledge(w.setup.deps.db, card.pledge.id))?.status).toBe('pending');
  });
});
