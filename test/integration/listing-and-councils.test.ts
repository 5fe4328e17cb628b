import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ZCouncilPrivate, ZCouncilPublic } from '@koldoo/shared/contracts/councils.ts';
import { ZProjectList } from '@koldoo/shared/contracts/projects.ts';
import { ZErrorBody } from '@koldoo/shared/errors.ts';
import { createTestApp, jsonRequest } from '../support/test-app.ts';
import { councilApplication, officialOfNewCouncil, pdfBytes, projectInput, signInModerator, signUp, upload } from '../support/project-fixtures.ts';

let setup: Awaited<ReturnType<typeof createTestApp>>;
let moderator: string;
let official: Awaited<ReturnType<typeof officialOfNewCouncil>>;
const send = (path: string, init: Parameters<typeof jsonRequest>[1] = {}) => setup.app.request(jsonRequest(path, init));
const list = async (query: string) => ZProjectList.parse(await (await send(`/api/projects?${query}`)).json());

async function publish(overrides: Record<string, unknown>) {
  const created = await send('/api/projects', { body: projectInput(official.councilId, overrides), cookie: official.cookie });
  const { id } = ((await created.json()) as { project: { id: string } }).project;
  await send(`/api/projects/${id}/submit`, { method: 'POST', cookie: official.cookie });
  await send(`/api/moderation/projects/${id}/decision`, { body: { decision: 'approve', reason: 'Checked' }, cookie: moderator });
  return id;
}

