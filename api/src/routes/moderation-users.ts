import { Hono } from 'hono';
import * as z from 'zod';
import { AppError } from '@koldoo/shared/errors.ts';
import { revokeAllSessions } from '../domain/auth/log-out.ts';
import { getUserById } from '../data/users-repo.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import type { TOperation } from '../http/openapi.ts';
import { parseWith } from '../http/parse-input.ts';
import { requireRole } from '../http/session.ts';

const ZUserIdParam = z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a user id') });
export const ZRevokeSessionsReply = z.object({ revoked: z.number().int().nonnegative() });

/** Moderators can end every session of an account (a stolen phone, a compromised password). */
export const moderationUserRoutes = new Hono<THonoEnv>().post(
  '/:id/revoke-sessions',
  requireRole('moderator'),
  async (c) => {
    const { id } = parseWith(ZUserIdParam, { id: c.req.param('id') });
    const deps = c.get('deps');
    if (!(await getUserById(deps.db, id))) throw new AppError('NOT_FOUND', 'No such user');
    const revoked = await revokeAllSessions(deps, id);
    c.get('log').info({ moderatorId: c.get('user')?.id, userId: id, revoked }, 'sessions revoked by moderator');
    return c.json(ZRevokeSessionsReply.parse({ revoked }));
  },
);

export const moderationUserOperations: TOperation[] = [
  {
    method: 'post',
    path: '/api/moderation/users/{id}/revoke-sessions',
    tag: 'moderation',
    summary: 'End every session of a user (moderators only)',
    responses: { 200: ZRevokeSessionsReply },
    errors: [401, 403, 404],
    isAuthenticated: true,
  },
];
