import { Hono } from 'hono';
import * as z from 'zod';
import { ZCouncilApplicationInput, ZCouncilPrivate, ZCouncilPublic, ZCouncilReply } from '@koldoo/shared/contracts/councils.ts';
import { ZProjectCard } from '@koldoo/shared/contracts/projects.ts';
import { ZId } from '@koldoo/shared/contracts/text.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { listProjectCardsByCouncil } from '../data/projects-repo.ts';
import { canSeeCouncilInternals } from '../domain/access.ts';
import { applyForCouncil } from '../domain/councils/apply-for-council.ts';
import { getCouncilForViewer, listCouncilsInRegion, listMyCouncils } from '../domain/councils/read-councils.ts';
import { listPublicCouncilProjects } from '../domain/projects/list-council-projects.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import type { TOperation } from '../http/openapi.ts';
import { parseWith, readJsonBody } from '../http/parse-input.ts';
import { requireUser } from '../http/session.ts';

const ZCouncilList = z.object({ items: z.array(ZCouncilPublic) });
const ZMyCouncils = z.object({ items: z.array(ZCouncilPrivate) });
const ZCouncilProjects = z.object({ items: z.array(ZProjectCard) });
const ZRegionQuery = z.object({ region: z.string().min(1), district: z.string().optional() });
// Built once: zod compiles a schema on first use, which is costly per request.
const ZIdParam = z.object({ id: ZId });
const id = (raw: string) => parseWith(ZIdParam, { id: raw }).id;

export const councilRoutes = new Hono<THonoEnv>()
  .get('/', async (c) => {
    const query = parseWith(ZRegionQuery, c.req.query());
    return c.json(ZCouncilList.parse({ items: await listCouncilsInRegion(c.get('deps'), query.region, query.district) }));
  })
  .post('/', requireUser, async (c) => {
    const council = await applyForCouncil(c.get('deps'), c.get('user'), await readJsonBody(c));
    return c.json(ZCouncilReply.parse({ council }), 201);
  })
  .get('/:id', async (c) => {
    const council = await getCouncilForViewer(c.get('deps'), c.get('user'), id(c.req.param('id')));
    return c.json(ZCouncilReply.parse({ council }));
  })
  .get('/:id/projects', async (c) => {
    const councilId = id(c.req.param('id'));
    const deps = c.get('deps');
    // Insiders see drafts too; the public sees the council's public projects.
    const items = canSeeCouncilInternals(c.get('user'), councilId)
      ? await listProjectCardsByCouncil(deps.db, councilId)
      : await listPublicCouncilProjects(deps, councilId);
    if (!items) throw new AppError('NOT_FOUND', 'No such council');
    return c.json(ZCouncilProjects.parse({ items }));
  });

export const myCouncilRoutes = new Hono<THonoEnv>().get('/', requireUser, async (c) => {
  const user = c.get('user');
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return c.json(ZMyCouncils.parse({ items: await listMyCouncils(c.get('deps'), user) }));
});

export const councilOperations: TOperation[] = [
  { method: 'get', path: '/api/councils', tag: 'councils', summary: 'Verified councils of a region (and district)', responses: { 200: ZCouncilList } },
  { method: 'post', path: '/api/councils', tag: 'councils', summary: 'Apply to represent a council (upload the proof first)', body: ZCouncilApplicationInput, responses: { 201: ZCouncilReply }, errors: [401], isAuthenticated: true },
  { method: 'get', path: '/api/councils/{id}', tag: 'councils', summary: 'A council: public fields, or all fields for its officials and moderators', responses: { 200: ZCouncilReply }, errors: [404] },
  { method: 'get', path: '/api/councils/{id}/projects', tag: 'councils', summary: "A council's projects; drafts too for its officials and moderators", responses: { 200: ZCouncilProjects }, errors: [404] },
  { method: 'get', path: '/api/me/councils', tag: 'councils', summary: 'Councils I applied for or officiate', responses: { 200: ZMyCouncils }, errors: [401], isAuthenticated: true },
];
