import { App } from 'aws-cdk-lib';
import { StatefulStack } from '../src/cdk/stateful-stack.ts';
import { stageConfig } from '../src/cdk/stages.ts';

const app = new App();
// `cdk deploy -c stage=prod`; dev unless told otherwise.
const stage = stageConfig(app.node.tryGetContext('stage') ?? 'dev');

new StatefulStack(app, `koldoo-${stage.stageName}-stateful`, {
  stage,
  // The CLI fills these from the active profile; leaving them unset keeps synth environment-agnostic.
  env: { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] },
  description: `Koldoo ${stage.stageName}: stateful resources (DynamoDB table)`,
  terminationProtection: stage.stageName === 'prod',
});

app.synth();
