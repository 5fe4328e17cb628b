import { describe, expect, it } from 'vitest';
import { sameSitePath } from './redirect-target.ts';

describe('sameSitePath', () => {
  it('keeps paths on this site', () => {
    expect(sameSitePath('/')).toBe('/');
    expect(sameSitePath('/me?tab=1#x')).toBe('/me?tab=1#x');
  });

  it.each([null, undefined, '', 'me', 'https://evil.example/', '//evil.example', '/\\evil.example', '/\t/evil.example'])(
    'refuses %j',
    (value) => expect(sameSitePath(value)).toBeNull(),
  );
});
