import type { RequestEvent } from '@sveltejs/kit';
import {
  ZUploadReply,
  type TUploadedFile,
  type TUploadKind,
} from '@koldoo/shared/contracts/uploads.ts';
import { call, mapResult, type TApiResult } from './core.ts';

/**
 * Forwards a file the browser posted to one of our form actions. The API checks type and size;
 * we only pass it on, so the browser never needs JavaScript to upload.
 */
export async function uploadFile(
  event: RequestEvent,
  file: File,
  kind: TUploadKind,
): Promise<TApiResult<TUploadedFile>> {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', file, file.name || 'upload');
  return mapResult(
    await call(event, { method: 'POST', path: '/api/uploads', form }, ZUploadReply),
    (reply) => reply.file,
  );
}

/** Where a browser fetches an uploaded file (project images are public; proofs need a moderator's session). */
export function fileUrl(id: string): string {
  return `/api/files/${encodeURIComponent(id)}`;
}
