import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { listOutboxMail } from '@koldoo/api/data/outbox-repo.ts';
import { runScheduledJobs } from '@koldoo/api/domain/run-scheduled-jobs.ts';
import { progressSilenceDays } from '@koldoo/api/domain/projects/remind-progress-reports.ts';
import { inDays, password } from '../support/project-fixtures.ts';
import { sessionCookieFrom } from '../support/test-app.ts';
import { pledgeWorld, type TPledgeWorld } from '../support/pledge-fixtures.ts';

/**
 * The report-cadence job: councils of funded or in-progress projects whose public timeline has
 * been silent for a month get one reminder per project and month, however often and however
 * concurrently the jobs run; projects with recent news, and projects still raising money, get none.
 */

const day = 86_400_000;
/** The goal of the fixture project (budget 150 000 som − co-funding 20 000 som), in tyiyn. */
const wholeGoal = 130_000_000;
const start = Date.now();
type TResults = { remindProgressReports: { checked: number; reminded: number; failed: number } };

describe('progress-report reminders', () => {
  let w: TPledgeWorld;
  let silent: string;
  let started: string;
  let raising: string;

  const at = (days: number) => {
    w.clock.at = new Date(start + days * day);
  };
  const runJobs = async () => {
    const results = await runScheduledJobs(w.setup.deps);
    expect(Object.entries(results).filter(([, result]) => typeof result === 'object' && result !== null && 'error' in result)).toEqual([]);
    return (results as unknown as TResults).remindProgressReports;
  };
  /** Reminders in the local outbox, per project (recognised by the project link in the text). */
  const reminders = async (projectId: string) =>
    (await listOutboxMail(w.setup.deps.db, 1_000)).filter((mail) => mail.subject.includes('ходе работ') && mail.text.includes(`/projects/${projectId}\n`));
  /** Sessions last 14 days on the moved clock, so the official signs in again to report. */
  const reportWorkStarted = async (projectId: string) => {
    const cookie = sessionCookieFrom(await w.send('/api/auth/login', { body: { email: w.official.email, password } }));
    expect((await w.send(`/api/projects/${projectId}/start`, { method: 'POST', cookie })).status).toBe(200);
    expect((await w.project(projectId)).status).toBe('in_progress');
  };
  const fund = async (projectId: string) => {
    const response = await w.pledge({ amount: { value: wholeGoal, currency: 'KGS' }, method: 'card', email: 'whole@example.kg' }, { project: projectId });
    expect(response.status).toBe(201);
    const { pledge } = (await response.json()) as { pledge: { id: string } };
    expect((await w.deliver(w.paidEvent(w.sessionOf(pledge.id)))).status).toBe(200);
    expect((await w.project(projectId)).status).toBe('funded');
  };

  beforeAll(async () => {
    w = await pledgeWorld();
    silent = w.projectId;
    await fund(silent);
    started = await w.publish({ deadline: inDays(120) });
    await fund(started);
    // Still raising money (deadline far enough not to expire during the test): not the job's business.
    raising = await w.publish({ deadline: inDays(120) });
    // Twenty days after funding, the second council reports that work has started.
    at(20);
    await reportWorkStarted(started);
  });
  afterAll(async () => {
    w.clock.at = new Date();
    await w.fake.close();
  });

  it('sends nothing while the news is fresh', async () => {
    at(progressSilenceDays - 1);
    expect(await runJobs()).toEqual({ checked: 2, reminded: 0, failed: 0 });
  });

  it('reminds a council silent for 31 days exactly once, even when the job runs twice concurrently and again', { timeout: 60_000 }, async () => {
    at(31);
    const concurrent = await Promise.all([runJobs(), runJobs()]);
    const again = await runJobs();
    expect(concurrent.map((r) => r.checked)).toEqual([2, 2]);
    expect(concurrent[0]!.reminded + concurrent[1]!.reminded + again.reminded).toBe(1);

    const mails = await reminders(silent);
    expect(mails).toHaveLength(1);
    expect(await reminders(started)).toEqual([]); // its last news (work started) is 11 days old
    expect(await reminders(raising)).toEqual([]);

    // To the council's official contact, in Russian and Kyrgyz together, as every mail to a council.
    const mail = mails[0]!;
    expect(mail.to).toBe('kok-jar@example.kg');
    expect(mail.subject).toContain('Проект «Мост к школе»');
    expect(mail.subject).toContain('Долбоор «Мектепке көпүрө»');
    expect(mail.text).toContain('Проект «Мост к школе»: последняя новость');
    expect(mail.text).toContain('Долбоор «Мектепке көпүрө»: акыркы жаңылык');
    // First the ask for news, naming the page's progress-update button.
    expect(mail.text).toContain('«Рассказать о ходе работ»');
    expect(mail.text).toContain('«Иштин жүрүшү тууралуу жаңылык жазуу»');
    expect(mail.text.indexOf('«Рассказать о ходе работ»')).toBeLessThan(mail.text.indexOf('«Сообщить: работы начались»'));
    // Funded: the council's next step is the start of work, the page's own button names.
    expect(mail.text).toContain('«Сообщить: работы начались»');
    expect(mail.text).toContain('«Билдирүү: иш башталды»');
    expect(mail.text).toContain(`Страница проекта: ${w.origin}/projects/${silent}\n`);
    expect(mail.text).toContain(`Долбоордун барагы: ${w.origin}/projects/${silent}`);
    expect(mail.text).toContain('«Предложить изменение бюджета или срока»');
    expect(mail.text).not.toMatch(/undefined|NaN/);

    // The marker: one per project and period, expiring through TTL.
    const { Items } = await w.setup.deps.db.client.send(
      new QueryCommand({ TableName: w.setup.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `REMINDER#${silent}` } }),
    );
    expect(Items).toHaveLength(1);
    expect(Items![0]).toMatchObject({ type: 'PROGRESS_REMINDER', period: 1, sk: expect.stringMatching(/^PROGRESS#.+#1$/) });
    expect(Items![0]!.expiresAt).toBeGreaterThan(w.clock.now().getTime() / 1000 + progressSilenceDays * 86_400);
  });

  it('does not repeat within the month, reminds the in-progress council once its month passes', async () => {
    at(45);
    expect(await runJobs()).toMatchObject({ reminded: 0 });
    at(51);
    expect(await runJobs()).toMatchObject({ checked: 2, reminded: 1 });
    const [mail, ...more] = await reminders(started);
    expect(more).toEqual([]);
    expect(mail!.text).toContain('«Сообщить: работы завершены»');
    expect(mail!.text).toContain('«Билдирүү: иш бүттү»');
    expect(await reminders(silent)).toHaveLength(1);
  });

  it('sends a second reminder after another 30 days of silence, and news resets the count', async () => {
    at(61);
    expect(await runJobs()).toMatchObject({ reminded: 1 });
    expect(await runJobs()).toMatchObject({ reminded: 0 });
    expect(await reminders(silent)).toHaveLength(2);
    expect(await reminders(started)).toHaveLength(1);
    expect(await reminders(raising)).toEqual([]);

    // The silent council finally reports: no reminder until a month after that news.
    await reportWorkStarted(silent);
    at(61 + progressSilenceDays - 1);
    await runJobs();
    expect(await reminders(silent)).toHaveLength(2);
    at(61 + progressSilenceDays + 1);
    await runJobs();
    expect(await reminders(silent)).toHaveLength(3);
  });

  it('counts a progress update as news: no reminder for 30 days after it, then one', async () => {
    // Day 93: the in-progress council, reminded twice already, finally posts news.
    at(93);
    const before = (await reminders(started)).length;
    const cookie = sessionCookieFrom(await w.send('/api/auth/login', { body: { email: w.official.email, password } }));
    const posted = await w.send(`/api/projects/${started}/updates`, { body: { text: { ky: 'Тосмолор орнотулду.', ru: 'Перила установлены.' } }, cookie });
    expect(posted.status).toBe(201);
    expect((await w.project(started)).status).toBe('in_progress');

    at(93 + progressSilenceDays - 1);
    await runJobs();
    expect(await reminders(started)).toHaveLength(before);
    at(93 + progressSilenceDays + 1);
    await runJobs();
    expect(await reminders(started)).toHaveLength(before + 1);
  });
});
