import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod';
import { AppError } from '@koldoo/shared/errors.ts';
import {
  ZUploadIntentInput, ZUploadIntentReply, ZUploadKind, ZUploadReply, maxUploadBytes,
} from '@koldoo/shared/contracts/uploads.ts';
import { completeUpload } from '../domain/files/complete-upload.ts';
import { createUploadIntent } from '../domain/files/create-upload-intent.ts';
import { readFile } from '../domain/files/read-file.ts';
import { receiveUploadBytes } from '../domain/files/receive-upload-bytes.ts';
import { storeUpload } from '../domain/files/store-upload.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import type { TOperation } from '../http/openapi.ts';
import { parseWith, readJsonBody } from '../http/parse-input.ts';
import { requireUser } from '../http/session.ts';

/** The file may be 10 MB; the multipart envelope (boundaries, headers, `kind`) gets a little more. */
export const maxUploadRequestBytes = maxUploadBytes + 64 * 1024;

const ZUploadForm = z.object({
  kind: ZUploadKind,
  file: z.file({ error: 'Attach a file' }),
});
const ZFileIdParam = z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a file id') });
const ZUploadIdParam = z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not an upload id') });
const uploadIdOf = (raw: string) => parseWith(ZUploadIdParam, { id: raw }).id;
const ZContentLength = z.coerce.number().int().nonnegative();

/**
 * Refuses an oversized body before reading it when Content-Length says so, and otherwise
 * (chunked bodies) as soon as the count passes the limit.
 */
const uploadBodyLimit = bodyLimit({
  maxSize: maxUploadRequestBytes,
  onError: () => {
    throw new AppError('PAYLOAD_TOO_LARGE', `Files may be at most ${maxUploadBytes / 1024 / 1024} MB`);
  },
});

export const uploadRoutes = new Hono<THonoEnv>()
  .post('/intents', requireUser, async (c) => {
    return c.json(ZUploadIntentReply.parse(await createUploadIntent(c.get('deps'), c.get('user'), await readJsonBody(c))), 201);
  })
  // Local disk only (S3 takes these PUTs itself in AWS). The signed URL is the permission, as with S3:
  // no session is read, and the CSRF Origin check exempts this route (http/csrf.ts).
  .put('/:id/bytes', async (c) => {
    const length = ZContentLength.safeParse(c.req.header('content-length'));
    await receiveUploadBytes(c.get('deps'), {
      uploadId: uploadIdOf(c.req.param('id')),
      query: c.req.query(),
      contentType: c.req.header('content-type'),
      contentLength: c.req.header('content-length') !== undefined && length.success ? length.data : undefined,
      body: c.req.raw.body,
    });
    return c.body(null, 204);
  })
  .post('/:id/complete', requireUser, async (c) => {
    const { file, isNew } = await completeUpload(c.get('deps'), c.get('user'), uploadIdOf(c.req.param('id')));
    return c.json(ZUploadReply.parse({ file }), isNew ? 201 : 200);
  })
  .post('/', requireUser, uploadBodyLimit, async (c) => {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch (error) {
      throw new AppError('VALIDATION_FAILED', 'Send the file as multipart/form-data with fields `file` and `kind`', {
        issues: [{ path: 'file', message: 'Attach a file', code: 'invalid_type' }],
        cause: error,
      });
    }
    const { kind, file } = parseWith(ZUploadForm, { kind: form.get('kind') ?? undefined, file: form.get('file') ?? undefined });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const user = c.get('user');
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    const uploaded = await storeUpload(c.get('deps'), { ownerId: user.id, kind, bytes });
    return c.json(ZUploadReply.parse({ file: uploaded }), 201);
  });

export const fileRoutes = new Hono<THonoEnv>().get('/:id', async (c) => {
  const { id } = parseWith(ZFileIdParam, { id: c.req.param('id') });
  const file = await readFile(c.get('deps'), c.get('user'), id);
  if (file.redirectUrl !== undefined) {
    // S3 serves the bytes with the same type, disposition and caching (signed `response-*` overrides).
    // A public image's redirect may be cached for a minute (its URL lives five); a proof's never.
    c.header('Cache-Control', file.kind === 'project_image' ? 'public, max-age=60' : 'private, no-store');
    return c.redirect(file.redirectUrl, 302);
  }
  return c.body(new Uint8Array(file.body), 200, {
    'Content-Type': file.delivery.contentType,
    // The stored type was sniffed and the bytes re-encoded; browsers must not second-guess it.
    'X-Content-Type-Options': 'nosniff',
    // PDFs can carry scripts: download them rather than render them on our origin.
    'Content-Disposition': file.delivery.contentDisposition,
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': file.delivery.cacheControl,
  });
});

const ZBinary = z.string().meta({ format: 'binary' });

export const uploadOperations: TOperation[] = [
  {
    method: 'post',
    path: '/api/uploads',
    tag: 'uploads',
    summary:
      'Upload a file (multipart/form-data: `file`, `kind`). JPEG, PNG or WebP for `project_image`; also PDF for `council_proof`. At most 10 MB; the type is read from the bytes, and images are re-encoded without metadata, at most 2000 px on the long side',
    body: z.object({ kind: ZUploadKind, file: ZBinary }),
    bodyMediaType: 'multipart/form-data',
    responses: { 201: ZUploadReply },
    errors: [401, 403, 413],
    isAuthenticated: true,
  },
  {
    method: 'post',
    path: '/api/uploads/intents',
    tag: 'uploads',
    summary:
      'Start a direct upload (with JavaScript; bypasses the API for the bytes): announce `kind` (`council_proof` or `project_image`), `contentType` and exact `size` (1 byte to 10 MB). ' +
      'Answers a URL to PUT exactly those bytes to with `headers`, within 15 minutes (S3 presigned in AWS, this API locally); then call `/api/uploads/{id}/complete`',
    body: ZUploadIntentInput,
    responses: { 201: ZUploadIntentReply },
    errors: [401, 403],
    isAuthenticated: true,
  },
  {
    method: 'put',
    path: '/api/uploads/{id}/bytes',
    tag: 'uploads',
    summary:
      'Local platform only (404 in AWS, where the URL is S3\'s): the URL from an intent, with its `expires` and `sig` query. ' +
      'No session needed: the signature is the permission. 403 for a bad or expired signature or another type or size than announced; 413 over 10 MB',
    body: ZBinary,
    bodyMediaType: 'application/octet-stream',
    responses: { 204: null },
    errors: [403, 404, 413],
  },
  {
    method: 'post',
    path: '/api/uploads/{id}/complete',
    tag: 'uploads',
    summary:
      'Finish a direct upload: the bytes are checked exactly as a multipart upload (type from the bytes, 10 MB, images re-encoded without metadata) and recorded; the staged copy is deleted. ' +
      'Only the intent\'s owner (404 for others). 201 with the new file; 200 with the same file when completed before; 409 when nothing was PUT yet; 400 for refused bytes (staged copy deleted)',
    responses: { 201: ZUploadReply, 200: ZUploadReply },
    errors: [401, 403, 404, 409, 413],
    isAuthenticated: true,
  },
  {
    method: 'get',
    path: '/api/files/{id}',
    tag: 'uploads',
    summary:
      'The bytes of an upload with its stored type (locally), or in AWS a 302 to a presigned S3 URL (5 minutes) that serves them with the same type, disposition and caching. ' +
      'Project images are public; council proofs only for moderators, the uploader and officials of the linked council (404 for everyone else)',
    responses: { 200: ZBinary, 302: null },
    responseMediaType: '*/*',
    errors: [404],
  },
];
