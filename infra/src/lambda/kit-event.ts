import { originVerifyHeader, sameSecret, type THttpEventV2, type THttpResultV2 } from '@koldoo/api/lambda/http-event.ts';

/** Between a Lambda function URL (payload 2.0) and the web `Request`/`Response` SvelteKit speaks. */

const textTypes = /^(text\/|application\/(json|javascript|xml|x-www-form-urlencoded|[\w.+-]+\+(json|xml))|image\/svg\+xml)/i;

/** The viewer's request as Kit sees it: the public host (from CloudFront), path, query, cookies and body. */
export function toRequest(event: THttpEventV2, originSecret: string | undefined): Request {
  const fromCloudFront = sameSecret(event.headers[originVerifyHeader], originSecret);
  // CloudFront must not forward Host to a function URL; its viewer-request function copies it here.
  const host = (fromCloudFront && event.headers['x-forwarded-host']) || event.requestContext.domainName;
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers)) {
    if (value !== undefined && name !== originVerifyHeader) headers.set(name, value);
  }
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  const method = event.requestContext.http.method;
  const hasBody = method !== 'GET' && method !== 'HEAD' && event.body !== undefined;
  return new Request(`https://${host}${event.rawPath}${query}`, {
    method,
    headers,
    ...(hasBody ? { body: event.isBase64Encoded ? Buffer.from(event.body!, 'base64') : event.body } : {}),
  });
}

/** Kit's response as a function URL result: Set-Cookie in `cookies`, binary bodies base64-encoded. */
export async function toResult(response: Response): Promise<THttpResultV2> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  const contentType = response.headers.get('content-type') ?? '';
  const isText = contentType === '' || textTypes.test(contentType);
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    statusCode: response.status,
    headers,
    ...(cookies.length ? { cookies } : {}),
    body: isText ? bytes.toString('utf8') : bytes.toString('base64'),
    isBase64Encoded: !isText,
  };
}
