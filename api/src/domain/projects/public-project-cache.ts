import { publicStatuses, type TProjectCard } from '@koldoo/shared/contracts/projects.ts';
import type { TDb } from '../../data/db.ts';
import { getCouncil, type TCouncilRecord } from '../../data/councils-repo.ts';
import { getProjectAggregate, listProjectCardsByStatus } from '../../data/projects-repo.ts';

/**
 * Public reads (listings, project pages) outnumber writes by orders of magnitude, and a few
 * seconds of staleness is harmless for them. Each process keeps what it read for `maxAgeMs`
 * (3–7 s, spread) and forgets it at once on its own writes; other Lambdas see a change within 7 s.
 * Insiders (a council's officials, moderators) always read fresh: see get-project.ts.
 */
const maxAgeMs = 5_000;

/** `expiresAt`: when the entry is due for a refill, `maxAgeMs` spread by ±40% (see `freshUntil`). */
type TEntry<T> = { expiresAt: number; value: Promise<T>; refreshing?: boolean; builtAt?: number };

/**
 * A cheaper refill: given what is cached and when it was fully built, return it unchanged or
 * patched after a small read, or `'reload'` to build it again from scratch.
 */
export type TRevalidate<T> = (previous: T, builtAt: number) => Promise<T | 'reload'>;

/**
 * Entries loaded together (a cold start, a burst of traffic) would otherwise all expire together
 * and refill in one storm every `maxAgeMs`, queueing readers behind hundreds of reads and parses;
 * a random spread turns the storm into a steady trickle. Never longer than 1.4 × `maxAgeMs`.
 */
function freshUntil(nowMs: number): number {
  return nowMs + maxAgeMs * (0.6 + 0.8 * Math.random());
}
const cards = new Map<string, TEntry<TProjectCard[]>>();
const details = new Map<string, TEntry<unknown>>();
export type TProjectDetailData = NonNullable<Awaited<ReturnType<typeof getProjectAggregate>>> & { council: TCouncilRecord | undefined };

/**
 * Stale-while-revalidate: after the first load, readers never wait for a refill; the first
 * reader past the entry's expiry starts one and everyone is served the previous value until it lands.
 */
function remember<T>(map: Map<string, TEntry<T>>, key: string, load: () => Promise<T>, nowMs: number, revalidate?: TRevalidate<T>): Promise<T> {
  const entry = map.get(key);
  if (entry && (nowMs < entry.expiresAt || entry.refreshing)) return entry.value;
  if (!entry) {
    const value = load();
    map.set(key, { expiresAt: freshUntil(nowMs), value, builtAt: nowMs });
    value.catch(() => map.delete(key)); // a failed load must not be cached
    if (map.size > 5_000) map.delete(map.keys().next().value as string);
    return value;
  }
  entry.refreshing = true;
  const refill = async (): Promise<{ value: T; builtAt: number }> => {
    const checked = revalidate && entry.builtAt !== undefined ? await revalidate(await entry.value, entry.builtAt) : 'reload';
    return checked === 'reload' ? { value: await load(), builtAt: Date.now() } : { value: checked, builtAt: entry.builtAt ?? 0 };
  };
  refill().then(
    // Only if nothing forgot this entry meanwhile: a write must not be undone by an older read.
    ({ value, builtAt }) => map.get(key) === entry && map.set(key, { expiresAt: freshUntil(Date.now()), value: Promise.resolve(value), builtAt }),
    () => (entry.refreshing = false),
  );
  return entry.value;
}

/** Every public project's card: one Query per public status (GSI2), never a Scan. */
export function publicProjectCards(db: TDb, nowMs = Date.now()): Promise<TProjectCard[]> {
  return remember(cards, db.tableName, async () => (await Promise.all(publicStatuses.map((s) => listProjectCardsByStatus(db, s)))).flat(), nowMs);
}

/** Council names and badges change rarely and are shared by many projects: kept a minute. */
const councils = new Map<string, { loadedAt: number; value: Promise<TCouncilRecord | undefined> }>();
const councilMaxAgeMs = 60_000;

/** A project with its events and amendments read now, and its council as recently read. */
export async function loadProjectDetail(db: TDb, id: string): Promise<TProjectDetailData | undefined> {
  const aggregate = await getProjectAggregate(db, id);
  if (!aggregate) return undefined;
  const key = `${db.tableName}#${aggregate.project.councilId}`;
  const cached = councils.get(key);
  let council = cached && Date.now() - cached.loadedAt < councilMaxAgeMs ? cached.value : undefined;
  if (!council) {
    council = getCouncil(db, aggregate.project.councilId);
    councils.set(key, { loadedAt: Date.now(), value: council });
    council.catch(() => councils.delete(key));
  }
  return { ...aggregate, council: await council };
}

/** The public reply for a project (or undefined when it is not public), as last built by this process. */
export function rememberPublicReply<T>(
  db: TDb,
  id: string,
  build: () => Promise<T | undefined>,
  revalidate?: TRevalidate<T | undefined>,
  nowMs = Date.now(),
): Promise<T | undefined> {
  return remember(details as Map<string, TEntry<T | undefined>>, `${db.tableName}#${id}`, build, nowMs, revalidate);
}

/** Called by every write that changes what the public sees of a project. */
export function forgetPublicProjectReads(tableName: string, projectId?: string): void {
  cards.delete(tableName);
  if (projectId) details.delete(`${tableName}#${projectId}`);
}

/** Called when a council's public face changes (a moderator's decision). */
export function forgetCouncil(tableName: string, councilId: string): void {
  councils.delete(`${tableName}#${councilId}`);
}
