import type { TFileStore } from '../domain/ports.ts';
import { presignUrl, rfc3986 } from './aws-sigv4.ts';
import { awsError, awsFetch, type TAwsFetchOptions } from './aws-fetch.ts';

export type TS3FileStoreOptions = TAwsFetchOptions & {
  bucket: string;
  /** Another endpoint with path-style addressing (tests); default virtual-hosted `https://<bucket>.s3.<region>.amazonaws.com`. */
  endpoint?: string;
};

/**
 * Uploads in S3 (GetObject / PutObject / DeleteObject, signed with the function's role; the bucket
 * encrypts at rest and refuses plain HTTP). Keys are the file store's opaque paths: `uploads/<kind>/<id>`
 * for accepted files, `incoming/<uploadId>` for bytes a browser PUT with a presigned URL and the API
 * has not yet checked; the role may touch only those two prefixes. Presigned URLs are signed with the
 * same role credentials, so they can do no more than the role may (and die with its session).
 */
export function createS3FileStore(options: TS3FileStoreOptions): TFileStore {
  const objectUrl = (key: string) => {
    if (key.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
      throw new Error(`invalid file key: ${key}`);
    }
    const path = key.split('/').map(rfc3986).join('/');
    return options.endpoint
      ? new URL(`${options.endpoint.replace(/\/+$/, '')}/${options.bucket}/${path}`)
      : new URL(`https://${options.bucket}.s3.${options.region}.amazonaws.com/${path}`);
  };
  return {
    async put(key, body, contentType) {
      const response = await awsFetch(options, {
        service: 's3', method: 'PUT', url: objectUrl(key), headers: { 'content-type': contentType }, body, isS3: true,
      });
      if (!response.ok) throw await awsError('S3 PutObject', response);
      await response.body?.cancel();
    },
    async get(key) {
      const response = await awsFetch(options, { service: 's3', method: 'GET', url: objectUrl(key), isS3: true });
      if (response.status === 404) {
        await response.body?.cancel();
        return undefined;
      }
      if (!response.ok) throw await awsError('S3 GetObject', response);
      return {
        body: new Uint8Array(await response.arrayBuffer()),
        contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      };
    },
    async delete(key) {
      const response = await awsFetch(options, { service: 's3', method: 'DELETE', url: objectUrl(key), isS3: true });
      // S3 answers 204 whether or not the key existed.
      if (!response.ok && response.status !== 404) throw await awsError('S3 DeleteObject', response);
      await response.body?.cancel();
    },
    async presignPut(key, { contentType, contentLength, expiresInSeconds }) {
      const headers = { 'content-type': contentType };
      const url = presignUrl({
        method: 'PUT',
        url: objectUrl(key),
        // Signed, so S3 refuses (403) a body of any other length or type. The browser sets Content-Length itself.
        headers: { ...headers, 'content-length': String(contentLength) },
        service: 's3',
        region: options.region,
        credentials: options.credentials(),
        expiresInSeconds,
      });
      return { url, headers };
    },
    async presignGet(key, { contentType, contentDisposition, cacheControl, expiresInSeconds }) {
      const url = objectUrl(key);
      // S3 answers with these headers instead of the stored ones.
      url.searchParams.set('response-content-type', contentType);
      url.searchParams.set('response-content-disposition', contentDisposition);
      url.searchParams.set('response-cache-control', cacheControl);
      return presignUrl({ method: 'GET', url, service: 's3', region: options.region, credentials: options.credentials(), expiresInSeconds });
    },
  };
}
