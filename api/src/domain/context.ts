import type { TAppDeps } from '../deps.ts';

/** What use cases receive: the app's deps without the HTTP-only parts. */
export type TDomainContext = Pick<TAppDeps, 'db' | 'clock' | 'mail' | 'files' | 'logger' | 'config' | 'payments'>;
