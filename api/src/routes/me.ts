import { Hono } from 'hono';
import { ZMeReply } from '@koldoo/shared/contracts/auth.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import type { TOperation } from '../http/openapi.ts';
import { requireUser } from '../http/session.ts';

export const meRoutes = new Hono<THonoEnv>().get('/', requireUser, (c) =>
  c.json(ZMeReply.parse({ user: c.get('user') })),
);

export const meOperations: TOperation[] = [
  { method: 'get', path: '/api/me', tag: 'auth', summary: 'The signed-in user', responses: { 200: ZMeReply }, errors: [401], isAuthenticated: true },
];
