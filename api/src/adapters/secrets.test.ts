import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionSecretReader, loadLambdaSecrets, parseStripeSecret, usesSecretsManager } from './secrets.ts';

/** A stand-in for the Parameters and Secrets extension: GET /secretsmanager/get?secretId=…, token header required. */
const values: Record<string, string> = {
  'arn:stripe': JSON.stringify({ stripeSecretKey: 'sk_test_abc', stripeWebhookSecret: 'whsec_abc' }),
  'arn:internal': 'internal-secret-0123456789',
  'arn:origin': 'origin-secret-0123456789',
  'arn:placeholder': 'Xy7!random-placeholder',
};
const calls: string[] = [];
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const id = url.searchParams.get('secretId') ?? '';
  calls.push(id);
  if (req.headers['x-aws-parameters-secrets-token'] !== 'session-token') {
    res.writeHead(401).end('unauthorized');
    return;
  }
  if (!(id in values)) {
    res.writeHead(400).end('ResourceNotFoundException');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Name: id, SecretString: values[id] }));
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('loadLambdaSecrets', () => {
  it('reads each secret through the extension once, and caches it', async () => {
    const reader = extensionSecretReader({ sessionToken: 'session-token', port });
    const env = { STRIPE_SECRET_ARN: 'arn:stripe', INTERNAL_SECRET_ARN: 'arn:internal', ORIGIN_SECRET_ARN: 'arn:origin' };
    expect(usesSecretsManager(env)).toBe(true);
    calls.length = 0;
    const first = await loadLambdaSecrets(env, reader);
    const again = await loadLambdaSecrets(env, reader);
    expect(first).toEqual({
      stripeSecretKey: 'sk_test_abc',
      stripeWebhookSecret: 'whsec_abc',
      internalSecret: 'internal-secret-0123456789',
      originSecret: 'origin-secret-0123456789',
    });
    expect(again).toEqual(first);
    expect(calls.sort()).toEqual(['arn:internal', 'arn:origin', 'arn:stripe']);
  });

  it("reads CloudFormation's placeholder as 'Stripe not configured yet'", async () => {
    const reader = extensionSecretReader({ sessionToken: 'session-token', port });
    const secrets = await loadLambdaSecrets({ STRIPE_SECRET_ARN: 'arn:placeholder' }, reader);
    expect(secrets.stripeSecretKey).toBeUndefined();
    expect(secrets.stripeWebhookSecret).toBeUndefined();
  });

  it('falls back to the environment without ARNs (local runs and tests)', async () => {
    const env = { STRIPE_SECRET_KEY: 'sk_test_env', STRIPE_WEBHOOK_SECRET: 'whsec_env', KOLDOO_INTERNAL_SECRET: 'internal-from-env-123' };
    expect(usesSecretsManager(env)).toBe(false);
    expect(await loadLambdaSecrets(env, undefined)).toEqual({
      stripeSecretKey: 'sk_test_env', stripeWebhookSecret: 'whsec_env', internalSecret: 'internal-from-env-123', originSecret: undefined,
    });
  });

  it('fails loudly on a refused read (wrong token or missing secret), and does not cache the failure', async () => {
    const reader = extensionSecretReader({ sessionToken: 'wrong', port });
    await expect(reader('arn:stripe')).rejects.toThrow(/HTTP 401/);
    const good = extensionSecretReader({ sessionToken: 'session-token', port });
    await expect(good('arn:missing')).rejects.toThrow(/HTTP 400/);
    values['arn:missing'] = 'now-there';
    await expect(good('arn:missing')).resolves.toBe('now-there');
  });

  it('retries while the extension is not listening yet, then gives up', async () => {
    const reader = extensionSecretReader({ sessionToken: 'session-token', port: 1, attempts: 2 });
    await expect(reader('arn:stripe')).rejects.toThrow(/unreachable/);
  });

  it('rejects a Stripe secret with a non-string key', () => {
    expect(() => parseStripeSecret('{"stripeSecretKey": 42}')).toThrow(/not a string/);
    expect(parseStripeSecret('[1,2]')).toEqual({});
  });
});
