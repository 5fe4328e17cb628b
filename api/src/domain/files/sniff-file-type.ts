/** The file types Koldoo accepts, by what their bytes say (never the client's name or header). */
export const sniffableTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type TSniffedType = (typeof sniffableTypes)[number];
export type TImageType = Exclude<TSniffedType, 'application/pdf'>;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const jpeg = [0xff, 0xd8, 0xff];
const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const riff = ascii('RIFF');
const webp = ascii('WEBP');
const pdf = ascii('%PDF-');

/**
 * Detects JPEG, PNG, WebP and PDF from their magic bytes; anything else (SVG, HTML, GIF,
 * HEIC, text) is `undefined`. Only the signature is checked here: images are then fully
 * decoded by `sanitizeImage`, which rejects what merely looks right.
 */
export function sniffFileType(bytes: Uint8Array): TSniffedType | undefined {
  if (startsWith(bytes, jpeg)) return 'image/jpeg';
  if (startsWith(bytes, png)) return 'image/png';
  if (startsWith(bytes, riff) && startsWith(bytes, webp, 8)) return 'image/webp';
  if (startsWith(bytes, pdf)) return 'application/pdf';
  return undefined;
}

export function isImageType(type: TSniffedType): type is TImageType {
  return type !== 'application/pdf';
}
