import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * While `npm start` runs it records where its DynamoDB Local listens, so operator tools
 * (the admin CLI) can reach the running platform instead of starting a second Java.
 */
export type TPlatformFile = { dynamoEndpoint: string; tableName: string; url: string; pid: number };

export const platformFilePath = (dataDir: string) => resolve(dataDir, 'platform.json');

export function writePlatformFile(dataDir: string, info: TPlatformFile): void {
  writeFileSync(platformFilePath(dataDir), JSON.stringify(info, null, 2));
}

export function readPlatformFile(dataDir: string): TPlatformFile | undefined {
  try {
    const info = JSON.parse(readFileSync(platformFilePath(dataDir), 'utf8')) as TPlatformFile;
    process.kill(info.pid, 0); // throws if that launcher is gone (a stale file after a crash)
    return info;
  } catch {
    return undefined;
  }
}

export function removePlatformFile(dataDir: string): void {
  rmSync(platformFilePath(dataDir), { force: true });
}
