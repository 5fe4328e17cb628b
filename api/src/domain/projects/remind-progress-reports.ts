import { pickText } from '@koldoo/shared/contracts/text.ts';
import { formatDate } from '@koldoo/shared/money.ts';
import { reportingStatuses, type TProjectCard } from '@koldoo/shared/contracts/projects.ts';
import { getCouncil, type TCouncilRecord } from '../../data/councils-repo.ts';
import { getLatestProjectEvent, listProjectCardsByStatus } from '../../data/projects-repo.ts';
import { claimProgressReminder } from '../../data/reminders-repo.ts';
import type { TDomainContext } from '../context.ts';

const day = 24 * 3600 * 1000;
/**
 * Donors of a funded project should hear from the council at least monthly: a month is long
 * enough for real work to move (and for a village council that reports by hand), short enough
 * that backers do not start to wonder where their money went. It is also the length of one
 * reminder period, so a silent council hears from us once a month, not at every 15-minute run.
 */
export const progressSilenceDays = 30;
/**
 * How long a reminder marker is kept: its period lasts `progressSilenceDays`, after which a later
 * run computes another key and never reads it again. The extra days cover clock skew between runs
 * and TTL's lazy deletion; keeping it longer costs a few bytes, dropping it early could re-send.
 */
export const reminderMarkerDays = progressSilenceDays + 30;

/**
 * Mail to a council goes out in Russian and Kyrgyz together (as moderators' decisions do):
 * the contact address is the council's, and we do not know who opens it. The button names are
 * the project page's own (shared/src/i18n `project.postUpdate`, `project.startWork`,
 * `project.complete`, `project.amend`). Posting an update comes first: it is what donors wait for,
 * and it is possible in both statuses, whereas the steps wait for the work itself.
 */
const words = {
  subject: { ru: 'расскажите поддержавшим о ходе работ', ky: 'колдогондорго иштин жүрүшүн билдириңиз' },
  project: { ru: 'Проект', ky: 'Долбоор' },
  // "Last news: <date>" needs no plural or case endings after a number or a date in either language.
  lastNews: { ru: 'последняя новость', ky: 'акыркы жаңылык' },
  waiting: {
    ru: 'Поддержавшие проект ждут, как идут работы.',
    ky: 'Колдогондор иштин кантип жүрүп жатканын күтүп жатышат.',
  },
  update: {
    ru: 'Расскажите, как идут дела: откройте страницу проекта и нажмите «Рассказать о ходе работ» — текст и фотографии появятся в истории проекта.',
    ky: 'Иш кандай жүрүп жатканын айтып бериңиз: долбоордун барагын ачып, «Иштин жүрүшү тууралуу жаңылык жазуу» баскычын басыңыз — текст жана сүрөттөр долбоордун тарыхына чыгат.',
  },
  act: {
    funded: {
      ru: 'Когда работы начнутся, откройте страницу проекта и нажмите «Сообщить: работы начались».',
      ky: 'Иш башталганда долбоордун барагын ачып, «Билдирүү: иш башталды» баскычын басыңыз.',
    },
    in_progress: {
      ru: 'Когда работы закончатся, откройте страницу проекта и нажмите «Сообщить: работы завершены».',
      ky: 'Иш бүткөндө долбоордун барагын ачып, «Билдирүү: иш бүттү» баскычын басыңыз.',
    },
  },
  amend: {
    ru: 'Если изменились бюджет или срок: «Предложить изменение бюджета или срока».',
    ky: 'Бюджет же мөөнөт өзгөрсө: «Бюджетти же мөөнөттү өзгөртүүнү сунуштоо».',
  },
  page: { ru: 'Страница проекта', ky: 'Долбоордун барагы' },
} as const;

