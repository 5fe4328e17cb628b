import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { maxUploadBytes } from '@koldoo/shared/contracts/uploads.ts';
import type { TFileStore, TSignedPutResult } from '../domain/ports.ts';

export type TLocalFileStoreOptions = {
  /** The site's origin, so presigned PUT URLs are absolute; without it they are origin-relative. */
  publicOrigin?: string;
  /** Signs presigned PUT URLs (HMAC-SHA256). Unset: a random one per store, so URLs die with the process. */
  signingSecret?: string;
  /** Milliseconds since the epoch; tests move it to expire URLs. */
  now?: () => number;
};

/** Staged uploads are `incoming/<ulid>`; their PUT URL is our own route for that upload. */
const stagedKey = /^incoming\/([0-9A-HJKMNP-TV-Z]{26})$/;

class TooLarge extends Error {}

/**
 * Uploads on local disk under one root (e.g. `.data/uploads`). Keys are checked so that
 * `../` can never escape the root. The content type is kept in a side file.
 *
 * Presigned PUTs stand in for S3's: the URL is `PUT /api/uploads/<uploadId>/bytes?expires=…&sig=…`
 * on our own API, where `sig` is an HMAC over the key, content type, exact length and expiry. Like
 * S3, the store (not the session) decides: `receiveSignedPut` refuses a bad or expired signature or
 * another type or length (`forbidden`), and streams the body to disk, stopping past the signed length.
 */
export function createLocalFileStore(root: string, options: TLocalFileStoreOptions = {}): TFileStore {
  const base = resolve(root);
  const secret = options.signingSecret ?? randomBytes(32).toString('hex');
  const now = options.now ?? Date.now;
  const origin = options.publicOrigin ? new URL(options.publicOrigin).origin : '';
  const pathOf = (key: string) => {
    const full = resolve(join(base, key));
    if (!full.startsWith(base + sep)) throw new Error(`file key escapes the store: ${key}`);
    return full;
  };
  const sign = (key: string, contentType: string, contentLength: number, expires: number) =>
    createHmac('sha256', secret).update(['PUT', key, contentType, String(contentLength), String(expires)].join('\n')).digest('base64url');
  const isSignatureValid = (given: string, expected: string) => {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  return {
    async put(key, body, contentType) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, body);
      await writeFile(`${path}.type`, contentType);
    },
    async get(key) {
      const path = pathOf(key);
      try {
        const [body, contentType] = await Promise.all([readFile(path), readFile(`${path}.type`, 'utf8')]);
        return { body: new Uint8Array(body), contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(key) {
      const path = pathOf(key);
      await Promise.all([rm(path, { force: true }), rm(`${path}.type`, { force: true })]);
    },
    async presignPut(key, { contentType, contentLength, expiresInSeconds }) {
      const uploadId = stagedKey.exec(key)?.[1];
      if (!uploadId) throw new Error(`the local store presigns only staged keys (incoming/<ulid>), not ${key}`);
      const expires = Math.floor(now() / 1000) + expiresInSeconds;
      const query = new URLSearchParams({ expires: String(expires), sig: sign(key, contentType, contentLength, expires) });
      return { url: `${origin}/api/uploads/${uploadId}/bytes?${query}`, headers: { 'content-type': contentType } };
    },
    async presignGet() {
      // Local reads stream through the API, which adds its security headers.
      return undefined;
    },
    async receiveSignedPut({ key, query, contentType, contentLength, body }): Promise<TSignedPutResult> {
      // Refused before the signature is even looked at, like the 10 MB cap everywhere.
      if (contentLength !== undefined && contentLength > maxUploadBytes) return 'too_large';
      const expires = Number(query.expires);
      if (!Number.isSafeInteger(expires) || expires * 1000 < now()) return 'forbidden';
      // The type and length signed are the ones sent, or S3 would refuse too.
      if (contentType === undefined || contentLength === undefined || !stagedKey.test(key)) return 'forbidden';
      if (!isSignatureValid(query.sig ?? '', sign(key, contentType.trim(), contentLength, expires))) return 'forbidden';

      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const part = `${path}.${randomBytes(6).toString('hex')}.part`;
      let received = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          received += chunk.byteLength;
          // A body longer than it said (Content-Length is only a claim on a raw Request) stops here.
          if (received > contentLength) done(new TooLarge());
          else done(null, chunk);
        },
      });
      try {
        const source = body ? Readable.fromWeb(body as NodeReadableStream<Uint8Array>) : Readable.from([]);
        await pipeline(source, counter, createWriteStream(part));
      } catch (error) {
        await rm(part, { force: true });
        if (error instanceof TooLarge) return 'too_large';
        throw error;
      }
      if (received !== contentLength) {
        await rm(part, { force: true });
        return 'incomplete';
      }
      await writeFile(`${path}.type`, contentType.trim());
      await rename(part, path);
      return 'stored';
    },
  };
}
