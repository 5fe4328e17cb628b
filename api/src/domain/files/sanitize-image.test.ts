import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '@koldoo/shared/errors.ts';
import { maxImageSide, sanitizeImage } from './sanitize-image.ts';

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } });
const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(text);

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('sanitizeImage', () => {
  it('strips EXIF (and GPS) from a JPEG and turns it upright by its orientation', async () => {
    const input = await solid(300, 200)
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Copyright: 'secret-owner', Artist: 'Aida' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 52/1 0/1' } })
      .jpeg()
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(before.exif?.toString('latin1')).toContain('secret-owner');
    expect(before.orientation).toBe(6);

    const out = await sanitizeImage(input, 'image/jpeg');
    const after = await sharp(out.body).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(contains(out.body, 'secret-owner')).toBe(false);
    expect(out).toMatchObject({ contentType: 'image/jpeg', width: 200, height: 300 });
  });

  it('keeps PNG and WebP in their format, with alpha, and without metadata', async () => {
    const rgba = sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 200, b: 0, alpha: 0.5 } } });
    for (const [type, format] of [['image/png', 'png'], ['image/webp', 'webp']] as const) {
      const input = await rgba.clone().withExif({ IFD0: { Copyright: 'secret-owner' } }).toFormat(format).toBuffer();
      expect((await sharp(input).metadata()).exif).toBeDefined();
      const out = await sanitizeImage(input, type);
      const after = await sharp(out.body).metadata();
      expect(after).toMatchObject({ format, width: 40, height: 30, hasAlpha: true });
      expect(after.exif).toBeUndefined();
      expect(contains(out.body, 'secret-owner')).toBe(false);
    }
  });

  it(`caps the long side at ${maxImageSide} px and never enlarges`, async () => {
    const big = await sanitizeImage(await solid(3000, 1500).jpeg().toBuffer(), 'image/jpeg');
    expect([big.width, big.height]).toEqual([2000, 1000]);
    const small = await sanitizeImage(await solid(120, 80).png().toBuffer(), 'image/png');
    expect([small.width, small.height]).toEqual([120, 80]);
  });

  it('refuses corrupt and truncated images with a 400 on `file`', async () => {
    const garbage = await rejection(sanitizeImage(Buffer.from('\xff\xd8\xff this is not a jpeg', 'latin1'), 'image/jpeg'));
    expect(garbage.code).toBe('VALIDATION_FAILED');
    expect(garbage.issues).toEqual([expect.objectContaining({ path: 'file', code: 'corrupt_image' })]);
    expect(garbage.message).toMatch(/damaged or incomplete/);

    const whole = await solid(600, 400).jpeg().toBuffer();
    const truncated = await rejection(sanitizeImage(whole.subarray(0, Math.floor(whole.length * 0.6)), 'image/jpeg'));
    expect(truncated.issues?.[0]?.code).toBe('corrupt_image');
  });

  it('refuses an image whose contents are another format than sniffed', async () => {
    const png = await solid(10, 10).png().toBuffer();
    const error = await rejection(sanitizeImage(png, 'image/jpeg'));
    expect(error.issues?.[0]?.code).toBe('type_mismatch');
  });

  it('refuses decompression bombs by their decoded pixel count', async () => {
    // 8000 × 8000 of one colour compresses to a few hundred kB but decodes to 64 MP.
    const bomb = await solid(8000, 8000).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1_000_000);
    const error = await rejection(sanitizeImage(bomb, 'image/png'));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues?.[0]?.code).toBe('image_too_large');
  });
});
