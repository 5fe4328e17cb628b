import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '@koldoo/shared/errors.ts';
import { registerUser } from '@koldoo/api/domain/auth/register-user.ts';
import { claimSeedMarker, putCouncilItem, putProjectItem } from '@koldoo/api/data/demo-records.ts';
import { getUserByEmail, grantRole, setCouncilIds } from '@koldoo/api/data/users-repo.ts';
import type { TAppDeps } from '@koldoo/api/deps.ts';
import { demoAccounts, demoCouncils, demoPassword, demoProjects } from './demo-data.ts';

const marker = 'DEMO#v1';
const dayMs = 24 * 3600 * 1000;

/**
 * Seeds the demo councils, projects and accounts once. Refuses to run against anything but
 * DynamoDB Local, so a misconfigured operator can never write demo data into AWS.
 */
export async function seedDemoData(deps: TAppDeps, endpoint = process.env.DYNAMODB_ENDPOINT): Promise<boolean> {
  const host = endpoint ? new URL(endpoint).hostname : undefined;
  if (host !== '127.0.0.1' && host !== 'localhost') {
    throw new Error('Refusing to seed demo data outside DynamoDB Local (DYNAMODB_ENDPOINT must be loopback)');
  }
  const now = deps.clock.now();
  if (!(await claimSeedMarker(deps.db, marker, now.toISOString()))) return false;
  try {
    for (const council of demoCouncils) {
      await putCouncilItem(deps.db, { ...council, status: 'verified', verifiedAt: now.toISOString() });
    }
    for (const project of demoProjects) {
      const { deadlineDaysFromNow, milestones, ...rest } = project;
      await putProjectItem(deps.db, {
        ...rest,
        status: 'published',
        createdAt: now.toISOString(),
        publishedAt: now.toISOString(),
        deadline: new Date(now.getTime() + deadlineDaysFromNow * dayMs).toISOString(),
        milestones: milestones.map(({ targetDaysFromNow, ...m }) => ({
          ...m,
          targetDate: new Date(now.getTime() + targetDaysFromNow * dayMs).toISOString().slice(0, 10),
        })),
      });
    }
    for (const account of demoAccounts) await seedAccount(deps, account);
  } catch (error) {
    // Give the marker back so the next start retries; every step above is an idempotent put.
    await deps.db.client.send(new DeleteCommand({ TableName: deps.db.tableName, Key: { pk: 'SEED', sk: marker } }));
    throw error;
  }
  deps.logger.info({ councils: demoCouncils.length, projects: demoProjects.length }, 'demo data seeded');
  return true;
}

async function seedAccount(deps: TAppDeps, account: (typeof demoAccounts)[number]): Promise<void> {
  try {
    await registerUser(deps, {
      email: account.email,
      password: demoPassword,
      displayName: account.displayName,
      locale: account.locale,
    });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'EMAIL_TAKEN')) throw error;
  }
  const user = await getUserByEmail(deps.db, account.email);
  if (!user) throw new Error(`demo account ${account.email} vanished`);
  if (account.role !== 'member') await grantRole(deps.db, user.id, account.role);
  if (account.councilId) await setCouncilIds(deps.db, user.id, [account.councilId]);
}
