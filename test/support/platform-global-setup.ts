import type { TestProject } from 'vitest/node';
import { findFreePort } from '@koldoo/infra/local/free-port.ts';
import { startPlatform } from '@koldoo/infra/local/platform.ts';

/** The real platform (production web build, API, in-memory DynamoDB Local, demo seed). */
export default async function setup(project: TestProject) {
  const platform = await startPlatform({ port: await findFreePort(), logLevel: 'warn' });
  project.provide('baseUrl', platform.url);
  return async () => platform.stop();
}
