import { beforeAll, describe, expect, it } from 'vitest';
import { ZErrorBody } from '@koldoo/shared/errors.ts';
import { ZMeReply } from '@koldoo/shared/contracts/auth.ts';
import { createModerator } from '@koldoo/api/domain/auth/create-moderator.ts';
import { createTestApp, jsonRequest, sessionCookieFrom, uniqueEmail } from '../support/test-app.ts';

const password = 'талас-2026-жаз';
let setup: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  setup = await createTestApp();
});

async function signUp() {
  const email = uniqueEmail();
  const response = await setup.app.request(jsonRequest('/api/auth/register', { body: { email, password, displayName: 'M' } }));
  return { cookie: sessionCookieFrom(response), user: ZMeReply.parse(await response.json()).user };
}

describe('roles', () => {
  it('lets a moderator revoke every session of a user, and refuses members with 403', async () => {
    const victim = await signUp();
    const member = await signUp();
    const forbidden = await setup.app.request(
      jsonRequest(`/api/moderation/users/${victim.user.id}/revoke-sessions`, { method: 'POST', cookie: member.cookie }),
    );
    expect(forbidden.status).toBe(403);
    expect(ZErrorBody.parse(await forbidden.json()).error.code).toBe('FORBIDDEN');

    const email = uniqueEmail('mod');
    await createModerator(setup.deps, { email, password });
    const login = await setup.app.request(jsonRequest('/api/auth/login', { body: { email, password } }));
    expect(ZMeReply.parse(await login.json()).user.roles).toEqual(['member', 'moderator']);
    const revoked = await setup.app.request(
      jsonRequest(`/api/moderation/users/${victim.user.id}/revoke-sessions`, { method: 'POST', cookie: sessionCookieFrom(login) }),
    );
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toEqual({ revoked: 1 });
    expect((await setup.app.request(jsonRequest('/api/me', { cookie: victim.cookie }))).status).toBe(401);
  });

  it('answers 401 without a session, 400 for a malformed id and 404 for an unknown user', async () => {
    expect((await setup.app.request(jsonRequest('/api/moderation/users/01J0000000000000000000000/revoke-sessions', { method: 'POST' }))).status).toBe(401);
    const email = uniqueEmail('mod');
    await createModerator(setup.deps, { email, password });
    const cookie = sessionCookieFrom(await setup.app.request(jsonRequest('/api/auth/login', { body: { email, password } })));
    const malformed = await setup.app.request(jsonRequest('/api/moderation/users/nope/revoke-sessions', { method: 'POST', cookie }));
    expect(malformed.status).toBe(400);
    const unknown = await setup.app.request(
      jsonRequest('/api/moderation/users/01J00000000000000000000000/revoke-sessions', { method: 'POST', cookie }),
    );
    expect(unknown.status).toBe(404);
  });

  it('grants the moderator role to an existing account only once', async () => {
    const { user } = await signUp();
    await createModerator(setup.deps, { email: user.email });
    const again = await createModerator(setup.deps, { email: user.email });
    expect(again).toMatchObject({ isNew: false });
    expect(again.user.roles).toEqual(['member', 'moderator']);
  });
});
