import { afterAll, describe, expect, it } from 'vitest';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { originVerifyHeader } from '@koldoo/api/lambda/http-event.ts';
import { tableDefinition } from '../table.ts';
import { viewerRequestCode } from './constructs/edge.ts';
import { addNagChecks } from './nag.ts';
import { tableActions } from './permissions.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';
import { stageConfig, stages, throttledRoutes, webhookRoute, type TStageName } from './stages.ts';
import { stubFunctionAssets } from './stub-assets.ts';

/**
 * Both stacks in one app with cdk-nag's AwsSolutions checks, synthesized once per stage: a finding
 * that is not acknowledged (with its reason, beside its construct) makes `app.synth()` throw.
 */
const stub = stubFunctionAssets();
afterAll(() => stub.cleanUp());

function synthStage(stageName: TStageName) {
  const stage = stageConfig(stageName);
  const app = new App({ context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong' } });
  const stateful = new StatefulStack(app, `koldoo-${stageName}-stateful`, { stage });
  const stateless = new StatelessStack(app, `koldoo-${stageName}-stateless`, { stage, table: stateful.table, assets: stub.assets });
  addNagChecks(app);
  const assembly = app.synth();
  return {
    stateless,
    template: Template.fromJSON(assembly.getStackByName(stateless.stackName).template as Record<string, unknown>),
    statefulTemplate: Template.fromJSON(assembly.getStackByName(stateful.stackName).template as Record<string, unknown>),
  };
}

const dev = synthStage('dev');
const template = dev.template;
const json = template.toJSON() as { Resources: Record<string, { Type: string; Properties: Record<string, any> }> };
const resources = json.Resources;

function logicalIdOf(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as never);
}

const functions = {
  api: dev.stateless.api,
  webhook: dev.stateless.webhook,
  jobs: dev.stateless.jobs,
  site: dev.stateless.site,
};

/** Every IAM statement attached to a function's role. */
function statementsOf(name: keyof typeof functions): { Action: string | string[]; Resource: unknown; Condition?: unknown }[] {
  const roleId = logicalIdOf(dev.stateless, functions[name].role);
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((r) => r.Properties.PolicyDocument.Statement);
}

const actionsOf = (name: keyof typeof functions, service: string) =>
  [...new Set(statementsOf(name).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).filter((a) => a.startsWith(`${service}:`)))].sort();

function environmentOf(name: keyof typeof functions): Record<string, unknown> {
  return resources[logicalIdOf(dev.stateless, functions[name].function)]!.Properties.Environment.Variables;
}

describe('cdk-nag AwsSolutions', () => {
  it('passes for every stage, with every acknowledgement justified (synth would throw otherwise)', () => {
    expect(() => synthStage('prod')).not.toThrow();
  });

  it('is really checking: an unjustified finding stops the synth', () => {
    const app = new App();
    const stack = new Stack(app, 'nag-canary');
    new s3.Bucket(stack, 'Careless');
    addNagChecks(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-S1[0]?\b|server access logs/);
  });
});

