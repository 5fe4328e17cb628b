import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { TDb } from './db.ts';
import { keys } from './keys.ts';

export const ZOutboxMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  sentAt: z.string(),
});
export type TOutboxMail = z.infer<typeof ZOutboxMail>;

/** Local-only mail sink: one partition is fine because only a laptop ever writes it. */
export async function putOutboxMail(db: TDb, mail: TOutboxMail): Promise<void> {
  await db.client.send(
    new PutCommand({ TableName: db.tableName, Item: { ...keys.outbox(mail.id), type: 'OUTBOX_MAIL', ...mail } }),
  );
}

export async function listOutboxMail(db: TDb, limit: number): Promise<TOutboxMail[]> {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'OUTBOX' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (Items ?? []).map((item) => ZOutboxMail.parse(item));
}
