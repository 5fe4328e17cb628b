import type { RequestEvent } from '@sveltejs/kit';
import * as z from 'zod';
import { call, mapResult, type TApiResult } from './core.ts';

/** Local-only mail log; no shared schema because it exists only on developers' machines. */
const ZOutbox = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      sentAt: z.string(),
    }),
  ),
});
export type TOutboxMail = z.infer<typeof ZOutbox>['items'][number];

export async function listOutbox(event: RequestEvent): Promise<TApiResult<TOutboxMail[]>> {
  return mapResult(
    await call(event, { method: 'GET', path: '/api/dev/outbox' }, ZOutbox),
    (reply) => reply.items,
  );
}
