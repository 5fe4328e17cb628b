import { beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ZProjectReply } from '@koldoo/shared/contracts/projects.ts';
import { ZErrorBody } from '@koldoo/shared/errors.ts';
import { getProject, getProjectHead, transitionProject } from '@koldoo/api/data/projects-repo.ts';
import { auditEvent } from '@koldoo/api/domain/projects/audit-event.ts';
import { createTestApp, jsonRequest } from '../support/test-app.ts';
import { officialOfNewCouncil, pngBytes, projectInput, signInModerator, signUp, upload } from '../support/project-fixtures.ts';

/**
 * Progress updates: the owning council's officials post news (ky/ru/en text, their own uploaded
 * photos) to the public timeline of a funded or in-progress project. Everyone else is refused
 * the way the lifecycle steps refuse them, and a refused request writes nothing.
 */

let setup: Awaited<ReturnType<typeof createTestApp>>;
let moderator: string;
let officialA: Awaited<ReturnType<typeof officialOfNewCouncil>>;
let officialB: Awaited<ReturnType<typeof officialOfNewCouncil>>;

beforeAll(async () => {
  setup = await createTestApp();
  moderator = await signInModerator(setup);
  officialA = await officialOfNewCouncil(setup, moderator);
  officialB = await officialOfNewCouncil(setup, moderator);
});

const send = (path: string, init: Parameters<typeof jsonRequest>[1] = {}) => setup.app.request(jsonRequest(path, init));
const errorOf = async (response: Response) => ZErrorBody.parse(await response.json()).error;
const publicView = async (id: string) => {
  const response = await send(`/api/projects/${id}`);
  expect(response.status).toBe(200);
  return ZProjectReply.parse(await response.json());
};
const postUpdate = (id: string, body: unknown, cookie = officialA.cookie, headers?: Record<string, string>) =>
  send(`/api/projects/${id}/updates`, { method: 'POST', body, cookie, headers });
