import type { RequestEvent } from '@sveltejs/kit';
import * as z from 'zod';
import {
  ZProject,
  ZProjectCard,
  ZProjectList,
  ZProjectReply,
  type TAmendmentInput,
  type TProgressUpdateInput,
  type TProject,
  type TProjectCard,
  type TProjectListQuery,
} from '@koldoo/shared/contracts/projects.ts';
import { call, mapResult, type TApiResult } from './core.ts';

export type TProjectList = z.infer<typeof ZProjectList>;
export type TProjectReply = z.infer<typeof ZProjectReply>;

const ZOneProject = z.object({ project: ZProject });
const ZCardItems = z.object({ items: z.array(ZProjectCard) });
const projectOf = (reply: { project: TProject }) => reply.project;

/** The public listing; filters the reader left empty are not sent. */
export async function listProjects(
  event: RequestEvent,
  query: Partial<TProjectListQuery>,
): Promise<TApiResult<TProjectList>> {
  return call(event, { method: 'GET', path: '/api/projects', query }, ZProjectList);
}

export async function getProject(
  event: RequestEvent,
  id: string,
): Promise<TApiResult<TProjectReply>> {
  return call(
    event,
    { method: 'GET', path: `/api/projects/${encodeURIComponent(id)}` },
    ZProjectReply,
  );
}

/** Every project of a council, drafts included (its officials and moderators only). */
export async function listCouncilProjects(
  event: RequestEvent,
  councilId: string,
): Promise<TApiResult<TProjectCard[]>> {
  const path = `/api/councils/${encodeURIComponent(councilId)}/projects` as const;
  return mapResult(await call(event, { method: 'GET', path }, ZCardItems), (reply) => reply.items);
}

/** `input` is checked by the caller with the shared schema; the API checks it again. */
export async function createProject(
  event: RequestEvent,
  input: Record<string, unknown>,
): Promise<TApiResult<TProject>> {
  return mapResult(
    await call(event, { method: 'POST', path: '/api/projects', body: input }, ZOneProject),
    projectOf,
  );
}

export async function updateProject(
  event: RequestEvent,
  id: string,
  patch: Record<string, unknown>,
): Promise<TApiResult<TProject>> {
  const path = `/api/projects/${encodeURIComponent(id)}` as const;
  return mapResult(
    await call(event, { method: 'PATCH', path, body: patch }, ZOneProject),
    projectOf,
  );
}

export async function submitProject(
  event: RequestEvent,
  id: string,
): Promise<TApiResult<TProject>> {
  const path = `/api/projects/${encodeURIComponent(id)}/submit` as const;
  return mapResult(await call(event, { method: 'POST', path }, ZOneProject), projectOf);
}

export async function proposeAmendment(
  event: RequestEvent,
  id: string,
  input: TAmendmentInput,
): Promise<TApiResult<void>> {
  const path = `/api/projects/${encodeURIComponent(id)}/amendments` as const;
  return call<void>(event, { method: 'POST', path, body: input }, null);
}

/** The council reports work started on a funded project, or finished. */
export async function advanceProject(
  event: RequestEvent,
  id: string,
  step: 'start' | 'complete',
): Promise<TApiResult<TProject>> {
  const path = `/api/projects/${encodeURIComponent(id)}/${step}` as const;
  return mapResult(await call(event, { method: 'POST', path, body: {} }, ZOneProject), projectOf);
}

/** The council's news on a funded or in-progress project; `input` was checked with the shared schema. */
export async function postProgressUpdate(
  event: RequestEvent,
  id: string,
  input: TProgressUpdateInput,
): Promise<TApiResult<void>> {
  const path = `/api/projects/${encodeURIComponent(id)}/updates` as const;
  return call<void>(event, { method: 'POST', path, body: input }, null);
}
