import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import type { TDomainContext } from '../context.ts';
import { changeProjectStatus } from './change-project-status.ts';

/** The council reports work started on a funded project, or finished. */
export function advanceProject(ctx: TDomainContext, viewer: TMe | undefined, projectId: string, step: 'start_work' | 'complete', note?: string) {
  return changeProjectStatus(ctx, viewer, { projectId, action: step, as: 'council_official', reason: note });
}
