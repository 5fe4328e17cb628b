import { getCouncil } from '../../data/councils-repo.ts';
import type { TDomainContext } from '../context.ts';
import { publicProjectCards } from './public-project-cache.ts';

/** A verified council's public projects, or undefined when the council is not public. */
export async function listPublicCouncilProjects(ctx: TDomainContext, councilId: string) {
  const council = await getCouncil(ctx.db, councilId);
  if (!council || council.status !== 'verified') return undefined;
  return (await publicProjectCards(ctx.db)).filter((card) => card.councilId === councilId);
}
