import type { Sharp } from 'sharp';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TImageType } from './sniff-file-type.ts';

/** Long side of a stored image; enough for a full-width photo on any screen we serve. */
export const maxImageSide = 2000;
/**
 * Decoded pixels an upload may have (a 48 MP phone photo passes). Stops decompression bombs:
 * a tiny PNG can claim 100 000 × 100 000 pixels and would exhaust memory when decoded.
 */
export const maxInputPixels = 50_000_000;

export type TSanitizedImage = { body: Uint8Array; contentType: TImageType; width: number; height: number };

/** The 400 for a bad upload, with the issue on the form field `file`. */
export function fileRejected(code: string, message: string, cause?: unknown): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues: [{ path: 'file', message, code }], cause });
}

const sharpFormat = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const satisfies Record<TImageType, string>;

function encode(pipeline: Sharp, type: TImageType): Sharp {
  switch (type) {
    case 'image/jpeg':
      return pipeline.jpeg({ quality: 82, mozjpeg: true });
    case 'image/png':
      return pipeline.png();
    case 'image/webp':
      return pipeline.webp({ quality: 82 });
  }
}

/**
 * Decodes an image and encodes it afresh in the same format: EXIF (GPS, camera serials),
 * XMP, IPTC, ICC and comments are all dropped (sharp writes none unless asked to), the pixels
 * are turned upright by the EXIF orientation first, and the long side is capped at
 * `maxImageSide` without enlarging. Only the first frame of an animation is kept.
 * Unreadable, truncated, mislabelled or oversized images become a 400 on `file`.
 */
export async function sanitizeImage(bytes: Uint8Array, type: TImageType): Promise<TSanitizedImage> {
  // `failOn: 'error'` still refuses truncated and broken data, but lets through the benign
  // decoder warnings (stray bytes before a marker) that many phone cameras produce.
  // Loaded on first use: a native module the Lambda bundles keep external, so only uploads need it.
  const { default: sharp } = await import('sharp');
  const input = () => sharp(bytes, { limitInputPixels: maxInputPixels, failOn: 'error' });
  try {
    const { format } = await input().metadata();
    if (format !== sharpFormat[type]) {
      throw fileRejected('type_mismatch', 'The file is not a valid image of the type its contents claim');
    }
    const { data, info } = await encode(
      input().rotate().resize({ width: maxImageSide, height: maxImageSide, fit: 'inside', withoutEnlargement: true }),
      type,
    ).toBuffer({ resolveWithObject: true });
    return { body: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), contentType: type, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) {
      throw fileRejected('image_too_large', `The image has more than ${maxInputPixels / 1_000_000} megapixels`, error);
    }
    throw fileRejected('corrupt_image', 'The image is damaged or incomplete and could not be read', error);
  }
}
