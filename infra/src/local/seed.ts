import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { AppError } from '@koldoo/shared/errors.ts';
import { registerUser } from '@koldoo/api/domain/auth/register-user.ts';
import { putCouncil } from '@koldoo/api/data/councils-repo.ts';
import { putProjectWithEvents } from '@koldoo/api/data/projects-repo.ts';
import { getUserByEmail, grantRole, setCouncilIds, type TUserRecord } from '@koldoo/api/data/users-repo.ts';
import { contentToRecordFields } from '@koldoo/api/domain/projects/project-view.ts';
import { today } from '@koldoo/api/domain/parse-input.ts';
import { seedDefaultRates } from '@koldoo/api/domain/rates/default-rates.ts';
import type { TAppDeps } from '@koldoo/api/deps.ts';
import { seedDemoPledges } from './seed-pledges.ts';
import { demoAccounts, demoCouncils, demoPassword, demoProjects, type TDemoProject } from './demo-data.ts';

/** Bump when the stored shape of demo items changes; a new marker re-seeds over the old items. */
const marker = 'DEMO#v4';
const dayMs = 24 * 3600 * 1000;

/**
 * Seeds the demo accounts, councils and projects once. Refuses to run against anything but
 * DynamoDB Local, so a misconfigured operator can never write demo data into AWS.
 */
export async function seedDemoData(deps: TAppDeps, endpoint = process.env.DYNAMODB_ENDPOINT): Promise<boolean> {
  const host = endpoint ? new URL(endpoint).hostname : undefined;
  if (host !== '127.0.0.1' && host !== 'localhost') {
    throw new Error('Refusing to seed demo data outside DynamoDB Local (DYNAMODB_ENDPOINT must be loopback)');
  }
  const now = deps.clock.now();
  // Outside the marker, so platforms seeded before rates existed get them too; it only fills gaps.
  const ratesSeeded = await seedDefaultRates(deps.db, today(deps), now);
  if (ratesSeeded.length > 0) deps.logger.info({ currencies: ratesSeeded }, 'default exchange rates seeded');
  if (!(await claimMarker(deps, now.toISOString()))) return false;
  try {
    const users = new Map<string, TUserRecord>();
    for (const account of demoAccounts) users.set(account.email, await seedAccount(deps, account));
    const moderator = users.get('moderator@demo.koldoo.kg');
    const official = demoAccounts.find((a) => a.councilId);
    const officialUser = official ? users.get(official.email) : undefined;
    if (!moderator || !officialUser) throw new Error('demo data lacks the moderator or the official');

    for (const council of demoCouncils) {
      const isOfficials = council.id === official?.councilId;
      await putCouncil(deps.db, {
        ...council,
        status: 'verified',
        isVerified: true,
        applicantId: isOfficials ? officialUser.id : moderator.id,
        officialIds: isOfficials ? [officialUser.id] : [],
        createdAt: new Date(now.getTime() - 60 * dayMs).toISOString(),
        verifiedAt: new Date(now.getTime() - 50 * dayMs).toISOString(),
      });
    }
    for (const [index, project] of demoProjects.entries()) {
      await seedProject(deps, project, now, index, { officialId: officialUser.id, moderatorId: moderator.id });
      await seedDemoPledges(deps, project, index);
    }
  } catch (error) {
    // Give the marker back so the next start retries; every step above is an idempotent put.
    await deps.db.client.send(new DeleteCommand({ TableName: deps.db.tableName, Key: { pk: 'SEED', sk: marker } }));
    throw error;
  }
  deps.logger.info({ councils: demoCouncils.length, projects: demoProjects.length }, 'demo data seeded');
  return true;
}

async function claimMarker(deps: TAppDeps, at: string): Promise<boolean> {
  try {
    await deps.db.client.send(
      new PutCommand({
        TableName: deps.db.tableName,
        Item: { pk: 'SEED', sk: marker, type: 'SEED', seededAt: at },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

async function seedAccount(deps: TAppDeps, account: (typeof demoAccounts)[number]): Promise<TUserRecord> {
  try {
    await registerUser(deps, { email: account.email, password: demoPassword, displayName: account.displayName, locale: account.locale });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'EMAIL_TAKEN')) throw error;
  }
  const user = await getUserByEmail(deps.db, account.email);
  if (!user) throw new Error(`demo account ${account.email} vanished`);
  if (account.role !== 'member') await grantRole(deps.db, user.id, account.role);
  if (account.councilId) await setCouncilIds(deps.db, user.id, [account.councilId]);
  return (await getUserByEmail(deps.db, account.email)) ?? user;
}

/** A published project with the audit trail it would have had: created, submitted, approved. */
async function seedProject(deps: TAppDeps, demo: TDemoProject, now: Date, index: number, actors: { officialId: string; moderatorId: string }) {
  const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs).toISOString();
  const dateIn = (days: number) => new Date(now.getTime() + days * dayMs).toISOString().slice(0, 10);
  const createdAt = daysAgo(40 - index);
  const publishedAt = daysAgo(30 - index);
  const fields = contentToRecordFields({
    ...demo,
    deadline: dateIn(demo.deadlineDaysFromNow),
    milestones: demo.milestones.map(({ targetDaysFromNow, ...m }) => ({ ...m, targetDate: dateIn(targetDaysFromNow) })),
    galleryImageIds: [],
  });
  const event = (at: string, actorId: string, actorRole: 'council_official' | 'moderator', action: string, from: 'draft' | 'submitted' | null, to: 'draft' | 'submitted' | 'published', reason?: string) =>
    ({ id: ulid(), at, actorId, actorRole, action, from, to, ...(reason ? { reason } : {}) });
  await putProjectWithEvents(
    deps.db,
    {
      id: demo.id,
      councilId: demo.councilId,
      status: 'published',
      // Counted up by real pledges below, so the counters always equal the public ledger.
      raisedMinor: 0,
      backers: 0,
      createdAt,
      updatedAt: publishedAt,
      publishedAt,
      version: 3,
      ...fields,
    },
    [
      event(createdAt, actors.officialId, 'council_official', 'create', null, 'draft'),
      event(daysAgo(35 - index), actors.officialId, 'council_official', 'submit', 'draft', 'submitted'),
      event(publishedAt, actors.moderatorId, 'moderator', 'approve', 'submitted', 'published', 'Documents, budget and location checked'),
    ],
  );
}
