import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZErrorBody } from '@koldoo/shared/errors.ts';
import { ZMeReply } from '@koldoo/shared/contracts/auth.ts';
import { ZUploadReply, maxUploadBytes } from '@koldoo/shared/contracts/uploads.ts';
import { createLocalFileStore } from '@koldoo/api/adapters/local-file-store.ts';
import { linkFileToCouncil } from '@koldoo/api/data/files-repo.ts';
import { setCouncilIds } from '@koldoo/api/data/users-repo.ts';
import { createModerator } from '@koldoo/api/domain/auth/create-moderator.ts';
import { createTestApp, jsonRequest, sessionCookieFrom, testOrigin, uniqueEmail } from '../support/test-app.ts';

const password = 'талас-2026-жаз';
let setup: Awaited<ReturnType<typeof createTestApp>>;
let member: { cookie: string; id: string };

beforeAll(async () => {
  // A real file store in a throw-away folder, so test uploads never land in the repo's .data/.
  setup = await createTestApp({ files: createLocalFileStore(mkdtempSync(join(tmpdir(), 'koldoo-uploads-'))) });
  member = await signUp();
});

async function signUp() {
  const response = await setup.app.request(
    jsonRequest('/api/auth/register', { body: { email: uniqueEmail('up'), password, displayName: 'Uploader' } }),
  );
  return { cookie: sessionCookieFrom(response), id: ZMeReply.parse(await response.json()).user.id };
}

async function signInModerator() {
  const email = uniqueEmail('mod');
  await createModerator(setup.deps, { email, password });
  return sessionCookieFrom(await setup.app.request(jsonRequest('/api/auth/login', { body: { email, password } })));
}

type TPart = { bytes: Uint8Array; name: string; type: string };
function uploadRequest(fields: { file?: TPart | string; kind?: string }, init: { cookie?: string; headers?: Record<string, string> } = {}) {
  const form = new FormData();
  if (fields.kind !== undefined) form.set('kind', fields.kind);
  if (typeof fields.file === 'string') form.set('file', fields.file);
  else if (fields.file) form.set('file', new File([new Uint8Array(fields.file.bytes)], fields.file.name, { type: fields.file.type }));
  return new Request('http://localhost/api/uploads', {
    method: 'POST',
    headers: { origin: testOrigin, ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers },
    body: form,
  });
}

async function upload(file: TPart, kind: string, cookie = member.cookie) {
  const response = await setup.app.request(uploadRequest({ file, kind }, { cookie }));
  return { response, body: (await response.json()) as unknown };
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const { error } = ZErrorBody.parse(await response.json());
  expect(error.code).toBe(code);
  return error;
}

const colour = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: { r: 30, g: 120, b: 200, alpha: 0.8 } } });
const fetchFile = (id: string, cookie?: string) => setup.app.request(jsonRequest(`/api/files/${id}`, cookie ? { cookie } : {}));
const pdfBytes = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'));

