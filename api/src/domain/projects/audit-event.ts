import { ulid } from 'ulid';
import type { TAuditEvent, TProjectStatus } from '@koldoo/shared/contracts/projects.ts';
import type { TDomainContext } from '../context.ts';
import type { TActorRole } from './project-lifecycle.ts';

/** An immutable record of who did what to a project, when, and why. */
export function auditEvent(
  ctx: Pick<TDomainContext, 'clock'>,
  input: { actorId: string; actorRole: TActorRole; action: string; from: TProjectStatus | null; to: TProjectStatus | null; reason?: string; checklist?: TAuditEvent['checklist'] },
): TAuditEvent {
  const { reason, checklist, ...rest } = input;
  return { id: ulid(), at: ctx.clock.now().toISOString(), ...rest, ...(reason ? { reason } : {}), ...(checklist ? { checklist } : {}) };
}
