/**
 * Secrets for the Lambda functions. In AWS they come from Secrets Manager through the
 * AWS Parameters and Secrets Lambda Extension (a layer serving `localhost:2773`, authenticated by
 * the function's session token), so no SDK client is bundled. Each value is read once per cold
 * start and kept for the sandbox's lifetime. Three secrets, so each function reads only what it
 * uses: Stripe's keys (JSON, set by the operator), the internal secret and the origin secret
 * (both generated). Without their ARNs (local runs, tests) the values come from the environment.
 */

export type TLambdaSecrets = {
  stripeSecretKey: string | undefined;
  stripeWebhookSecret: string | undefined;
  /** Proves web→API calls (`KOLDOO_INTERNAL_SECRET`). */
  internalSecret: string | undefined;
  /** What CloudFront sends as `x-koldoo-origin-verify`; undefined outside AWS. */
  originSecret: string | undefined;
};

/**
 * The Stripe secret's JSON. Until the operator sets it, the secret holds the random placeholder
 * CloudFormation generated, which is not JSON: that means "Stripe not configured" (no card
 * payments), not a failure. Empty strings mean the same.
 */
type TStripeSecret = { stripeSecretKey?: string; stripeWebhookSecret?: string };

/** Checked by hand rather than with zod, so the site function's bundle needs no schema library. */
export function parseStripeSecret(text: string): TStripeSecret {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  for (const key of ['stripeSecretKey', 'stripeWebhookSecret']) {
    if (record[key] !== undefined && typeof record[key] !== 'string') throw new Error(`The Stripe secret's ${key} is not a string`);
  }
  return record as TStripeSecret;
}

export type TSecretReader = (secretId: string) => Promise<string>;

export type TExtensionOptions = {
  /** `AWS_SESSION_TOKEN`: the extension's only authentication. */
  sessionToken: string;
  /** `PARAMETERS_SECRETS_EXTENSION_HTTP_PORT`, default 2773. */
  port?: number;
  fetch?: typeof fetch;
  /** Attempts while the extension is still starting (connection refused); default 5. */
  attempts?: number;
};

/** Reads a secret's string from the extension; each id is fetched once per process. */
export function extensionSecretReader(options: TExtensionOptions): TSecretReader {
  const cache = new Map<string, Promise<string>>();
  const doFetch = options.fetch ?? fetch;
  const port = options.port ?? 2773;
  const attempts = options.attempts ?? 5;

  async function read(secretId: string): Promise<string> {
    const url = `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`;
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await doFetch(url, {
          headers: { 'X-Aws-Parameters-Secrets-Token': options.sessionToken },
          signal: AbortSignal.timeout(3_000),
        });
      } catch (error) {
        if (attempt >= attempts) throw new Error(`Secrets extension unreachable on port ${port}`, { cause: error });
        await new Promise((done) => setTimeout(done, 50 * attempt));
        continue;
      }
      if (!response.ok) {
        const text = await response.text().catch(() => '');
        throw new Error(`Secrets extension refused ${secretId}: HTTP ${response.status} ${text.slice(0, 200)}`);
      }
      const body = (await response.json()) as { SecretString?: unknown };
      if (typeof body.SecretString !== 'string') throw new Error(`Secret ${secretId} has no SecretString`);
      return body.SecretString;
    }
  }

  return (secretId) => {
    let pending = cache.get(secretId);
    if (!pending) {
      pending = read(secretId);
      // A failed read is not cached: the next cold start (or call) tries again.
      pending.catch(() => cache.delete(secretId));
      cache.set(secretId, pending);
    }
    return pending;
  };
}

const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);

export type TSecretsEnv = {
  STRIPE_SECRET_ARN?: string | undefined;
  INTERNAL_SECRET_ARN?: string | undefined;
  ORIGIN_SECRET_ARN?: string | undefined;
  STRIPE_SECRET_KEY?: string | undefined;
  STRIPE_WEBHOOK_SECRET?: string | undefined;
  KOLDOO_INTERNAL_SECRET?: string | undefined;
};

/** The function's secrets: each from Secrets Manager when its ARN is set, otherwise from the environment. */
export async function loadLambdaSecrets(env: TSecretsEnv, reader: TSecretReader | undefined): Promise<TLambdaSecrets> {
  const read = async (arn: string | undefined): Promise<string | undefined> => {
    if (!arn) return undefined;
    if (!reader) throw new Error('A secret ARN is set but no secret reader was given');
    return reader(arn);
  };
  const [stripeText, internal, origin] = await Promise.all([
    read(env.STRIPE_SECRET_ARN),
    read(env.INTERNAL_SECRET_ARN),
    read(env.ORIGIN_SECRET_ARN),
  ]);
  const stripe = stripeText === undefined
    ? { stripeSecretKey: env.STRIPE_SECRET_KEY, stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET }
    : parseStripeSecret(stripeText);
  return {
    stripeSecretKey: blankToUndefined(stripe.stripeSecretKey),
    stripeWebhookSecret: blankToUndefined(stripe.stripeWebhookSecret),
    internalSecret: blankToUndefined(env.INTERNAL_SECRET_ARN ? internal : env.KOLDOO_INTERNAL_SECRET),
    originSecret: blankToUndefined(origin),
  };
}

/** True when any secret must come from Secrets Manager (the function then needs the extension). */
export function usesSecretsManager(env: TSecretsEnv): boolean {
  return Boolean(env.STRIPE_SECRET_ARN || env.INTERNAL_SECRET_ARN || env.ORIGIN_SECRET_ARN);
}
