import { App } from 'aws-cdk-lib';
import { relative } from 'node:path';
import { buildFunctionAssets, lambdaSharpDir, largest } from '../src/cdk/bundle.ts';
import { addNagChecks } from '../src/cdk/nag.ts';
import { StatefulStack } from '../src/cdk/stateful-stack.ts';
import { StatelessStack } from '../src/cdk/stateless-stack.ts';
import { stageConfig } from '../src/cdk/stages.ts';

/**
 * The CDK app: `npm run synth` (offline), `npm run deploy` (README). `-c stage=prod` picks the
 * stage; dev unless told otherwise. The functions are bundled with esbuild before the stacks are
 * built, so the stacks only point at directories.
 */
const app = new App();
const stage = stageConfig(app.node.tryGetContext('stage') ?? 'dev');
// The CLI fills these from the active profile; leaving them unset keeps synth environment-agnostic.
const env = { account: process.env['CDK_DEFAULT_ACCOUNT'], region: process.env['CDK_DEFAULT_REGION'] };

const built = await buildFunctionAssets();
try {
  for (const bundle of built.bundles) {
    console.error(
      `bundled ${bundle.name}: ${Math.round(bundle.initialBytes / 1024)} KB at cold start, ${Math.round(bundle.totalBytes / 1024)} KB in all (${largest(bundle.initialPackages, 3)})`,
    );
    if (bundle.sharp === 'missing') {
      console.error(`  warning: no linux-arm64 sharp in ${relative(process.cwd(), lambdaSharpDir)}: image uploads will fail in AWS; \`npm run deploy\` installs it first, \`npm run predeploy\` alone (README, "Deploying to AWS")`);
    }
  }

  const stateful = new StatefulStack(app, `koldoo-${stage.stageName}-stateful`, {
    stage,
    env,
    description: `Koldoo ${stage.stageName}: stateful resources (DynamoDB table, uploads bucket)`,
    terminationProtection: stage.stageName === 'prod',
  });
  new StatelessStack(app, `koldoo-${stage.stageName}-stateless`, {
    stage,
    env,
    table: stateful.table,
    assets: built.assets,
    description: `Koldoo ${stage.stageName}: functions, HTTP API, CloudFront, schedule, alarms`,
  });

  addNagChecks(app);
  app.synth();
} finally {
  // The assets were copied into the cloud assembly by now.
  built.cleanUp();
}
