import { CfnOutput, Duration, Stack, type CfnElement, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { TFunctionAssets } from './bundle.ts';
import { Alarms } from './constructs/alarms.ts';
import { Edge } from './constructs/edge.ts';
import { KoldooFunction } from './constructs/koldoo-function.ts';
import { justify, nagEnv } from './nag.ts';
import { grantSendMail, grantTable, grantUploadSweep, grantUploads, tableActions } from './permissions.ts';
import { customOrigin, uploadsBucketName, webhookRoute, type TStageConfig } from './stages.ts';

export type TStatelessStackProps = StackProps & {
  stage: TStageConfig;
  table: dynamodb.ITableV2;
  /** Prebuilt code (`buildFunctionAssets()` in bundle.ts); tests may pass stand-ins. */
  assets: TFunctionAssets;
};

/** HTTP API routes that go to the API function: everything under /api, and explicit routes so they can be throttled on their own. */
const apiCatchAll = 'ANY /api/{proxy+}';

/**
 * Everything that can be replaced on a deploy: the API, webhook, jobs and site functions, the
 * HTTP API, the schedule, the CloudFront distribution, the secrets' shells and the alarms.
 */
export class StatelessStack extends Stack {
  readonly api: KoldooFunction;
  readonly webhook: KoldooFunction;
  readonly jobs: KoldooFunction;
  readonly site: KoldooFunction;
  readonly httpApi: apigw.HttpApi;
  readonly edge: Edge;
  readonly stripeSecret: secretsmanager.Secret;
  readonly internalSecret: secretsmanager.Secret;
  readonly originSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: TStatelessStackProps) {
    super(scope, id, props);
    const { stage } = props;

    // --- secrets --------------------------------------------------------------------------------
    // Three, so each function can read only what it uses. Stripe's keys are set by the operator
    // (README, "Deploying to AWS"); until then the secret holds CloudFormation's random placeholder,
    // which the functions read as "no card payments yet". The other two are generated and never leave AWS.
    this.stripeSecret = new secretsmanager.Secret(this, 'StripeSecret', {
      description: `Koldoo ${stage.stageName}: Stripe keys as JSON {"stripeSecretKey","stripeWebhookSecret"}`,
    });
    this.internalSecret = new secretsmanager.Secret(this, 'InternalSecret', {
      description: `Koldoo ${stage.stageName}: proves the site's calls to the API (KOLDOO_INTERNAL_SECRET)`,
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    this.originSecret = new secretsmanager.Secret(this, 'OriginSecret', {
      description: `Koldoo ${stage.stageName}: the header value CloudFront sends to its origins`,
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    const rotation =
      'Rotated by hand (README, "Deploying to AWS"): Stripe keys are rolled in Stripe’s dashboard; the generated secrets are ' +
      'read once per cold start and the origin secret is also in CloudFront’s origin headers, so a rotation is a redeploy, not a Lambda rotator.';
    for (const secret of [this.stripeSecret, this.internalSecret, this.originSecret]) justify(secret, { 'AwsSolutions-SMG4': rotation });

    // --- HTTP API (its id is needed by the distribution; the distribution's name by the functions) ---
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: `Koldoo ${stage.stageName} API (only CloudFront and the site function may call it)`,
      createDefaultStage: false,
    });

    // --- site function and the distribution ------------------------------------------------------
    this.site = new KoldooFunction(this, 'Site', {
      description: `Koldoo ${stage.stageName} site (SvelteKit)`,
      codeDir: props.assets.site,
      settings: stage.functions.site,
      logRetentionDays: stage.logRetentionDays,
      secrets: [this.internalSecret, this.originSecret],
      environment: {
        API_INTERNAL_URL: this.httpApi.apiEndpoint,
        INTERNAL_SECRET_ARN: this.internalSecret.secretArn,
        ORIGIN_SECRET_ARN: this.originSecret.secretArn,
        NODE_ENV: 'production',
      },
    });
    const siteUrl = this.site.function.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });

    this.edge = new Edge(this, 'Edge', {
      stage,
      httpApi: this.httpApi,
      siteUrl,
      staticDir: props.assets.siteStatic,
      originSecret: this.originSecret,
    });
    const publicOrigin = customOrigin(stage) ?? `https://${this.edge.distribution.distributionDomainName}`;

    // --- API, webhook and jobs functions ----------------------------------------------------------
    // The stateful stack's bucket, by its fixed name (no export to pin the two stacks together).
    const uploadsBucket = s3.Bucket.fromBucketName(this, 'UploadsBucket', uploadsBucketName(stage, this.account, this.region));
    const common = {
      TABLE_NAME: props.table.tableName,
      PUBLIC_ORIGIN: publicOrigin,
      STRIPE_SECRET_ARN: this.stripeSecret.secretArn,
      MAIL_FROM: stage.senderEmail,
      UPLOADS_BUCKET: uploadsBucket.bucketName,
      LOG_LEVEL: 'info',
      ...(stage.nbkrRatesUrl ? { NBKR_RATES_URL: stage.nbkrRatesUrl } : {}),
      ...(stage.fiscalHost
        ? {
            FISCAL_HOST_RECIPIENT: stage.fiscalHost.recipient,
            FISCAL_HOST_BANK: stage.fiscalHost.bankName,
            FISCAL_HOST_ACCOUNT: stage.fiscalHost.account,
            FISCAL_HOST_BIC: stage.fiscalHost.bic,
          }
        : {}),
    };
    this.api = new KoldooFunction(this, 'Api', {
      description: `Koldoo ${stage.stageName} API (Hono)`,
      codeDir: props.assets.api,
      settings: stage.functions.api,
      logRetentionDays: stage.logRetentionDays,
      secrets: [this.stripeSecret, this.internalSecret, this.originSecret],
      environment: { ...common, INTERNAL_SECRET_ARN: this.internalSecret.secretArn, ORIGIN_SECRET_ARN: this.originSecret.secretArn },
    });
    this.webhook = new KoldooFunction(this, 'Webhook', {
      description: `Koldoo ${stage.stageName} Stripe webhook`,
      codeDir: props.assets.webhook,
      settings: stage.functions.webhook,
      logRetentionDays: stage.logRetentionDays,
      secrets: [this.stripeSecret],
      environment: common,
    });
    this.jobs = new KoldooFunction(this, 'Jobs', {
      description: `Koldoo ${stage.stageName} scheduled jobs`,
      codeDir: props.assets.jobs,
      settings: stage.functions.jobs,
      logRetentionDays: stage.logRetentionDays,
      secrets: [this.stripeSecret],
      environment: common,
    });

    grantTable(this.api.role, props.table, tableActions.api);
    grantTable(this.webhook.role, props.table, tableActions.webhook);
    grantTable(this.jobs.role, props.table, tableActions.jobs);
    grantUploads(this.api.role, uploadsBucket);
    justify(this.api.role, {
      [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${uploadsBucketName(stage, nagEnv(this).account, nagEnv(this).region)}/uploads/*]`]:
        'Uploads are stored as uploads/<kind>/<ulid>; the API reads and writes only under that prefix, never the rest of the bucket.',
      [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${uploadsBucketName(stage, nagEnv(this).account, nagEnv(this).region)}/incoming/*]`]:
        'Browsers PUT uploads to incoming/<ulid> with URLs the API presigns (so it needs the same rights), and the API reads and deletes them there once checked; the key is random per upload.',
    });
    grantUploadSweep(this.jobs.role, uploadsBucket);
    justify(this.jobs.role, {
      [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${uploadsBucketName(stage, nagEnv(this).account, nagEnv(this).region)}/uploads/*]`]:
        'The sweep of unused uploads deletes uploads/<kind>/<ulid> objects whose records nothing references; DeleteObject only, under that prefix only.',
    });
    for (const fn of [this.api, this.webhook, this.jobs]) grantSendMail(fn.role, stage);

    // --- routes and throttling ---------------------------------------------------------------------
    const apiIntegration = new HttpLambdaIntegration('ApiIntegration', this.api.function);
    const webhookIntegration = new HttpLambdaIntegration('WebhookIntegration', this.webhook.function);
    const routes: apigw.HttpRoute[] = [];
    const addRoute = (routeKey: string, integration: HttpLambdaIntegration) => {
      const [method, path] = routeKey.split(' ') as [string, string];
      const route = new apigw.HttpRoute(this, `Route ${routeKey}`, {
        httpApi: this.httpApi,
        routeKey: apigw.HttpRouteKey.with(path, method as apigw.HttpMethod),
        integration,
      });
      justify(route, {
        'AwsSolutions-APIG4':
          'Authorization is the application’s: the API checks the session cookie on each route that needs one (public reads need none), and the Stripe webhook checks Stripe’s signature.',
      });
      routes.push(route);
    };
    addRoute(apiCatchAll, apiIntegration);
    for (const routeKey of Object.keys(stage.throttling.routes)) {
      addRoute(routeKey, routeKey === webhookRoute ? webhookIntegration : apiIntegration);
    }
    if (!(webhookRoute in stage.throttling.routes)) addRoute(webhookRoute, webhookIntegration);

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: stage.logRetentionDays as logs.RetentionDays });
    const apiStage = new apigw.HttpStage(this, 'ApiStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: stage.throttling.default.ratePerSecond, burstLimit: stage.throttling.default.burst },
      detailedMetricsEnabled: true,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // `status` unquoted: the ApiThrottled metric filter compares it as a number.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            route: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            bytes: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }).replace('"$context.status"', '$context.status'),
        ),
      },
    });
    const cfnStage = apiStage.node.defaultChild as apigw.CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      Object.entries(stage.throttling.routes).map(([routeKey, limit]) => [
        routeKey,
        { ThrottlingRateLimit: limit.ratePerSecond, ThrottlingBurstLimit: limit.burst, DetailedMetricsEnabled: true },
      ]),
    );
    // Route settings may name only routes that exist.
    for (const route of routes) apiStage.node.addDependency(route);

    // --- scheduled jobs ------------------------------------------------------------------------------
    const jobsDeadLetters = new sqs.Queue(this, 'JobsDeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    justify(jobsDeadLetters, { 'AwsSolutions-SQS3': 'This queue is itself the dead-letter queue of the scheduled jobs.' });
    // Failed runs (after Lambda's two async retries) and failed deliveries land in the same queue.
    this.jobs.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
      onFailure: new destinations.SqsDestination(jobsDeadLetters),
    });
    new scheduler.Schedule(this, 'JobsSchedule', {
      description: 'Deadlines, expiry refunds, bank-transfer reminders and expiry, progress-report reminders, NBKR rates (runScheduledJobs)',
      schedule: scheduler.ScheduleExpression.expression(stage.jobsSchedule),
      target: new targets.LambdaInvoke(this.jobs.function, {
        input: scheduler.ScheduleTargetInput.fromObject({ source: 'koldoo.schedule', jobs: 'all' }),
        deadLetterQueue: jobsDeadLetters,
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
      }),
    });
    // The scheduler's role (made by aws-cdk-lib at stack level) may invoke the jobs function and its versions.
    const jobsLogicalId = this.getLogicalId(this.jobs.function.node.defaultChild as CfnElement);
    justify(this, {
      [`AwsSolutions-IAM5[Resource::<${jobsLogicalId}.Arn>:*]`]:
        'EventBridge Scheduler’s role may invoke only the jobs function (`:*` covers its versions and aliases).',
    });

    // --- alarms -------------------------------------------------------------------------------------
    new Alarms(this, 'Alarms', {
      stage,
      httpApi: this.httpApi,
      apiStageName: '$default',
      accessLogs,
      table: props.table,
      functions: { api: this.api.function, webhook: this.webhook.function, jobs: this.jobs.function, site: this.site.function },
      logGroups: { webhook: this.webhook.logGroup, jobs: this.jobs.logGroup },
      deadLetterQueues: [jobsDeadLetters],
    });

    new CfnOutput(this, 'SiteUrl', { value: publicOrigin, description: 'The site (and /api) for browsers' });
    new CfnOutput(this, 'DistributionDomainName', { value: this.edge.distribution.distributionDomainName });
    new CfnOutput(this, 'StripeWebhookUrl', { value: `${publicOrigin}/api/webhooks/stripe`, description: 'Register this endpoint in Stripe' });
    new CfnOutput(this, 'StripeSecretArn', { value: this.stripeSecret.secretArn, description: 'Put the Stripe keys here (README)' });
    new CfnOutput(this, 'JobsDeadLetterQueueUrl', { value: jobsDeadLetters.queueUrl });
  }

}