describe('POST /api/uploads and GET /api/files/:id', () => {
  it('stores a JPEG without its EXIF and GPS, upright, and serves it publicly with safe headers', async () => {
    const jpeg = await colour(400, 300)
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Copyright: 'secret-owner', Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 52/1 0/1' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif?.toString('latin1')).toContain('secret-owner');

    // The client's name and type lie; the bytes decide.
    const { response, body } = await upload({ bytes: jpeg, name: 'photo.png', type: 'application/octet-stream' }, 'project_image');
    expect(response.status).toBe(201);
    const { file } = ZUploadReply.parse(body);
    expect(file).toMatchObject({ kind: 'project_image', contentType: 'image/jpeg', width: 300, height: 400 });

    const download = await fetchFile(file.id);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe('inline');
    expect(download.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(bytes.byteLength).toBe(file.bytes);
    const stored = await sharp(bytes).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 300, height: 400 });
    expect(stored.exif).toBeUndefined();
    expect(Buffer.from(bytes).includes('secret-owner')).toBe(false);
  });

  it('accepts PNG and WebP as project images, shrinking big ones to 2000 px', async () => {
    const png = await colour(2400, 1200, 4).png().toBuffer();
    const pngReply = await upload({ bytes: png, name: 'a.png', type: 'image/png' }, 'project_image');
    expect(pngReply.response.status).toBe(201);
    expect(ZUploadReply.parse(pngReply.body).file).toMatchObject({ contentType: 'image/png', width: 2000, height: 1000 });

    const webp = await colour(64, 48).webp().toBuffer();
    const webpReply = await upload({ bytes: webp, name: 'a.webp', type: 'image/webp' }, 'project_image');
    expect(webpReply.response.status).toBe(201);
    const { file } = ZUploadReply.parse(webpReply.body);
    expect(file).toMatchObject({ contentType: 'image/webp', width: 64, height: 48 });
    const download = await fetchFile(file.id);
    expect(download.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(new Uint8Array(await download.arrayBuffer())).metadata()).format).toBe('webp');
  });

  it('takes a PDF as a council proof, byte for byte, but refuses it as a project image', async () => {
    const { response, body } = await upload({ bytes: pdfBytes, name: 'decision.pdf', type: 'application/pdf' }, 'council_proof');
    expect(response.status).toBe(201);
    const { file } = ZUploadReply.parse(body);
    expect(file).toEqual({ id: file.id, kind: 'council_proof', contentType: 'application/pdf', bytes: pdfBytes.byteLength });

    const download = await fetchFile(file.id, member.cookie);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdfBytes);

    const refused = await upload({ bytes: pdfBytes, name: 'decision.pdf', type: 'application/pdf' }, 'project_image');
    expect(refused.response.status).toBe(400);
    const { error } = ZErrorBody.parse(refused.body);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'file', code: 'wrong_type_for_kind' })]);
  });

  it('refuses a text file named .jpg, a corrupt JPEG, and a bad or missing kind or file', async () => {
    const text = new Uint8Array(Buffer.from('just some text, honest'));
    const renamed = await setup.app.request(uploadRequest({ file: { bytes: text, name: 'cat.jpg', type: 'image/jpeg' }, kind: 'project_image' }, { cookie: member.cookie }));
    const error = await expectError(renamed, 400, 'VALIDATION_FAILED');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'file', code: 'unsupported_type' })]);

    const corrupt = new Uint8Array([0xff, 0xd8, 0xff, ...Buffer.from('garbage after a JPEG signature')]);
    const broken = await setup.app.request(uploadRequest({ file: { bytes: corrupt, name: 'x.jpg', type: 'image/jpeg' }, kind: 'project_image' }, { cookie: member.cookie }));
    expect((await expectError(broken, 400, 'VALIDATION_FAILED')).issues?.[0]?.code).toBe('corrupt_image');

    const jpeg = { bytes: await colour(8, 8).jpeg().toBuffer(), name: 'a.jpg', type: 'image/jpeg' };
    const badKind = await setup.app.request(uploadRequest({ file: jpeg, kind: 'avatar' }, { cookie: member.cookie }));
    expect((await expectError(badKind, 400, 'VALIDATION_FAILED')).issues?.map((i) => i.path)).toEqual(['kind']);
    const noFile = await setup.app.request(uploadRequest({ kind: 'project_image' }, { cookie: member.cookie }));
    expect((await expectError(noFile, 400, 'VALIDATION_FAILED')).issues?.map((i) => i.path)).toEqual(['file']);
    const stringFile = await setup.app.request(uploadRequest({ file: 'not a file', kind: 'project_image' }, { cookie: member.cookie }));
    expect((await expectError(stringFile, 400, 'VALIDATION_FAILED')).issues?.map((i) => i.path)).toEqual(['file']);
    const json = await setup.app.request(jsonRequest('/api/uploads', { body: { kind: 'project_image' }, cookie: member.cookie }));
    await expectError(json, 400, 'VALIDATION_FAILED');
  });

  it('answers 413 for more than 10 MB: by Content-Length before reading, while streaming, and per file', async () => {
    const declared = await setup.app.request(
      uploadRequest({ kind: 'project_image' }, { cookie: member.cookie, headers: { 'content-length': String(50 * 1024 * 1024) } }),
    );
    await expectError(declared, 413, 'PAYLOAD_TOO_LARGE');

    const huge = { bytes: new Uint8Array(maxUploadBytes + 200 * 1024), name: 'big.jpg', type: 'image/jpeg' };
    await expectError(await setup.app.request(uploadRequest({ file: huge, kind: 'project_image' }, { cookie: member.cookie })), 413, 'PAYLOAD_TOO_LARGE');

    // Fits the request allowance for the multipart envelope, but the file itself is 1 byte over.
    const justOver = { bytes: new Uint8Array(maxUploadBytes + 1), name: 'big.jpg', type: 'image/jpeg' };
    await expectError(await setup.app.request(uploadRequest({ file: justOver, kind: 'project_image' }, { cookie: member.cookie })), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 401 when signed out and 403 for a foreign origin', async () => {
    const jpeg = { bytes: await colour(8, 8).jpeg().toBuffer(), name: 'a.jpg', type: 'image/jpeg' };
    await expectError(await setup.app.request(uploadRequest({ file: jpeg, kind: 'project_image' })), 401, 'UNAUTHENTICATED');
    const foreign = uploadRequest({ file: jpeg, kind: 'project_image' }, { cookie: member.cookie, headers: { origin: 'https://evil.example' } });
    await expectError(await setup.app.request(foreign), 403, 'CSRF_REJECTED');
  });

  it('shows a council proof only to its uploader, moderators and officials of the linked council', async () => {
    const proof = await colour(50, 50).withExif({ IFD0: { Copyright: 'secret-owner' } }).jpeg().toBuffer();
    const { response, body } = await upload({ bytes: proof, name: 'stamp.jpg', type: 'image/jpeg' }, 'council_proof');
    expect(response.status).toBe(201);
    const { file } = ZUploadReply.parse(body);

    const byUploader = await fetchFile(file.id, member.cookie);
    expect(byUploader.status).toBe(200);
    expect(byUploader.headers.get('content-disposition')).toBe('inline');
    expect(byUploader.headers.get('cache-control')).toBe('private, no-store');
    expect((await sharp(new Uint8Array(await byUploader.arrayBuffer())).metadata()).exif).toBeUndefined();
    expect((await fetchFile(file.id, await signInModerator())).status).toBe(200);

    const other = await signUp();
    await expectError(await fetchFile(file.id, other.cookie), 404, 'NOT_FOUND');
    await expectError(await fetchFile(file.id), 404, 'NOT_FOUND');

    // Once linked to a council, that council's officials may read it; the link never moves.
    const official = await signUp();
    await setCouncilIds(setup.deps.db, official.id, ['council-at-bashy']);
    await expectError(await fetchFile(file.id, official.cookie), 404, 'NOT_FOUND');
    expect(await linkFileToCouncil(setup.deps.db, file.id, 'council-at-bashy', new Date().toISOString())).toBe('linked');
    expect(await linkFileToCouncil(setup.deps.db, file.id, 'council-at-bashy', new Date().toISOString())).toBe('linked');
    expect(await linkFileToCouncil(setup.deps.db, file.id, 'council-elsewhere', new Date().toISOString())).toBe('linked_elsewhere');
    expect(await linkFileToCouncil(setup.deps.db, '01J00000000000000000000000', 'council-at-bashy', new Date().toISOString())).toBe('not_found');
    expect((await fetchFile(file.id, official.cookie)).status).toBe(200);
    await expectError(await fetchFile(file.id, other.cookie), 404, 'NOT_FOUND');
  });

  it('answers 404 for an unknown file id and 400 for a malformed one', async () => {
    await expectError(await fetchFile('01J00000000000000000000000'), 404, 'NOT_FOUND');
    await expectError(await fetchFile('not-a-file-id'), 400, 'VALIDATION_FAILED');
    await expectError(await fetchFile('..%2F..%2Fetc%2Fpasswd'), 400, 'VALIDATION_FAILED');
  });
});
