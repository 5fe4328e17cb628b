/**
 * The web app's only door to the API. Each module under `api/` holds the typed functions of one
 * area; every reply is parsed with the shared zod schemas (see `api/core.ts`).
 */
export { type TApiFailure, type TApiResult } from './api/core.ts';
export * from './api/auth.ts';
export * from './api/councils.ts';
export * from './api/dev.ts';
export * from './api/moderation.ts';
export * from './api/pledges.ts';
export * from './api/projects.ts';
export * from './api/rates.ts';
export * from './api/uploads.ts';
