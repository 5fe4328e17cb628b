import type { TFileStore } from '../domain/ports.ts';
import { rfc3986 } from './aws-sigv4.ts';
import { awsError, awsFetch, type TAwsFetchOptions } from './aws-fetch.ts';

export type TS3FileStoreOptions = TAwsFetchOptions & {
  bucket: string;
  /** Another endpoint with path-style addressing (tests); default virtual-hosted `https://<bucket>.s3.<region>.amazonaws.com`. */
  endpoint?: string;
};

/**
 * Uploads in S3 (GetObject / PutObject, signed with the function's role; the bucket encrypts at
 * rest and refuses plain HTTP). Keys are the file store's opaque paths (`uploads/<kind>/<id>`);
 * the role may touch only that prefix.
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
  };
}