/** Every audit event stored for the project, read straight from the table. */
const storedEvents = async (id: string) =>
  (
    await setup.deps.db.client.send(
      new QueryCommand({
        TableName: setup.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
        ExpressionAttributeValues: { ':pk': `PROJECT#${id}`, ':event': 'EVENT#' },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

/** A project of council A, published by a moderator and, unless told otherwise, funded. */
async function project(state: 'published' | 'funded' | 'in_progress' = 'funded') {
  const created = await send('/api/projects', { body: projectInput(officialA.councilId), cookie: officialA.cookie });
  expect(created.status).toBe(201);
  const { id } = ((await created.json()) as { project: { id: string } }).project;
  expect((await send(`/api/projects/${id}/submit`, { method: 'POST', cookie: officialA.cookie })).status).toBe(200);
  expect((await send(`/api/moderation/projects/${id}/decision`, { body: { decision: 'approve', reason: 'Checked' }, cookie: moderator })).status).toBe(200);
  if (state === 'published') return id;
  // Reaching the goal is the funding counter's (system) step; drive it directly, as projects.test.ts does.
  const published = await getProject(setup.deps.db, id);
  const event = auditEvent(setup.deps, { actorId: 'system', actorRole: 'system', action: 'reach_goal', from: 'published', to: 'funded' });
  expect(await transitionProject(setup.deps.db, { project: published!, to: 'funded', event })).toBe(true);
  if (state === 'in_progress') expect((await send(`/api/projects/${id}/start`, { method: 'POST', cookie: officialA.cookie })).status).toBe(200);
  return id;
}

describe('posting a progress update', () => {
  it('puts the text and photos on the public timeline, bumps the version and refreshes the cached public page', async () => {
    const id = await project();
    const photo = await upload(setup, officialA.cookie, 'project_image', new Uint8Array(await pngBytes()), 'image/png');
    // A signed-out reader has the page cached before the news.
    const before = await publicView(id);
    const versionBefore = (await getProjectHead(setup.deps.db, id))!.version;

    const response = await postUpdate(id, { text: { ky: 'Көпүрөнүн пайдубалы куюлду.', ru: 'Залит фундамент моста.' }, imageIds: [photo] });
    expect(response.status).toBe(201);
    const { event } = (await response.json()) as { event: Record<string, unknown> };
    expect(event).toMatchObject({
      action: 'progress_update',
      actorRole: 'council_official',
      actorId: officialA.user.id,
      from: 'funded',
      to: 'funded',
      text: { ky: 'Көпүрөнүн пайдубалы куюлду.', ru: 'Залит фундамент моста.' },
      imageIds: [photo],
    });

    // Another process's cache revalidates on the version: the update must change it.
    expect((await getProjectHead(setup.deps.db, id))!.version).toBe(versionBefore + 1);
    // This process forgot its cached reply on write: the signed-out reader sees the news at once.
    const after = await publicView(id);
    expect(after.timeline).toHaveLength(before.timeline.length + 1);
    expect(after.timeline.at(-1)).toEqual(event);
    expect(after.project.status).toBe('funded');
    // The photo is a public project image.
    expect((await send(`/api/files/${photo}`)).status).toBe(200);
  });

  it('takes updates while the work is in progress, in one language and without photos', async () => {
    const id = await project('in_progress');
    const response = await postUpdate(id, { text: { en: 'Railings are up.' } });
    expect(response.status).toBe(201);
    const last = (await publicView(id)).timeline.at(-1)!;
    expect(last).toMatchObject({ action: 'progress_update', from: 'in_progress', to: 'in_progress', text: { en: 'Railings are up.' } });
    expect(last.imageIds).toBeUndefined();
  });

  it('keeps the text as written: markup is stored as plain text, never interpreted by the API', async () => {
    const id = await project();
    const text = '<script>alert(1)</script> **done**';
    expect((await postUpdate(id, { text: { ru: text } })).status).toBe(201);
    expect((await publicView(id)).timeline.at(-1)!.text).toEqual({ ru: text });
  });
});

describe('who may post, and when', () => {
  it('answers 401 signed out, 404 to members and other councils, 403 to moderators, writing nothing', async () => {
    const id = await project();
    const member = await signUp(setup);
    const body = { text: { ru: 'Новости' } };
    const eventsBefore = (await storedEvents(id)).length;
    const versionBefore = (await getProjectHead(setup.deps.db, id))!.version;

    const signedOut = await send(`/api/projects/${id}/updates`, { method: 'POST', body });
    expect(signedOut.status).toBe(401);
    expect((await errorOf(signedOut)).code).toBe('UNAUTHENTICATED');
    expect((await postUpdate(id, body, member.cookie)).status).toBe(404);
    expect((await postUpdate(id, body, officialB.cookie)).status).toBe(404);
    const byModerator = await postUpdate(id, body, moderator);
    expect(byModerator.status).toBe(403);
    expect((await errorOf(byModerator)).code).toBe('FORBIDDEN');
    expect((await postUpdate('01J00000000000000000000000', body)).status).toBe(404);

    expect(await storedEvents(id)).toHaveLength(eventsBefore);
    expect((await getProjectHead(setup.deps.db, id))!.version).toBe(versionBefore);
  });

  it('refuses projects not funded or in progress with 409 CONFLICT (published, completed, and drafts to their own council)', async () => {
    const published = await project('published');
    const refused = await postUpdate(published, { text: { ru: 'Рано' } });
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe('CONFLICT');

    const completed = await project('in_progress');
    expect((await send(`/api/projects/${completed}/complete`, { body: {}, cookie: officialA.cookie })).status).toBe(200);
    expect((await postUpdate(completed, { text: { ru: 'Поздно' } })).status).toBe(409);

    const draft = await send('/api/projects', { body: projectInput(officialA.councilId), cookie: officialA.cookie });
    const draftId = ((await draft.json()) as { project: { id: string } }).project.id;
    expect((await postUpdate(draftId, { text: { ru: 'Черновик' } })).status).toBe(409);
    // Drafts stay hidden from other councils: 404, not 409.
    expect((await postUpdate(draftId, { text: { ru: 'Черновик' } }, officialB.cookie)).status).toBe(404);
    expect((await storedEvents(published)).filter((e) => e.action === 'progress_update')).toEqual([]);
  });

  it('refuses a cookie-carrying post from a foreign origin or without one (CSRF)', async () => {
    const id = await project();
    const foreign = await postUpdate(id, { text: { ru: 'x' } }, officialA.cookie, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await errorOf(foreign)).code).toBe('CSRF_REJECTED');
    const noOrigin = await setup.app.request(
      new Request(`http://localhost/api/projects/${id}/updates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: officialA.cookie },
        body: JSON.stringify({ text: { ru: 'x' } }),
      }),
    );
    expect(noOrigin.status).toBe(403);
    expect((await storedEvents(id)).filter((e) => e.action === 'progress_update')).toEqual([]);
  });
});

describe('checking the body', () => {
  let id: string;
  let ownPhoto: string;
  let foreignPhoto: string;
  beforeAll(async () => {
    id = await project();
    ownPhoto = await upload(setup, officialA.cookie, 'project_image', new Uint8Array(await pngBytes()), 'image/png');
    foreignPhoto = await upload(setup, officialB.cookie, 'project_image', new Uint8Array(await pngBytes()), 'image/png');
  });

  it.each([
    ['no text at all', { imageIds: [] }, 'text'],
    ['text in no language', { text: { ru: '   ' } }, 'text'],
    ['text over 2,000 characters', { text: { ru: 'ж'.repeat(2_001) } }, 'text.ru'],
    ['seven photos', () => ({ text: { ru: 'x' }, imageIds: Array.from({ length: 7 }, () => ownPhoto) }), 'imageIds'],
    ['the same photo twice', () => ({ text: { ru: 'x' }, imageIds: [ownPhoto, ownPhoto] }), 'imageIds'],
    ['an id that is not an id', { text: { ru: 'x' }, imageIds: ['../etc/passwd'] }, 'imageIds.0'],
    ['an image that was never uploaded', { text: { ru: 'x' }, imageIds: ['01J00000000000000000000000'] }, 'imageIds.0'],
    ['another official’s image', () => ({ text: { ru: 'x' }, imageIds: [ownPhoto, foreignPhoto] }), 'imageIds.1'],
    ['a council proof instead of an image', () => ({ text: { ru: 'x' }, imageIds: [officialA.proofFileId] }), 'imageIds.0'],
    ['money (expenses come later, with receipts)', { text: { ru: 'x' }, spentMinor: 100 }, ''],
  ])('answers 400 with a field issue for %s, and writes nothing', async (_name, body, path) => {
    const eventsBefore = (await storedEvents(id)).length;
    const versionBefore = (await getProjectHead(setup.deps.db, id))!.version;
    const response = await postUpdate(id, typeof body === 'function' ? body() : body);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues?.map((i) => i.path)).toContain(path);
    expect(await storedEvents(id)).toHaveLength(eventsBefore);
    expect((await getProjectHead(setup.deps.db, id))!.version).toBe(versionBefore);
  });

  it('answers 400 MALFORMED_JSON to a body that is not JSON', async () => {
    const response = await postUpdate(id, '{"text":');
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('MALFORMED_JSON');
  });

  it('accepts six of the official’s own photos', async () => {
    const photos = [ownPhoto];
    for (let i = 0; i < 5; i += 1) photos.push(await upload(setup, officialA.cookie, 'project_image', new Uint8Array(await pngBytes()), 'image/png'));
    const response = await postUpdate(id, { text: { ru: 'Шесть фото' }, imageIds: photos });
    expect(response.status).toBe(201);
    expect((await publicView(id)).timeline.at(-1)!.imageIds).toEqual(photos);
  });
});
