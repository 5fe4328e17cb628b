import type { TAwsCredentials } from '../adapters/aws-sigv4.ts';

/**
 * Variables the Lambda runtime itself sets (not settings; those are in `env.ts`): the role's
 * credentials, refreshed by Lambda for each sandbox, and the secrets extension's port.
 */
export function lambdaCredentials(env: NodeJS.ProcessEnv = process.env): TAwsCredentials {
  const accessKeyId = env['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
  if (!accessKeyId || !secretAccessKey) throw new Error('AWS credentials are missing from the environment');
  return { accessKeyId, secretAccessKey, sessionToken: env['AWS_SESSION_TOKEN'] };
}

export function secretsExtensionOptions(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env['PARAMETERS_SECRETS_EXTENSION_HTTP_PORT'] ?? 2773);
  return { sessionToken: env['AWS_SESSION_TOKEN'] ?? '', port };
}
