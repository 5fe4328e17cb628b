import { beforeAll, describe, expect, it } from 'vitest';
import { ZErrorBody } from '@koldoo/shared/errors.ts';
import * as z from 'zod';
import { ZProjectCard, ZProjectReply } from '@koldoo/shared/contracts/projects.ts';

const ZCards = z.object({ items: z.array(ZProjectCard) });
import { getProject, transitionProject } from '@koldoo/api/data/projects-repo.ts';
import { auditEvent } from '@koldoo/api/domain/projects/audit-event.ts';
import { createTestApp, jsonRequest } from '../support/test-app.ts';
import { officialOfNewCouncil, pngBytes, projectInput, signInModerator, signUp, upload } from '../support/project-fixtures.ts';

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

async function createDraft(cookie = officialA.cookie, councilId = officialA.councilId, overrides = {}) {
  const response = await send('/api/projects', { body: projectInput(councilId, overrides), cookie });
  expect(response.status).toBe(201);
  return ((await response.json()) as { project: { id: string; goalMinor: number; budgetTotalMinor: number } }).project;
}

describe('creating and editing drafts', () => {
  it('computes line totals, co-funding and the goal from the budget', async () => {
    const draft = await createDraft();
    expect(draft).toMatchObject({ budgetTotalMinor: 150_000_000, goalMinor: 130_000_000 });
  });

  it('hides a draft from the public, other councils and members (404), shows it to its officials and moderators', async () => {
    const { id } = await createDraft();
    const member = await signUp(setup);
    expect((await send(`/api/projects/${id}`)).status).toBe(404);
    expect((await send(`/api/projects/${id}`, { cookie: member.cookie })).status).toBe(404);
    expect((await send(`/api/projects/${id}`, { cookie: officialB.cookie })).status).toBe(404);
    expect((await send(`/api/projects/${id}`, { method: 'PATCH', body: { beneficiaries: 1 }, cookie: officialB.cookie })).status).toBe(404);
    expect((await send(`/api/projects/${id}/submit`, { method: 'POST', cookie: officialB.cookie })).status).toBe(404);
    expect((await send(`/api/projects/${id}`, { cookie: officialA.cookie })).status).toBe(200);
    expect((await send(`/api/projects/${id}`, { cookie: moderator })).status).toBe(200);
  });

  it('refuses members (403) and officials posting for a council not theirs (400)', async () => {
    const member = await signUp(setup);
    expect((await send('/api/projects', { body: projectInput(officialA.councilId), cookie: member.cookie })).status).toBe(403);
    const foreign = await send('/api/projects', { body: projectInput(officialA.councilId), cookie: officialB.cookie });
    expect(foreign.status).toBe(400);
    expect((await errorOf(foreign)).issues?.[0]?.path).toBe('councilId');
    expect((await send('/api/projects', { body: projectInput(officialA.councilId) })).status).toBe(401);
  });

  it.each([
    ['a negative budget', { budgetLines: [{ item: { ru: 'x' }, quantity: 1, unitCostMinor: -5 }] }, 'budgetLines.0.unitCostMinor'],
    ['a deadline in the past', { deadline: '2020-01-01' }, 'deadline'],
    ['an unknown region', { location: { regionId: 'atlantis', districtId: 'alay', ayilAimak: { ru: 'x' }, village: { ru: 'y' } } }, 'location.districtId'],
    ['a title over 120 characters', { title: { ru: 'м'.repeat(121) } }, 'title.ru'],
    ['no language at all', { title: {} }, 'title'],
    ['milestones not adding to 100%', { milestones: [{ title: { ru: 'a' }, targetDate: '2030-01-01', shareBasisPoints: 5000 }] }, 'milestones'],
    ['an unknown category', { category: 'casino' }, 'category'],
  ])('answers 400 with a field issue for %s, and writes nothing', async (_name, overrides, path) => {
    const before = ZCards.parse(await (await send(`/api/councils/${officialA.councilId}/projects`, { cookie: officialA.cookie })).json()).items.length;
    const response = await send('/api/projects', { body: projectInput(officialA.councilId, overrides), cookie: officialA.cookie });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues?.map((i) => i.path)).toContain(path);
    const after = ZCards.parse(await (await send(`/api/councils/${officialA.councilId}/projects`, { cookie: officialA.cookie })).json()).items.length;
    expect(after).toBe(before);
  });

  it('edits a draft with PATCH, re-checking the merged result', async () => {
    const { id } = await createDraft();
    const ok = await send(`/api/projects/${id}`, { method: 'PATCH', body: { beneficiaries: 700 }, cookie: officialA.cookie });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { project: { beneficiaries: number; version: number } }).project).toMatchObject({ beneficiaries: 700, version: 2 });
    const bad = await send(`/api/projects/${id}`, { method: 'PATCH', body: { deadline: '2001-01-01' }, cookie: officialA.cookie });
    expect(bad.status).toBe(400);
    const unknownField = await send(`/api/projects/${id}`, { method: 'PATCH', body: { status: 'published' }, cookie: officialA.cookie });
    expect(unknownField.status).toBe(400);
  });

  it('accepts only uploaded project images as cover', async () => {
    const image = await upload(setup, officialA.cookie, 'project_image', new Uint8Array(await pngBytes()), 'image/png');
    const withCover = await createDraft(officialA.cookie, officialA.councilId, { coverImageId: image });
    expect(withCover.id).toBeTruthy();
    const bogus = await send('/api/projects', { body: projectInput(officialA.councilId, { coverImageId: officialA.proofFileId }), cookie: officialA.cookie });
    expect(bogus.status).toBe(400);
    expect((await errorOf(bogus)).issues?.[0]?.path).toBe('coverImageId');
  });
});

