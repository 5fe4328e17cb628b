import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import type { TDomainContext } from '../context.ts';
import { changeProjectStatus } from './change-project-status.ts';

/** An official sends a draft (or a project sent back for changes) to the moderators. */
export function submitProject(ctx: TDomainContext, viewer: TMe | undefined, projectId: string) {
  return changeProjectStatus(ctx, viewer, { projectId, action: 'submit', as: 'council_official' });
}
