import { beforeAll, describe, expect, it } from 'vitest';
import { ZErrorBody } from '@koldoo/shared/errors.ts';
import { ZMeReply } from '@koldoo/shared/contracts/auth.ts';
import { createTestApp, jsonRequest, sessionCookieFrom, uniqueEmail } from '../support/test-app.ts';

type TApp = Awaited<ReturnType<typeof createTestApp>>['app'];
let app: TApp;
beforeAll(async () => {
  ({ app } = await createTestApp());
});

const password = 'айыл-көпүрө-2026';

async function register(email = uniqueEmail()) {
  const response = await app.request(jsonRequest('/api/auth/register', { body: { email, password, displayName: 'Айгүл' } }));
  return { response, email };
}

describe('register, sign in, me, sign out', () => {
  it('registers a member, signs them in with an HttpOnly Lax cookie, and serves /api/me', async () => {
    const { response, email } = await register();
    expect(response.status).toBe(201);
    const { user } = ZMeReply.parse(await response.json());
    expect(user).toMatchObject({ email, displayName: 'Айгүл', roles: ['member'], councilIds: [] });
    expect(JSON.stringify(user)).not.toContain('scrypt');
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/koldoo_session=[\w-]{40,}/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // plain-http localhost

    const me = await app.request(jsonRequest('/api/me', { cookie: sessionCookieFrom(response) }));
    expect(me.status).toBe(200);
    expect(ZMeReply.parse(await me.json()).user.email).toBe(email);
  });

  it('takes the locale from Accept-Language when the form gives none', async () => {
    const response = await app.request(
      jsonRequest('/api/auth/register', {
        body: { email: uniqueEmail(), password, displayName: 'Bakyt' },
        headers: { 'accept-language': 'ky-KG,ky;q=0.9,ru;q=0.8' },
      }),
    );
    expect(ZMeReply.parse(await response.json()).user.locale).toBe('ky');
  });

  it('folds e-mail case and refuses a second account for the same e-mail', async () => {
    const { email } = await register();
    const again = await app.request(
      jsonRequest('/api/auth/register', { body: { email: email.toUpperCase(), password, displayName: 'X' } }),
    );
    expect(again.status).toBe(409);
    expect(ZErrorBody.parse(await again.json()).error.code).toBe('EMAIL_TAKEN');
  });

  it('logs in, and logging out really ends the session', async () => {
    const { email } = await register();
    const login = await app.request(jsonRequest('/api/auth/login', { body: { email, password } }));
    expect(login.status).toBe(200);
    const cookie = sessionCookieFrom(login);

    const logout = await app.request(jsonRequest('/api/auth/logout', { method: 'POST', cookie }));
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().join()).toMatch(/koldoo_session=;.*Max-Age=0/);

    const replay = await app.request(jsonRequest('/api/me', { cookie }));
    expect(replay.status).toBe(401);
    expect(ZErrorBody.parse(await replay.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('gives one generic answer for a wrong password and an unknown e-mail', async () => {
    const { email } = await register();
    const wrong = await app.request(jsonRequest('/api/auth/login', { body: { email, password: 'not-the-password' } }));
    const unknown = await app.request(
      jsonRequest('/api/auth/login', { body: { email: uniqueEmail('ghost'), password: 'not-the-password' } }),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [ZErrorBody.parse(await wrong.json()).error, ZErrorBody.parse(await unknown.json()).error];
    expect(a.code).toBe('INVALID_CREDENTIALS');
    expect({ code: a.code, message: a.message }).toEqual({ code: b.code, message: b.message });
  });

  it('rejects an unknown or forged session cookie', async () => {
    const response = await app.request(jsonRequest('/api/me', { cookie: 'koldoo_session=forged-token' }));
    expect(response.status).toBe(401);
  });
});

describe('validation and error bodies', () => {
  it('answers 400 VALIDATION_FAILED with field issues, and writes nothing', async () => {
    const email = uniqueEmail();
    const response = await app.request(
      jsonRequest('/api/auth/register', { body: { email: 'not-an-email', password: 'short', displayName: '' } }),
    );
    expect(response.status).toBe(400);
    const { error } = ZErrorBody.parse(await response.json());
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.requestId).toMatch(/\w{8,}/);
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual(['displayName', 'email', 'password']);

    const shortPassword = await app.request(
      jsonRequest('/api/auth/register', { body: { email, password: 'short', displayName: 'A' } }),
    );
    expect(shortPassword.status).toBe(400);
    // Nothing half-written: the e-mail is still free.
    const later = await app.request(jsonRequest('/api/auth/register', { body: { email, password, displayName: 'A' } }));
    expect(later.status).toBe(201);
  });

  it('answers 400 MALFORMED_JSON for a broken body', async () => {
    const response = await app.request(jsonRequest('/api/auth/login', { body: '{"email": ' }));
    expect(response.status).toBe(400);
    expect(ZErrorBody.parse(await response.json()).error.code).toBe('MALFORMED_JSON');
  });

  it('answers 413 for an oversized body', async () => {
    const response = await app.request(
      jsonRequest('/api/auth/login', { body: { email: 'a@b.kg', password: 'x'.repeat(100_000) } }),
    );
    expect(response.status).toBe(413);
  });

  it('answers 404 NOT_FOUND with the error body for an unknown route', async () => {
    const response = await app.request(jsonRequest('/api/no-such-thing'));
    expect(response.status).toBe(404);
    expect(ZErrorBody.parse(await response.json()).error.code).toBe('NOT_FOUND');
  });

  it('echoes a well-formed request id from the caller', async () => {
    const response = await app.request(jsonRequest('/api/me', { headers: { 'x-request-id': 'web-req-12345678' } }));
    expect(response.headers.get('x-request-id')).toBe('web-req-12345678');
    expect(ZErrorBody.parse(await response.json()).error.requestId).toBe('web-req-12345678');
  });
});

describe('CSRF origin check', () => {
  it('refuses a cookie-carrying mutation from a foreign origin', async () => {
    const { response } = await register();
    const cookie = sessionCookieFrom(response);
    const forged = await app.request(
      jsonRequest('/api/auth/logout', { method: 'POST', cookie, headers: { origin: 'https://evil.example' } }),
    );
    expect(forged.status).toBe(403);
    expect(ZErrorBody.parse(await forged.json()).error.code).toBe('CSRF_REJECTED');
    // The session survived the forged logout.
    expect((await app.request(jsonRequest('/api/me', { cookie }))).status).toBe(200);
  });

  it('refuses a cookie-carrying mutation with no Origin at all', async () => {
    const request = new Request('http://localhost/api/auth/logout', {
      method: 'POST',
      headers: { cookie: 'koldoo_session=whatever' },
    });
    expect((await app.request(request)).status).toBe(403);
  });

  it('lets a cookie-less API client sign in without an Origin', async () => {
    const { email } = await register();
    const request = new Request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect((await app.request(request)).status).toBe(200);
  });
});
