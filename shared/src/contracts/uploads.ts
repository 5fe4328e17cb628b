import * as z from 'zod';

/** What an upload is for decides who may read it back. */
/** `transfer_proof`: a donor's bank-transfer receipt, private to moderators and the donor. */
export const uploadKinds = ['council_proof', 'project_image', 'transfer_proof'] as const;
export const ZUploadKind = z.enum(uploadKinds);
export type TUploadKind = z.infer<typeof ZUploadKind>;

export const maxUploadBytes = 10 * 1024 * 1024;
export const ZUploadedFile = z.object({
  id: z.string(),
  kind: ZUploadKind,
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
});
export type TUploadedFile = z.infer<typeof ZUploadedFile>;
export const ZUploadReply = z.object({ file: ZUploadedFile });
