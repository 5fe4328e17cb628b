import { describe, expect, it } from 'vitest';
import { projectStatuses, type TProjectStatus } from '@koldoo/shared/contracts/projects.ts';
import { isEditable, lifecycle, planTransition, type TActorRole, type TProjectAction } from './project-lifecycle.ts';

const actors: TActorRole[] = ['council_official', 'moderator', 'system'];
const actions = Object.keys(lifecycle) as TProjectAction[];

/** The expected table, written out by hand from the issue, independent of `lifecycle`. */
const allowed: Record<string, TProjectStatus> = {
  'draft|submit|council_official': 'submitted',
  'changes_requested|submit|council_official': 'submitted',
  'submitted|request_changes|moderator': 'changes_requested',
  'submitted|approve|moderator': 'published',
  'submitted|reject|moderator': 'rejected',
  'published|reach_goal|system': 'funded',
  'published|pass_deadline|system': 'expired',
  'funded|start_work|council_official': 'in_progress',
  'funded|start_work|moderator': 'in_progress',
  'in_progress|complete|council_official': 'completed',
  'in_progress|complete|moderator': 'completed',
  ...Object.fromEntries(
    (['draft', 'submitted', 'changes_requested', 'published', 'funded', 'in_progress', 'expired'] as const).map((s) => [
      `${s}|cancel|moderator`,
      'cancelled',
    ]),
  ),
};

describe('project lifecycle', () => {
  it('allows exactly the transitions of the issue, for every status × action × actor', () => {
    let checked = 0;
    for (const status of projectStatuses) {
      for (const action of actions) {
        for (const actor of actors) {
          const result = planTransition(status, action, actor, 'a reason');
          const expected = allowed[`${status}|${action}|${actor}`];
          expect(result, `${status} ${action} by ${actor}`).toEqual(expected ? { ok: true, to: expected } : { ok: false, why: expect.any(String) });
          checked += 1;
        }
      }
    }
    expect(checked).toBe(projectStatuses.length * actions.length * actors.length);
  });

  it('never leaves completed, cancelled or rejected', () => {
    for (const terminal of ['completed', 'cancelled', 'rejected'] as const) {
      for (const action of actions) for (const actor of actors) expect(planTransition(terminal, action, actor, 'r').ok).toBe(false);
    }
  });

  it('says why a transition is refused', () => {
    expect(planTransition('draft', 'approve', 'moderator', 'ok')).toEqual({ ok: false, why: 'wrong_state' });
    expect(planTransition('submitted', 'approve', 'council_official', 'ok')).toEqual({ ok: false, why: 'not_allowed' });
    expect(planTransition('submitted', 'reject', 'moderator', '  ')).toEqual({ ok: false, why: 'reason_required' });
    expect(planTransition('published', 'cancel', 'moderator')).toEqual({ ok: false, why: 'reason_required' });
  });

  it('submits without a reason', () => {
    expect(planTransition('draft', 'submit', 'council_official')).toEqual({ ok: true, to: 'submitted' });
  });

  it('lets councils edit only drafts and projects sent back', () => {
    expect(projectStatuses.filter(isEditable)).toEqual(['draft', 'changes_requested']);
  });
});
