import type { z } from 'zod';
import { AppError, toFieldIssues } from '@koldoo/shared/errors.ts';
import { bishkekToday } from '@koldoo/shared/dates.ts';
import type { TDomainContext } from './context.ts';

/** Validation inside use cases (rules that need the clock or merged state) with the wire error shape. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('VALIDATION_FAILED', 'Some fields are invalid', { issues: toFieldIssues(result.error) });
  return result.data;
}

/** Today's date in Bishkek (UTC+6), where deadlines are meant. */
export function today(ctx: Pick<TDomainContext, 'clock'>): string {
  return bishkekToday(ctx.clock.now());
}
