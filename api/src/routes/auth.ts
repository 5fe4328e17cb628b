import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ZLoginInput, ZMeReply, ZRegisterInput } from '@koldoo/shared/contracts/auth.ts';
import { pickLocale } from '@koldoo/shared/locales.ts';
import { logIn } from '../domain/auth/log-in.ts';
import { logOut } from '../domain/auth/log-out.ts';
import { registerUser } from '../domain/auth/register-user.ts';
import { startSession } from '../domain/auth/start-session.ts';
import { clientIp } from '../http/client-ip.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import type { TOperation } from '../http/openapi.ts';
import { parseJsonBody } from '../http/parse-input.ts';
import { sessionCookie } from '../http/session.ts';
import type { Context } from 'hono';

function setSessionCookie(c: Context<THonoEnv>, token: string, maxAge: number) {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').config.isCookieSecure,
    path: '/',
    maxAge,
  });
}

export const authRoutes = new Hono<THonoEnv>()
  .post('/register', async (c) => {
    const input = await parseJsonBody(c, ZRegisterInput);
    const deps = c.get('deps');
    const fallbackLocale = pickLocale(undefined, c.req.header('accept-language'));
    const user = await registerUser(deps, input, { fallbackLocale });
    const session = await startSession(deps, user.id);
    setSessionCookie(c, session.token, session.maxAgeSeconds);
    return c.json(ZMeReply.parse({ user }), 201);
  })
  .post('/login', async (c) => {
    const input = await parseJsonBody(c, ZLoginInput);
    const { user, token, maxAgeSeconds } = await logIn(c.get('deps'), input, clientIp(c));
    setSessionCookie(c, token, maxAgeSeconds);
    return c.json(ZMeReply.parse({ user }), 200);
  })
  .post('/logout', async (c) => {
    const token = c.get('sessionToken');
    if (token) await logOut(c.get('deps'), token);
    deleteCookie(c, sessionCookie, { path: '/', secure: c.get('deps').config.isCookieSecure });
    return c.body(null, 204);
  });

export const authOperations: TOperation[] = [
  { method: 'post', path: '/api/auth/register', tag: 'auth', summary: 'Create an account and sign in', body: ZRegisterInput, responses: { 201: ZMeReply }, errors: [403, 409] },
  { method: 'post', path: '/api/auth/login', tag: 'auth', summary: 'Sign in; 10 failures in 15 minutes per IP or e-mail give 429', body: ZLoginInput, responses: { 200: ZMeReply }, errors: [401, 403, 429] },
  { method: 'post', path: '/api/auth/logout', tag: 'auth', summary: 'End the current session', responses: { 204: null }, errors: [403] },
];
