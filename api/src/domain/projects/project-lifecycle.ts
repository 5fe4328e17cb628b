import type { TProjectStatus } from '@koldoo/shared/contracts/projects.ts';

/** Who may cause a transition. `system` is the funding counter and the deadline job. */
export type TActorRole = 'council_official' | 'moderator' | 'system';

export type TProjectAction =
  | 'submit'
  | 'request_changes'
  | 'approve'
  | 'reject'
  | 'reach_goal'
  | 'pass_deadline'
  | 'start_work'
  | 'complete'
  | 'cancel';

type TRule = { from: readonly TProjectStatus[]; to: TProjectStatus; actors: readonly TActorRole[] };

/**
 * The whole lifecycle, as data:
 * draft → submitted → (changes_requested → submitted)* → published → funded | expired;
 * funded → in_progress → completed; a moderator may cancel anything before completed.
 */
export const lifecycle: Record<TProjectAction, TRule> = {
  submit: { from: ['draft', 'changes_requested'], to: 'submitted', actors: ['council_official'] },
  request_changes: { from: ['submitted'], to: 'changes_requested', actors: ['moderator'] },
  approve: { from: ['submitted'], to: 'published', actors: ['moderator'] },
  reject: { from: ['submitted'], to: 'rejected', actors: ['moderator'] },
  reach_goal: { from: ['published'], to: 'funded', actors: ['system'] },
  pass_deadline: { from: ['published'], to: 'expired', actors: ['system'] },
  start_work: { from: ['funded'], to: 'in_progress', actors: ['council_official', 'moderator'] },
  complete: { from: ['in_progress'], to: 'completed', actors: ['council_official', 'moderator'] },
  cancel: {
    from: ['draft', 'submitted', 'changes_requested', 'published', 'funded', 'in_progress', 'expired'],
    to: 'cancelled',
    actors: ['moderator'],
  },
};

/** Actions that must carry a human reason in the audit trail. */
export const actionsNeedingReason: readonly TProjectAction[] = ['request_changes', 'reject', 'cancel', 'approve'];

export type TTransition = { ok: true; to: TProjectStatus } | { ok: false; why: 'wrong_state' | 'not_allowed' | 'reason_required' };

/** Decides a transition without touching any storage; the repository applies it conditionally. */
export function planTransition(
  current: TProjectStatus,
  action: TProjectAction,
  actor: TActorRole,
  reason?: string,
): TTransition {
  const rule = lifecycle[action];
  if (!rule.actors.includes(actor)) return { ok: false, why: 'not_allowed' };
  if (!rule.from.includes(current)) return { ok: false, why: 'wrong_state' };
  if (actionsNeedingReason.includes(action) && !reason?.trim()) return { ok: false, why: 'reason_required' };
  return { ok: true, to: rule.to };
}

/** Drafts are editable by their council; so are projects sent back for changes. */
export function isEditable(status: TProjectStatus): boolean {
  return status === 'draft' || status === 'changes_requested';
}
