import { describe, expect, it } from 'vitest';
import { presignUrl, rfc3986, signRequest } from './aws-sigv4.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const now = new Date('2015-08-30T12:36:00Z');
const signatureOf = (headers: Record<string, string>) => headers.authorization!.split('Signature=')[1];

describe('signRequest (SigV4)', () => {
  it("matches AWS's published get-vanilla test vector", () => {
    const headers = signRequest({ method: 'GET', url: new URL('https://example.amazonaws.com/'), service: 'service', region: 'us-east-1', credentials, now });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, ' +
        'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
    expect(headers['x-amz-date']).toBe('20150830T123600Z');
    expect(headers).not.toHaveProperty('host');
  });

  // Expected values were produced by the AWS SDK's own signer (@smithy/signature-v4) for the same requests.
  const withToken = { ...credentials, sessionToken: 'TOKEN/+=' };

  it('signs an SES v2 JSON POST with a session token as the SDK does', () => {
    const headers = signRequest({
      method: 'POST', url: new URL('https://email.eu-central-1.amazonaws.com/v2/email/outbound-emails'),
      headers: { 'content-type': 'application/json' }, body: '{"a":"é"}', service: 'ses', region: 'eu-central-1', credentials: withToken, now,
    });
    expect(signatureOf(headers)).toBe('949de37bd59727cf320f9282aab4cb0fe120119324c13e310585675dfed0d59f');
    expect(headers['x-amz-security-token']).toBe('TOKEN/+=');
  });

  it('signs an S3 PUT (path signed as sent, payload hash header) as the SDK does', () => {
    const headers = signRequest({
      method: 'PUT', url: new URL('https://bucket.s3.eu-central-1.amazonaws.com/uploads/project_image/01ABC%20x'),
      headers: { 'content-type': 'image/png' }, body: 'bytes', service: 's3', region: 'eu-central-1', credentials: withToken, now, isS3: true,
    });
    expect(signatureOf(headers)).toBe('e7aa03aa4ebb962acd13906c9d73eba5962914103e4920ee81430c7bc9a714c4');
    expect(headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('double-encodes paths and sorts repeated query keys for non-S3 services as the SDK does', () => {
    const headers = signRequest({
      method: 'GET', url: new URL('https://x.amazonaws.com/a%20b/c?z=1&a=%2A&a=0'), service: 'secretsmanager', region: 'eu-central-1', credentials: withToken, now,
    });
    expect(signatureOf(headers)).toBe('c8e0ef08ba0560b15868b143bb37e71f39ad810b2d7cf089a3e3bf1821af2474');
  });

  it('encodes as RFC 3986', () => {
    expect(rfc3986("a b!'()*~/")).toBe('a%20b%21%27%28%29%2A~%2F');
  });
});

describe('presignUrl (SigV4 query-string signing)', () => {
  it("matches AWS's documented presigned GET example (S3 docs, examplebucket, 2013-05-24, 86400 s)", () => {
    const url = presignUrl({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      service: 's3',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      expiresInSeconds: 86400,
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(url).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
        '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z' +
        '&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  // Expected signatures from @smithy/signature-v4's presign with S3's UNSIGNED-PAYLOAD, for the same requests.
  const withToken = { ...credentials, sessionToken: 'TOKEN/+=' };
  const now = new Date('2015-08-30T12:36:00Z');

  it('signs a PUT with content-type and content-length, and the session token, as the SDK does', () => {
    const url = new URL(
      presignUrl({
        method: 'PUT',
        url: new URL('https://koldoo-uploads.s3.eu-central-1.amazonaws.com/incoming/01JABCDEFGHJKMNPQRSTVWXYZ0'),
        headers: { 'Content-Type': 'image/png', 'content-length': '123456' },
        service: 's3', region: 'eu-central-1', credentials: withToken, expiresInSeconds: 900, now,
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIDEXAMPLE/20150830/eu-central-1/s3/aws4_request',
      'X-Amz-Date': '20150830T123600Z',
      'X-Amz-Expires': '900',
      'X-Amz-Security-Token': 'TOKEN/+=',
      // A different size or type changes the canonical request, so S3 refuses it (403 SignatureDoesNotMatch).
      'X-Amz-SignedHeaders': 'content-length;content-type;host',
      'X-Amz-Signature': 'd3f21cd0e0cffee697c06b07a6f40a3b877b7651401af4bf5967cdb30d1574e1',
    });
    expect(url.search).toContain('X-Amz-Security-Token=TOKEN%2F%2B%3D&');
    expect(url.search.endsWith('&X-Amz-Signature=d3f21cd0e0cffee697c06b07a6f40a3b877b7651401af4bf5967cdb30d1574e1')).toBe(true);
  });

  it('signs response-* overrides into a GET, encoded as RFC 3986 (a space is %20, never +), as the SDK does', () => {
    const target = new URL('https://koldoo-uploads.s3.eu-central-1.amazonaws.com/uploads/council_proof/01J');
    target.searchParams.set('response-content-disposition', 'attachment; filename="01J.pdf"');
    target.searchParams.set('response-content-type', 'application/pdf');
    target.searchParams.set('response-cache-control', 'private, no-store');
    const url = presignUrl({ method: 'GET', url: target, service: 's3', region: 'eu-central-1', credentials: withToken, expiresInSeconds: 300, now });
    expect(url).toContain('&response-cache-control=private%2C%20no-store&response-content-disposition=attachment%3B%20filename%3D%2201J.pdf%22&');
    expect(url).not.toContain('+');
    expect(new URL(url).searchParams.get('X-Amz-Signature')).toBe('5fa3bdb517c3fc2b9316229a7519381e842e8f38677c60e90c9a369e76dfd2e5');
  });
});
