import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createS3FileStore } from './s3-file-store.ts';
import { createSesMailer } from './ses-mailer.ts';

type TSeen = { method: string; path: string; headers: IncomingMessage['headers']; body: Buffer };
const seen: TSeen[] = [];
const objects = new Map<string, { body: Buffer; type: string }>();
let failuresLeft = 0;

/** A stand-in for SES v2 and S3 (path-style) that records what it was sent. */
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      res.writeHead(503).end('SlowDown');
      return;
    }
    if (req.url === '/v2/email/outbound-emails') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"MessageId":"m-1"}');
      return;
    }
    if (req.method === 'DELETE') {
      objects.delete(req.url ?? '');
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'PUT') {
      objects.set(req.url ?? '', { body, type: String(req.headers['content-type']) });
      res.writeHead(200).end();
      return;
    }
    const object = objects.get(req.url ?? '');
    if (!object) {
      res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      return;
    }
    res.writeHead(200, { 'content-type': object.type }).end(object.body);
  });
});
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
beforeEach(() => {
  seen.length = 0;
  failuresLeft = 0;
});

const aws = {
  region: 'eu-central-1',
  credentials: () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' }),
  retries: 2,
};

describe('createSesMailer', () => {
  it('sends SES v2 SendEmail, signed, from the configured identity, in UTF-8', async () => {
    const mailer = createSesMailer({ ...aws, from: 'no-reply@koldoo.kg', endpoint });
    await mailer.send({ to: 'aigul@example.kg', subject: 'Рахмат!', text: 'Сиздин салымыңыз', html: '<p>Рахмат</p>' });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.method).toBe('POST');
    expect(request!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/ses\/aws4_request/);
    expect(request!.headers['x-amz-security-token']).toBe('token');
    expect(JSON.parse(request!.body.toString())).toEqual({
      FromEmailAddress: 'no-reply@koldoo.kg',
      Destination: { ToAddresses: ['aigul@example.kg'] },
      Content: {
        Simple: {
          Subject: { Data: 'Рахмат!', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Сиздин салымыңыз', Charset: 'UTF-8' }, Html: { Data: '<p>Рахмат</p>', Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('retries throttling and server errors, then gives up with the status', async () => {
    const mailer = createSesMailer({ ...aws, from: 'no-reply@koldoo.kg', endpoint });
    failuresLeft = 2;
    await mailer.send({ to: 'a@example.kg', subject: 's', text: 't' });
    expect(seen).toHaveLength(3);
    failuresLeft = 3;
    await expect(mailer.send({ to: 'a@example.kg', subject: 's', text: 't' })).rejects.toThrow(/HTTP 503/);
  });
});

describe('createS3FileStore', () => {
  it('puts and gets objects under their key, signed with the payload hash; a missing key is undefined', async () => {
    const store = createS3FileStore({ ...aws, bucket: 'koldoo-uploads', endpoint });
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    await store.put('uploads/council_proof/01ABC', bytes, 'application/pdf');
    expect(seen[0]!.path).toBe('/koldoo-uploads/uploads/council_proof/01ABC');
    expect(seen[0]!.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(seen[0]!.headers.authorization).toContain('/s3/aws4_request');
    const stored = await store.get('uploads/council_proof/01ABC');
    expect(stored).toEqual({ body: bytes, contentType: 'application/pdf' });
    expect(await store.get('uploads/council_proof/NOPE')).toBeUndefined();
  });

  it('refuses keys that could escape their prefix', async () => {
    const store = createS3FileStore({ ...aws, bucket: 'koldoo-uploads', endpoint });
    await expect(store.get('uploads/../secrets')).rejects.toThrow(/invalid file key/);
    await expect(store.put('uploads//x', new Uint8Array(), 'image/png')).rejects.toThrow(/invalid file key/);
  });
});

describe('createS3FileStore: delete and presigned URLs', () => {
  it('deletes an object (a missing one is no error)', async () => {
    const store = createS3FileStore({ ...aws, bucket: 'koldoo-uploads', endpoint });
    await store.put('incoming/01JABCDEFGHJKMNPQRSTVWXYZ0', new Uint8Array([1, 2, 3]), 'image/png');
    await store.delete('incoming/01JABCDEFGHJKMNPQRSTVWXYZ0');
    await store.delete('incoming/01JABCDEFGHJKMNPQRSTVWXYZ0');
    expect(seen.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      '/koldoo-uploads/incoming/01JABCDEFGHJKMNPQRSTVWXYZ0',
      '/koldoo-uploads/incoming/01JABCDEFGHJKMNPQRSTVWXYZ0',
    ]);
    expect(seen.at(-1)!.headers.authorization).toContain('/s3/aws4_request');
    expect(await store.get('incoming/01JABCDEFGHJKMNPQRSTVWXYZ0')).toBeUndefined();
  });

  it('presigns a PUT with type and length signed, and the session token, without calling S3', async () => {
    const store = createS3FileStore({ ...aws, bucket: 'koldoo-uploads', endpoint });
    const { url, headers } = await store.presignPut('incoming/01JABCDEFGHJKMNPQRSTVWXYZ0', {
      contentType: 'application/pdf', contentLength: 4321, expiresInSeconds: 900,
    });
    expect(seen).toHaveLength(0);
    expect(headers).toEqual({ 'content-type': 'application/pdf' });
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe(`${endpoint}/koldoo-uploads/incoming/01JABCDEFGHJKMNPQRSTVWXYZ0`);
    expect(parsed.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(parsed.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(parsed.searchParams.get('X-Amz-Security-Token')).toBe('token');
    expect(parsed.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-central-1\/s3\/aws4_request$/);
    expect(parsed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);

    // The browser's PUT carries no Authorization header: the URL is the permission.
    const put = await fetch(url, { method: 'PUT', headers, body: new Uint8Array(4321) });
    expect(put.status).toBe(200);
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(seen[0]!.headers['content-length']).toBe('4321');
  });

  it('presigns a GET with response-* overrides; virtual-hosted URLs without an endpoint', async () => {
    const store = createS3FileStore({ ...aws, bucket: 'koldoo-uploads' });
    const url = new URL(
      (await store.presignGet('uploads/council_proof/01J', {
        contentType: 'application/pdf', contentDisposition: 'attachment; filename="01J.pdf"', cacheControl: 'private, no-store', expiresInSeconds: 300,
      }))!,
    );
    expect(url.host).toBe('koldoo-uploads.s3.eu-central-1.amazonaws.com');
    expect(url.pathname).toBe('/uploads/council_proof/01J');
    expect(Object.fromEntries([...url.searchParams].filter(([k]) => k.startsWith('response-')))).toEqual({
      'response-content-type': 'application/pdf',
      'response-content-disposition': 'attachment; filename="01J.pdf"',
      'response-cache-control': 'private, no-store',
    });
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
  });
});
