import type { TClock } from '../domain/ports.ts';

export const systemClock: TClock = { now: () => new Date() };
