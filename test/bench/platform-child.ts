import { startPlatform, type TPlatform } from '@koldoo/infra/local/platform.ts';

/**
 * The platform under test, in its own process: the Node server gets an event loop of its own,
 * as in production, instead of sharing one with autocannon and the bench. Started by
 * `platform.ts` over IPC; stops DynamoDB Local on SIGTERM/SIGINT or when the bench goes away.
 */
export type TPlatformReady = {
  url: string;
  endpoint: string;
  tableName: string;
  dynamoPid: number | undefined;
};

let platform: TPlatform | undefined;
let isStopping = false;

async function stop(code: number) {
  if (isStopping) return;
  isStopping = true;
  try {
    await platform?.stop();
  } finally {
    // startPlatform's own exit hook SIGKILLs Java if it is still starting.
    process.exit(code);
  }
}

process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
process.on('disconnect', () => void stop(0));

try {
  platform = await startPlatform({
    port: Number(process.env.BENCH_PORT),
    isSeeded: false,
    logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn',
  });
  const ready: TPlatformReady = {
    url: platform.url,
    endpoint: platform.dynamo.endpoint,
    tableName: platform.tableName,
    dynamoPid: platform.dynamo.pid,
  };
  process.send?.({ ready });
} catch (error) {
  process.send?.({
    failed: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  await stop(1);
}