describe('functions', () => {
  it('run Node 24 on arm64 from index.handler', () => {
    const lambdas = Object.values(functions).map((fn) => resources[logicalIdOf(dev.stateless, fn.function)]!.Properties);
    for (const props of lambdas) {
      expect(props.Runtime).toBe('nodejs24.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.Handler).toBe('index.handler');
    }
  });

  it('take memory and timeouts from the stage', () => {
    const api = resources[logicalIdOf(dev.stateless, functions.api.function)]!.Properties;
    expect(api.MemorySize).toBe(stages.dev.functions.api.memoryMb);
    expect(api.Timeout).toBe(stages.dev.functions.api.timeoutSeconds);
  });

  it('wire the API’s environment: table, public origin, secrets by ARN, SES sender, uploads bucket', () => {
    const env = environmentOf('api');
    expect(JSON.stringify(env.TABLE_NAME)).toMatch(/"Fn::ImportValue":"koldoo-dev-stateful:ExportsOutputRefTable/);
    expect(env).toMatchObject({
      MAIL_FROM: stages.dev.senderEmail,
      LOG_LEVEL: 'info',
      STRIPE_SECRET_ARN: { Ref: logicalIdOf(dev.stateless, dev.stateless.stripeSecret) },
      INTERNAL_SECRET_ARN: { Ref: logicalIdOf(dev.stateless, dev.stateless.internalSecret) },
      ORIGIN_SECRET_ARN: { Ref: logicalIdOf(dev.stateless, dev.stateless.originSecret) },
    });
    // dev has no certificate: the public origin is the distribution's own name.
    expect(JSON.stringify(env.PUBLIC_ORIGIN)).toContain('DomainName');
    expect(JSON.stringify(env.UPLOADS_BUCKET)).toContain(`koldoo-dev-uploads-`);
    // No secret value is ever in the template.
    for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'KOLDOO_INTERNAL_SECRET', 'DYNAMODB_ENDPOINT']) expect(env).not.toHaveProperty(name);
  });

  it('give each function only the secrets it reads', () => {
    expect(Object.keys(environmentOf('webhook')).filter((k) => k.endsWith('_SECRET_ARN'))).toEqual(['STRIPE_SECRET_ARN']);
    expect(Object.keys(environmentOf('jobs')).filter((k) => k.endsWith('_SECRET_ARN'))).toEqual(['STRIPE_SECRET_ARN']);
    const site = environmentOf('site');
    expect(Object.keys(site).filter((k) => k.endsWith('_SECRET_ARN')).sort()).toEqual(['INTERNAL_SECRET_ARN', 'ORIGIN_SECRET_ARN']);
    expect(site.API_INTERNAL_URL).toEqual({ 'Fn::GetAtt': [logicalIdOf(dev.stateless, dev.stateless.httpApi), 'ApiEndpoint'] });
    expect(site).not.toHaveProperty('TABLE_NAME');
    expect(actionsOf('site', 'secretsmanager')).toEqual(['secretsmanager:GetSecretValue']);
    expect(statementsOf('site').filter((s) => s.Action === 'secretsmanager:GetSecretValue')).toHaveLength(2);
  });

  it('carry the Parameters and Secrets extension (arm64) where they read secrets', () => {
    for (const fn of Object.values(functions)) {
      const props = resources[logicalIdOf(dev.stateless, fn.function)]!.Properties;
      expect(JSON.stringify(props.Layers)).toMatch(/Parameters-and-Secrets|ParamsAndSecrets|layer/i);
      expect(props.Environment.Variables.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT).toBe('2773');
    }
  });
});

