import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import type { TAppDeps } from '../deps.ts';
import type { TLogger } from '../domain/ports.ts';

/** Per-request variables set by middleware and read by routes. */
export type THonoEnv = {
  Variables: {
    deps: TAppDeps;
    requestId: string;
    log: TLogger;
    user: TMe | undefined;
    sessionToken: string | undefined;
  };
};
