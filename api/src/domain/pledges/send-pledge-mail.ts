import { pickText } from '@koldoo/shared/contracts/text.ts';
import { formatDate, formatMoney } from '@koldoo/shared/money.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import type { TPledgeRecord } from '../../data/pledge-record.ts';
import { getProject } from '../../data/projects-repo.ts';
import type { TDomainContext } from '../context.ts';
import { bankInstructions } from './bank-instructions.ts';

const words = {
  receipt: { ky: 'Квитанция', ru: 'Квитанция', en: 'Receipt' },
  thanks: { ky: 'Колдооңуз үчүн рахмат!', ru: 'Спасибо за поддержку!', en: 'Thank you for your support!' },
  project: { ky: 'Долбоор', ru: 'Проект', en: 'Project' },
  amount: { ky: 'Сумма', ru: 'Сумма', en: 'Amount' },
  kgs: { ky: 'Сом менен', ru: 'В сомах', en: 'In som' },
  rate: { ky: 'Курс', ru: 'Курс', en: 'Rate' },
  date: { ky: 'Күнү', ru: 'Дата', en: 'Date' },
  reference: { ky: 'Шилтеме', ru: 'Номер', en: 'Reference' },
  link: { ky: 'Квитанция онлайн', ru: 'Квитанция онлайн', en: 'Receipt online' },
  instructions: { ky: 'Банк которуусу боюнча нускама', ru: 'Как перевести деньги', en: 'How to pay by bank transfer' },
  reminder: { ky: 'Которууңузду күтүп жатабыз', ru: 'Мы ждём ваш перевод', en: 'We are still waiting for your transfer' },
} as const satisfies Record<string, Record<TLocale, string>>;

/**
 * Mail about a pledge goes out after the change is committed. A failure is logged, never
 * thrown: the money is already counted, and a retried webhook must not fail on the mail.
 */
async function sendSafely(ctx: TDomainContext, pledge: TPledgeRecord, subject: string, lines: string[]): Promise<void> {
  try {
    await ctx.mail.send({ to: pledge.email, subject, text: lines.join('\n') });
  } catch (error) {
    ctx.logger.error({ err: error, pledgeId: pledge.id }, 'pledge mail not sent');
  }
}

async function projectTitle(ctx: TDomainContext, pledge: TPledgeRecord, known?: string): Promise<string> {
  if (known) return known;
  const project = await getProject(ctx.db, pledge.projectId);
  return project ? pickText(project.title, pledge.locale) : pledge.projectId;
}

/** The link in mails: the only way a donor without an account gets back to the pledge. */
export function receiptUrl(ctx: TDomainContext, pledgeId: string, token: string): string {
  return `${ctx.config.publicOrigin}/pledges/${pledgeId}?token=${encodeURIComponent(token)}`;
}

/** `title`: the project's title in the donor's language, when the caller has already read it. */
export async function sendPledgeReceipt(ctx: TDomainContext, pledge: TPledgeRecord, title?: string): Promise<void> {
  const l = pledge.locale;
  const received = pledge.received ?? pledge.amount;
  const lines = [
    words.thanks[l],
    '',
    `${words.project[l]}: ${await projectTitle(ctx, pledge, title)}`,
    `${words.amount[l]}: ${formatMoney(received, l)}`,
    `${words.kgs[l]}: ${formatMoney({ value: pledge.kgsMinor ?? 0, currency: 'KGS' }, l)}`,
    ...(pledge.rate ? [`${words.rate[l]}: 1 ${pledge.rate.currency} = ${pledge.rate.kgsPerUnit} KGS (${pledge.rate.source}, ${pledge.rate.date})`] : []),
    `${words.date[l]}: ${formatDate(pledge.succeededAt ?? pledge.updatedAt, l)}`,
    `${words.reference[l]}: ${pledge.referenceCode ?? pledge.id}`,
    '',
    `${words.link[l]}: ${receiptUrl(ctx, pledge.id, pledge.accessToken)}`,
  ];
  await sendSafely(ctx, pledge, `Koldoo: ${words.receipt[l]} ${pledge.referenceCode ?? pledge.id}`, lines);
}

export async function sendBankInstructions(
  ctx: TDomainContext,
  pledge: TPledgeRecord,
  link: string,
  options: { isReminder?: boolean; projectTitle?: string } = {},
): Promise<void> {
  const isReminder = options.isReminder ?? false;
  const l = pledge.locale;
  const instructions = bankInstructions(pledge, ctx.config.fiscalHost);
  if (!instructions) return;
  const lines = [
    isReminder ? words.reminder[l] : words.instructions[l],
    '',
    `${words.project[l]}: ${await projectTitle(ctx, pledge, options.projectTitle)}`,
    `${words.amount[l]}: ${formatMoney(pledge.amount, l)}`,
    `${words.reference[l]}: ${instructions.referenceCode}`,
    `${instructions.recipient}`,
    `${instructions.bankName}, BIC ${instructions.bic}`,
    `${instructions.account}`,
    '',
    ...instructions.steps.map((step, i) => `${i + 1}. ${step}`),
    '',
    link,
  ];
  const subject = `Koldoo: ${isReminder ? words.reminder[l] : words.instructions[l]} (${instructions.referenceCode})`;
  await sendSafely(ctx, pledge, subject, lines);
}
