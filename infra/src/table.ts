/**
 * The one definition of Koldoo's single DynamoDB table. The CDK stack and the local launcher
 * both build the table from this module, so AWS and DynamoDB Local cannot drift apart.
 * It is plain data on purpose: no CDK or SDK imports, so the API bundle can import it too.
 */
export type TKeyAttribute = { name: string; type: 'S' | 'N' };
export type TIndexProjection = { type: 'ALL' } | { type: 'INCLUDE'; attributes: readonly string[] };
export type TIndexDefinition = {
  name: string;
  partitionKey: TKeyAttribute;
  sortKey: TKeyAttribute;
  projection: TIndexProjection;
};

/**
 * What a project listing shows. GSI3 carries only these, so refilling the listing reads a few
 * hundred bytes per project instead of whole items with their stories.
 */
export const projectCardAttributes = [
  'id', 'councilId', 'title', 'summary', 'category', 'status', 'fundingMode', 'regionId', 'districtId',
  'village', 'deadline', 'publishedAt', 'coverImageId', 'budgetTotalMinor', 'coFundingMinor', 'goalMinor',
  'raisedMinor', 'backers',
] as const;

export const tableDefinition = {
  /** Default name; AWS stages and tests override it (`TABLE_NAME`). */
  defaultName: 'koldoo',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    /** GSI1: a second identity or owner, e.g. a council's projects, councils of a region. */
    { name: 'gsi1', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' }, projection: { type: 'ALL' } },
    /** GSI2: work queues by state, e.g. submitted projects, pending councils and amendments. */
    { name: 'gsi2', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' }, projection: { type: 'ALL' } },
    /** GSI3: project cards by status, for public listings; also a member's pledges (`USER#<id>#PLEDGES`, read by id). */
    {
      name: 'gsi3',
      partitionKey: { name: 'gsi3pk', type: 'S' },
      sortKey: { name: 'gsi3sk', type: 'S' },
      projection: { type: 'INCLUDE', attributes: projectCardAttributes },
    },
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
