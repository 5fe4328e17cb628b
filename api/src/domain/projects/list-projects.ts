import type { TProjectCard, TProjectListQuery } from '@koldoo/shared/contracts/projects.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TDomainContext } from '../context.ts';
import { publicProjectCards } from './public-project-cache.ts';

/** Listed unless a status filter asks for them: closed projects clutter "what is needed". */
const defaultStatuses = new Set(['published', 'funded', 'in_progress', 'completed']);

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase('ru');

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

type TIndexed = { card: TProjectCard; k: number; text: string };

/**
 * Each card list (replaced whole on every cache refill) is sorted once per sort order, with its
 * search text folded once, so a request only walks a ready-made order and stops at a full page.
 */
const orders = new WeakMap<TProjectCard[], Partial<Record<TProjectListQuery['sort'], TIndexed[]>>>();
function orderOf(cards: TProjectCard[], sort: TProjectListQuery['sort']): TIndexed[] {
  let byCards = orders.get(cards);
  if (!byCards) orders.set(cards, (byCards = {}));
  let order = byCards[sort];
  if (!order) {
    const keyOf = sortKey[sort];
    order = cards
      .map((card) => ({ card, k: keyOf(card), text: fold([...Object.values(card.title), ...Object.values(card.summary)].join('\n')) }))
      .sort((a, b) => a.k - b.k || (a.card.id < b.card.id ? -1 : a.card.id > b.card.id ? 1 : 0));
    byCards[sort] = order;
  }
  return order;
}

type TListPage = { items: TProjectCard[]; nextCursor: string | null };

/** The same query over the same card list gives the same page: popular pages are built once. */
const pages = new WeakMap<TProjectCard[], Map<string, TListPage>>();

/** Filters, sorts and pages the public project cards. Never scans the table. */
export async function listProjects(ctx: TDomainContext, query: TProjectListQuery): Promise<TListPage> {
  const cards = await publicProjectCards(ctx.db);
  let byQuery = pages.get(cards);
  if (!byQuery) pages.set(cards, (byQuery = new Map()));
  const key = JSON.stringify(query);
  const known = byQuery.get(key);
  if (known) return known;
  const page = buildPage(cards, query);
  if (byQuery.size < 1_000) byQuery.set(key, page);
  return page;
}

function buildPage(cards: TProjectCard[], query: TProjectListQuery): TListPage {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const order = orderOf(cards, query.sort);
  const q = query.q ? fold(query.q) : undefined;
  const page: TIndexed[] = [];
  let hasMore = false;
  for (const entry of order) {
    if (after && (entry.k < after.k || (entry.k === after.k && entry.card.id <= after.id))) continue;
    const c = entry.card;
    const isMatch =
      (query.status ? c.status === query.status : defaultStatuses.has(c.status)) &&
      (!query.region || c.regionId === query.region) &&
      (!query.district || c.districtId === query.district) &&
      (!query.category || c.category === query.category) &&
      (!query.fundingMode || c.fundingMode === query.fundingMode) &&
      (!query.councilId || c.councilId === query.councilId) &&
      (!q || entry.text.includes(q));
    if (!isMatch) continue;
    if (page.length === query.limit) {
      hasMore = true;
      break;
    }
    page.push(entry);
  }
  const last = page.at(-1);
  return { items: page.map((e) => e.card), nextCursor: hasMore && last ? encodeCursor({ k: last.k, id: last.card.id }) : null };
}
