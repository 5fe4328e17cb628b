import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { presignUrl, type TAwsCredentials } from '@koldoo/api/adapters/aws-sigv4.ts';

type TObject = { body: Buffer; type: string };

/**
 * A stand-in for S3 (path-style, one region) for tests of the S3 file store inside the real app.
 * Calls signed with an Authorization header (the API's own) are taken as they are; presigned
 * URLs are checked as S3 checks them: the signature is recomputed from the request as received
 * (so another Content-Length or Content-Type than signed is 403 SignatureDoesNotMatch), and an
 * expired URL is 403 too. GETs honour the signed `response-*` overrides.
 */
export async function startS3Fake(credentials: TAwsCredentials, region = 'eu-central-1') {
  const objects = new Map<string, TObject>();
  const requests: { method: string; path: string; isPresigned: boolean }[] = [];

  const refuse = (res: import('node:http').ServerResponse, code: string) =>
    res.writeHead(403, { 'content-type': 'application/xml' }).end(`<Error><Code>${code}</Code></Error>`);

  function presignedProblem(req: IncomingMessage, url: URL): string | undefined {
    const q = url.searchParams;
    const date = q.get('X-Amz-Date') ?? '';
    const signedAt = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
    const expires = Number(q.get('X-Amz-Expires'));
    if (Number.isNaN(signedAt.getTime()) || !(expires > 0)) return 'AuthorizationQueryParametersError';
    if (Date.now() > signedAt.getTime() + expires * 1000) return 'AccessDenied';
    const [accessKeyId] = (q.get('X-Amz-Credential') ?? '').split('/');
    if (accessKeyId !== credentials.accessKeyId || q.get('X-Amz-Security-Token') !== (credentials.sessionToken ?? null)) return 'InvalidAccessKeyId';
    const headers: Record<string, string> = {};
    for (const name of (q.get('X-Amz-SignedHeaders') ?? '').split(';')) {
      if (name !== 'host') headers[name] = String(req.headers[name] ?? '');
    }
    const unsigned = new URL(url.pathname, url.origin);
    for (const [key, value] of q) if (!key.startsWith('X-Amz-')) unsigned.searchParams.append(key, value);
    const expected = new URL(
      presignUrl({ method: req.method ?? 'GET', url: unsigned, headers, service: 's3', region, credentials, expiresInSeconds: expires, now: signedAt }),
    ).searchParams.get('X-Amz-Signature');
    return expected === q.get('X-Amz-Signature') ? undefined : 'SignatureDoesNotMatch';
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const isPresigned = url.searchParams.has('X-Amz-Signature');
      requests.push({ method: req.method ?? '', path: url.pathname, isPresigned });
      if (req.method === 'OPTIONS') {
        res.writeHead(200).end();
        return;
      }
      if (isPresigned) {
        const problem = presignedProblem(req, url);
        if (problem) return refuse(res, problem);
      } else if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
        return refuse(res, 'AccessDenied');
      }
      const key = decodeURIComponent(url.pathname);
      if (req.method === 'PUT') {
        objects.set(key, { body: Buffer.concat(chunks), type: String(req.headers['content-type'] ?? 'binary/octet-stream') });
        res.writeHead(200, { etag: '"fake"' }).end();
      } else if (req.method === 'DELETE') {
        objects.delete(key);
        res.writeHead(204).end();
      } else if (req.method === 'GET') {
        const object = objects.get(key);
        if (!object) return void res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
        const q = url.searchParams;
        res
          .writeHead(200, {
            'content-type': q.get('response-content-type') ?? object.type,
            ...(q.has('response-content-disposition') ? { 'content-disposition': q.get('response-content-disposition')! } : {}),
            ...(q.has('response-cache-control') ? { 'cache-control': q.get('response-cache-control')! } : {}),
          })
          .end(object.body);
      } else {
        res.writeHead(405).end();
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    objects,
    requests,
    /** Keys under a prefix, without the bucket. */
    keysUnder: (bucket: string, prefix: string) =>
      [...objects.keys()].filter((k) => k.startsWith(`/${bucket}/${prefix}`)).map((k) => k.slice(bucket.length + 2)),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
