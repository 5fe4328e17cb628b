import { Hono } from 'hono';
import { ZHealthReply, type THealthReply } from '@koldoo/shared/contracts/auth.ts';
import { pingTable } from '../data/health-repo.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import type { TOperation } from '../http/openapi.ts';

export const healthRoutes = new Hono<THonoEnv>().get('/', async (c) => {
  const isDbUp = await pingTable(c.get('deps').db, 2000);
  const reply: THealthReply = isDbUp ? { status: 'ok', db: 'ok' } : { status: 'degraded', db: 'down' };
  c.header('Cache-Control', 'no-store');
  return c.json(reply, isDbUp ? 200 : 503);
});

export const healthOperations: TOperation[] = [
  { method: 'get', path: '/api/health', tag: 'ops', summary: 'Checks that the table answers; 503 when it does not', responses: { 200: ZHealthReply, 503: ZHealthReply } },
];