/**
 * The report-cadence job: every `funded` or `in_progress` project whose latest public news (the
 * newest entry of its audit timeline: a progress update, a status step or an amendment decision) is older than
 * `progressSilenceDays` gets one e-mail to its council's contact asking for a progress report,
 * with a link to the project page. Then one more after each further `progressSilenceDays` of
 * silence. Projects come from GSI3 (`PROJECTS#funded`, `PROJECTS#in_progress`), never a scan.
 *
 * Exactly once per project and period: the marker (`REMINDER#<project>` /
 * `PROGRESS#<latest event time>#<period>`) is written with a conditional Put before the mail, so
 * concurrent or repeated runs send one mail. A crash or mail failure after the marker loses that
 * period's reminder (logged); the other order could send many.
 */
export async function remindProgressReports(ctx: TDomainContext): Promise<{ checked: number; reminded: number; failed: number }> {
  const now = ctx.clock.now();
  const counts = { checked: 0, reminded: 0, failed: 0 };
  const cards = new Map<string, TProjectCard>();
  for (const status of reportingStatuses) {
    // The index can briefly show a project under both statuses while it moves; one is enough.
    for (const card of await listProjectCardsByStatus(ctx.db, status)) if (!cards.has(card.id)) cards.set(card.id, card);
  }
  const councils = new Map<string, Promise<TCouncilRecord | undefined>>();
  const councilOf = (id: string) => {
    if (!councils.has(id)) councils.set(id, getCouncil(ctx.db, id));
    return councils.get(id)!;
  };

  for (const card of cards.values()) {
    counts.checked += 1;
    // The latest event is read from the base table (consistent), so a step taken since the index
    // was read (work started, completed, cancelled) counts as news and no reminder goes out.
    const since = (await getLatestProjectEvent(ctx.db, card.id))?.at ?? card.publishedAt;
    if (!since) continue;
    const silentDays = Math.floor((now.getTime() - Date.parse(since)) / day);
    const period = Math.floor(silentDays / progressSilenceDays);
    if (period < 1) continue;

    const claimed = await claimProgressReminder(ctx.db, {
      projectId: card.id,
      since,
      period,
      claimedAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + reminderMarkerDays * 24 * 3600,
    });
    if (!claimed) continue;
    try {
      const council = await councilOf(card.councilId);
      if (!council) throw new Error(`council ${card.councilId} not found`);
      await sendReminder(ctx, council, card, since);
      counts.reminded += 1;
    } catch (error) {
      counts.failed += 1;
      ctx.logger.error({ err: error, projectId: card.id, period }, 'progress-report reminder not sent');
    }
  }
  if (counts.reminded + counts.failed > 0) ctx.logger.info(counts, 'progress-report reminders sent');
  return counts;
}

/** The project page: officials see the buttons that record progress there. */
function projectPageUrl(ctx: Pick<TDomainContext, 'config'>, projectId: string): string {
  return `${ctx.config.publicOrigin}/projects/${encodeURIComponent(projectId)}`;
}

async function sendReminder(ctx: TDomainContext, council: TCouncilRecord, card: TProjectCard, since: string): Promise<void> {
  const title = { ru: pickText(card.title, 'ru'), ky: pickText(card.title, 'ky') };
  const act = card.status === 'in_progress' ? words.act.in_progress : words.act.funded;
  const link = projectPageUrl(ctx, card.id);
  await ctx.mail.send({
    to: council.contact.email,
    subject: `Koldoo: ${words.project.ru} «${title.ru}» — ${words.subject.ru} / ${words.project.ky} «${title.ky}»: ${words.subject.ky}`,
    text: [
      `${words.project.ru} «${title.ru}»: ${words.lastNews.ru} ${formatDate(since, 'ru')}.`,
      words.waiting.ru,
      words.update.ru,
      act.ru,
      words.amend.ru,
      `${words.page.ru}: ${link}`,
      '',
      `${words.project.ky} «${title.ky}»: ${words.lastNews.ky} ${formatDate(since, 'ky')}.`,
      words.waiting.ky,
      words.update.ky,
      act.ky,
      words.amend.ky,
      `${words.page.ky}: ${link}`,
    ].join('\n'),
  });
}
