import { timingSafeEqual } from 'node:crypto';

/** The API Gateway HTTP API (payload 2.0) and Lambda function URL event, the fields we read. */
export type THttpEventV2 = {
  version: '2.0';
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded: boolean;
  requestContext: {
    domainName: string;
    requestId: string;
    http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
    [key: string]: unknown;
  };
};

/** The payload 2.0 result; `cookies` carries each Set-Cookie (API Gateway turns them into headers). */
export type THttpResultV2 = {
  statusCode: number;
  headers?: Record<string, string>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
};

/** The header CloudFront adds to every origin request, with the value of the origin secret. */
export const originVerifyHeader = 'x-koldoo-origin-verify';

export function sameSecret(given: string | null | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Set by CloudFront's viewer-request function to the viewer's IP (infra/src/cdk/constructs/edge.ts). */
export const viewerAddressHeader = 'x-koldoo-viewer-address';

/**
 * The browser's address. Behind CloudFront, API Gateway's and the function URL's `sourceIp` is an
 * edge server's, shared by thousands of users; CloudFront's viewer-request function passes the
 * viewer's own address in `x-koldoo-viewer-address`, overwriting whatever the client sent. The
 * header is believed only with the origin secret, which only CloudFront sends; a request that
 * reached the origin some other way could otherwise pick its own address.
 */
export function viewerAddress(
  header: (name: string) => string | null | undefined,
  sourceIp: string | undefined,
  originSecret: string | undefined,
): string | undefined {
  if (sameSecret(header(originVerifyHeader), originSecret)) {
    const viewer = header(viewerAddressHeader)?.trim();
    if (viewer) return viewer;
  }
  return sourceIp;
}

/** The exact body as text: base64-decoded when API Gateway encoded it (it does for some content types). */
export function rawBodyOf(event: Pick<THttpEventV2, 'body' | 'isBase64Encoded'>): string {
  if (event.body === undefined || event.body === null) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}
