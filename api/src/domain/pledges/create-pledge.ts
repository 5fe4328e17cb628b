import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { maxPledgeKgsMinor, ZPledgeInput, type TBankInstructions, type TPledge } from '@koldoo/shared/contracts/pledges.ts';
import { isPublicStatus, type TProject } from '@koldoo/shared/contracts/projects.ts';
import { pickText } from '@koldoo/shared/contracts/text.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { defaultLocale, type TLocale } from '@koldoo/shared/locales.ts';
import { toDonorView, type TPledgeRecord } from '../../data/pledge-record.ts';
import { getPledge, insertPledge } from '../../data/pledges-repo.ts';
import { getProject } from '../../data/projects-repo.ts';
import { getRate } from '../../data/rates-repo.ts';
import type { TDomainContext } from '../context.ts';
import { parseInput, today } from '../parse-input.ts';
import { convertToKgsMinor } from '@koldoo/shared/convert-to-kgs.ts';
import { bankInstructions } from './bank-instructions.ts';
import { openCheckout } from './open-checkout.ts';
import { receiptUrl, sendBankInstructions } from './send-pledge-mail.ts';

export type TCreatedPledge = { pledge: TPledge; checkoutUrl?: string; bankInstructions?: TBankInstructions; receiptUrl: string; isReplay: boolean };

const field = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, { issues: [{ path, message, code: 'custom' }] });

/** Published projects take pledges until their deadline; funded ones only if all-or-nothing. */
function acceptsPledges(project: TProject, todayDate: string): boolean {
  if (project.deadline < todayDate) return false;
  return project.status === 'published' || (project.status === 'funded' && project.fundingMode === 'all_or_nothing');
}

