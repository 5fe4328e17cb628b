import type { TRate } from '@koldoo/shared/contracts/rates.ts';
import { listRates as readRates } from '../../data/rates-repo.ts';
import type { TDomainContext } from '../context.ts';

/** The public table of rates to KGS: KGS (always 1) first, then every currency that has a rate. */
export async function listRates(ctx: Pick<TDomainContext, 'db' | 'clock'>): Promise<{ rates: TRate[] }> {
  return { rates: await readRates(ctx.db, ctx.clock.now()) };
}
