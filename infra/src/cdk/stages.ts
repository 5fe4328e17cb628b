/**
 * Per-stage settings for the CDK app. The only place stage differences live: constructs take a
 * `TStageConfig` and never read `process.env`, so a synth is reproducible from the stage name alone.
 */
export const stageNames = ['dev', 'prod'] as const;
export type TStageName = (typeof stageNames)[number];

/** Steady requests per second and burst, as API Gateway counts them (per stage, all callers together). */
export type TThrottle = { ratePerSecond: number; burst: number };

export type TFunctionSettings = { memoryMb: number; timeoutSeconds: number };

export type TStageConfig = {
  stageName: TStageName;
  /** Physical DynamoDB table name; fixed so that a RETAINed table is found again after a redeploy. */
  tableName: string;
  /** Public host name; absent while a stage runs on the CloudFront default domain. */
  domainName?: string;
  /**
   * ACM certificate for `domainName`, in us-east-1 (CloudFront's region). Without it the stage is
   * served on the distribution's own `*.cloudfront.net` name, and `domainName` only feeds CORS.
   */
  certificateArn?: string;
  /** Verified SES identity that sends sign-up and pledge e-mails. */
  senderEmail: string;
  /** A WAF web ACL (scope CLOUDFRONT, us-east-1) for the distribution, e.g. per-IP rate rules. */
  webAclArn?: string;
  /** Who receives alarm e-mails; absent, the alarm topic has no subscriber yet. */
  alarmEmail?: string;
  /** CloudWatch Logs retention for every function and the API's access log. */
  logRetentionDays: 14 | 30 | 90 | 365;
  /** API Gateway throttling: the stage default, and tighter limits on the routes attackers and bots like. */
  throttling: { default: TThrottle; routes: Readonly<Record<string, TThrottle>> };
  functions: { api: TFunctionSettings; webhook: TFunctionSettings; jobs: TFunctionSettings; site: TFunctionSettings };
  /** EventBridge Scheduler expression for `runScheduledJobs` (the local platform runs it every 15 minutes too). */
  jobsSchedule: string;
  /** The National Bank's daily rates XML; absent, moderators set rates by hand. */
  nbkrRatesUrl?: string;
  /** The account bank transfers go to; absent, donors see the API's labelled DEMO details. */
  fiscalHost?: { recipient: string; bankName: string; account: string; bic: string };
};

/**
 * Route keys as API Gateway writes them. Login and registration are what credential stuffing and
 * sign-up bots hit; pledges are what card testers hit. These limits protect DynamoDB and Stripe
 * from floods; per-person limits are the API's own (login failures per IP and e-mail).
 */
export const throttledRoutes = {
  login: 'POST /api/auth/login',
  register: 'POST /api/auth/register',
  pledge: 'POST /api/projects/{id}/pledges',
  pledgeAction: 'POST /api/pledges/{proxy+}',
} as const;

export const webhookRoute = 'POST /api/webhooks/stripe';

const commonFunctions: TStageConfig['functions'] = {
  // scrypt (N=2^15) on login and registration is CPU-bound: 1,536 MB gives about one vCPU.
  api: { memoryMb: 1536, timeoutSeconds: 28 },
  webhook: { memoryMb: 512, timeoutSeconds: 28 },
  jobs: { memoryMb: 512, timeoutSeconds: 300 },
  site: { memoryMb: 1024, timeoutSeconds: 28 },
};

export const stages: Readonly<Record<TStageName, TStageConfig>> = {
  dev: {
    stageName: 'dev',
    tableName: 'koldoo-dev',
    senderEmail: 'no-reply@dev.koldoo.kg',
    logRetentionDays: 14,
    throttling: {
      default: { ratePerSecond: 100, burst: 200 },
      routes: {
        [throttledRoutes.login]: { ratePerSecond: 5, burst: 10 },
        [throttledRoutes.register]: { ratePerSecond: 2, burst: 5 },
        [throttledRoutes.pledge]: { ratePerSecond: 5, burst: 10 },
        [throttledRoutes.pledgeAction]: { ratePerSecond: 5, burst: 10 },
        [webhookRoute]: { ratePerSecond: 20, burst: 40 },
      },
    },
    functions: commonFunctions,
    jobsSchedule: 'rate(15 minutes)',
  },
  prod: {
    stageName: 'prod',
    tableName: 'koldoo-prod',
    domainName: 'koldoo.kg',
    senderEmail: 'no-reply@koldoo.kg',
    logRetentionDays: 90,
    throttling: {
      default: { ratePerSecond: 1000, burst: 2000 },
      routes: {
        [throttledRoutes.login]: { ratePerSecond: 50, burst: 100 },
        [throttledRoutes.register]: { ratePerSecond: 10, burst: 20 },
        [throttledRoutes.pledge]: { ratePerSecond: 50, burst: 100 },
        [throttledRoutes.pledgeAction]: { ratePerSecond: 20, burst: 40 },
        [webhookRoute]: { ratePerSecond: 100, burst: 200 },
      },
    },
    functions: commonFunctions,
    jobsSchedule: 'rate(15 minutes)',
    nbkrRatesUrl: 'https://www.nbkr.kg/XML/daily.xml',
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

/**
 * The uploads bucket's name: fixed per stage, account and region, so the stateless stack can name
 * it without a cross-stack export, and a RETAINed bucket is found again after a redeploy.
 * `account` and `region` are the stack's (tokens when the synth is environment-agnostic).
 */
export function uploadsBucketName(stage: TStageConfig, account: string, region: string): string {
  return `koldoo-${stage.stageName}-uploads-${account}-${region}`;
}

/** The browser origin when the stage has its own certificate; otherwise undefined (the CloudFront domain, known after deploy). */
export function customOrigin(stage: TStageConfig): string | undefined {
  return stage.domainName && stage.certificateArn ? `https://${stage.domainName}` : undefined;
}

/**
 * Origins allowed to PUT uploads straight to the bucket with presigned URLs: the stage's own domain;
 * while the stage runs on its CloudFront default name (unknown until deployed, and the bucket is
 * in the other stack), any `*.cloudfront.net` site. CORS only lets a browser read the reply; the
 * presigned URL itself is the permission.
 */
export function uploadCorsOrigins(stage: TStageConfig): string[] {
  const own = stage.domainName ? [`https://${stage.domainName}`, `https://www.${stage.domainName}`] : [];
  return customOrigin(stage) ? own : [...own, 'https://*.cloudfront.net'];
}
