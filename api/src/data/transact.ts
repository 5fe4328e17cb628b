import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TDb } from './db.ts';

type TItems = NonNullable<TransactWriteCommandInput['TransactItems']>;
export type TTransactOutcome = 'committed' | 'condition_failed';

type TCancelled = Error & { CancellationReasons?: { Code?: string }[] };

/** True when DynamoDB refused a transaction only because another one touched the same items. */
export function isTransactionConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TransactionConflictException') return true;
  if (error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as TCancelled).CancellationReasons ?? [];
  return reasons.some((r) => r.Code === 'TransactionConflict') && !reasons.some((r) => r.Code === 'ConditionalCheckFailed');
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'TransactionCanceledException' && !isTransactionConflict(error);
}

/**
 * Writes a transaction. A hot item (one project's counters under a wave of pledges) makes real
 * DynamoDB cancel concurrent transactions with `TransactionConflict`; those are retried with
 * full-jitter exponential backoff. A failed condition is an answer, not an error: the caller
 * re-reads and re-plans.
 */
export async function transact(
  db: TDb,
  items: TItems,
  options: { maxAttempts?: number; baseDelayMs?: number; onRetry?: (attempt: number) => void } = {},
): Promise<TTransactOutcome> {
  const maxAttempts = options.maxAttempts ?? 10;
  const base = options.baseDelayMs ?? 10;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.client.send(new TransactWriteCommand({ TransactItems: items }));
      return 'committed';
    } catch (error) {
      if (isConditionFailure(error)) return 'condition_failed';
      if (!isTransactionConflict(error) || attempt >= maxAttempts) throw error;
      options.onRetry?.(attempt);
      const cap = Math.min(1_000, base * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * cap));
    }
  }
}
