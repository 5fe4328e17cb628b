import { Hono } from 'hono';
import * as z from 'zod';
import { ZAddOfficialInput, ZCouncilPrivate } from '@koldoo/shared/contracts/councils.ts';
import { ZCancelInput, ZDecisionInput } from '@koldoo/shared/contracts/moderation.ts';
import { ZProject, ZProjectCard } from '@koldoo/shared/contracts/projects.ts';
import { ZId } from '@koldoo/shared/contracts/text.ts';
import { addCouncilOfficial } from '../domain/councils/add-council-official.ts';
import { decideCouncil } from '../domain/councils/decide-council.ts';
import { getModerationQueue } from '../domain/moderation/get-moderation-queue.ts';
import { cancelProject } from '../domain/projects/cancel-project.ts';
import { decideAmendment } from '../domain/projects/decide-amendment.ts';
import { decideProject } from '../domain/projects/decide-project.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import type { TOperation } from '../http/openapi.ts';
import { parseJsonBody, parseWith } from '../http/parse-input.ts';
import { requireRole } from '../http/session.ts';

const ZCouncilWithOptionalProof = ZCouncilPrivate;
const ZQueue = z.object({
  councils: z.array(ZCouncilWithOptionalProof),
  projects: z.array(ZProjectCard),
  amendments: z.array(z.object({ id: z.string(), projectId: z.string(), reason: z.string(), createdAt: z.string(), changes: z.record(z.string(), z.unknown()), previous: z.record(z.string(), z.unknown()) })),
});
// Built once: zod compiles a schema on first use, which is costly per request.
const ZIdParam = z.object({ id: ZId });
const id = (raw: string) => parseWith(ZIdParam, { id: raw }).id;

/** Every route here is for moderators: members get 403 before any object is looked at. */
export const moderationRoutes = new Hono<THonoEnv>()
  .use('*', requireRole('moderator'))
  .get('/queue', async (c) => c.json(ZQueue.parse(await getModerationQueue(c.get('deps'), c.get('user')))))
  .post('/councils/:id/decision', async (c) => {
    const council = await decideCouncil(c.get('deps'), c.get('user'), id(c.req.param('id')), await parseJsonBody(c, ZDecisionInput));
    return c.json({ council: ZCouncilWithOptionalProof.parse(council) });
  })
  .post('/councils/:id/officials', async (c) => {
    const council = await addCouncilOfficial(c.get('deps'), c.get('user'), id(c.req.param('id')), await parseJsonBody(c, ZAddOfficialInput));
    return c.json({ council: ZCouncilPrivate.parse(council) }, 201);
  })
  .post('/projects/:id/decision', async (c) => {
    const project = await decideProject(c.get('deps'), c.get('user'), id(c.req.param('id')), await parseJsonBody(c, ZDecisionInput));
    return c.json({ project: ZProject.parse(project) });
  })
  .post('/projects/:id/cancel', async (c) => {
    const { reason } = await parseJsonBody(c, ZCancelInput);
    return c.json({ project: ZProject.parse(await cancelProject(c.get('deps'), c.get('user'), id(c.req.param('id')), reason)) });
  })
  .post('/amendments/:id/decision', async (c) => {
    const amendment = await decideAmendment(c.get('deps'), c.get('user'), id(c.req.param('id')), await parseJsonBody(c, ZDecisionInput));
    return c.json({ amendment: { id: amendment.id, status: amendment.status, decidedAt: amendment.decidedAt } });
  });

const decision = (what: string) => ({ method: 'post' as const, tag: 'moderation', body: ZDecisionInput, errors: [401, 403, 404, 409], isAuthenticated: true, summary: `Approve, request changes to, or reject ${what}; the council is e-mailed the reason` });
export const moderationOperations: TOperation[] = [
  { method: 'get', path: '/api/moderation/queue', tag: 'moderation', summary: 'Pending councils, submitted projects and amendments', responses: { 200: ZQueue }, errors: [401, 403], isAuthenticated: true },
  { ...decision('a council application'), path: '/api/moderation/councils/{id}/decision', responses: { 200: null } },
  { method: 'post', path: '/api/moderation/councils/{id}/officials', tag: 'moderation', summary: 'Add another official (an existing account, by e-mail) to a verified council', body: ZAddOfficialInput, responses: { 201: null }, errors: [401, 403, 404, 409], isAuthenticated: true },
  { ...decision('a submitted project'), path: '/api/moderation/projects/{id}/decision', responses: { 200: null } },
  { ...decision('an amendment (approve or reject)'), path: '/api/moderation/amendments/{id}/decision', responses: { 200: null } },
  { method: 'post', path: '/api/moderation/projects/{id}/cancel', tag: 'moderation', summary: 'Cancel a project before completion, with a public reason', body: ZCancelInput, responses: { 200: null }, errors: [401, 403, 404, 409], isAuthenticated: true },
];
