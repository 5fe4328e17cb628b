import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZErrorBody } from '@koldoo/shared/errors.ts';
import { ZMeReply } from '@koldoo/shared/contracts/auth.ts';
import { ZUploadIntentReply, ZUploadReply, maxUploadBytes } from '@koldoo/shared/contracts/uploads.ts';
import { createLocalFileStore } from '@koldoo/api/adapters/local-file-store.ts';
import { createS3FileStore } from '@koldoo/api/adapters/s3-file-store.ts';
import { getFileRecord } from '@koldoo/api/data/files-repo.ts';
import { getUploadIntent } from '@koldoo/api/data/upload-intents-repo.ts';
import { createModerator } from '@koldoo/api/domain/auth/create-moderator.ts';
import type { TAppDeps } from '@koldoo/api/deps.ts';
import { createTestApp, jsonRequest, sessionCookieFrom, testOrigin, uniqueEmail } from '../support/test-app.ts';
import { startS3Fake } from '../support/s3-fake.ts';
import { councilApplication } from '../support/project-fixtures.ts';

const password = 'талас-2026-жаз';
type TSetup = Awaited<ReturnType<typeof createTestApp>>;

async function signUp(setup: TSetup) {
  const response = await setup.app.request(
    jsonRequest('/api/auth/register', { body: { email: uniqueEmail('direct'), password, displayName: 'Direct uploader' } }),
  );
  return { cookie: sessionCookieFrom(response), id: ZMeReply.parse(await response.json()).user.id };
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const { error } = ZErrorBody.parse(await response.json());
  expect(error.code).toBe(code);
  return error;
}

const colour = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } });
const exifJpeg = () =>
  colour(400, 300)
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Copyright: 'secret-owner', Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 52/1 0/1' } })
    .jpeg()
    .toBuffer()
    .then((b) => new Uint8Array(b));
const pdfBytes = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'));
const html = new Uint8Array(Buffer.from('<!doctype html><script>alert(document.cookie)</script>'));

