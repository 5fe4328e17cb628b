import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { handlerName } from '../bundle.ts';
import type { TFunctionSettings } from '../stages.ts';

export type TKoldooFunctionProps = {
  description: string;
  /** A directory built by `bundle.ts` (`index.mjs` exporting `handler`). */
  codeDir: string;
  settings: TFunctionSettings;
  environment: Record<string, string>;
  logRetentionDays: number;
  /** Secrets read at cold start through the Parameters and Secrets extension. */
  secrets: secretsmanager.ISecret[];
};

/** The newest Node.js runtime this aws-cdk-lib knows; issue 5 asks for Node 24. */
export const nodeRuntime = lambda.Runtime.NODEJS_24_X;

/**
 * One Koldoo function: Node 24 on arm64 (Graviton: ~20% cheaper per GB-second), code from a
 * prebuilt directory, its own log group with a retention, and its own role that starts with
 * nothing but writing to that log group (no AWS managed policy). Callers grant the rest.
 */
export class KoldooFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: TKoldooFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description}: log group, then only what it is granted`,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] }),
    );
    for (const secret of props.secrets) {
      this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
    }

    this.function = new lambda.Function(this, 'Function', {
      description: props.description,
      runtime: nodeRuntime,
      architecture: lambda.Architecture.ARM_64,
      handler: handlerName,
      code: lambda.Code.fromAsset(props.codeDir),
      memorySize: props.settings.memoryMb,
      timeout: Duration.seconds(props.settings.timeoutSeconds),
      role: this.role,
      logGroup: this.logGroup,
      environment: props.environment,
      ...(props.secrets.length > 0
        ? {
            paramsAndSecrets: lambda.ParamsAndSecretsLayerVersion.fromVersion(lambda.ParamsAndSecretsVersions.V1_0_103, {
              // Our code caches each secret for the sandbox's life; the extension's own cache is a second line.
              cacheSize: 10,
              logLevel: lambda.ParamsAndSecretsLogLevel.WARN,
            }),
          }
        : {}),
    });
  }
}
