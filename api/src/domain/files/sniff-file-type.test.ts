import { describe, expect, it } from 'vitest';
import { isImageType, sniffFileType } from './sniff-file-type.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));

describe('sniffFileType', () => {
  it('recognises JPEG, PNG, WebP and PDF by their magic bytes', () => {
    expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(sniffFileType(bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]))).toBe('image/png');
    expect(sniffFileType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffFileType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses everything else, including look-alikes and truncated signatures', () => {
    expect(sniffFileType(bytes('hello, I am a .jpg'))).toBeUndefined();
    expect(sniffFileType(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeUndefined();
    expect(sniffFileType(bytes('GIF89a'))).toBeUndefined();
    expect(sniffFileType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeUndefined();
    expect(sniffFileType(bytes('RIFF', [0, 0, 0, 0], 'WEB'))).toBeUndefined();
    expect(sniffFileType(bytes([0xff, 0xd8]))).toBeUndefined();
    expect(sniffFileType(bytes(' %PDF-1.7'))).toBeUndefined();
    expect(sniffFileType(new Uint8Array())).toBeUndefined();
  });

  it('tells images from PDFs', () => {
    expect(isImageType('image/webp')).toBe(true);
    expect(isImageType('application/pdf')).toBe(false);
  });
});
