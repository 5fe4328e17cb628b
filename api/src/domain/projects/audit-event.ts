import { ulid } from 'ulid';
import type { TAuditEvent, TProjectStatus } from '@koldoo/shared/contracts/projects.ts';
import type { TDomainContext } from '../context.ts';
import type { TActorRole } from './project-lifecycle.ts';

/** An immutable record of who did what to a project, when, and why. */
export function auditEvent(
  ctx: Pick<TDomainContext, 'clock'>,
  input: { actorId: string; actorRole: TActorRole; action: string; from: TProjectStatus | null; to: TProjectStatus | null; reason?: string },
): TAuditEvent {
  return { id: ulid(), at: ctx.clock.now().toISOString(), ...input, ...(input.reason ? { reason: input.reason } : {}) };
}
