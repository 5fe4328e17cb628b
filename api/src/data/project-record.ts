import * as z from 'zod';
import { ZAuditEvent, ZProject } from '@koldoo/shared/contracts/projects.ts';

/** A project as stored: the public shape plus nothing secret (contact is the council's public line). */
export const ZProjectRecord = ZProject;
export type TProjectRecord = z.infer<typeof ZProjectRecord>;

export const ZAmendmentRecord = z.object({
  id: z.string(),
  projectId: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  reason: z.string(),
  proposedBy: z.string(),
  changes: z.object({
    budgetLines: ZProject.shape.budgetLines.optional(),
    coFunding: ZProject.shape.coFunding.optional(),
    deadline: z.string().optional(),
  }),
  /** What the project held before, kept so the history shows both sides. */
  previous: z.object({ budgetLines: ZProject.shape.budgetLines, coFunding: ZProject.shape.coFunding, deadline: z.string() }),
  createdAt: z.string(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
  decisionReason: z.string().optional(),
});
export type TAmendmentRecord = z.infer<typeof ZAmendmentRecord>;

export { ZAuditEvent };
export type { TAuditEvent } from '@koldoo/shared/contracts/projects.ts';

/** Fields that listings need; GSI3 projects exactly these (see infra/src/table.ts). */
export { projectCardAttributes as cardAttributes } from '@koldoo/infra/table.ts';
