/**
 * The one definition of Koldoo's single DynamoDB table. The CDK stack and the local launcher
 * both build the table from this module, so AWS and DynamoDB Local cannot drift apart.
 * It is plain data on purpose: no CDK or SDK imports, so the API bundle can import it too.
 */
export type TKeyAttribute = { name: string; type: 'S' | 'N' };
export type TIndexDefinition = { name: string; partitionKey: TKeyAttribute; sortKey: TKeyAttribute };

export const tableDefinition = {
  /** Default name; AWS stages and tests override it (`TABLE_NAME`). */
  defaultName: 'koldoo',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    /** GSI1: look-ups by a second identity, e.g. a user by e-mail, a council's members. */
    { name: 'gsi1', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    /** GSI2: listings, e.g. projects by region/status sorted by a date. */
    { name: 'gsi2', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
  ],
  /** Epoch seconds; sessions and rate-limit windows expire through it. */
  ttlAttribute: 'expiresAt',
} as const satisfies {
  defaultName: string;
  partitionKey: TKeyAttribute;
  sortKey: TKeyAttribute;
  globalSecondaryIndexes: readonly TIndexDefinition[];
  ttlAttribute: string;
};

/** Every attribute that appears in a key, once, for CreateTable's AttributeDefinitions. */
export function keyAttributes(): TKeyAttribute[] {
  const all = [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return [...new Map(all.map((attribute) => [attribute.name, attribute])).values()];
}
