import { Duration, Fn, RemovalPolicy, Stack, type CfnElement } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { originVerifyHeader } from '@koldoo/api/lambda/http-event.ts';
import { staticRootEntries } from '../bundle.ts';
import { justify, nagEnv } from '../nag.ts';
import type { TStageConfig } from '../stages.ts';

export type TEdgeProps = {
  stage: TStageConfig;
  httpApi: apigw.IHttpApi;
  siteUrl: lambda.IFunctionUrl;
  /** `web/build/client`: `_app/immutable/…` and the files of `web/static`. */
  staticDir: string;
  /** CloudFront sends its value to both origins as `x-koldoo-origin-verify`. */
  originSecret: secretsmanager.ISecret;
};

/**
 * Runs on every viewer request before the cache (CloudFront Functions, JS 2.0). Function URLs and
 * API Gateway need their own Host, so the public host travels as `x-forwarded-host`; the viewer's
 * address as `x-koldoo-viewer-address` (overwriting anything the client sent). The origins believe
 * both only with the origin secret.
 */
export const viewerRequestCode = `function handler(event) {
  var request = event.request;
  var host = request.headers.host ? request.headers.host.value : '';
  request.headers['x-forwarded-host'] = { value: host };
  request.headers['x-koldoo-viewer-address'] = { value: event.viewer.ip };
  return request;
}`;

/** Cookies that change what a page or API reply says: the session and the chosen language. */
const varyingCookies = ['koldoo_session', 'koldoo_locale'];

/**
 * One CloudFront distribution, one origin for the browser: `/api/*` to the HTTP API, `/_app/*` and
 * the static files to S3, everything else to the site function. Dynamic behaviours cache only what
 * the origin marks cacheable (`Cache-Control: public, max-age=5` on public API reads), keyed on
 * the query and the cookies above, so no one ever receives another user's page.
 */
export class Edge extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly staticBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: TEdgeProps) {
    super(scope, id);
    const { stage } = props;
    const originHeaders = { [originVerifyHeader]: props.originSecret.secretValue.unsafeUnwrap() };

