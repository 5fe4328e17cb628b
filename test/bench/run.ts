import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import {
  availableParallelism,
  cpus,
  loadavg,
  totalmem,
  platform as osPlatform,
  release,
} from 'node:os';
import { resolve } from 'node:path';
import { findFreePort } from '@koldoo/infra/local/free-port.ts';
import { auditPages } from './lighthouse-audit.ts';
import { runLoad, type TScenario } from './load-test.ts';
import { runPledgeLoad } from './pledge-load.ts';
import { runLambdaBench } from './lambda-bench.ts';
import { launchBrowser, measurePage } from './page-weight.ts';
import { startBenchPlatform } from './platform.ts';
import { renderReport, renderSummary, type TBenchResults } from './report.ts';
import { openDb, seedProjects } from './seed-projects.ts';

/**
 * `npm run bench`: seeds 1,000 projects into a fresh in-memory platform, load-tests the listing,
 * the project API and the server-rendered project page, weighs the pages in Chromium, runs
 * Lighthouse, and writes test/bench/REPORT.md. Failing targets are reported, not thrown: the
 * exit code is non-zero only when the bench itself breaks.
 * Env: BENCH_DURATION (s, 20), BENCH_CONNECTIONS (50), BENCH_WARMUP (s, 3), BENCH_PROJECTS (1000),
 * BENCH_LOG_LEVEL (API log level, warn), BENCH_SKIP_BUILD=1 to use the existing web build,
 * BENCH_PLEDGE_DURATION (s, 10), BENCH_PLEDGE_CONCURRENCY (20).
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number`);
  return value;
};
const settings = {
  durationS: envNumber('BENCH_DURATION', 20),
  connections: envNumber('BENCH_CONNECTIONS', 50),
  warmupS: envNumber('BENCH_WARMUP', 3),
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn',
};
const projectCount = envNumber('BENCH_PROJECTS', 1000);

/** Stops whatever is running (Chromium, the platform and its Java) on the way out, signals included. */
const cleanups = new Set<() => unknown>();
const track = (stop: () => unknown) => {
  cleanups.add(stop);
  return () => void cleanups.delete(stop);
};
async function cleanUp() {
  const stops = [...cleanups].reverse();
  cleanups.clear();
  for (const stop of stops)
    await Promise.resolve()
      .then(stop)
      .catch((error: unknown) => console.error('bench: clean-up failed', error));
}
let isInterrupted = false;
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    isInterrupted = true;
    process.stderr.write(`\nbench: ${signal}, stopping the platform\n`);
    void cleanUp().finally(() => process.exit(code));
  });
}

const shuffle = <T>(items: T[]) =>
  items
    .map((item, i) => ({ item, k: (i * 2_654_435_761) % 4_294_967_296 }))
    .sort((a, b) => a.k - b.k)
    .map((e) => e.item);
const q = (text: string) => encodeURIComponent(text);

function scenarios(ids: string[]): TScenario[] {
  const rotated = shuffle(ids);
  return [
    {
      name: 'listing',
      label: 'GET /api/projects (filtered)',
      targetP99Ms: 50,
      paths: [
        '/api/projects?region=osh',
        '/api/projects?region=chuy&category=water_supply',
        `/api/projects?q=${q('мост')}`,
        '/api/projects?sort=ending_soon',
        '/api/projects?region=jalal-abad&sort=most_funded',
        `/api/projects?q=${q('school')}&region=naryn`,
        '/api/projects?district=alay&category=bridge',
        `/api/projects?q=${q('суу')}&sort=closest_to_goal`,
        '/api/projects?category=clinic_fap&sort=ending_soon',
      ],
    },
    {
      name: 'project-api',
      label: 'GET /api/projects/:id',
      targetP99Ms: 50,
      paths: rotated.map((id) => `/api/projects/${id}`),
    },
    {
      name: 'project-page',
      label: 'GET /projects/:id (SSR HTML)',
      targetP99Ms: 150,
      paths: rotated.map((id) => `/projects/${id}`),
    },
  ];
}

async function main() {
  const loadAverage = loadavg();
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    process.stderr.write('bench: building the web (npm run build -w web)\n');
    execFileSync('npm', ['run', 'build', '-w', 'web'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
  }
  const port = await findFreePort();
  process.stderr.write(`bench: starting the platform on port ${port}\n`);
  const platform = await startBenchPlatform(port);
  track(() => platform.stop());
  const db = openDb(platform.endpoint, platform.tableName);
  track(() => db.client.destroy());

  const seed = await seedProjects(db, { count: projectCount });
  const load = [];
  for (const scenario of scenarios(seed.ids))
    load.push(
      await runLoad(
        {
          baseUrl: platform.url,
          ...settings,
          pids: { server: platform.pid, dynamo: platform.dynamoPid },
        },
        scenario,
      ),
    );

  process.stderr.write('bench: pledges on one project (create + simulated checkout)\n');
  const pledges = await runPledgeLoad({
    baseUrl: platform.url,
    durationS: envNumber('BENCH_PLEDGE_DURATION', 10),
    concurrency: envNumber('BENCH_PLEDGE_CONCURRENCY', 20),
    warmupS: settings.warmupS,
  });

  const browser = await launchBrowser();
  const untrackBrowser = track(() => browser.close());
  const projectUrl = `${platform.url}/projects/${seed.ids[0]}`;
  const weights = [
    await measurePage(browser, 'project page', projectUrl),
    await measurePage(browser, 'home page', `${platform.url}/`),
  ];
  const chromium = `Chromium ${browser.version()}`;
  untrackBrowser();
  await browser.close();

  const lighthouse = await auditPages(
    [
      { name: 'home page', url: `${platform.url}/` },
      { name: 'project page', url: projectUrl },
    ],
    track,
  );

  // After the load runs and with its own DynamoDB Local, so it does not compete with them.
  process.stderr.write('bench: Lambda bundle size and cold start\n');
  const lambda = await runLambdaBench();

  const cpu = cpus()[0];
  const results: TBenchResults = {
    machine: {
      date: new Date().toISOString(),
      cpus: availableParallelism(),
      cpuModel: cpu ? cpu.model.trim() : 'unknown',
      memoryGiB: totalmem() / 1024 ** 3,
      loadAverage,
      node: process.version,
      chromium,
      platform: `${osPlatform()} ${release()}`,
    },
    settings,
    seed,
    load,
    pledges,
    lambda,
    weights,
    lighthouse,
  };
  writeFileSync(resolve(import.meta.dirname, 'REPORT.md'), renderReport(results));
  process.stdout.write(`${renderSummary(results)}\n`);
}

try {
  await main();
  if (!isInterrupted) {
    await cleanUp();
    process.exit(0);
  }
} catch (error) {
  // After a signal, the platform going away mid-step is expected; the handler exits.
  if (!isInterrupted) {
    console.error('bench: failed', error);
    await cleanUp();
    process.exit(1);
  }
}
