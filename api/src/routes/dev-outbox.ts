import { Hono } from 'hono';
import * as z from 'zod';
import { AppError } from '@koldoo/shared/errors.ts';
import { ZOutboxMail, listOutboxMail } from '../data/outbox-repo.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import type { TOperation } from '../http/openapi.ts';

const ZOutbox = z.object({ items: z.array(ZOutboxMail) });

/** The local mail sink, readable on a laptop only; in AWS mail goes through SES and this is 404. */
export const devOutboxRoutes = new Hono<THonoEnv>().get('/', async (c) => {
  const deps = c.get('deps');
  if (!deps.config.hasDevOutbox) throw new AppError('NOT_FOUND', 'No outbox here');
  return c.json(ZOutbox.parse({ items: await listOutboxMail(deps.db, 100) }));
});

export const devOutboxOperations: TOperation[] = [
  { method: 'get', path: '/api/dev/outbox', tag: 'dev', summary: 'Local platform only: the last 100 e-mails that would have been sent', responses: { 200: ZOutbox }, errors: [404] },
];
