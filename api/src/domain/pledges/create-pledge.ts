import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { maxPledgeKgsMinor, ZPledgeInput, type TBankInstructions, type TPledge } from '@koldoo/shared/contracts/pledges.ts';
import { isPublicStatus } from '@koldoo/shared/contracts/projects.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { defaultLocale, type TLocale } from '@koldoo/shared/locales.ts';
import { toDonorView, type TPledgeRecord } from '../../data/pledge-record.ts';
import { explainInsertFailure, findIdempotencyRecord, getPledge, insertPledge } from '../../data/pledges-repo.ts';
import { getProject } from '../../data/projects-repo.ts';
import { getRate } from '../../data/rates-repo.ts';
import type { TProjectRecord } from '../../data/project-record.ts';
import type { TDomainContext } from '../context.ts';
import { parseInput, today } from '../parse-input.ts';
import { convertToKgsMinor } from '../rates/convert-to-kgs.ts';
import { bankInstructions } from './bank-instructions.ts';
import { openCheckout } from './open-checkout.ts';
import { receiptUrl, sendBankInstructions } from './send-pledge-mail.ts';

export type TCreatedPledge = { pledge: TPledge; checkoutUrl?: string; bankInstructions?: TBankInstructions; receiptUrl: string; isReplay: boolean };

const field = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, { issues: [{ path, message, code: 'custom' }] });

/** Published projects take pledges until their deadline; funded ones only if all-or-nothing. */
function acceptsPledges(project: TProjectRecord, todayDate: string): boolean {
  if (project.deadline < todayDate) return false;
  return project.status === 'published' || (project.status === 'funded' && project.fundingMode === 'all_or_nothing');
}

/** Unambiguous letters and digits (no 0/O, 1/I/L): people copy the code into a bank form by hand. */
function newReferenceCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return `KD-${Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;
}

/**
 * Creates a pledge: checks everything before writing anything, writes the pledge with its
 * idempotency record in one transaction, then opens the card checkout or hands out the bank
 * instructions. A repeated request with the same `Idempotency-Key` returns the same pledge
 * (and retries a checkout that failed to open).
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
  const bodyHash = createHash('sha256').update(JSON.stringify({ projectId: input.projectId, ...data, email })).digest('base64url');
  if (input.idempotencyKey) {
    const replay = await replayIfKnown(ctx, scope, input.idempotencyKey, bodyHash);
    if (replay) return replay;
  }

  const project = await getProject(ctx.db, input.projectId);
  if (!project || !isPublicStatus(project.status)) throw new AppError('NOT_FOUND', 'No such project');
  if (!acceptsPledges(project, today(ctx))) {
    throw new AppError('PROJECT_NOT_ACCEPTING_PLEDGES', `This project does not take pledges now (${project.status}, deadline ${project.deadline})`);
  }
  const rate = await getRate(ctx.db, data.amount.currency, ctx.clock.now());
  if (!rate) throw field('amount.currency', 'No exchange rate for this currency yet');
  if (convertToKgsMinor(data.amount.value, rate.kgsPerUnit) > maxPledgeKgsMinor) {
    throw field('amount.value', 'At most the equivalent of 10,000,000 som per pledge');
  }

  const now = ctx.clock.now().toISOString();
  const base: TPledgeRecord = {
    id: ulid(),
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
    locale: viewer?.locale ?? input.locale ?? defaultLocale,
    accessToken: randomBytes(24).toString('base64url'),
    refundedMinor: 0,
    refundedKgsMinor: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const idempotency = input.idempotencyKey ? { scope, key: input.idempotencyKey, bodyHash } : undefined;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const pledge = data.method === 'bank_transfer' ? { ...base, referenceCode: newReferenceCode() } : base;
    if ((await insertPledge(ctx.db, { pledge, idempotency })) === 'committed') return finish(ctx, pledge, false);
    const why = await explainInsertFailure(ctx.db, { idempotency, referenceCode: pledge.referenceCode });
    if (why === 'idempotency_taken' && idempotency) {
      const replay = await replayIfKnown(ctx, scope, idempotency.key, bodyHash);
      if (replay) return replay;
    }
    if (why === 'project_closed') throw new AppError('PROJECT_NOT_ACCEPTING_PLEDGES', 'This project stopped taking pledges');
  }
  throw new AppError('CONFLICT', 'Could not create the pledge; try again');
}

async function replayIfKnown(ctx: TDomainContext, scope: string, key: string, bodyHash: string): Promise<TCreatedPledge | undefined> {
  const known = await findIdempotencyRecord(ctx.db, scope, key);
  if (!known) return undefined;
  if (known.bodyHash !== bodyHash) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different pledge');
  const pledge = await getPledge(ctx.db, known.pledgeId);
  if (!pledge) return undefined;
  return finish(ctx, pledge, true);
}

/** The reply, after opening the checkout (cards) or mailing the instructions (transfers, first time only). */
async function finish(ctx: TDomainContext, pledge: TPledgeRecord, isReplay: boolean): Promise<TCreatedPledge> {
  const link = receiptUrl(ctx, pledge.id, pledge.accessToken);
  if (pledge.method === 'card') {
    const opened = pledge.status === 'pending' ? await openCheckout(ctx, pledge) : pledge;
    const checkoutUrl = opened.status === 'pending' ? opened.checkoutUrl : undefined;
    return { pledge: toDonorView(opened), ...(checkoutUrl ? { checkoutUrl } : {}), receiptUrl: link, isReplay };
  }
  if (!isReplay) await sendBankInstructions(ctx, pledge, link);
  return { pledge: toDonorView(pledge), bankInstructions: bankInstructions(pledge, ctx.config.fiscalHost), receiptUrl: link, isReplay };
}
