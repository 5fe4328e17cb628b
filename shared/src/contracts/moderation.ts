import * as z from 'zod';

export const decisions = ['approve', 'request_changes', 'reject'] as const;
export const ZDecision = z.enum(decisions);

/** POST /api/moderation/{councils|projects|amendments}/:id/decision */
export const ZDecisionInput = z.object({
  decision: ZDecision,
  reason: z.string().trim().min(3, 'Give a reason').max(2000),
  /** The moderator's checklist: documents present, budget plausible, location matches. */
  checklist: z
    .object({ documentsPresent: z.boolean(), budgetPlausible: z.boolean(), locationMatches: z.boolean() })
    .optional(),
});
export type TDecisionInput = z.infer<typeof ZDecisionInput>;

export const ZCancelInput = z.object({ reason: z.string().trim().min(3).max(2000) });