    const viewerRequest = new cloudfront.Function(this, 'ViewerRequest', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(viewerRequestCode),
      comment: 'Public host and viewer address for the origins',
    });
    const functionAssociations = [{ function: viewerRequest, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }];

    const dynamicCache = (name: string, headers: string[]) =>
      new cloudfront.CachePolicy(this, `${name}CachePolicy`, {
        comment: `${name}: only what the origin marks cacheable`,
        defaultTtl: Duration.seconds(0),
        minTtl: Duration.seconds(0),
        maxTtl: Duration.days(1),
        queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
        cookieBehavior: cloudfront.CacheCookieBehavior.allowList(...varyingCookies),
        headerBehavior: headers.length ? cloudfront.CacheHeaderBehavior.allowList(...headers) : cloudfront.CacheHeaderBehavior.none(),
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      });

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'HSTS and friends; the origins may set their own',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: false },
        contentTypeOptions: { override: false },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: false },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: false },
      },
    });

    const dynamicBehavior = (origin: cloudfront.IOrigin, cachePolicy: cloudfront.ICachePolicy): cloudfront.BehaviorOptions => ({
      origin,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy,
      // Everything the viewer sent but Host (the origins need their own).
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: securityHeaders,
      functionAssociations,
      compress: true,
    });

    // execute-api host from https://<id>.execute-api.<region>.amazonaws.com
    const apiDomain = Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint));
    const apiOrigin = new origins.HttpOrigin(apiDomain, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      customHeaders: originHeaders,
      readTimeout: Duration.seconds(30),
    });
    // Not OAC: with OAC, browsers would have to sign POST bodies (x-amz-content-sha256), and the
    // site's forms are plain HTML posts. The origin secret keeps direct calls out instead.
    const siteOrigin = new origins.FunctionUrlOrigin(props.siteUrl, { customHeaders: originHeaders, readTimeout: Duration.seconds(30) });

    this.staticBucket = new s3.Bucket(this, 'Static', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Rebuilt from web/build on every deploy; nothing in it is data.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    justify(this.staticBucket, {
      'AwsSolutions-S1': 'Public, versioned build output read only through CloudFront; no server access logs needed.',
    });
    const staticOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.staticBucket);
    const staticBehavior: cloudfront.BehaviorOptions = {
      origin: staticOrigin,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: securityHeaders,
      compress: true,
    };

    const certificate = stage.domainName && stage.certificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', stage.certificateArn)
      : undefined;

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Koldoo ${stage.stageName}`,
      defaultBehavior: dynamicBehavior(siteOrigin, dynamicCache('Site', ['accept-language'])),
      additionalBehaviors: {
        '/api/*': dynamicBehavior(apiOrigin, dynamicCache('Api', [])),
        '/_app/*': staticBehavior,
        ...Object.fromEntries(staticRootEntries(props.staticDir).map((entry) => [`/${entry}`, staticBehavior])),
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // The diaspora is in Russia, Kazakhstan, Turkey, Europe and the US; the villages in Central Asia.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_ALL,
      ...(certificate && stage.domainName
        ? { certificate, domainNames: [stage.domainName], minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      ...(stage.webAclArn ? { webAclId: stage.webAclArn } : {}),
    });

    const nagReasons: Record<string, string> = {
      'AwsSolutions-CFR1': 'No geo restriction: donors live all over the world.',
      'AwsSolutions-CFR3':
        'Standard access logs are not enabled yet (they need an ACL-enabled log bucket); the site and API functions log every request with its id. Listed as a gap in ARCHITECTURE.md.',
    };
    if (!stage.webAclArn) {
      nagReasons['AwsSolutions-CFR2'] =
        `Stage ${stage.stageName} has no WAF web ACL configured (webAclArn in stages.ts); login failures are rate-limited per IP and e-mail by the API, and API Gateway throttles the auth and pledge routes.`;
    }
    if (!certificate) {
      nagReasons['AwsSolutions-CFR4'] =
        `Stage ${stage.stageName} runs on the *.cloudfront.net name, whose certificate CloudFront manages (TLS 1.2 needs a custom certificate: certificateArn in stages.ts).`;
    }
    justify(this.distribution, nagReasons);

    // Hashed files never change: cached for a year. The rest (favicon, pledge-form.js, upload-field.js) for 5 minutes.
    // No pruning: pages rendered before a deploy still reference the previous build's chunks.
    const immutable = new s3deploy.BucketDeployment(this, 'DeployImmutable', {
      sources: [s3deploy.Source.asset(props.staticDir, { exclude: ['**/*.br', '**/*.gz'] })],
      destinationBucket: this.staticBucket,
      include: ['_app/immutable/*'],
      exclude: ['*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
    });
    const mutable = new s3deploy.BucketDeployment(this, 'DeployMutable', {
      sources: [s3deploy.Source.asset(props.staticDir, { exclude: ['**/*.br', '**/*.gz'] })],
      destinationBucket: this.staticBucket,
      exclude: ['_app/immutable/*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=300')],
      memoryLimit: 512,
    });
    mutable.node.addDependency(immutable);
    justifyBucketDeployment(Stack.of(this), this.staticBucket);
  }
}

/**
 * BucketDeployment's copier is aws-cdk-lib's own singleton function (Python runtime, AWS-managed
 * logging policy, wildcard S3 actions on the assets and static buckets), created at stack level.
 */
function justifyBucketDeployment(stack: Stack, staticBucket: s3.IBucket): void {
  const singleton = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!singleton) return;
  const copier = 'aws-cdk-lib’s BucketDeployment copier, which runs only while deploying and copies the web build into the static bucket';
  const bucketId = stack.getLogicalId(staticBucket.node.defaultChild as CfnElement);
  const env = nagEnv(stack);
  justify(singleton, {
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]': `${copier}; its role is managed by aws-cdk-lib.`,
    'AwsSolutions-L1': `${copier}; aws-cdk-lib pins its runtime.`,
    'AwsSolutions-IAM5[Action::s3:GetObject*]': `${copier}: reads the staged asset.`,
    'AwsSolutions-IAM5[Action::s3:GetBucket*]': `${copier}: reads the buckets' settings.`,
    'AwsSolutions-IAM5[Action::s3:List*]': `${copier}: lists what to sync.`,
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]': `${copier}: may replace files (pruning is off).`,
    'AwsSolutions-IAM5[Action::s3:Abort*]': `${copier}: aborts failed multipart copies.`,
    [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${env.account}-${env.region}/*]`]: `${copier}: the CDK bootstrap assets bucket.`,
    [`AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`]: `${copier}: the static bucket's objects.`,
  });
}