const createIntent = (setup: TSetup, cookie: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
  setup.app.request(jsonRequest('/api/uploads/intents', { body, headers, ...(cookie ? { cookie } : {}) }));

async function intentFor(setup: TSetup, cookie: string, body: { kind: string; contentType: string; size: number }) {
  const response = await createIntent(setup, cookie, body);
  expect(response.status).toBe(201);
  return ZUploadIntentReply.parse(await response.json());
}

const complete = (setup: TSetup, cookie: string | undefined, uploadId: string) =>
  setup.app.request(jsonRequest(`/api/uploads/${uploadId}/complete`, { method: 'POST', ...(cookie ? { cookie } : {}) }));

describe('direct uploads on the local store (PUT /api/uploads/:id/bytes)', () => {
  let setup: TSetup;
  let member: { cookie: string; id: string };
  /** Moves the app's clock and the store's signature clock together. */
  let skewMs = 0;
  const now = () => Date.now() + skewMs;

  beforeAll(async () => {
    const files = createLocalFileStore(mkdtempSync(join(tmpdir(), 'koldoo-direct-')), { publicOrigin: testOrigin, now });
    setup = await createTestApp({ files, clock: { now: () => new Date(now()) } });
    member = await signUp(setup);
  });

  /** The browser's PUT: no cookie, no Origin, just the URL, its headers and the bytes (Content-Length as a browser sets it). */
  const putBytes = (url: string, bytes: Uint8Array, headers: Record<string, string>, extra: Record<string, string> = {}) =>
    setup.app.request(
      new Request(url, { method: 'PUT', headers: { ...headers, 'content-length': String(bytes.byteLength), ...extra }, body: new Uint8Array(bytes) }),
    );
  const staged = (uploadId: string) => setup.deps.files.get(`incoming/${uploadId}`);

  async function upload(kind: string, contentType: string, bytes: Uint8Array, cookie = member.cookie) {
    const intent = await intentFor(setup, cookie, { kind, contentType, size: bytes.byteLength });
    const put = await putBytes(intent.url, bytes, intent.headers);
    expect(put.status).toBe(204);
    return intent;
  }

  it('takes a JPEG by intent → PUT → complete, strips its EXIF, turns it upright, and drops the staged bytes', async () => {
    const jpeg = await exifJpeg();
    const response = await createIntent(setup, member.cookie, { kind: 'project_image', contentType: 'image/jpeg', size: jpeg.byteLength });
    expect(response.status).toBe(201);
    const intent = ZUploadIntentReply.parse(await response.json());
    expect(intent.method).toBe('PUT');
    expect(intent.headers).toEqual({ 'content-type': 'image/jpeg' });
    expect(intent.url).toMatch(new RegExp(`^${testOrigin}/api/uploads/${intent.uploadId}/bytes\\?expires=\\d+&sig=`));
    expect(Date.parse(intent.expiresAt) - now()).toBeGreaterThan(14 * 60_000);
    expect(Date.parse(intent.expiresAt) - now()).toBeLessThanOrEqual(15 * 60_000);
    const record = await getUploadIntent(setup.deps.db, intent.uploadId);
    expect(record).toMatchObject({ ownerId: member.id, kind: 'project_image', bytes: jpeg.byteLength, status: 'pending', stagingKey: `incoming/${intent.uploadId}` });
    expect(record!.expiresAt).toBeGreaterThan(now() / 1000);

    expect((await putBytes(intent.url, jpeg, intent.headers)).status).toBe(204);
    expect((await staged(intent.uploadId))?.body).toEqual(jpeg);

    const done = await complete(setup, member.cookie, intent.uploadId);
    expect(done.status).toBe(201);
    const { file } = ZUploadReply.parse(await done.json());
    expect(file).toMatchObject({ kind: 'project_image', contentType: 'image/jpeg', width: 300, height: 400 });
    expect(await staged(intent.uploadId)).toBeUndefined();
    expect((await getUploadIntent(setup.deps.db, intent.uploadId))?.status).toBe('completed');

    const download = await setup.app.request(jsonRequest(`/api/files/${file.id}`));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(bytes.byteLength).toBe(file.bytes);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(Buffer.from(bytes).includes('secret-owner')).toBe(false);
  });

  it('takes a PDF council proof byte for byte, private to its uploader, and usable for an application', async () => {
    const intent = await upload('council_proof', 'application/pdf', pdfBytes);
    const done = await complete(setup, member.cookie, intent.uploadId);
    expect(done.status).toBe(201);
    const { file } = ZUploadReply.parse(await done.json());
    expect(file).toEqual({ id: file.id, kind: 'council_proof', contentType: 'application/pdf', bytes: pdfBytes.byteLength });
    expect(await getFileRecord(setup.deps.db, file.id)).toMatchObject({ ownerId: member.id, storageKey: `uploads/council_proof/${file.id}` });

    const mine = await setup.app.request(jsonRequest(`/api/files/${file.id}`, { cookie: member.cookie }));
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-disposition')).toBe(`attachment; filename="${file.id}.pdf"`);
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(pdfBytes);
    await expectError(await setup.app.request(jsonRequest(`/api/files/${file.id}`)), 404, 'NOT_FOUND');

    // The id is what the application form posts when the browser uploaded the proof itself.
    const applied = await setup.app.request(jsonRequest('/api/councils', { body: councilApplication(file.id), cookie: member.cookie }));
    expect(applied.status).toBe(201);
  });

  it('refuses a PUT over 10 MB (413) before reading it, and a body longer than signed while streaming', async () => {
    const intent = await intentFor(setup, member.cookie, { kind: 'council_proof', contentType: 'application/pdf', size: 2048 });
    const declaredHuge = await setup.app.request(
      new Request(intent.url, { method: 'PUT', headers: { ...intent.headers, 'content-length': String(maxUploadBytes + 1) }, body: new Uint8Array(16) }),
    );
    await expectError(declaredHuge, 413, 'PAYLOAD_TOO_LARGE');

    // Content-Length claims the signed size, the body runs on.
    const longer = new Uint8Array(4096);
    longer.set(pdfBytes);
    const runOn = await setup.app.request(
      new Request(intent.url, { method: 'PUT', headers: { ...intent.headers, 'content-length': '2048' }, body: longer }),
    );
    await expectError(runOn, 413, 'PAYLOAD_TOO_LARGE');
    expect(await staged(intent.uploadId)).toBeUndefined();
  });

  it('refuses another size or type than announced (403, as S3 would), and a body that ends early (400)', async () => {
    const jpeg = await exifJpeg();
    const intent = await intentFor(setup, member.cookie, { kind: 'project_image', contentType: 'image/jpeg', size: jpeg.byteLength });
    await expectError(await putBytes(intent.url, jpeg.subarray(1), intent.headers), 403, 'FORBIDDEN');
    await expectError(await putBytes(intent.url, jpeg, { 'content-type': 'image/png' }), 403, 'FORBIDDEN');
    await expectError(await putBytes(intent.url, jpeg, {}), 403, 'FORBIDDEN');
    const short = await setup.app.request(
      new Request(intent.url, { method: 'PUT', headers: { ...intent.headers, 'content-length': String(jpeg.byteLength) }, body: jpeg.subarray(10) }),
    );
    const error = await expectError(short, 400, 'VALIDATION_FAILED');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'file', code: 'size_mismatch' })]);
    expect(await staged(intent.uploadId)).toBeUndefined();
  });

  it('refuses a bad, altered or expired signature with 403, cookie or not', async () => {
    const intent = await intentFor(setup, member.cookie, { kind: 'council_proof', contentType: 'application/pdf', size: pdfBytes.byteLength });
    const url = new URL(intent.url);
    const withQuery = (changes: Record<string, string | null>) => {
      const changed = new URL(url);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) changed.searchParams.delete(key);
        else changed.searchParams.set(key, value);
      }
      return changed.toString();
    };
    const sig = url.searchParams.get('sig')!;
    await expectError(await putBytes(withQuery({ sig: `${sig.slice(0, -2)}AA` }), pdfBytes, intent.headers), 403, 'FORBIDDEN');
    await expectError(await putBytes(withQuery({ sig: null }), pdfBytes, intent.headers), 403, 'FORBIDDEN');
    await expectError(await putBytes(withQuery({ expires: String(Number(url.searchParams.get('expires')) + 3600) }), pdfBytes, intent.headers), 403, 'FORBIDDEN');
    // Another upload's id with this signature.
    const other = await intentFor(setup, member.cookie, { kind: 'council_proof', contentType: 'application/pdf', size: pdfBytes.byteLength });
    await expectError(await putBytes(intent.url.replace(intent.uploadId, other.uploadId), pdfBytes, intent.headers), 403, 'FORBIDDEN');
    // A session cookie adds nothing (and a foreign Origin takes nothing away): the URL is the permission.
    const withCookie = await putBytes(url.toString(), pdfBytes, intent.headers, { cookie: member.cookie, origin: 'https://elsewhere.example' });
    expect(withCookie.status).toBe(204);

    skewMs = 16 * 60_000;
    try {
      const expired = await putBytes(url.toString(), pdfBytes, intent.headers);
      await expectError(expired, 403, 'FORBIDDEN');
    } finally {
      skewMs = 0;
    }
    await expectError(await putBytes(url.toString().replace('/bytes', '/bytes/x'), pdfBytes, intent.headers), 404, 'NOT_FOUND');
  });

  it('lets only the owner complete (404 for another member, 401 signed out), and not before the PUT (409)', async () => {
    const intent = await intentFor(setup, member.cookie, { kind: 'council_proof', contentType: 'application/pdf', size: pdfBytes.byteLength });
    await expectError(await complete(setup, member.cookie, intent.uploadId), 409, 'CONFLICT');
    expect((await putBytes(intent.url, pdfBytes, intent.headers)).status).toBe(204);
    const stranger = await signUp(setup);
    await expectError(await complete(setup, stranger.cookie, intent.uploadId), 404, 'NOT_FOUND');
    await expectError(await complete(setup, undefined, intent.uploadId), 401, 'UNAUTHENTICATED');
    await expectError(await complete(setup, member.cookie, '01J00000000000000000000000'), 404, 'NOT_FOUND');
    await expectError(await complete(setup, member.cookie, 'not-an-id'), 400, 'VALIDATION_FAILED');
    expect((await staged(intent.uploadId))?.body).toEqual(pdfBytes);
    expect((await complete(setup, member.cookie, intent.uploadId)).status).toBe(201);
  });

  it('makes one file when completed twice, in turn or at once', async () => {
    const first = await upload('council_proof', 'application/pdf', pdfBytes);
    const a = await complete(setup, member.cookie, first.uploadId);
    const b = await complete(setup, member.cookie, first.uploadId);
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(ZUploadReply.parse(await b.json()).file.id).toBe(ZUploadReply.parse(await a.json()).file.id);

    const jpeg = await exifJpeg();
    const second = await upload('project_image', 'image/jpeg', jpeg);
    const racing = await Promise.all([1, 2, 3].map(() => complete(setup, member.cookie, second.uploadId)));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const ids = new Set(await Promise.all(racing.map(async (r) => ZUploadReply.parse(await r.json()).file.id)));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(id).toBe((await getUploadIntent(setup.deps.db, second.uploadId))?.fileId);
    expect(await staged(second.uploadId)).toBeUndefined();
  });

  it('refuses bytes that are not what they claim (HTML as PNG, a PDF as a project image) and deletes them', async () => {
    const intent = await upload('project_image', 'image/png', html);
    const refused = await complete(setup, member.cookie, intent.uploadId);
    const error = await expectError(refused, 400, 'VALIDATION_FAILED');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'file', code: 'unsupported_type' })]);
    expect(await staged(intent.uploadId)).toBeUndefined();
    expect(await getFileRecord(setup.deps.db, (await getUploadIntent(setup.deps.db, intent.uploadId))!.fileId)).toBeUndefined();
    // Nothing left to complete.
    await expectError(await complete(setup, member.cookie, intent.uploadId), 409, 'CONFLICT');

    const pdfAsImage = await upload('project_image', 'image/jpeg', pdfBytes);
    const wrongKind = await expectError(await complete(setup, member.cookie, pdfAsImage.uploadId), 400, 'VALIDATION_FAILED');
    expect(wrongKind.issues?.[0]?.code).toBe('wrong_type_for_kind');
    expect(await staged(pdfAsImage.uploadId)).toBeUndefined();

    const corrupt = new Uint8Array([0xff, 0xd8, 0xff, ...Buffer.from('garbage after a JPEG signature')]);
    const broken = await upload('project_image', 'image/jpeg', corrupt);
    expect((await expectError(await complete(setup, member.cookie, broken.uploadId), 400, 'VALIDATION_FAILED')).issues?.[0]?.code).toBe('corrupt_image');
    expect(await staged(broken.uploadId)).toBeUndefined();
  });

  it('forgets an intent after its hour: completing it then is 404', async () => {
    const intent = await upload('council_proof', 'application/pdf', pdfBytes);
    skewMs = 61 * 60_000;
    try {
      await expectError(await complete(setup, member.cookie, intent.uploadId), 404, 'NOT_FOUND');
    } finally {
      skewMs = 0;
    }
  });

  it('validates the intent: kind, type for the kind, size 1 byte to 10 MB (400 with field issues); 401 signed out; 403 from a foreign origin', async () => {
    const issuesOf = async (body: unknown) => (await expectError(await createIntent(setup, member.cookie, body), 400, 'VALIDATION_FAILED')).issues ?? [];
    expect((await issuesOf({ kind: 'avatar', contentType: 'image/png', size: 10 })).map((i) => i.path)).toEqual(['kind']);
    expect((await issuesOf({ kind: 'transfer_proof', contentType: 'image/png', size: 10 })).map((i) => i.path)).toEqual(['kind']);
    expect((await issuesOf({ kind: 'project_image', contentType: 'text/html', size: 10 })).map((i) => i.path)).toEqual(['contentType']);
    expect((await issuesOf({ kind: 'project_image', contentType: 'application/pdf', size: 10 })).map((i) => i.path)).toEqual(['contentType']);
    expect((await issuesOf({ kind: 'council_proof', contentType: 'application/pdf', size: 0 })).map((i) => i.path)).toEqual(['size']);
    expect((await issuesOf({ kind: 'council_proof', contentType: 'application/pdf', size: maxUploadBytes + 1 })).map((i) => i.path)).toEqual(['size']);
    expect((await issuesOf({ kind: 'council_proof', contentType: 'application/pdf', size: 1.5 })).map((i) => i.path)).toEqual(['size']);
    expect((await issuesOf({})).map((i) => i.path).sort()).toEqual(['contentType', 'kind', 'size']);
    await expectError(await createIntent(setup, member.cookie, '{not json'), 400, 'MALFORMED_JSON');
    expect((await createIntent(setup, member.cookie, { kind: 'council_proof', contentType: 'application/pdf', size: maxUploadBytes })).status).toBe(201);

    await expectError(await createIntent(setup, undefined, { kind: 'council_proof', contentType: 'application/pdf', size: 10 }), 401, 'UNAUTHENTICATED');
    const foreign = await createIntent(setup, member.cookie, { kind: 'council_proof', contentType: 'application/pdf', size: 10 }, { origin: 'https://evil.example' });
    await expectError(foreign, 403, 'CSRF_REJECTED');
    const foreignComplete = await setup.app.request(
      jsonRequest('/api/uploads/01J00000000000000000000000/complete', { method: 'POST', cookie: member.cookie, headers: { origin: 'https://evil.example' } }),
    );
    await expectError(foreignComplete, 403, 'CSRF_REJECTED');
  });
});