const ids: Record<string, string> = {};
beforeAll(async () => {
  setup = await createTestApp();
  moderator = await signInModerator(setup);
  official = await official_();
  ids.bridge = await publish({ title: { ru: 'Мост через Гульчу' }, deadline: inDays(30) });
  ids.school = await publish({ title: { ky: 'Мектептин чатыры' }, category: 'school', fundingMode: 'flexible', deadline: inDays(10) });
  ids.water = await publish({
    title: { en: 'Clean water pipeline' }, category: 'water_supply', deadline: inDays(50),
    location: { regionId: 'osh', districtId: 'kara-suu', ayilAimak: { ru: 'x' }, village: { ru: 'y' } },
  });
  // A draft must never appear in listings.
  await send('/api/projects', { body: projectInput(official.councilId, { title: { ru: 'Черновик мост' } }), cookie: official.cookie });
});
const official_ = () => officialOfNewCouncil(setup, moderator);
function inDays(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('GET /api/projects', () => {
  it('lists public projects only, newest first', async () => {
    const page = await list('');
    expect(page.items.map((p) => p.id)).toEqual([ids.water, ids.school, ids.bridge]);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by region, district, category, funding mode and text in any language', async () => {
    expect((await list('district=kara-suu')).items.map((p) => p.id)).toEqual([ids.water]);
    expect((await list('region=osh&category=school')).items.map((p) => p.id)).toEqual([ids.school]);
    expect((await list('fundingMode=flexible')).items.map((p) => p.id)).toEqual([ids.school]);
    expect((await list(`q=${encodeURIComponent('ГУЛЬЧУ')}`)).items.map((p) => p.id)).toEqual([ids.bridge]);
    expect((await list(`q=${encodeURIComponent('чатыр')}`)).items.map((p) => p.id)).toEqual([ids.school]);
    expect((await list('q=pipeline')).items.map((p) => p.id)).toEqual([ids.water]);
    expect((await list('region=talas')).items).toEqual([]);
  });

  it('sorts by ending soon and pages with a cursor', async () => {
    const first = await list('sort=ending_soon&limit=2');
    expect(first.items.map((p) => p.id)).toEqual([ids.school, ids.bridge]);
    const second = await list(`sort=ending_soon&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((p) => p.id)).toEqual([ids.water]);
    expect(second.nextCursor).toBeNull();
  });

  it('answers 400 for bad filters and a forged cursor', async () => {
    for (const query of ['sort=random', 'limit=500', 'category=casino', 'cursor=not-a-cursor']) {
      const response = await send(`/api/projects?${query}`);
      expect(response.status, query).toBe(400);
      expect(ZErrorBody.parse(await response.json()).error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('councils', () => {
  it('keeps a pending application private: 404 to the public, full view to the applicant and moderators', async () => {
    const member = await signUp(setup);
    const proof = await upload(setup, member.cookie, 'council_proof', pdfBytes, 'application/pdf');
    const applied = await send('/api/councils', { body: councilApplication(proof), cookie: member.cookie });
    expect(applied.status).toBe(201);
    const { id } = ((await applied.json()) as { council: { id: string } }).council;
    expect((await send(`/api/councils/${id}`)).status).toBe(404);
    expect(ZCouncilPrivate.parse(((await (await send(`/api/councils/${id}`, { cookie: member.cookie })).json()) as { council: unknown }).council).status).toBe('pending');
    const mine = (await (await send('/api/me/councils', { cookie: member.cookie })).json()) as { items: { id: string }[] };
    expect(mine.items.map((c) => c.id)).toEqual([id]);
    // The proof is readable by the applicant and moderators only.
    expect((await send(`/api/files/${proof}`, { cookie: moderator })).status).toBe(200);
    expect((await send(`/api/files/${proof}`)).status).toBe(404);
    // The same proof cannot back a second application.
    expect((await send('/api/councils', { body: councilApplication(proof), cookie: member.cookie })).status).toBe(400);
  });

  it('shows verified councils publicly without private fields, listed by region and district', async () => {
    const publicView = (await (await send(`/api/councils/${official.councilId}`)).json()) as { council: Record<string, unknown> };
    expect(ZCouncilPublic.parse(publicView.council).isVerified).toBe(true);
    expect(publicView.council).not.toHaveProperty('contact');
    expect(publicView.council).not.toHaveProperty('proofFileId');
    const inRegion = z.object({ items: z.array(ZCouncilPublic) }).parse(await (await send('/api/councils?region=osh&district=alay')).json());
    expect(inRegion.items.map((c) => c.id)).toContain(official.councilId);
    expect((await send('/api/councils?region=osh&district=kara-suu')).status).toBe(200);
  });

  it('rejects a bad application with field issues, and one without an uploaded proof', async () => {
    const member = await signUp(setup);
    const proof = await upload(setup, member.cookie, 'council_proof', pdfBytes, 'application/pdf');
    const bad = await send('/api/councils', { body: councilApplication(proof, { districtId: 'talas-d', villages: [] }), cookie: member.cookie });
    expect(bad.status).toBe(400);
    expect(ZErrorBody.parse(await bad.json()).error.issues?.map((i) => i.path).sort()).toEqual(['districtId', 'villages']);
    const noProof = await send('/api/councils', { body: councilApplication('01J00000000000000000000000'), cookie: member.cookie });
    expect(noProof.status).toBe(400);
    const someoneElses = await send('/api/councils', { body: councilApplication(proof), cookie: (await signUp(setup)).cookie });
    expect(someoneElses.status).toBe(400);
  });

  it('makes the applicant an official on approval, and nobody else', async () => {
    expect(official.user.roles).toEqual(['member']);
    const me = (await (await send('/api/me', { cookie: official.cookie })).json()) as { user: { roles: string[]; councilIds: string[] } };
    expect(me.user.roles).toEqual(['member', 'council_official']);
    expect(me.user.councilIds).toEqual([official.councilId]);
    const outbox = (await (await send('/api/dev/outbox')).json()) as { items: { to: string; subject: string }[] };
    expect(outbox.items.some((m) => m.to === 'kok-jar@example.kg' && m.subject.includes('одобрено'))).toBe(true);
  });
});

describe('several officials', () => {
  it('lets a moderator add a second official, who can then edit the council drafts; others cannot add', async () => {
    const second = await signUp(setup);
    const path = `/api/moderation/councils/${official.councilId}/officials`;
    expect((await send(path, { body: { email: second.email, reason: 'Deputy head, confirmed by phone' }, cookie: official.cookie })).status).toBe(403);
    expect((await send(path, { body: { email: 'nobody@example.kg', reason: 'Unknown person' }, cookie: moderator })).status).toBe(400);
    const added = await send(path, { body: { email: second.email, reason: 'Deputy head, confirmed by phone' }, cookie: moderator });
    expect(added.status).toBe(201);
    expect((await send(path, { body: { email: second.email, reason: 'again' }, cookie: moderator })).status).toBe(409);
    const me = (await (await send('/api/me', { cookie: second.cookie })).json()) as { user: { roles: string[]; councilIds: string[] } };
    expect(me.user).toMatchObject({ roles: ['member', 'council_official'], councilIds: [official.councilId] });
    const created = await send('/api/projects', { body: projectInput(official.councilId), cookie: second.cookie });
    expect(created.status).toBe(201);
  });
});
