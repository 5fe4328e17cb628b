import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for the two plain REST calls the Lambda functions make besides DynamoDB
 * (SES SendEmail, S3 GetObject/PutObject/DeleteObject), and query-string presigning for the S3
 * URLs browsers use directly (uploads by PUT, downloads by redirect). Signing by hand keeps two SDK clients (~1 MB) out of the
 * bundles; the algorithm is fixed and checked against AWS's published test vector and the SDK's
 * own signer (aws-sigv4.test.ts). DynamoDB keeps the real SDK client.
 */

export type TAwsCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined };

export type TSignInput = {
  method: string;
  url: URL;
  /** Headers to sign besides host and x-amz-*; names in any case. */
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  service: string;
  region: string;
  credentials: TAwsCredentials;
  now?: Date;
  /** S3 signs the path as sent and needs `x-amz-content-sha256`; other services encode it twice. */
  isS3?: boolean;
};

const algorithm = 'AWS4-HMAC-SHA256';

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding, as SigV4 requires (encodeURIComponent leaves !'()* alone). */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `20150830T123600Z` */
function amzDateOf(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function canonicalPath(url: URL, isS3: boolean): string {
  if (isS3) return url.pathname || '/';
  // Every other service signs each (already encoded) segment encoded once more.
  return url.pathname.split('/').map(rfc3986).join('/') || '/';
}

function canonicalQuery(url: URL): string {
  return [...url.searchParams.entries()]
    .map(([key, value]) => [rfc3986(key), rfc3986(value)] as const)
    .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/** The headers to send: the caller's, plus host, x-amz-date, the session token, and authorization. */
export function signRequest(input: TSignInput): Record<string, string> {
  const now = input.now ?? new Date();
  const amzDate = amzDateOf(now);
  const date = amzDate.slice(0, 8);
  const body = input.body ?? '';
  const payloadHash = sha256Hex(body);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
  headers.host = input.url.host;
  headers['x-amz-date'] = amzDate;
  if (input.credentials.sessionToken) headers['x-amz-security-token'] = input.credentials.sessionToken;
  if (input.isS3) headers['x-amz-content-sha256'] = payloadHash;

  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((name) => `${name}:${headers[name]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalPath(input.url, input.isS3 ?? false),
    canonicalQuery(input.url),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');

  const scope = `${date}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = [algorithm, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const kDate = hmac(`AWS4${input.credentials.secretAccessKey}`, date);
  const kSigning = hmac(hmac(hmac(kDate, input.region), input.service), 'aws4_request');
  const signature = createHmac('sha256', kSigning).update(stringToSign).digest('hex');

  headers.authorization = `${algorithm} Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  // fetch sets Host itself from the URL.
  delete headers.host;
  return headers;
}

export type TPresignInput = {
  method: string;
  /** May already carry query parameters to sign (S3's `response-*` overrides). */
  url: URL;
  /** Headers the request must carry with exactly these values (e.g. content-type, content-length); host is always signed. */
  headers?: Record<string, string>;
  service: string;
  region: string;
  credentials: TAwsCredentials;
  expiresInSeconds: number;
  now?: Date;
};

/**
 * A SigV4 query-string presigned URL (S3 "authenticating requests: using query parameters"): the
 * credential, date, lifetime and signed header names go in the query, the payload is
 * `UNSIGNED-PAYLOAD`, and the signature comes last. The query is written RFC 3986-encoded exactly
 * as it was signed, so nothing (such as `+` for a space) is left to the server's interpretation.
 * With session credentials (a Lambda role) the URL also carries `X-Amz-Security-Token` and stops
 * working when those credentials expire, whatever `X-Amz-Expires` says.
 */
export function presignUrl(input: TPresignInput): string {
  const now = input.now ?? new Date();
  const amzDate = amzDateOf(now);
  const date = amzDate.slice(0, 8);
  const scope = `${date}/${input.region}/${input.service}/aws4_request`;

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
  headers.host = input.url.host;
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');

  const url = new URL(input.url);
  url.searchParams.set('X-Amz-Algorithm', algorithm);
  url.searchParams.set('X-Amz-Credential', `${input.credentials.accessKeyId}/${scope}`);
  url.searchParams.set('X-Amz-Date', amzDate);
  url.searchParams.set('X-Amz-Expires', String(input.expiresInSeconds));
  if (input.credentials.sessionToken) url.searchParams.set('X-Amz-Security-Token', input.credentials.sessionToken);
  url.searchParams.set('X-Amz-SignedHeaders', signedHeaders);
  const query = canonicalQuery(url);

  const canonicalHeaders = names.map((name) => `${name}:${headers[name]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [input.method.toUpperCase(), canonicalPath(url, true), query, canonicalHeaders, signedHeaders, 'UNSIGNED-PAYLOAD'].join('\n');
  const stringToSign = [algorithm, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const kDate = hmac(`AWS4${input.credentials.secretAccessKey}`, date);
  const kSigning = hmac(hmac(hmac(kDate, input.region), input.service), 'aws4_request');
  const signature = createHmac('sha256', kSigning).update(stringToSign).digest('hex');
  return `${url.origin}${url.pathname}?${query}&X-Amz-Signature=${signature}`;
}
