import { describe, expect, it } from 'vitest';
import { rfc3986, signRequest } from './aws-sigv4.ts';

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
