import * as z from 'zod';

/**
 * The only place web reads process.env. Parsed lazily on first use (not at import) so that
 * `vite build`, which imports server modules to analyse them, needs no runtime variables.
 */
const ZWebEnv = z.object({
  /** Where the API listens, reachable from this server, e.g. http://127.0.0.1:3001 (no trailing /api). */
  API_INTERNAL_URL: z.url().transform((url) => url.replace(/\/+$/, '')),
  /** Shared with the API: proves our x-forwarded-for header is the real client address. */
  KOLDOO_INTERNAL_SECRET: z.string().min(16),
  /** Milliseconds before an API call is abandoned, so a stuck API cannot hang page renders. */
  API_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});
export type TWebEnv = z.infer<typeof ZWebEnv>;

let parsed: TWebEnv | undefined;

export function webEnv(): TWebEnv {
  if (parsed) return parsed;
  const result = ZWebEnv.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`web: invalid environment (${problems})`);
  }
  parsed = result.data;
  return parsed;
}
