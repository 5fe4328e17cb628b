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

/**
 * Kinds a browser may upload straight to storage (intent → PUT → complete). Transfer proofs are
 * attached through their pledge's own route (receipt links work without an account).
 */
export const directUploadKinds = ['council_proof', 'project_image'] as const;
export const ZDirectUploadKind = z.enum(directUploadKinds);

/** The types each kind accepts, as the bytes will be sniffed (the declared type is only a first check). */
export const uploadTypesByKind = {
  project_image: ['image/jpeg', 'image/png', 'image/webp'],
  council_proof: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
  transfer_proof: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
} as const satisfies Record<TUploadKind, readonly TUploadedFile['contentType'][]>;

export const ZUploadIntentInput = z
  .object({
    kind: ZDirectUploadKind,
    contentType: ZUploadedFile.shape.contentType,
    size: z
      .number()
      .int()
      .min(1, 'The file is empty')
      .max(maxUploadBytes, `Files may be at most ${maxUploadBytes / 1024 / 1024} MB`),
  })
  .superRefine((input, ctx) => {
    if (!(uploadTypesByKind[input.kind] as readonly string[]).includes(input.contentType)) {
      ctx.addIssue({ code: 'custom', path: ['contentType'], message: 'Project images must be JPEG, PNG or WebP' });
    }
  });
export type TUploadIntentInput = z.infer<typeof ZUploadIntentInput>;

/** Where and how to send the bytes: one PUT of exactly `size` bytes with `headers`, before `expiresAt`. */
export const ZUploadIntentReply = z.object({
  uploadId: z.string(),
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});
export type TUploadIntentReply = z.infer<typeof ZUploadIntentReply>;