describe('least privilege', () => {
  it('grants each function exactly its table actions, and no Scan anywhere', () => {
    for (const name of ['api', 'webhook', 'jobs'] as const) {
      expect(actionsOf(name, 'dynamodb')).toEqual(tableActions[name].map((a) => `dynamodb:${a}`).sort());
    }
    expect(actionsOf('site', 'dynamodb')).toEqual([]);
    expect(JSON.stringify(json)).not.toContain('dynamodb:Scan');
    const granted = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => r.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
      .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(granted.filter((action) => /^(dynamodb|ses|secretsmanager|sqs):.*\*|^\*$/.test(action))).toEqual([]);
  });

  it('lets index reads be Queries on the named indexes only', () => {
    const indexStatement = statementsOf('webhook').find((s) => JSON.stringify(s.Resource).includes('/index/'));
    expect(indexStatement?.Action).toBe('dynamodb:Query');
    const indexes = JSON.stringify(indexStatement?.Resource);
    for (const index of tableDefinition.globalSecondaryIndexes) expect(indexes).toContain(`/index/${index.name}`);
    expect(indexes).not.toContain('/index/*');
  });

  it('lets only the API read and write uploads: under uploads/, and also delete under incoming/ (presigned staging); the jobs only delete under uploads/', () => {
    expect(actionsOf('api', 's3')).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject']);
    const objects = statementsOf('api').filter((s) => JSON.stringify(s.Action).includes('s3:GetObject'));
    expect(objects).toHaveLength(2);
    const accepted = objects.find((s) => /\/uploads\/\*"/.test(JSON.stringify(s.Resource)));
    expect(accepted?.Action).toEqual(['s3:GetObject', 's3:PutObject']);
    const staged = objects.find((s) => /\/incoming\/\*"/.test(JSON.stringify(s.Resource)));
    expect(staged?.Action).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
    const list = statementsOf('api').find((s) => s.Action === 's3:ListBucket');
    expect(list?.Condition).toEqual({ StringLike: { 's3:prefix': ['uploads/*', 'incoming/*'] } });
    for (const name of ['webhook', 'site'] as const) expect(actionsOf(name, 's3')).toEqual([]);
    // The jobs' sweep of unused uploads: delete only, under uploads/ only.
    expect(actionsOf('jobs', 's3')).toEqual(['s3:DeleteObject']);
    const sweep = statementsOf('jobs').find((s) => JSON.stringify(s.Action).includes('s3:DeleteObject'));
    expect(JSON.stringify(sweep?.Resource)).toMatch(/\/uploads\/\*"/);
  });

  it('lets the mail-sending functions send only from the stage’s sender', () => {
    for (const name of ['api', 'webhook', 'jobs'] as const) {
      const statement = statementsOf(name).find((s) => s.Action === 'ses:SendEmail');
      expect(statement?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': stages.dev.senderEmail } });
    }
    expect(actionsOf('site', 'ses')).toEqual([]);
  });

  it('attaches no AWS managed policy to Koldoo’s own roles', () => {
    for (const fn of Object.values(functions)) {
      expect(resources[logicalIdOf(dev.stateless, fn.role)]!.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('HTTP API', () => {
  const stageProps = () => Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!.Properties;

  it('throttles the stage and, tighter, the auth, pledge and webhook routes', () => {
    const props = stageProps();
    expect(props.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: stages.dev.throttling.default.ratePerSecond,
      ThrottlingBurstLimit: stages.dev.throttling.default.burst,
    });
    for (const routeKey of [throttledRoutes.login, throttledRoutes.register, throttledRoutes.pledge, webhookRoute]) {
      const limit = stages.dev.throttling.routes[routeKey]!;
      expect(props.RouteSettings[routeKey]).toMatchObject({ ThrottlingRateLimit: limit.ratePerSecond, ThrottlingBurstLimit: limit.burst });
    }
    expect(stages.prod.throttling.routes[throttledRoutes.login]!.ratePerSecond).toBeLessThan(stages.prod.throttling.default.ratePerSecond);
  });

  it('has a route for every throttled key (route settings may only name routes that exist), and writes an access log', () => {
    const routeKeys = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey);
    expect(routeKeys).toEqual(expect.arrayContaining(['ANY /api/{proxy+}', ...Object.keys(stages.dev.throttling.routes)]));
    // A number, so the ApiThrottled metric filter ({ $.status = 429 }) can match it.
    expect(stageProps().AccessLogSettings.Format).toContain('"status":$context.status,');
    template.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: '{ $.status = 429 }' });
  });

  it('sends the Stripe webhook to its own function and everything else to the API function', () => {
    const integrationTarget = (routeKey: string) => {
      const route = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties.RouteKey === routeKey)!;
      const integrationId = (route.Properties.Target['Fn::Join'][1] as unknown[])[1] as { Ref: string };
      return JSON.stringify(resources[integrationId.Ref]!.Properties.IntegrationUri);
    };
    expect(integrationTarget(webhookRoute)).toContain(logicalIdOf(dev.stateless, functions.webhook.function));
    expect(integrationTarget(throttledRoutes.login)).toContain(logicalIdOf(dev.stateless, functions.api.function));
    expect(integrationTarget('ANY /api/{proxy+}')).toContain(logicalIdOf(dev.stateless, functions.api.function));
  });
});

describe('CloudFront', () => {
  const distribution = () => Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')!.Properties.DistributionConfig;
  const originOf = (id: string) => distribution().Origins.find((o: { Id: string }) => o.Id === id);

  it('sends /api/* to the HTTP API and everything else to the site function', () => {
    const config = distribution();
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(JSON.stringify(originOf(api.TargetOriginId).DomainName)).toContain('ApiEndpoint');
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']));
    expect(api.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(JSON.stringify(originOf(config.DefaultCacheBehavior.TargetOriginId).DomainName)).toContain('FunctionUrl');
    expect(config.DefaultCacheBehavior.AllowedMethods).toContain('POST');
  });

  it('serves the build’s static files from S3 through origin access control', () => {
    const config = distribution();
    const patterns = config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern);
    expect(patterns).toEqual(expect.arrayContaining(['/_app/*', '/favicon.svg', '/pledge-form.js', '/upload-field.js']));
    expect(patterns).not.toContain('/favicon.svg.br');
    const app = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/_app/*');
    expect(originOf(app.TargetOriginId).OriginAccessControlId).toBeDefined();
  });

  it('proves itself to both dynamic origins with the origin secret, resolved from Secrets Manager at deploy', () => {
    const config = distribution();
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    for (const id of [api.TargetOriginId, config.DefaultCacheBehavior.TargetOriginId]) {
      const header = originOf(id).OriginCustomHeaders.find((h: { HeaderName: string }) => h.HeaderName === originVerifyHeader);
      expect(JSON.stringify(header.HeaderValue)).toContain('{{resolve:secretsmanager:');
    }
  });

  it('runs the viewer-request function (public host, viewer address) on the dynamic behaviours', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', { FunctionCode: viewerRequestCode });
    const config = distribution();
    expect(config.DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
    expect(config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*').FunctionAssociations).toHaveLength(1);
  });
});

describe('scheduled jobs', () => {
  it('runs the jobs function on the stage’s schedule, with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: stages.dev.jobsSchedule,
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalIdOf(dev.stateless, functions.jobs.function), 'Arn'] },
        DeadLetterConfig: { Arn: Match.anyValue() },
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
      }),
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });
});

describe('alarms', () => {
  it('cover the API 5xx rate, throttles, the webhook, the jobs and the dead-letter queue, all notifying one topic', () => {
    const alarms = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm');
    const names = alarms.map(([id]) => id.replace(/[0-9A-F]{8}$/, ''));
    expect(names).toEqual(
      expect.arrayContaining(['AlarmsApiServerErrorRate', 'AlarmsApiThrottled', 'AlarmsFunctionThrottles', 'AlarmsTableThrottles', 'AlarmsWebhookErrors', 'AlarmsJobsErrors', 'AlarmsDeadLetters1']),
    );
    for (const [, alarm] of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });
});

describe('stateful stack (uploads bucket)', () => {
  const bucket = () => Object.values(dev.statefulTemplate.toJSON().Resources as typeof resources).find((r) => r.Type === 'AWS::S3::Bucket')!;

  it('blocks public access, encrypts, and is retained', () => {
    dev.statefulTemplate.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      }),
    });
  });

  it('refuses plain HTTP and old TLS', () => {
    const policy = JSON.stringify(dev.statefulTemplate.findResources('AWS::S3::BucketPolicy'));
    expect(policy).toContain('"aws:SecureTransport":"false"');
    expect(policy).toContain('s3:TlsVersion');
  });

  it('allows presigned PUTs from the site’s origin only, and aborts incomplete uploads', () => {
    const props = bucket().Properties;
    expect(props.CorsConfiguration.CorsRules).toEqual([expect.objectContaining({ AllowedMethods: ['PUT'], AllowedOrigins: ['https://*.cloudfront.net'] })]);
    expect(props.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' })]),
    );
  });

  it('expires staged uploads under incoming/ (orphaned presigned PUTs) after a day, with their old versions and delete markers', () => {
    const rules = bucket().Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Id: 'expire-staged-uploads', Prefix: 'incoming/', ExpirationInDays: 1,
          NoncurrentVersionExpiration: { NoncurrentDays: 1 }, Status: 'Enabled',
        }),
        expect.objectContaining({ Id: 'remove-staged-delete-markers', Prefix: 'incoming/', ExpiredObjectDeleteMarker: true, Status: 'Enabled' }),
      ]),
    );
    // Accepted uploads never expire.
    for (const rule of rules) if (rule.ExpirationInDays !== undefined) expect(rule.Prefix).toBe('incoming/');
  });
});
