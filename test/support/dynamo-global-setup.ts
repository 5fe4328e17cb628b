import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '@koldoo/infra/local/dynamo-local.ts';

/** One in-memory DynamoDB Local per run; each test file creates its own fresh table in it. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal({});
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => dynamo.stop();
}
