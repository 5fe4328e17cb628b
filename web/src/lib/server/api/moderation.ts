import type { RequestEvent } from '@sveltejs/kit';
import * as z from 'zod';
import { ZCouncilPrivate, type ZAddOfficialInput } from '@koldoo/shared/contracts/councils.ts';
import type { TDecisionInput } from '@koldoo/shared/contracts/moderation.ts';
import { ZProjectCard } from '@koldoo/shared/contracts/projects.ts';
import { call, type TApiResult } from './core.ts';

/**
 * The queue's reply has no shared schema yet, so it is described here from the shared parts
 * (as the API's route does). `changes`/`previous` of an amendment are kept loose: the page
 * shows only what it recognises. Councils seeded without a proof file have no `proofFileId`.
 */
const ZModerationQueue = z.object({
  councils: z.array(ZCouncilPrivate.extend({ proofFileId: z.string().optional() })),
  projects: z.array(ZProjectCard),
  amendments: z.array(
    z.object({
      id: z.string(),
      projectId: z.string(),
      reason: z.string(),
      createdAt: z.string(),
      changes: z.record(z.string(), z.unknown()).optional(),
      previous: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});
export type TModerationQueue = z.infer<typeof ZModerationQueue>;

/** The shared contract exports only the schema. */
export type TAddOfficialInput = z.infer<typeof ZAddOfficialInput>;

export const moderationSubjects = ['councils', 'projects', 'amendments'] as const;
export type TModerationSubject = (typeof moderationSubjects)[number];

export async function moderationQueue(event: RequestEvent): Promise<TApiResult<TModerationQueue>> {
  return call(event, { method: 'GET', path: '/api/moderation/queue' }, ZModerationQueue);
}

export async function decide(
  event: RequestEvent,
  subject: TModerationSubject,
  id: string,
  input: TDecisionInput,
): Promise<TApiResult<void>> {
  const path = `/api/moderation/${subject}/${encodeURIComponent(id)}/decision` as const;
  return call<void>(event, { method: 'POST', path, body: input }, null);
}

export async function cancelProject(
  event: RequestEvent,
  id: string,
  reason: string,
): Promise<TApiResult<void>> {
  const path = `/api/moderation/projects/${encodeURIComponent(id)}/cancel` as const;
  return call<void>(event, { method: 'POST', path, body: { reason } }, null);
}

/** Adds an existing account (by e-mail) as another official of a verified council. */
export async function addCouncilOfficial(
  event: RequestEvent,
  councilId: string,
  input: TAddOfficialInput,
): Promise<TApiResult<void>> {
  const path = `/api/moderation/councils/${encodeURIComponent(councilId)}/officials` as const;
  return call<void>(event, { method: 'POST', path, body: input }, null);
}
