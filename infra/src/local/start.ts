import { resolve } from 'node:path';
import * as z from 'zod';
import { PortInUseError } from './free-port.ts';
import { startPlatform } from './platform.ts';
import { removePlatformFile, writePlatformFile } from './platform-file.ts';

/** `npm start`: the production build on one origin, data kept under .data/. */
const ZLauncherEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DYNAMODB_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.string().default('info'),
});

const parsed = ZLauncherEnv.safeParse(process.env);
if (!parsed.success) {
  console.error(`Invalid settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(2);
}
const env = parsed.data;

try {
  const platform = await startPlatform({
    port: env.PORT,
    dynamoPort: env.DYNAMODB_PORT,
    dataDir: resolve(env.DATA_DIR, 'dynamodb'),
    logLevel: env.LOG_LEVEL,
  });
  writePlatformFile(env.DATA_DIR, {
    dynamoEndpoint: platform.dynamo.endpoint,
    tableName: platform.tableName,
    url: platform.url,
    pid: process.pid,
  });
  console.log(`\n  Koldoo is running at ${platform.url}\n  DynamoDB Local: ${platform.dynamo.endpoint}\n  Stop with Ctrl-C.\n`);
  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    console.log(`\n  ${signal}: stopping Koldoo and DynamoDB Local…`);
    removePlatformFile(env.DATA_DIR);
    await platform.stop();
    console.log('  Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  if (error instanceof PortInUseError || (error instanceof Error && /Java|web build/.test(error.message))) {
    console.error(`\n  Koldoo could not start: ${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
