/**
 * Per-stage settings for the CDK app. The only place stage differences live: constructs take a
 * `TStageConfig` and never read `process.env`, so a synth is reproducible from the stage name alone.
 */
export const stageNames = ['dev', 'prod'] as const;
export type TStageName = (typeof stageNames)[number];

export type TStageConfig = {
  stageName: TStageName;
  /** Physical DynamoDB table name; fixed so that a RETAINed table is found again after a redeploy. */
  tableName: string;
  /** Public host name; absent while a stage runs on the CloudFront default domain. */
  domainName?: string;
  /** Verified SES identity that sends sign-up and pledge e-mails. */
  senderEmail: string;
};

export const stages: Readonly<Record<TStageName, TStageConfig>> = {
  dev: {
    stageName: 'dev',
    tableName: 'koldoo-dev',
    senderEmail: 'no-reply@dev.koldoo.kg',
  },
  prod: {
    stageName: 'prod',
    tableName: 'koldoo-prod',
    domainName: 'koldoo.kg',
    senderEmail: 'no-reply@koldoo.kg',
  },
};

export function isStageName(value: unknown): value is TStageName {
  return typeof value === 'string' && (stageNames as readonly string[]).includes(value);
}

/** Resolves a stage name (e.g. from `-c stage=prod`), failing fast on a typo rather than deploying to a surprise stage. */
export function stageConfig(name: unknown = 'dev'): TStageConfig {
  if (!isStageName(name)) {
    throw new Error(`Unknown stage ${JSON.stringify(name)}; expected one of: ${stageNames.join(', ')}`);
  }
  return stages[name];
}
