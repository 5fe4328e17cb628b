import { Hono } from 'hono';
import * as z from 'zod';
import { ZCancelInput } from '@koldoo/shared/contracts/moderation.ts';
import {
  ZAmendmentInput, ZAuditEvent, ZCreateProjectInput, ZPatchProjectInput, ZProgressUpdateInput, ZProject, ZProjectList, ZProjectListQuery, ZProjectReply,
} from '@koldoo/shared/contracts/projects.ts';
import { ZId } from '@koldoo/shared/contracts/text.ts';
import { advanceProject } from '../domain/projects/advance-project.ts';
import { createProject } from '../domain/projects/create-project.ts';
import { getProjectDetail } from '../domain/projects/get-project.ts';
import { listProjects } from '../domain/projects/list-projects.ts';
import { postProgressUpdate } from '../domain/projects/post-progress-update.ts';
import { proposeAmendment } from '../domain/projects/propose-amendment.ts';
import { submitProject } from '../domain/projects/submit-project.ts';
import { updateDraft } from '../domain/projects/update-draft.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import type { TOperation } from '../http/openapi.ts';
import { jsonOnce } from '../http/json-once.ts';
import { parseJsonBody, parseWith, readJsonBody } from '../http/parse-input.ts';

const ZProjectMutationReply = z.object({ project: ZProject });
const ZProgressUpdateReply = z.object({ event: ZAuditEvent });
// Built once: zod compiles a schema on first use, which is costly per request.
const ZIdParam = z.object({ id: ZId });
const id = (raw: string) => parseWith(ZIdParam, { id: raw }).id;

export const projectRoutes = new Hono<THonoEnv>()
  .get('/', async (c) => {
    const query = parseWith(ZProjectListQuery, c.req.query());
    c.header('Cache-Control', 'public, max-age=5');
    // Cards were parsed with ZProjectCard when loaded; the type keeps this reply to the contract.
    const reply: z.infer<typeof ZProjectList> = await listProjects(c.get('deps'), query);
    return jsonOnce(c, reply);
  })
  .get('/:id', async (c) => {
    const detail = await getProjectDetail(c.get('deps'), c.get('user'), id(c.req.param('id')));
    c.header('Cache-Control', c.get('user') ? 'private, no-store' : 'public, max-age=5');
    return jsonOnce(c, detail);
  })
  .post('/', async (c) => {
    const project = await createProject(c.get('deps'), c.get('user'), await readJsonBody(c, 256 * 1024));
    return c.json(ZProjectMutationReply.parse({ project }), 201);
  })
  .patch('/:id', async (c) => {
    const project = await updateDraft(c.get('deps'), c.get('user'), id(c.req.param('id')), await readJsonBody(c, 256 * 1024));
    return c.json(ZProjectMutationReply.parse({ project }));
  })
  .post('/:id/submit', async (c) => {
    const project = await submitProject(c.get('deps'), c.get('user'), id(c.req.param('id')));
    return c.json(ZProjectMutationReply.parse({ project }));
  })
  .post('/:id/start', async (c) => {
    const project = await advanceProject(c.get('deps'), c.get('user'), id(c.req.param('id')), 'start_work');
    return c.json(ZProjectMutationReply.parse({ project }));
  })
  .post('/:id/complete', async (c) => {
    const { reason } = await parseJsonBody(c, ZCancelInput.partial());
    const project = await advanceProject(c.get('deps'), c.get('user'), id(c.req.param('id')), 'complete', reason);
    return c.json(ZProjectMutationReply.parse({ project }));
  })
  .post('/:id/updates', async (c) => {
    const event = await postProgressUpdate(c.get('deps'), c.get('user'), id(c.req.param('id')), await readJsonBody(c));
    return c.json(ZProgressUpdateReply.parse({ event }), 201);
  })
  .post('/:id/amendments', async (c) => {
    const amendment = await proposeAmendment(c.get('deps'), c.get('user'), id(c.req.param('id')), await readJsonBody(c, 256 * 1024));
    return c.json({ amendment: { id: amendment.id, status: amendment.status, reason: amendment.reason, createdAt: amendment.createdAt } }, 201);
  });

const body = ZCreateProjectInput('2000-01-01');
export const projectOperations: TOperation[] = [
  { method: 'get', path: '/api/projects', tag: 'projects', summary: 'List public projects: filter by region, district, category, status, funding mode, council, text `q`; sort; cursor paging', responses: { 200: ZProjectList } },
  { method: 'get', path: '/api/projects/{id}', tag: 'projects', summary: 'One project with its council, audit timeline and amendments (drafts: 404 unless official or moderator)', responses: { 200: ZProjectReply }, errors: [404] },
  { method: 'post', path: '/api/projects', tag: 'projects', summary: 'Create a draft (official of a verified council)', body, responses: { 201: ZProjectMutationReply }, errors: [401, 403], isAuthenticated: true },
  { method: 'patch', path: '/api/projects/{id}', tag: 'projects', summary: 'Edit a draft or a project sent back for changes', body: ZPatchProjectInput, responses: { 200: ZProjectMutationReply }, errors: [401, 404, 409], isAuthenticated: true },
  { method: 'post', path: '/api/projects/{id}/submit', tag: 'projects', summary: 'Submit for vetting', responses: { 200: ZProjectMutationReply }, errors: [401, 404, 409], isAuthenticated: true },
  { method: 'post', path: '/api/projects/{id}/start', tag: 'projects', summary: 'Report work started on a funded project', responses: { 200: ZProjectMutationReply }, errors: [401, 404, 409], isAuthenticated: true },
  { method: 'post', path: '/api/projects/{id}/complete', tag: 'projects', summary: 'Report the work completed', body: ZCancelInput.partial(), responses: { 200: ZProjectMutationReply }, errors: [401, 404, 409], isAuthenticated: true },
  { method: 'post', path: '/api/projects/{id}/updates', tag: 'projects', summary: 'Post a progress update (text in ky/ru/en, up to 6 own uploaded images) to the public timeline of a funded or in-progress project (officials of the owning council)', body: ZProgressUpdateInput, responses: { 201: ZProgressUpdateReply }, errors: [401, 403, 404, 409], isAuthenticated: true },
  { method: 'post', path: '/api/projects/{id}/amendments', tag: 'projects', summary: 'Propose a change of budget, co-funding or deadline to a published project', body: ZAmendmentInput, responses: { 201: null }, errors: [401, 404, 409], isAuthenticated: true },
];
