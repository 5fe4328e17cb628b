import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod';
import { AppError } from '@koldoo/shared/errors.ts';
import { ZUploadKind, ZUploadReply, maxUploadBytes } from '@koldoo/shared/contracts/uploads.ts';
import { readFile } from '../domain/files/read-file.ts';
import { storeUpload } from '../domain/files/store-upload.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import type { TOperation } from '../http/openapi.ts';
import { parseWith } from '../http/parse-input.ts';
import { requireUser } from '../http/session.ts';

/** The file may be 10 MB; the multipart envelope (boundaries, headers, `kind`) gets a little more. */
export const maxUploadRequestBytes = maxUploadBytes + 64 * 1024;

const ZUploadForm = z.object({
  kind: ZUploadKind,
  file: z.file({ error: 'Attach a file' }),
});
const ZFileIdParam = z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a file id') });

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

export const uploadRoutes = new Hono<THonoEnv>().post('/', requireUser, uploadBodyLimit, async (c) => {
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
  const isImage = file.contentType.startsWith('image/');
  return c.body(new Uint8Array(file.body), 200, {
    'Content-Type': file.contentType,
    // The stored type was sniffed and the bytes re-encoded; browsers must not second-guess it.
    'X-Content-Type-Options': 'nosniff',
    // PDFs can carry scripts: download them rather than render them on our origin.
    'Content-Disposition': isImage ? 'inline' : `attachment; filename="${id}.pdf"`,
    'Content-Security-Policy': "default-src 'none'; sandbox",
    // Project images never change (a new upload gets a new id); proofs are private.
    'Cache-Control': file.kind === 'project_image' ? 'public, max-age=31536000, immutable' : 'private, no-store',
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
    method: 'get',
    path: '/api/files/{id}',
    tag: 'uploads',
    summary:
      'The bytes of an upload with its stored type. Project images are public; council proofs only for moderators, the uploader and officials of the linked council (404 for everyone else)',
    responses: { 200: ZBinary },
    responseMediaType: '*/*',
    errors: [404],
  },
];