describe('direct uploads on S3 (presigned PUT, 302 to a presigned GET)', () => {
  const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'fake-secret-key', sessionToken: 'session-token/+=' };
  const bucket = 'koldoo-uploads';
  let s3: Awaited<ReturnType<typeof startS3Fake>>;
  let setup: TSetup;
  let member: { cookie: string; id: string };

  beforeAll(async () => {
    s3 = await startS3Fake(credentials);
    const files: TAppDeps['files'] = createS3FileStore({ region: 'eu-central-1', credentials: () => credentials, bucket, endpoint: s3.endpoint, retries: 0 });
    setup = await createTestApp({ files });
    member = await signUp(setup);
  });
  afterAll(() => s3?.close());

  /** As a browser does: straight to S3 with the intent's headers; fetch sets Content-Length from the body. */
  const putToS3 = (intent: { url: string; headers: Record<string, string> }, bytes: Uint8Array, headers = intent.headers) =>
    fetch(intent.url, { method: 'PUT', headers, body: new Uint8Array(bytes) });

  it('uploads an image through S3, then redirects readers to a short-lived presigned GET with the delivery headers', async () => {
    const jpeg = await exifJpeg();
    const intent = await intentFor(setup, member.cookie, { kind: 'project_image', contentType: 'image/jpeg', size: jpeg.byteLength });
    const url = new URL(intent.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${s3.endpoint}/${bucket}/incoming/${intent.uploadId}`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe(credentials.sessionToken);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBe(900);

    expect((await putToS3(intent, jpeg)).status).toBe(200);
    expect(s3.keysUnder(bucket, 'incoming/')).toEqual([`incoming/${intent.uploadId}`]);

    const done = await complete(setup, member.cookie, intent.uploadId);
    expect(done.status).toBe(201);
    const { file } = ZUploadReply.parse(await done.json());
    expect(file).toMatchObject({ contentType: 'image/jpeg', width: 300, height: 400 });
    expect(s3.keysUnder(bucket, 'incoming/')).toEqual([]);
    expect(s3.keysUnder(bucket, 'uploads/')).toContain(`uploads/project_image/${file.id}`);

    const response = await setup.app.request(jsonRequest(`/api/files/${file.id}`));
    expect(response.status).toBe(302);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${s3.endpoint}/${bucket}/uploads/project_image/${file.id}`);
    expect(Number(location.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    expect(location.searchParams.get('response-content-type')).toBe('image/jpeg');
    expect(location.searchParams.get('response-content-disposition')).toBe('inline');
    expect(location.searchParams.get('response-cache-control')).toBe('public, max-age=31536000, immutable');

    const fromS3 = await fetch(location);
    expect(fromS3.status).toBe(200);
    expect(fromS3.headers.get('content-type')).toBe('image/jpeg');
    const bytes = new Uint8Array(await fromS3.arrayBuffer());
    expect(bytes.byteLength).toBe(file.bytes);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
  });

  it('redirects only allowed readers of a PDF proof, as an attachment that is never cached', async () => {
    const intent = await intentFor(setup, member.cookie, { kind: 'council_proof', contentType: 'application/pdf', size: pdfBytes.byteLength });
    expect((await putToS3(intent, pdfBytes)).status).toBe(200);
    const { file } = ZUploadReply.parse(await (await complete(setup, member.cookie, intent.uploadId)).json());

    await expectError(await setup.app.request(jsonRequest(`/api/files/${file.id}`)), 404, 'NOT_FOUND');
    const stranger = await signUp(setup);
    await expectError(await setup.app.request(jsonRequest(`/api/files/${file.id}`, { cookie: stranger.cookie })), 404, 'NOT_FOUND');

    for (const cookie of [member.cookie, await signInModerator()]) {
      const response = await setup.app.request(jsonRequest(`/api/files/${file.id}`, { cookie }));
      expect(response.status).toBe(302);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const fromS3 = await fetch(response.headers.get('location')!);
      expect(fromS3.status).toBe(200);
      expect(fromS3.headers.get('content-disposition')).toBe(`attachment; filename="${file.id}.pdf"`);
      expect(fromS3.headers.get('cache-control')).toBe('private, no-store');
      expect(new Uint8Array(await fromS3.arrayBuffer())).toEqual(pdfBytes);
    }
  });

  async function signInModerator() {
    const email = uniqueEmail('mod');
    await createModerator(setup.deps, { email, password });
    return sessionCookieFrom(await setup.app.request(jsonRequest('/api/auth/login', { body: { email, password } })));
  }

  it('S3 refuses another size or type than signed; the API has no PUT route of its own here', async () => {
    const intent = await intentFor(setup, member.cookie, { kind: 'council_proof', contentType: 'application/pdf', size: pdfBytes.byteLength });
    const longer = new Uint8Array(pdfBytes.byteLength + 1);
    longer.set(pdfBytes);
    expect((await putToS3(intent, longer)).status).toBe(403);
    expect((await putToS3(intent, pdfBytes, { 'content-type': 'image/png' })).status).toBe(403);
    expect(s3.keysUnder(bucket, `incoming/${intent.uploadId}`)).toEqual([]);
    await expectError(await complete(setup, member.cookie, intent.uploadId), 409, 'CONFLICT');

    const local = await setup.app.request(
      new Request(`${testOrigin}/api/uploads/${intent.uploadId}/bytes?expires=9999999999&sig=x`, {
        method: 'PUT', headers: { 'content-type': 'application/pdf', 'content-length': String(pdfBytes.byteLength) }, body: pdfBytes,
      }),
    );
    await expectError(local, 404, 'NOT_FOUND');
  });

  it('deletes refused bytes from the staging prefix', async () => {
    const intent = await intentFor(setup, member.cookie, { kind: 'project_image', contentType: 'image/png', size: html.byteLength });
    expect((await putToS3(intent, html)).status).toBe(200);
    const error = await expectError(await complete(setup, member.cookie, intent.uploadId), 400, 'VALIDATION_FAILED');
    expect(error.issues?.[0]?.code).toBe('unsupported_type');
    expect(s3.keysUnder(bucket, 'incoming/')).toEqual([]);
  });
});
