import * as z from 'zod';
import { ZLocale } from '../locales.ts';

export const roles = ['member', 'council_official', 'moderator'] as const;
export const ZRole = z.enum(roles);
export type TRole = z.infer<typeof ZRole>;

/** E-mails are compared lower-cased and trimmed. */
export const ZEmail = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const ZPassword = z.string().min(10, 'Password must be at least 10 characters').max(200);

export const ZRegisterInput = z.object({
  email: ZEmail,
  password: ZPassword,
  displayName: z.string().trim().min(1).max(80),
  locale: ZLocale.optional(),
});
export type TRegisterInput = z.infer<typeof ZRegisterInput>;

export const ZLoginInput = z.object({
  email: ZEmail,
  // No length rule here: a login must not reveal the password policy of an account.
  password: z.string().min(1).max(200),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;

/** What a signed-in user may see of themselves. Never carries the password hash. */
export const ZMe = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(ZRole),
  councilIds: z.array(z.string()),
  locale: ZLocale,
  createdAt: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZMeReply = z.object({ user: ZMe });
export type TMeReply = z.infer<typeof ZMeReply>;

export const ZHealthReply = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'down']) });
export type THealthReply = z.infer<typeof ZHealthReply>;
