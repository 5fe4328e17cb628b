import { describe, expect, it } from 'vitest';
import type { THttpEventV2 } from '@koldoo/api/lambda/http-event.ts';
import { toRequest, toResult } from './kit-event.ts';

const secret = 'origin-secret-0123456789';

function event(overrides: Partial<THttpEventV2> = {}, headers: Record<string, string> = {}): THttpEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/projects',
    rawQueryString: 'q=%D1%81%D1%83%D1%83&page=2',
    headers: { host: 'abc.lambda-url.eu-central-1.on.aws', 'x-forwarded-host': 'koldoo.kg', 'x-koldoo-origin-verify': secret, ...headers },
    cookies: ['koldoo_session=abc', 'koldoo_locale=ky'],
    isBase64Encoded: false,
    requestContext: {
      domainName: 'abc.lambda-url.eu-central-1.on.aws',
      requestId: 'r-1',
      http: { method: 'GET', path: '/projects', protocol: 'HTTP/1.1', sourceIp: '130.176.0.1', userAgent: 'test' },
    },
    ...overrides,
  };
}

describe('toRequest', () => {
  it('rebuilds the public URL from CloudFront’s forwarded host, with query and cookies', () => {
    const request = toRequest(event(), secret);
    expect(request.url).toBe('https://koldoo.kg/projects?q=%D1%81%D1%83%D1%83&page=2');
    expect(request.headers.get('cookie')).toBe('koldoo_session=abc; koldoo_locale=ky');
    // The origin secret never reaches Kit (or anything it logs).
    expect(request.headers.get('x-koldoo-origin-verify')).toBeNull();
  });

  it('ignores a forwarded host without the origin secret', () => {
    expect(new URL(toRequest(event({}, { 'x-koldoo-origin-verify': 'nope' }), secret).url).host).toBe('abc.lambda-url.eu-central-1.on.aws');
  });

  it('decodes a base64 form body', async () => {
    const form = 'email=a%40b.kg&password=x';
    const request = toRequest(
      event({ body: Buffer.from(form).toString('base64'), isBase64Encoded: true, requestContext: { ...event().requestContext, http: { ...event().requestContext.http, method: 'POST' } } }),
      secret,
    );
    expect(request.method).toBe('POST');
    expect(await request.text()).toBe(form);
  });
});

describe('toResult', () => {
  it('moves Set-Cookie into cookies and keeps text bodies as text', async () => {
    const headers = new Headers({ 'content-type': 'text/html; charset=utf-8' });
    headers.append('set-cookie', 'a=1; Path=/');
    headers.append('set-cookie', 'b=2; Path=/');
    const result = await toResult(new Response('<p>Салам</p>', { status: 200, headers }));
    expect(result).toMatchObject({ statusCode: 200, cookies: ['a=1; Path=/', 'b=2; Path=/'], body: '<p>Салам</p>', isBase64Encoded: false });
    expect(result.headers).not.toHaveProperty('set-cookie');
  });

  it('base64-encodes binary bodies', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff]);
    const result = await toResult(new Response(bytes, { headers: { 'content-type': 'image/png' } }));
    expect(result.isBase64Encoded).toBe(true);
    expect(Buffer.from(result.body!, 'base64')).toEqual(Buffer.from(bytes));
  });
});
