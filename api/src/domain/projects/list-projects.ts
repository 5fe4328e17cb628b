import type { TProjectCard, TProjectListQuery } from '@koldoo/shared/contracts/projects.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TDomainContext } from '../context.ts';
import { publicProjectCards } from './public-project-cache.ts';

/** Listed unless a status filter asks for them: closed projects clutter "what is needed". */
const defaultStatuses = new Set(['published', 'funded', 'in_progress', 'completed']);

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase('ru');

/** Folded title + summary in every language, computed once per card list rather than per request. */
const searchTexts = new WeakMap<TProjectCard[], string[]>();
function searchTextsOf(cards: TProjectCard[]): string[] {
  let texts = searchTexts.get(cards);
  if (!texts) {
    texts = cards.map((c) => fold([...Object.values(c.title), ...Object.values(c.summary)].join('\n')));
    searchTexts.set(cards, texts);
  }
  return texts;
}

/** Sort keys: [primary number, id]; ascending. Each sort is total, so cursors are stable. */
const sortKey: Record<TProjectListQuery['sort'], (c: TProjectCard) => number> = {
  newest: (c) => -Date.parse(c.publishedAt ?? c.deadline),
  ending_soon: (c) => Date.parse(c.deadline),
  most_funded: (c) => -(c.goalMinor > 0 ? c.raisedMinor / c.goalMinor : 0),
  // Still-open projects nearest their goal first; those already at the goal go last.
  closest_to_goal: (c) => (c.raisedMinor >= c.goalMinor ? Number.MAX_SAFE_INTEGER : c.goalMinor - c.raisedMinor),
};

type TCursor = { k: number; id: string };
const encodeCursor = (cursor: TCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
function decodeCursor(raw: string): TCursor {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString()) as TCursor;
    if (typeof value.k === 'number' && typeof value.id === 'string') return value;
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'Invalid cursor', { issues: [{ path: 'cursor', message: 'Invalid cursor', code: 'invalid' }] });
}

/** Filters, sorts and pages the public project cards. Never scans the table. */
export async function listProjects(ctx: TDomainContext, query: TProjectListQuery) {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const cards = await publicProjectCards(ctx.db);
  const texts = searchTextsOf(cards);
  const q = query.q ? fold(query.q) : undefined;
  const keyOf = sortKey[query.sort];
  const keyed: { card: TProjectCard; k: number }[] = [];
  cards.forEach((c, i) => {
    const isMatch =
      (query.status ? c.status === query.status : defaultStatuses.has(c.status)) &&
      (!query.region || c.regionId === query.region) &&
      (!query.district || c.districtId === query.district) &&
      (!query.category || c.category === query.category) &&
      (!query.fundingMode || c.fundingMode === query.fundingMode) &&
      (!query.councilId || c.councilId === query.councilId) &&
      (!q || texts[i]!.includes(q));
    if (isMatch) keyed.push({ card: c, k: keyOf(c) });
  });
  keyed.sort((a, b) => a.k - b.k || (a.card.id < b.card.id ? -1 : a.card.id > b.card.id ? 1 : 0));
  const start = after ? keyed.findIndex((e) => e.k > after.k || (e.k === after.k && e.card.id > after.id)) : 0;
  const page = start < 0 ? [] : keyed.slice(start, start + query.limit);
  const last = page.at(-1);
  const hasMore = start >= 0 && start + query.limit < keyed.length;
  return { items: page.map((e) => e.card), nextCursor: hasMore && last ? encodeCursor({ k: last.k, id: last.card.id }) : null };
}