/** Unambiguous letters and digits (no 0/O, 1/I/L): people copy the code into a bank form by hand. */
function newReferenceCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return `KD-${Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;
}

/** A pledge id that the same donor's same `Idempotency-Key` always yields (26 Crockford base32 letters, like a ulid). */
function pledgeIdFor(scope: string, key: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const digest = createHash('sha256').update(`${scope}\n${key}`).digest();
  return Array.from(digest.subarray(0, 26), (byte) => alphabet[byte % 32]).join('');
}

/**
 * Creates a pledge. Everything is checked, and a card's checkout opened, before anything is
 * written, so a refusal (or Stripe being down) leaves nothing behind. With an `Idempotency-Key`
 * the pledge's id comes from the key, so a repeated or concurrent submit finds the same pledge
 * and Stripe (keyed by that id) the same checkout session. A replay is detected when the write
 * or Stripe refuses; the replay of a changed request is 422.
 */
export async function createPledge(
  ctx: TDomainContext,
  viewer: TMe | undefined,
  input: { projectId: string; body: unknown; idempotencyKey?: string; locale?: TLocale },
): Promise<TCreatedPledge> {
  const data = parseInput(ZPledgeInput, input.body);
  const email = viewer?.email ?? data.email;
  if (!email) throw field('email', 'An e-mail is needed for the receipt');
  if (!ctx.config.pledgeCurrencies.includes(data.amount.currency)) throw field('amount.currency', 'This currency is not accepted');
  if (data.method === 'card' && !ctx.payments) throw new AppError('SERVICE_UNAVAILABLE', 'Card payments are not configured; choose bank transfer');

  const scope = viewer ? `USER#${viewer.id}` : `EMAIL#${email}`;
  const requestHash = createHash('sha256').update(JSON.stringify({ projectId: input.projectId, ...data, email })).digest('base64url');
  const id = input.idempotencyKey ? pledgeIdFor(scope, input.idempotencyKey) : ulid();
  // A replay is found when the write (or Stripe) refuses, so a first submit reads nothing extra.
  const replayOr = async (error: AppError): Promise<TCreatedPledge> => {
    const existing = input.idempotencyKey ? await getPledge(ctx.db, id) : undefined;
    if (existing) return replay(ctx, existing, requestHash);
    throw error;
  };
  const project = await getProject(ctx.db, input.projectId);
  if (!project || !isPublicStatus(project.status)) return replayOr(new AppError('NOT_FOUND', 'No such project'));
  if (!acceptsPledges(project, today(ctx))) {
    return replayOr(new AppError('PROJECT_NOT_ACCEPTING_PLEDGES', `This project does not take pledges now (${project.status}, deadline ${project.deadline})`));
  }
  const rate = await getRate(ctx.db, data.amount.currency, ctx.clock.now());
  if (!rate) throw field('amount.currency', 'No exchange rate for this currency yet');
  if (convertToKgsMinor(data.amount.value, rate.kgsPerUnit) > maxPledgeKgsMinor) {
    throw field('amount.value', 'At most the equivalent of 10,000,000 som per pledge');
  }

  const now = ctx.clock.now().toISOString();
  const locale = viewer?.locale ?? input.locale ?? defaultLocale;
  let pledge: TPledgeRecord = {
    id,
    projectId: project.id,
    councilId: project.councilId,
    status: 'pending',
    method: data.method,
    amount: data.amount,
    anonymous: data.anonymous,
    ...(data.displayName || viewer ? { displayName: data.displayName ?? viewer?.displayName } : {}),
    ...(data.message ? { message: data.message } : {}),
    ...(data.dedication ? { dedication: data.dedication } : {}),
    email,
    ...(viewer ? { userId: viewer.id } : {}),
    locale,
    accessToken: randomBytes(24).toString('base64url'),
    ...(input.idempotencyKey ? { requestHash } : {}),
    refundedMinor: 0,
    refundedKgsMinor: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  if (pledge.method === 'card') {
    try {
      pledge = { ...pledge, ...(await openCheckout(ctx, pledge, pickText(project.title, locale))) };
    } catch (error) {
      // Stripe refuses a key reused with other parameters (another token in the success URL):
      // an earlier or concurrent submit with the same Idempotency-Key opened this very pledge.
      const winner = input.idempotencyKey ? await waitForPledge(ctx, id) : undefined;
      if (!winner) throw error;
      return replay(ctx, winner, requestHash);
    }
  }
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const candidate = pledge.method === 'bank_transfer' ? { ...pledge, referenceCode: newReferenceCode() } : pledge;
    if ((await insertPledge(ctx.db, candidate)) === 'committed') return finish(ctx, candidate, false, pickText(project.title, locale));
    // Refused: the pledge exists (a replay of the same key), or a transfer's code was taken.
    const winner = await getPledge(ctx.db, candidate.id);
    if (winner) return replay(ctx, winner, requestHash);
  }
  throw new AppError('CONFLICT', 'Could not create the pledge; try again');
}

/** A pledge another request is writing right now, if it appears within two seconds. */
async function waitForPledge(ctx: TDomainContext, id: string): Promise<TPledgeRecord | undefined> {
  for (let i = 0; i < 20; i += 1) {
    const pledge = await getPledge(ctx.db, id);
    if (pledge) return pledge;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

function replay(ctx: TDomainContext, pledge: TPledgeRecord, requestHash: string): Promise<TCreatedPledge> {
  if (pledge.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different pledge');
  return finish(ctx, pledge, true);
}

/** The reply; a new bank transfer also gets its instructions by e-mail. */
async function finish(ctx: TDomainContext, pledge: TPledgeRecord, isReplay: boolean, projectTitle?: string): Promise<TCreatedPledge> {
  const link = receiptUrl(ctx, pledge.id, pledge.accessToken);
  if (pledge.method === 'card') {
    const checkoutUrl = pledge.status === 'pending' ? pledge.checkoutUrl : undefined;
    return { pledge: toDonorView(pledge), ...(checkoutUrl ? { checkoutUrl } : {}), receiptUrl: link, isReplay };
  }
  if (!isReplay) await sendBankInstructions(ctx, pledge, link, { ...(projectTitle ? { projectTitle } : {}) });
  return { pledge: toDonorView(pledge), bankInstructions: bankInstructions(pledge, ctx.config.fiscalHost), receiptUrl: link, isReplay };
}
