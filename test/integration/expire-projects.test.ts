import { describe, expect, it } from 'vitest';
import { ZProjectReply } from '@koldoo/shared/contracts/projects.ts';
import { expireProjects } from '@koldoo/api/domain/projects/expire-projects.ts';
import { createTestApp, jsonRequest } from '../support/test-app.ts';
import { inDays, officialOfNewCouncil, projectInput, signInModerator } from '../support/project-fixtures.ts';

describe('the deadline job', () => {
  it('expires published projects past their deadline once, with a system audit event', async () => {
    let now = new Date();
    const setup = await createTestApp({ clock: { now: () => now } });
    const send = (path: string, init: Parameters<typeof jsonRequest>[1] = {}) => setup.app.request(jsonRequest(path, init));
    const moderator = await signInModerator(setup);
    const official = await officialOfNewCouncil(setup, moderator);
    const publish = async (deadline: string) => {
      const created = await send('/api/projects', { body: projectInput(official.councilId, { deadline }), cookie: official.cookie });
      const { id } = ((await created.json()) as { project: { id: string } }).project;
      await send(`/api/projects/${id}/submit`, { method: 'POST', cookie: official.cookie });
      await send(`/api/moderation/projects/${id}/decision`, { body: { decision: 'approve', reason: 'Checked' }, cookie: moderator });
      return id;
    };
    const soon = await publish(inDays(3));
    const later = await publish(inDays(30));

    expect(await expireProjects(setup.deps)).toEqual({ expired: [] });
    now = new Date(Date.now() + 5 * 86_400_000);
    expect(await expireProjects(setup.deps)).toEqual({ expired: [soon] });
    expect(await expireProjects(setup.deps)).toEqual({ expired: [] });

    const view = ZProjectReply.parse(await (await send(`/api/projects/${soon}`)).json());
    expect(view.project.status).toBe('expired');
    expect(view.timeline.at(-1)).toMatchObject({ actorRole: 'system', from: 'published', to: 'expired' });
    const stillOpen = ZProjectReply.parse(await (await send(`/api/projects/${later}`)).json());
    expect(stillOpen.project.status).toBe('published');
  });
});
