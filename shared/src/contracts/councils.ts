import * as z from 'zod';
import { findDistrict } from '../regions.ts';
import { ZId, ZLocalizedText } from './text.ts';

export const councilStatuses = ['pending', 'verified', 'rejected'] as const;
export const ZCouncilStatus = z.enum(councilStatuses);

export const ZCouncilContact = z.object({
  name: z.string().trim().min(1).max(120),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'Not a phone number'),
  email: z.string().trim().toLowerCase().pipe(z.email()),
});

/** POST /api/councils: a member applies to represent a council. */
export const ZCouncilApplicationInput = z
  .object({
    name: ZLocalizedText(120),
    regionId: z.string().min(1),
    districtId: z.string().min(1),
    ayilAimak: ZLocalizedText(120),
    villages: z.array(ZLocalizedText(120)).min(1).max(50),
    contact: ZCouncilContact,
    /** From POST /api/uploads (kind `council_proof`): a PDF or image of the council's mandate. */
    proofFileId: ZId,
  })
  .superRefine((input, ctx) => {
    if (!findDistrict(input.regionId, input.districtId)) {
      ctx.addIssue({ code: 'custom', path: ['districtId'], message: 'Unknown region or district' });
    }
  });
export type TCouncilApplicationInput = z.infer<typeof ZCouncilApplicationInput>;

/** What anyone may see of a council. */
export const ZCouncilPublic = z.object({
  id: z.string(),
  name: z.record(z.string(), z.string()),
  regionId: z.string(),
  districtId: z.string(),
  ayilAimak: z.record(z.string(), z.string()),
  villages: z.array(z.record(z.string(), z.string())),
  status: ZCouncilStatus,
  isVerified: z.boolean(),
  createdAt: z.string(),
  verifiedAt: z.string().optional(),
});
export type TCouncilPublic = z.infer<typeof ZCouncilPublic>;

/** Moderators and the council's own officials also see the contact, proof and decision. */
export const ZCouncilPrivate = ZCouncilPublic.extend({
  contact: ZCouncilContact,
  /** Absent only on councils seeded by operators; every application carries one. */
  proofFileId: z.string().optional(),
  applicantId: z.string(),
  officialIds: z.array(z.string()),
  decisionReason: z.string().optional(),
});
export type TCouncilPrivate = z.infer<typeof ZCouncilPrivate>;

export const ZCouncilReply = z.object({ council: z.union([ZCouncilPrivate, ZCouncilPublic]) });

/** POST /api/moderation/councils/:id/officials: a moderator adds another official. */
export const ZAddOfficialInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  reason: z.string().trim().min(3).max(2000),
});
