import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { isPublicStatus, type TProjectStatus, type ZProjectReply } from '@koldoo/shared/contracts/projects.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { z } from 'zod';
import { canSeeCouncilInternals, isModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { getProjectHead } from '../../data/projects-repo.ts';
import { loadProjectDetail, rememberPublicReply, type TProjectDetailData } from './public-project-cache.ts';

export type TProjectReply = z.infer<typeof ZProjectReply>;

/**
 * A project with its council and timeline. Non-public projects (drafts, submitted, rejected)
 * are 404 to everyone but the owning council's officials and moderators. Those may-be-insiders
 * read fresh; everyone else shares a reply built, checked and cached for a few seconds.
 */
export async function getProjectDetail(ctx: TDomainContext, viewer: TMe | undefined, id: string): Promise<TProjectReply> {
  const mayBeInsider = isModerator(viewer) || Boolean(viewer?.councilIds.length);
  if (!mayBeInsider) {
    const reply = await rememberPublicReply(
      ctx.db,
      id,
      async () => {
        const data = await loadProjectDetail(ctx.db, id);
        return data && isPublicStatus(data.project.status) ? toReply(data, false) : undefined;
      },
      (previous, builtAt) => revalidateReply(ctx, id, previous, builtAt),
    );
    if (!reply) throw new AppError('NOT_FOUND', 'No such project');
    return reply;
  }
  const data = await loadProjectDetail(ctx.db, id);
  if (!data) throw new AppError('NOT_FOUND', 'No such project');
  const isInsider = canSeeCouncilInternals(viewer, data.project.councilId);
  if (!isPublicStatus(data.project.status as TProjectStatus) && !isInsider) throw new AppError('NOT_FOUND', 'No such project');
  return toReply(data, isInsider);
}

/** A cached reply is rebuilt in full after about a minute (see `revalidateReply`). */
const fullRebuildMs = 60_000;

/**
 * Most refills find the project as it was, or with new pledge counters only: a small read of
 * its version, status and counters decides, instead of reading and parsing the whole partition
 * (story, budget, timeline). A full rebuild after 30–90 s (random at each refill, so on average
 * about a minute) picks up council changes. Not at exactly 60 s: replies cached together (a
 * warm-up, a burst of visitors) were all rebuilt in the same second, a storm of reads and parses
 * that stalled every page for seconds (bench: max 3–4 s).
 */
async function revalidateReply(ctx: TDomainContext, id: string, previous: TProjectReply | undefined, builtAt: number): Promise<TProjectReply | 'reload'> {
  if (!previous || Date.now() - builtAt > fullRebuildMs * (0.5 + Math.random())) return 'reload';
  const head = await getProjectHead(ctx.db, id);
  if (!head || head.version !== previous.project.version || head.status !== previous.project.status) return 'reload';
  if (head.raisedMinor === previous.project.raisedMinor && head.backers === previous.project.backers) return previous;
  return { ...previous, project: { ...previous.project, raisedMinor: head.raisedMinor, backers: head.backers } };
}

/**
 * The wire shape. Its parts were parsed with the contract's own schemas when read (which strips
 * anything else), so it is assembled, not parsed a second time: this runs on every cache refill.
 */
function toReply({ project, events, amendments, council }: TProjectDetailData, isInsider: boolean): TProjectReply {
  return {
    project,
    council: { id: project.councilId, name: council?.name ?? {}, isVerified: council?.status === 'verified' },
    timeline: events,
    amendments: amendments
      .filter((a) => isInsider || a.status !== 'pending')
      .map(({ id, status, reason, createdAt, decidedAt }) => ({ id, status, reason, createdAt, ...(decidedAt ? { decidedAt } : {}) })),
  };
}
