import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The document client and the table it works on; every repository takes this. */
export type TDb = { client: DynamoDBDocumentClient; tableName: string };
