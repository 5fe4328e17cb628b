import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createDynamoClient } from '@koldoo/api/build-deps.ts';
import { loadApiEnv } from '@koldoo/api/env.ts';
import { ensureTable } from '@koldoo/infra/create-local-table.ts';
import { apiBundleLimitBytes, apiBundleTargetBytes, bundleApi, largest } from '@koldoo/infra/cdk/bundle.ts';
import { startDynamoLocal } from '@koldoo/infra/local/dynamo-local.ts';
import { startLambdaProcess } from '../support/lambda-process.ts';

/**
 * The Lambda part of `npm run bench`: the API bundle's size (from esbuild's metafile, built exactly
 * as the CDK stack builds it) and its cold start: a fresh Node process imports the bundle (Lambda's
 * init: deps, secrets, Hono app) and answers its first request (`GET /api/health`, one DynamoDB
 * GetItem) against DynamoDB Local; the median of `runs` such starts.
 */

export type TLambdaBenchResult = {
  bundle: {
    initialBytes: number;
    totalBytes: number;
    largestPackages: string;
    targetBytes: number;
    limitBytes: number;
  };
  coldStart: {
    runs: number;
    /** Spawn → first response, per run (ms). */
    totalMs: number[];
    medianTotalMs: number;
    /** The bundle's import, measured inside the child (ms, median). */
    medianInitMs: number;
    /** Node's own start, before the import (ms, median). */
    medianNodeBootMs: number;
    /** The first request after init (ms, median). */
    medianFirstRequestMs: number;
    /** A warm request in the same process, for contrast (ms, median). */
    medianWarmRequestMs: number;
    targetMs: number;
  };
};

export const coldStartTargetMs = 250;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const healthEvent = () => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: '/api/health',
  rawQueryString: '',
  headers: { host: 'bench.example', accept: 'application/json' },
  isBase64Encoded: false,
  requestContext: {
    domainName: 'bench.example',
    requestId: randomBytes(8).toString('hex'),
    http: { method: 'GET', path: '/api/health', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'bench' },
  },
});

/**
 * Runs the Lambda bench. With `dynamoEndpoint` it uses that DynamoDB Local (a fresh table in it);
 * without, it starts its own in-memory one and stops it afterwards.
 */
export async function runLambdaBench(options: { dynamoEndpoint?: string; runs?: number } = {}): Promise<TLambdaBenchResult> {
  const runs = options.runs ?? 10;
  const bundle = await bundleApi();
  const ownDynamo = options.dynamoEndpoint ? undefined : await startDynamoLocal({});
  try {
    const endpoint = options.dynamoEndpoint ?? ownDynamo!.endpoint;
    const tableName = `koldoo-bench-lambda-${randomBytes(4).toString('hex')}`;
    const env = {
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: endpoint,
      PUBLIC_ORIGIN: 'https://bench.example',
      KOLDOO_INTERNAL_SECRET: randomBytes(24).toString('hex'),
      LOG_LEVEL: 'silent',
      AWS_REGION: 'eu-central-1',
      UPLOADS_DIR: `${bundle.dir}/uploads`,
    };
    const raw = createDynamoClient(loadApiEnv(env));
    await ensureTable(raw, tableName);
    raw.destroy();

    const totals: number[] = [];
    const inits: number[] = [];
    const boots: number[] = [];
    const firsts: number[] = [];
    const warms: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const lambda = await startLambdaProcess(bundle.dir, env);
      try {
        const started = performance.now();
        const first = await lambda.invoke<{ statusCode: number; body?: string }>(healthEvent());
        const firstMs = performance.now() - started;
        if (first.statusCode !== 200) throw new Error(`cold start run ${run + 1}: /api/health answered ${first.statusCode} ${first.body ?? ''}`);
        const warmStarted = performance.now();
        await lambda.invoke(healthEvent());
        warms.push(performance.now() - warmStarted);
        totals.push(lambda.readyMs + firstMs);
        inits.push(lambda.initMs);
        boots.push(lambda.readyMs - lambda.initMs);
        firsts.push(firstMs);
      } finally {
        await lambda.stop();
      }
    }
    return {
      bundle: {
        initialBytes: bundle.initialBytes,
        totalBytes: bundle.totalBytes,
        largestPackages: largest(bundle.initialPackages, 6),
        targetBytes: apiBundleTargetBytes,
        limitBytes: apiBundleLimitBytes,
      },
      coldStart: {
        runs,
        totalMs: totals,
        medianTotalMs: median(totals),
        medianInitMs: median(inits),
        medianNodeBootMs: median(boots),
        medianFirstRequestMs: median(firsts),
        medianWarmRequestMs: median(warms),
        targetMs: coldStartTargetMs,
      },
    };
  } finally {
    await ownDynamo?.stop();
    rmSync(bundle.dir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;

/** The targets, in the shape of report.ts's `TCheck`. */
export function lambdaChecks(result: TLambdaBenchResult): { target: string; measured: string; isPass: boolean; reason?: string }[] {
  const { bundle, coldStart } = result;
  return [
    {
      target: `API Lambda bundle ≤ ${kb(bundle.targetBytes)} loaded at cold start (build fails above ${kb(bundle.limitBytes)})`,
      measured: `${kb(bundle.initialBytes)} at cold start, ${kb(bundle.totalBytes)} with lazy chunks (Stripe)`,
      isPass: bundle.initialBytes <= bundle.targetBytes,
      ...(bundle.initialBytes > bundle.targetBytes ? { reason: `largest: ${bundle.largestPackages}` } : {}),
    },
    {
      target: `API Lambda cold start ≤ ${coldStart.targetMs} ms (fresh Node process → first request on DynamoDB Local, median of ${coldStart.runs})`,
      measured: `${ms(coldStart.medianTotalMs)} (Node ${ms(coldStart.medianNodeBootMs)} + init ${ms(coldStart.medianInitMs)} + first request ${ms(coldStart.medianFirstRequestMs)})`,
      isPass: coldStart.medianTotalMs <= coldStart.targetMs,
    },
  ];
}

/** A Markdown section for REPORT.md. */
export function renderLambdaSection(result: TLambdaBenchResult): string {
  const { bundle, coldStart } = result;
  return [
    '## Lambda',
    '',
    'The API bundle as the CDK stack builds it (esbuild, ESM, minified, Stripe in lazy chunks, sharp external).',
    '',
    '| Measure | Value |',
    '|---|---|',
    `| JavaScript loaded at cold start | ${kb(bundle.initialBytes)} (target ${kb(bundle.targetBytes)}, limit ${kb(bundle.limitBytes)}) |`,
    `| All JavaScript, lazy chunks included | ${kb(bundle.totalBytes)} |`,
    `| Largest packages at cold start | ${bundle.largestPackages} |`,
    `| Cold start, median of ${coldStart.runs} (spawn → first response) | ${ms(coldStart.medianTotalMs)} (target ${coldStart.targetMs} ms) |`,
    `| … Node boot / bundle init / first request | ${ms(coldStart.medianNodeBootMs)} / ${ms(coldStart.medianInitMs)} / ${ms(coldStart.medianFirstRequestMs)} |`,
    `| Warm request, median | ${ms(coldStart.medianWarmRequestMs)} |`,
    `| Every run (ms) | ${coldStart.totalMs.map((value) => Math.round(value)).join(', ')} |`,
    '',
  ].join('\n');
}
