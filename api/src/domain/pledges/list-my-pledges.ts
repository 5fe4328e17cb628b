import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import type { TPledge } from '@koldoo/shared/contracts/pledges.ts';
import { toDonorView, type TPledgeRecord } from '../../data/pledge-record.ts';
import { listPledgesOfUser } from '../../data/pledges-repo.ts';
import { getProject } from '../../data/projects-repo.ts';
import { requireSignedIn } from '../access.ts';
import type { TDomainContext } from '../context.ts';

export type TPledgeListItem = TPledge & { projectTitle: Record<string, string> };

/** Titles of the projects behind a list of pledges, each read once. */
export async function withProjectTitles(ctx: TDomainContext, pledges: TPledgeRecord[]): Promise<TPledgeListItem[]> {
  const ids = [...new Set(pledges.map((p) => p.projectId))];
  const titles = new Map(await Promise.all(ids.map(async (id) => [id, (await getProject(ctx.db, id))?.title ?? {}] as const)));
  return pledges.map((p) => ({ ...toDonorView(p), projectTitle: titles.get(p.projectId) ?? {} }));
}

/** "My pledges": the last 100 of a member's pledges, newest first. */
export async function listMyPledges(ctx: TDomainContext, viewer: TMe | undefined): Promise<{ items: TPledgeListItem[] }> {
  const user = requireSignedIn(viewer);
  return { items: await withProjectTitles(ctx, await listPledgesOfUser(ctx.db, user.id)) };
}
