import { extensionSecretReader, loadLambdaSecrets, usesSecretsManager } from '@koldoo/api/adapters/secrets.ts';
import { originVerifyHeader, sameSecret, viewerAddress, type THttpEventV2, type THttpResultV2 } from '@koldoo/api/lambda/http-event.ts';
import { toRequest, toResult } from './kit-event.ts';
import { secretsExtensionOptions } from '@koldoo/api/lambda/runtime-env.ts';

/**
 * The SvelteKit site on Lambda, behind a function URL that only CloudFront calls: a small adapter
 * of our own around Kit's `Server` (ARCHITECTURE.md, "AWS deployment", says why). It reuses
 * adapter-node's build: `build/server` is self-contained and exports `server` (`init`, `respond`),
 * which the bundler copies next to this file as `kit/`. Static files are not here: CloudFront
 * serves `_app/*` and the files of `web/static` from S3.
 */

type TKitServer = {
  init(options: { env: Record<string, string | undefined>; read?: (file: string) => ReadableStream }): Promise<void>;
  respond(request: Request, options: { getClientAddress(): string; platform?: unknown }): Promise<Response>;
};

// Secrets first: the web reads KOLDOO_INTERNAL_SECRET from process.env when it first calls the API.
const secretsEnv = {
  INTERNAL_SECRET_ARN: process.env['INTERNAL_SECRET_ARN'],
  ORIGIN_SECRET_ARN: process.env['ORIGIN_SECRET_ARN'],
  KOLDOO_INTERNAL_SECRET: process.env['KOLDOO_INTERNAL_SECRET'],
};
const secrets = await loadLambdaSecrets(secretsEnv, usesSecretsManager(secretsEnv) ? extensionSecretReader(secretsExtensionOptions()) : undefined);
if (secrets.internalSecret) process.env['KOLDOO_INTERNAL_SECRET'] = secrets.internalSecret;

const kitPath = new URL('./kit/server.js', import.meta.url).href;
const { server } = (await import(kitPath)) as { server: TKitServer };
await server.init({
  env: process.env,
  read: (file) => {
    throw new Error(`read(${file}): static files are served by CloudFront from S3, not by the site function`);
  },
});

export async function handler(event: THttpEventV2, context: unknown): Promise<THttpResultV2> {
  // Only CloudFront knows the origin secret; anything else reached the function URL directly.
  if (secrets.originSecret && !sameSecret(event.headers[originVerifyHeader], secrets.originSecret)) {
    return { statusCode: 403, headers: { 'content-type': 'text/plain' }, body: 'Forbidden' };
  }
  const request = toRequest(event, secrets.originSecret);
  const address = viewerAddress((name) => event.headers[name], event.requestContext.http.sourceIp, secrets.originSecret) ?? 'unknown';
  const response = await server.respond(request, { getClientAddress: () => address, platform: { event, context } });
  return toResult(response);
}
