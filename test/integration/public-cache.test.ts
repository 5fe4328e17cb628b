import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ZProjectReply } from '@koldoo/shared/contracts/projects.ts';
import { getProject, insertProgressUpdate, transitionProject } from '@koldoo/api/data/projects-repo.ts';
import { auditEvent } from '@koldoo/api/domain/projects/audit-event.ts';
import { pledgeWorld } from '../support/pledge-fixtures.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('the public project cache, as another process writes', () => {
  it('revalidates with a small read: new counters are patched in, a new version rebuilds the reply', async () => {
    const w = await pledgeWorld();
    try {
      const view = async () => ZProjectReply.parse(await (await w.send(`/api/projects/${w.projectId}`)).json());
      // Another Lambda's writes: this process's own writes would simply drop the entry.
      const elsewhere = (update: string, values: Record<string, unknown>, names?: Record<string, string>) =>
        w.setup.deps.db.client.send(new UpdateCommand({ TableName: w.setup.tableName, Key: { pk: `PROJECT#${w.projectId}`, sk: 'PROFILE' }, UpdateExpression: update, ExpressionAttributeValues: values, ...(names ? { ExpressionAttributeNames: names } : {}) }));
      /** Past the longest expiry (7 s), then until the background refill has landed. */
      const afterRefill = async (check: (reply: Awaited<ReturnType<typeof view>>) => boolean) => {
        vi.setSystemTime(Date.now() + 8_000);
        for (let i = 0; i < 50; i += 1) {
          const reply = await view();
          if (check(reply)) return reply;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error('the cache never refilled');
      };
      vi.useFakeTimers({ toFake: ['Date'] });

      const first = await view();
      await elsewhere('ADD raisedMinor :k, backers :one', { ':k': 50_000, ':one': 1 });
      expect((await view()).project.raisedMinor).toBe(first.project.raisedMinor);
      const patched = await afterRefill((r) => r.project.raisedMinor !== first.project.raisedMinor);
      expect(patched.project).toMatchObject({ raisedMinor: first.project.raisedMinor + 50_000, backers: first.project.backers + 1, version: first.project.version });
      expect(patched.project.story).toEqual(first.project.story);

      await elsewhere('SET title = :t ADD #v :one', { ':t': { en: 'Renamed elsewhere' }, ':one': 1 }, { '#v': 'version' });
      const rebuilt = await afterRefill((r) => r.project.version !== first.project.version);
      expect(rebuilt.project.title).toEqual({ en: 'Renamed elsewhere' });
    } finally {
      await w.fake.close();
    }
  });

  it('shows a progress update written by another process at the next refill, not a minute later', async () => {
    const w = await pledgeWorld();
    try {
      const view = async () => ZProjectReply.parse(await (await w.send(`/api/projects/${w.projectId}`)).json());
      const afterRefill = async (check: (reply: Awaited<ReturnType<typeof view>>) => boolean) => {
        vi.setSystemTime(Date.now() + 8_000);
        for (let i = 0; i < 50; i += 1) {
          const reply = await view();
          if (check(reply)) return reply;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error('the cache never refilled');
      };
      vi.useFakeTimers({ toFake: ['Date'] });
      // Straight through the repository, as another Lambda would: this process's cache is not told.
      const published = (await getProject(w.setup.deps.db, w.projectId))!;
      const funded = auditEvent(w.setup.deps, { actorId: 'system', actorRole: 'system', action: 'reach_goal', from: 'published', to: 'funded' });
      await view();
      expect(await transitionProject(w.setup.deps.db, { project: published, to: 'funded', event: funded })).toBe(true);
      await afterRefill((r) => r.project.status === 'funded');

      const news = { ...auditEvent(w.setup.deps, { actorId: w.official.user.id, actorRole: 'council_official', action: 'progress_update', from: 'funded', to: 'funded' }), text: { ru: 'Фундамент залит' } };
      expect(await insertProgressUpdate(w.setup.deps.db, { projectId: w.projectId, statuses: ['funded', 'in_progress'], event: news })).toBe(true);
      const fresh = await afterRefill((r) => r.timeline.some((e) => e.id === news.id));
      expect(fresh.timeline.at(-1)).toMatchObject({ action: 'progress_update', text: { ru: 'Фундамент залит' } });
    } finally {
      await w.fake.close();
    }
  });
});