describe('the vetting path', () => {
  it('runs draft → submitted → changes_requested → submitted → published, with a public audit trail and e-mails', async () => {
    const { id } = await createDraft();
    expect((await send(`/api/projects/${id}/submit`, { method: 'POST', cookie: officialA.cookie })).status).toBe(200);
    const editWhileSubmitted = await send(`/api/projects/${id}`, { method: 'PATCH', body: { beneficiaries: 5 }, cookie: officialA.cookie });
    expect(editWhileSubmitted.status).toBe(409);

    const queue = (await (await send('/api/moderation/queue', { cookie: moderator })).json()) as { projects: { id: string }[] };
    expect(queue.projects.map((p) => p.id)).toContain(id);

    const sentBack = await send(`/api/moderation/projects/${id}/decision`, {
      body: { decision: 'request_changes', reason: 'Add a quote for the steel', checklist: { documentsPresent: true, budgetPlausible: false, locationMatches: true } },
      cookie: moderator,
    });
    expect(sentBack.status).toBe(200);
    expect((await send(`/api/projects/${id}`, { method: 'PATCH', body: { beneficiaries: 650 }, cookie: officialA.cookie })).status).toBe(200);
    expect((await send(`/api/projects/${id}/submit`, { method: 'POST', cookie: officialA.cookie })).status).toBe(200);
    const approved = await send(`/api/moderation/projects/${id}/decision`, { body: { decision: 'approve', reason: 'All checked' }, cookie: moderator });
    expect(approved.status).toBe(200);

    const raw = (await (await send(`/api/projects/${id}`)).json()) as { project: Record<string, unknown>; timeline: Record<string, unknown>[] };
    // Storage keys never reach the wire.
    for (const key of ['pk', 'sk', 'gsi1pk', 'gsi3pk', 'type']) {
      expect(raw.project).not.toHaveProperty(key);
      expect(raw.timeline[0]).not.toHaveProperty(key);
    }
    const publicView = ZProjectReply.parse(raw);
    expect(publicView.project.status).toBe('published');
    expect(publicView.council.isVerified).toBe(true);
    expect(publicView.timeline.map((e) => `${e.from ?? '∅'}→${e.to}`)).toEqual([
      '∅→draft', 'draft→submitted', 'submitted→changes_requested', 'changes_requested→submitted', 'submitted→published',
    ]);
    expect(publicView.timeline[2]).toMatchObject({
      reason: 'Add a quote for the steel',
      checklist: { documentsPresent: true, budgetPlausible: false, locationMatches: true },
    });

    const outbox = (await (await send('/api/dev/outbox')).json()) as { items: { to: string; text: string }[] };
    expect(outbox.items.filter((m) => m.text.includes('Add a quote for the steel'))).toHaveLength(1);
  });

  it('refuses a second decision on the same submission (409) and members on moderation routes (403)', async () => {
    const { id } = await createDraft();
    await send(`/api/projects/${id}/submit`, { method: 'POST', cookie: officialA.cookie });
    expect((await send(`/api/moderation/projects/${id}/decision`, { body: { decision: 'reject', reason: 'Duplicate' }, cookie: moderator })).status).toBe(200);
    expect((await send(`/api/moderation/projects/${id}/decision`, { body: { decision: 'approve', reason: 'oops' }, cookie: moderator })).status).toBe(409);
    const member = await signUp(setup);
    for (const path of ['/api/moderation/queue']) expect((await send(path, { cookie: member.cookie })).status).toBe(403);
    expect((await send(`/api/moderation/projects/${id}/decision`, { body: { decision: 'approve', reason: 'me' }, cookie: officialA.cookie })).status).toBe(403);
    expect((await send(`/api/moderation/projects/${id}/decision`, { body: { decision: 'maybe', reason: '' }, cookie: moderator })).status).toBe(400);
  });

  it('lets a moderator cancel with a reason, never after completion', async () => {
    const { id } = await createDraft();
    expect((await send(`/api/moderation/projects/${id}/cancel`, { body: { reason: '' }, cookie: moderator })).status).toBe(400);
    expect((await send(`/api/moderation/projects/${id}/cancel`, { body: { reason: 'Council withdrew it' }, cookie: moderator })).status).toBe(200);
    expect((await send(`/api/moderation/projects/${id}/cancel`, { body: { reason: 'again' }, cookie: moderator })).status).toBe(409);
  });
});

