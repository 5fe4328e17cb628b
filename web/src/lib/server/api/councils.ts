import type { RequestEvent } from '@sveltejs/kit';
import * as z from 'zod';
import {
  ZCouncilPrivate,
  ZCouncilPublic,
  ZCouncilReply,
  type TCouncilApplicationInput,
  type TCouncilPrivate,
  type TCouncilPublic,
} from '@koldoo/shared/contracts/councils.ts';
import { call, mapResult, type TApiResult } from './core.ts';

const ZPublicItems = z.object({ items: z.array(ZCouncilPublic) });
/** Demo councils are seeded without a proof file, so the API sends it only when there is one. */
const ZMyCouncil = ZCouncilPrivate.extend({ proofFileId: z.string().optional() });
export type TMyCouncil = z.infer<typeof ZMyCouncil>;
const ZPrivateItems = z.object({ items: z.array(ZMyCouncil) });

/** Verified councils, optionally of one region or district. */
export async function listCouncils(
  event: RequestEvent,
  query: { region?: string; district?: string },
): Promise<TApiResult<TCouncilPublic[]>> {
  return mapResult(
    await call(event, { method: 'GET', path: '/api/councils', query }, ZPublicItems),
    (reply) => reply.items,
  );
}

/**
 * Private fields come back for moderators and the council's own officials. Not the shared
 * ZCouncilReply: its private branch needs a proof file, which seeded councils lack, so their
 * private replies would be read as public ones and lose the contact.
 */
const ZOneCouncil = z.object({ council: z.union([ZMyCouncil, ZCouncilPublic]) });

export async function getCouncil(
  event: RequestEvent,
  id: string,
): Promise<TApiResult<TCouncilPublic | TMyCouncil>> {
  const path = `/api/councils/${encodeURIComponent(id)}` as const;
  return mapResult(
    await call(event, { method: 'GET', path }, ZOneCouncil),
    (reply) => reply.council,
  );
}

/** Councils the signed-in user applied for or acts for, pending ones included. */
export async function listMyCouncils(event: RequestEvent): Promise<TApiResult<TMyCouncil[]>> {
  return mapResult(
    await call(event, { method: 'GET', path: '/api/me/councils' }, ZPrivateItems),
    (reply) => reply.items,
  );
}

export async function applyForCouncil(
  event: RequestEvent,
  input: TCouncilApplicationInput,
): Promise<TApiResult<TCouncilPrivate | TCouncilPublic>> {
  return mapResult(
    await call(event, { method: 'POST', path: '/api/councils', body: input }, ZCouncilReply),
    (reply) => reply.council,
  );
}
