import type { TLocalizedText } from '@koldoo/shared/contracts/text.ts';
import { pickText } from '@koldoo/shared/contracts/text.ts';
import { getCouncil } from '../../data/councils-repo.ts';
import type { TDomainContext } from '../context.ts';

type TNotice = {
  subject: 'council' | 'project' | 'amendment';
  decision: 'approve' | 'request_changes' | 'reject' | 'cancel';
  title: TLocalizedText;
  reason: string;
};

/** Mail goes out in Russian and Kyrgyz together: officials read both, and we do not know who opens it. */
const decisionWords = {
  approve: { ru: 'одобрено', ky: 'жактырылды' },
  request_changes: { ru: 'нужны исправления', ky: 'оңдоо керек' },
  reject: { ru: 'отклонено', ky: 'четке кагылды' },
  cancel: { ru: 'отменено', ky: 'жокко чыгарылды' },
} as const;
const subjectWords = {
  council: { ru: 'Заявка совета', ky: 'Кеңештин арызы' },
  project: { ru: 'Проект', ky: 'Долбоор' },
  amendment: { ru: 'Изменение проекта', ky: 'Долбоордун өзгөртүүсү' },
} as const;

/**
 * Tells the council (its official contact) about a moderator's decision, with the reason.
 * Runs after the decision is committed, so a mail failure is logged, not thrown: answering 500
 * would invite a retry of a decision that already happened (and now answers 409).
 */
export async function notifyCouncil(ctx: TDomainContext, councilId: string, notice: TNotice): Promise<void> {
  try {
    await sendNotice(ctx, councilId, notice);
  } catch (error) {
    ctx.logger.error({ err: error, councilId, notice: notice.subject }, 'council notification not sent');
  }
}

async function sendNotice(ctx: TDomainContext, councilId: string, notice: TNotice): Promise<void> {
  const council = await getCouncil(ctx.db, councilId);
  if (!council) return;
  const word = decisionWords[notice.decision];
  const what = subjectWords[notice.subject];
  await ctx.mail.send({
    to: council.contact.email,
    subject: `Koldoo: ${what.ru} «${pickText(notice.title, 'ru')}» — ${word.ru} / ${what.ky}: ${word.ky}`,
    text: [
      `${what.ru} «${pickText(notice.title, 'ru')}»: ${word.ru}.`,
      `${what.ky} «${pickText(notice.title, 'ky')}»: ${word.ky}.`,
      '',
      `Причина / Себеби: ${notice.reason}`,
    ].join('\n'),
  });
}
