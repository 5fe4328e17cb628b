import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { ZEmail, ZPassword, ZRole } from '@koldoo/shared/contracts/auth.ts';
import { buildNodeDeps, createDynamoClient } from '@koldoo/api/build-deps.ts';
import { createModerator } from '@koldoo/api/domain/auth/create-moderator.ts';
import { revokeAllSessions } from '@koldoo/api/domain/auth/log-out.ts';
import { getUserByEmail, grantRole } from '@koldoo/api/data/users-repo.ts';
import type { TAppDeps } from '@koldoo/api/deps.ts';
import { loadApiEnv } from '@koldoo/api/env.ts';
import { ensureTable } from '../create-local-table.ts';
import { startDynamoLocal, type TDynamoLocal } from '../local/dynamo-local.ts';
import { readPlatformFile } from '../local/platform-file.ts';
import { tableDefinition } from '../table.ts';

const usage = `Koldoo operators' CLI

  npm run admin -- create-moderator --email EMAIL [--password PASSWORD] [--name NAME]
  npm run admin -- grant-role --email EMAIL --role member|council_official|moderator
  npm run admin -- revoke-sessions --email EMAIL

Where it writes:
  - TABLE_NAME set and DYNAMODB_ENDPOINT unset: that table in AWS (credentials from the usual AWS chain)
  - DYNAMODB_ENDPOINT set: that DynamoDB (Local)
  - otherwise: the local platform's data in DATA_DIR (default .data), via the running
    \`npm start\` if there is one, else by starting DynamoDB Local on the same files`;

async function connect(): Promise<{ deps: TAppDeps; local?: TDynamoLocal }> {
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  let local: TDynamoLocal | undefined;
  let endpoint = process.env.DYNAMODB_ENDPOINT;
  let tableName = process.env.TABLE_NAME;
  if (!endpoint && !tableName) {
    const running = readPlatformFile(dataDir);
    if (running) ({ dynamoEndpoint: endpoint, tableName } = running);
    else {
      local = await startDynamoLocal({ dataDir: resolve(dataDir, 'dynamodb') });
      endpoint = local.endpoint;
    }
  }
  const env = loadApiEnv({
    ...process.env,
    TABLE_NAME: tableName ?? tableDefinition.defaultName,
    DYNAMODB_ENDPOINT: endpoint,
    PUBLIC_ORIGIN: process.env.PUBLIC_ORIGIN ?? 'http://localhost:3000',
    LOG_LEVEL: 'warn',
  });
  if (local) {
    const raw = createDynamoClient(env);
    await ensureTable(raw, env.TABLE_NAME);
    raw.destroy();
  }
  return { deps: buildNodeDeps(env), local };
}

async function run(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  });
  if (!command || !['create-moderator', 'grant-role', 'revoke-sessions'].includes(command)) throw new UsageError(usage);
  const email = ZEmail.safeParse(values.email);
  if (!email.success) throw new UsageError(`--email must be an e-mail address\n\n${usage}`);
  if (values.password !== undefined && !ZPassword.safeParse(values.password).success) {
    throw new UsageError('--password must be at least 10 characters');
  }
  const role = command === 'grant-role' ? ZRole.safeParse(values.role) : undefined;
  if (role && !role.success) throw new UsageError(`--role must be one of ${ZRole.options.join(', ')}`);

  const { deps, local } = await connect();
  try {
    if (command === 'create-moderator') {
      const { user, isNew } = await createModerator(deps, { email: email.data, password: values.password, displayName: values.name });
      return `${isNew ? 'Created' : 'Updated'} moderator ${user.email} (${user.id}); roles: ${user.roles.join(', ')}`;
    }
    const user = await getUserByEmail(deps.db, email.data);
    if (!user) throw new UsageError(`No account with e-mail ${email.data}`);
    if (command === 'grant-role' && role?.success) {
      await grantRole(deps.db, user.id, role.data);
      return `Granted ${role.data} to ${user.email}`;
    }
    const count = await revokeAllSessions(deps, user.id);
    return `Revoked ${count} session(s) of ${user.email}`;
  } finally {
    deps.db.client.destroy();
    await local?.stop();
  }
}

class UsageError extends Error {}

try {
  console.log(await run(process.argv.slice(2)));
} catch (error) {
  console.error(error instanceof UsageError ? error.message : error);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
