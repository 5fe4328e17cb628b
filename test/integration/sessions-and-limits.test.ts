import { describe, expect, it } from 'vitest';
import { ZErrorBody } from '@koldoo/shared/errors.ts';
import { revokeAllSessions } from '@koldoo/api/domain/auth/log-out.ts';
import { getUserByEmail } from '@koldoo/api/data/users-repo.ts';
import { createTestApp, jsonRequest, sessionCookieFrom, uniqueEmail } from '../support/test-app.ts';

const password = 'бишкек-ош-2026!';

describe('sessions', () => {
  it('expires a session after its TTL even before DynamoDB deletes the item', async () => {
    let now = new Date('2026-11-22T10:00:00Z');
    const { app } = await createTestApp({ clock: { now: () => now } });
    const email = uniqueEmail();
    const registered = await app.request(jsonRequest('/api/auth/register', { body: { email, password, displayName: 'A' } }));
    const cookie = sessionCookieFrom(registered);
    expect((await app.request(jsonRequest('/api/me', { cookie }))).status).toBe(200);
    now = new Date(now.getTime() + 15 * 24 * 3600 * 1000);
    expect((await app.request(jsonRequest('/api/me', { cookie }))).status).toBe(401);
  });

  it('revocation ends every session of the user', async () => {
    const { app, deps } = await createTestApp();
    const email = uniqueEmail();
    await app.request(jsonRequest('/api/auth/register', { body: { email, password, displayName: 'A' } }));
    const phone = sessionCookieFrom(await app.request(jsonRequest('/api/auth/login', { body: { email, password } })));
    const laptop = sessionCookieFrom(await app.request(jsonRequest('/api/auth/login', { body: { email, password } })));
    const user = await getUserByEmail(deps.db, email);
    expect(await revokeAllSessions(deps, user!.id)).toBe(3);
    for (const cookie of [phone, laptop]) expect((await app.request(jsonRequest('/api/me', { cookie }))).status).toBe(401);
  });
});

describe('login rate limit', () => {
  it('answers 429 with Retry-After after 10 failures for one e-mail, even with the right password', async () => {
    const { app } = await createTestApp();
    const email = uniqueEmail();
    await app.request(jsonRequest('/api/auth/register', { body: { email, password, displayName: 'A' } }));
    for (let i = 0; i < 10; i += 1) {
      // Different IPs: the per-e-mail limit must hold on its own.
      const wrong = await app.request(
        jsonRequest('/api/auth/login', {
          body: { email, password: `wrong-${i}` },
          headers: { 'x-koldoo-internal': 'test-internal-secret-0123456789', 'x-forwarded-for': `198.51.100.${i}` },
        }),
      );
      expect(wrong.status).toBe(401);
    }
    const locked = await app.request(jsonRequest('/api/auth/login', { body: { email, password } }));
    expect(locked.status).toBe(429);
    expect(ZErrorBody.parse(await locked.json()).error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
  });

  it('limits one IP guessing across many e-mails, and the window lapses after 15 minutes', async () => {
    let now = new Date('2026-11-22T10:00:00Z');
    const { app } = await createTestApp({ clock: { now: () => now } });
    for (let i = 0; i < 10; i += 1) {
      const response = await app.request(
        jsonRequest('/api/auth/login', { body: { email: uniqueEmail('guess'), password: 'whatever-123' } }),
      );
      expect(response.status).toBe(401);
    }
    const blocked = await app.request(
      jsonRequest('/api/auth/login', { body: { email: uniqueEmail('guess'), password: 'whatever-123' } }),
    );
    expect(blocked.status).toBe(429);
    now = new Date(now.getTime() + 15 * 60 * 1000 + 1000);
    const afterWindow = await app.request(
      jsonRequest('/api/auth/login', { body: { email: uniqueEmail('guess'), password: 'whatever-123' } }),
    );
    expect(afterWindow.status).toBe(401);
  });

  it('ignores a forged X-Forwarded-For without the internal secret', async () => {
    const { app } = await createTestApp();
    for (let i = 0; i < 10; i += 1) {
      await app.request(
        jsonRequest('/api/auth/login', {
          body: { email: uniqueEmail('spoof'), password: 'whatever-123' },
          headers: { 'x-forwarded-for': `192.0.2.${i}` },
        }),
      );
    }
    const blocked = await app.request(
      jsonRequest('/api/auth/login', { body: { email: uniqueEmail('spoof'), password: 'whatever-123' }, headers: { 'x-forwarded-for': '192.0.2.200' } }),
    );
    expect(blocked.status).toBe(429);
  });
});
