import type { RequestEvent } from '@sveltejs/kit';
import {
  ZMeReply,
  type TLoginInput,
  type TMe,
  type TRegisterInput,
} from '@koldoo/shared/contracts/auth.ts';
import { call, mapResult, type TApiResult } from './core.ts';

const userOf = (reply: { user: TMe }) => reply.user;

export async function register(
  event: RequestEvent,
  input: TRegisterInput,
): Promise<TApiResult<TMe>> {
  return mapResult(
    await call(event, { method: 'POST', path: '/api/auth/register', body: input }, ZMeReply),
    userOf,
  );
}

export async function login(event: RequestEvent, input: TLoginInput): Promise<TApiResult<TMe>> {
  return mapResult(
    await call(event, { method: 'POST', path: '/api/auth/login', body: input }, ZMeReply),
    userOf,
  );
}

export async function logout(event: RequestEvent): Promise<TApiResult<void>> {
  return call<void>(event, { method: 'POST', path: '/api/auth/logout' }, null);
}

export async function me(event: RequestEvent): Promise<TApiResult<TMe>> {
  return mapResult(await call(event, { method: 'GET', path: '/api/me' }, ZMeReply), userOf);
}