describe('amendments to a published project', () => {
  it('changes goal and deadline only through an approved amendment, keeping the history', async () => {
    const { id } = await createDraft();
    await send(`/api/projects/${id}/submit`, { method: 'POST', cookie: officialA.cookie });
    await send(`/api/moderation/projects/${id}/decision`, { body: { decision: 'approve', reason: 'Looks right' }, cookie: moderator });
    expect((await send(`/api/projects/${id}`, { method: 'PATCH', body: { deadline: '2030-01-01' }, cookie: officialA.cookie })).status).toBe(409);

    const proposed = await send(`/api/projects/${id}/amendments`, {
      body: { budgetLines: [{ item: { ru: 'Сталь подорожала' }, quantity: 1, unitCostMinor: 170_000_000 }], reason: 'Steel prices rose' },
      cookie: officialA.cookie,
    });
    expect(proposed.status).toBe(201);
    const amendmentId = ((await proposed.json()) as { amendment: { id: string } }).amendment.id;
    expect((await send(`/api/projects/${id}/amendments`, { body: { reason: 'x', deadline: '2030-01-01' }, cookie: officialB.cookie })).status).toBe(404);

    const queue = (await (await send('/api/moderation/queue', { cookie: moderator })).json()) as { amendments: { id: string }[] };
    expect(queue.amendments.map((a) => a.id)).toContain(amendmentId);
    expect((await send(`/api/moderation/amendments/${amendmentId}/decision`, { body: { decision: 'approve', reason: 'Quote attached' }, cookie: moderator })).status).toBe(200);
    expect((await send(`/api/moderation/amendments/${amendmentId}/decision`, { body: { decision: 'approve', reason: 'twice' }, cookie: moderator })).status).toBe(409);

    const view = ZProjectReply.parse(await (await send(`/api/projects/${id}`)).json());
    expect(view.project.goalMinor).toBe(150_000_000);
    expect(view.amendments).toEqual([expect.objectContaining({ id: amendmentId, status: 'approved', reason: 'Steel prices rose' })]);
    expect(view.timeline.at(-1)).toMatchObject({ action: 'amendment_approved', reason: 'Steel prices rose — Quote attached' });
  });
});

describe('after funding', () => {
  it('lets the council report work started and completed, in order, and nobody else', async () => {
    const { id } = await createDraft();
    await send(`/api/projects/${id}/submit`, { method: 'POST', cookie: officialA.cookie });
    await send(`/api/moderation/projects/${id}/decision`, { body: { decision: 'approve', reason: 'Checked' }, cookie: moderator });
    expect((await send(`/api/projects/${id}/start`, { method: 'POST', cookie: officialA.cookie })).status).toBe(409);
    // Reaching the goal is the funding counter's (system) step; drive it the way the pledges code will.
    const project = await getProject(setup.deps.db, id);
    const event = auditEvent(setup.deps, { actorId: 'system', actorRole: 'system', action: 'reach_goal', from: 'published', to: 'funded' });
    expect(await transitionProject(setup.deps.db, { project: project!, to: 'funded', event })).toBe(true);

    expect((await send(`/api/projects/${id}/start`, { method: 'POST', cookie: officialB.cookie })).status).toBe(404);
    expect((await send(`/api/projects/${id}/complete`, { body: {}, cookie: officialA.cookie })).status).toBe(409);
    expect((await send(`/api/projects/${id}/start`, { method: 'POST', cookie: officialA.cookie })).status).toBe(200);
    const done = await send(`/api/projects/${id}/complete`, { body: { reason: 'Bridge opened on 1 May' }, cookie: officialA.cookie });
    expect(done.status).toBe(200);
    const view = ZProjectReply.parse(await (await send(`/api/projects/${id}`)).json());
    expect(view.project.status).toBe('completed');
    expect(view.timeline.slice(-3).map((e) => e.to)).toEqual(['funded', 'in_progress', 'completed']);
    expect((await send(`/api/moderation/projects/${id}/cancel`, { body: { reason: 'Too late now' }, cookie: moderator })).status).toBe(409);
  });
});
