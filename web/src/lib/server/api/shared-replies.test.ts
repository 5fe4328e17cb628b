import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { isSharedReply, parseSharedReply } from './shared-replies.ts';

const ZThing = z.object({ name: z.string(), tags: z.array(z.string()) });

describe('shared API replies', () => {
  it('parses a public body once, hands out the same frozen value, and parses a changed body anew', () => {
    const body = JSON.stringify({ name: 'көпүрө', tags: ['a'] });
    const first = parseSharedReply(body, ZThing);
    const again = parseSharedReply(body, ZThing);
    expect(first.success && again.success).toBe(true);
    if (!first.success || !again.success) return;
    expect(again.data).toBe(first.data);
    expect(Object.isFrozen(first.data.tags)).toBe(true);
    expect(() => (first.data.tags as string[]).push('b')).toThrow(TypeError);
    const changed = parseSharedReply(JSON.stringify({ name: 'көпүрө', tags: ['a', 'b'] }), ZThing);
    expect(changed.success && changed.data.tags).toEqual(['a', 'b']);
  });

  it('does not reuse a value parsed with another schema, and reports bodies that fail the schema', () => {
    const body = JSON.stringify({ name: 'x', tags: [] });
    const loose = z.object({ name: z.string() });
    expect(parseSharedReply(body, ZThing).success).toBe(true);
    const other = parseSharedReply(body, loose);
    expect(other.success && Object.keys(other.data)).toEqual(['name']);
    expect(parseSharedReply('{"name":1}', ZThing).success).toBe(false);
    expect(parseSharedReply('not json', ZThing).success).toBe(false);
  });

  it('treats only replies marked public as shared', () => {
    expect(isSharedReply(new Response('', { headers: { 'cache-control': 'public, max-age=5' } }))).toBe(true);
    expect(isSharedReply(new Response('', { headers: { 'cache-control': 'private, no-store' } }))).toBe(false);
    expect(isSharedReply(new Response(''))).toBe(false);
  });
});
