import { describe, expect, it } from 'vitest';
import { originVerifyHeader, rawBodyOf, viewerAddress, viewerAddressHeader } from './http-event.ts';

const secret = 'origin-secret-0123456789abcdef';
const headersOf = (headers: Record<string, string>) => (name: string) => headers[name];

describe('viewerAddress', () => {
  it('takes the viewer address CloudFront passes when the origin secret matches', () => {
    const header = headersOf({ [originVerifyHeader]: secret, [viewerAddressHeader]: '2001:db8::7' });
    expect(viewerAddress(header, '130.176.0.1', secret)).toBe('2001:db8::7');
  });

  it('ignores a viewer address sent without the secret, or with a wrong one', () => {
    expect(viewerAddress(headersOf({ [viewerAddressHeader]: '198.51.100.1' }), '203.0.113.9', secret)).toBe('203.0.113.9');
    expect(viewerAddress(headersOf({ [originVerifyHeader]: 'guess', [viewerAddressHeader]: '198.51.100.1' }), '203.0.113.9', secret)).toBe('203.0.113.9');
  });

  it('uses the source address outside AWS (no origin secret configured)', () => {
    expect(viewerAddress(headersOf({ [originVerifyHeader]: '', [viewerAddressHeader]: '198.51.100.1' }), '203.0.113.9', undefined)).toBe('203.0.113.9');
  });
});

describe('rawBodyOf', () => {
  it('decodes base64 bodies to the exact original text, multi-byte letters included', () => {
    const text = '{"name":"Ысык-Көл","emoji":"🏔"}';
    expect(rawBodyOf({ body: Buffer.from(text).toString('base64'), isBase64Encoded: true })).toBe(text);
    expect(rawBodyOf({ body: text, isBase64Encoded: false })).toBe(text);
    expect(rawBodyOf({ isBase64Encoded: false })).toBe('');
  });
});
