import { publicStatuses, type TProjectCard } from '@koldoo/shared/contracts/projects.ts';
import type { TDb } from '../../data/db.ts';
import { listProjectCardsByStatus } from '../../data/projects-repo.ts';

/**
 * Public listings are read far more than written, and every filter, sort and text search runs
 * over the same few thousand small cards. Each process keeps them for a few seconds (one Query
 * per public status to refill) and drops them at once on its own writes; other Lambdas see a
 * change within `maxAgeMs`. See ARCHITECTURE.md "Search at scale" for when this stops fitting.
 */
const maxAgeMs = 5_000;
const entries = new Map<string, { loadedAt: number; cards: Promise<TProjectCard[]> }>();

export function publicProjectCards(db: TDb, nowMs = Date.now()): Promise<TProjectCard[]> {
  const entry = entries.get(db.tableName);
  if (entry && nowMs - entry.loadedAt < maxAgeMs) return entry.cards;
  const cards = Promise.all(publicStatuses.map((status) => listProjectCardsByStatus(db, status))).then((lists) => lists.flat());
  entries.set(db.tableName, { loadedAt: nowMs, cards });
  // A failed load must not be cached.
  cards.catch(() => entries.delete(db.tableName));
  return cards;
}

export function invalidateProjectCards(tableName: string): void {
  entries.delete(tableName);
}
