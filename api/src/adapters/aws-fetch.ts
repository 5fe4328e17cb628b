import { signRequest, type TAwsCredentials } from './aws-sigv4.ts';

export type TAwsFetchOptions = {
  region: string;
  /** Read per call: Lambda's role credentials live in its environment for the sandbox's lifetime. */
  credentials: () => TAwsCredentials;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries after throttling, 5xx or a network error; default 2. */
  retries?: number;
  fetch?: typeof fetch;
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * A signed request to an AWS REST endpoint, retried with jittered back-off on throttling,
 * server errors and network failures, as the SDK would. Other statuses are returned as they are.
 */
export async function awsFetch(
  options: TAwsFetchOptions,
  request: { service: string; method: string; url: URL; headers?: Record<string, string>; body?: string | Uint8Array; isS3?: boolean },
): Promise<Response> {
  const retries = options.retries ?? 2;
  const doFetch = options.fetch ?? fetch;
  for (let attempt = 0; ; attempt += 1) {
    const headers = signRequest({ ...request, region: options.region, credentials: options.credentials() });
    try {
      const response = await doFetch(request.url, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      });
      const isRetryable = response.status === 429 || response.status >= 500;
      if (!isRetryable || attempt >= retries) return response;
      await response.body?.cancel();
    } catch (error) {
      if (attempt >= retries) throw error;
    }
    await sleep(Math.random() * 100 * 2 ** attempt);
  }
}

/** An error for a refused call, with the service's own message (truncated) for the logs. */
export async function awsError(action: string, response: Response): Promise<Error> {
  const text = await response.text().catch(() => '');
  return new Error(`${action} failed: HTTP ${response.status} ${text.slice(0, 300)}`);
}
