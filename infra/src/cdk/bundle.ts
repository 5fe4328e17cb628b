import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

/**
 * Builds the Lambda functions' code with esbuild into plain directories, before the stacks are
 * constructed (`infra/bin/app.ts`); the stateless stack wraps them with `Code.fromAsset`. No
 * Docker, no network: `cdk synth` works offline, and tests import exactly the files CDK deploys.
 */

export const repoRoot = resolve(import.meta.dirname, '../../..');

/** Each function's entry file (its export `handler`). */
export const functionEntries = {
  api: 'api/src/lambda/api-handler.ts',
  webhook: 'api/src/lambda/webhook-handler.ts',
  jobs: 'api/src/lambda/jobs-handler.ts',
  site: 'infra/src/lambda/site-handler.ts',
} as const;
export type TFunctionName = keyof typeof functionEntries;

/** `index.mjs` exporting `handler`. */
export const handlerName = 'index.handler';

/** The API's size budget (issue 5): the target, and the size above which the build fails. */
export const apiBundleTargetBytes = 500 * 1024;
export const apiBundleLimitBytes = 1024 * 1024;

export type TBundle = {
  name: TFunctionName;
  /** The asset directory: `index.mjs`, its chunks, source maps. */
  dir: string;
  metafile: Metafile;
  /** Bytes of JavaScript loaded at cold start: the entry and every chunk it imports statically. */
  initialBytes: number;
  /** Bytes of all JavaScript written, lazily loaded chunks included. */
  totalBytes: number;
  /** Input bytes per npm package in the cold-start output (what to look at when it grows). */
  initialPackages: Record<string, number>;
  /** API only: whether sharp's linux-arm64 build was copied in (see `lambdaSharpDir`). */
  sharp?: 'included' | 'missing';
};

export type TBundleOptions = {
  /** Where to write; default a fresh temporary directory. */
  outDir?: string;
};

/**
 * ESM needs `require` for the CommonJS dependencies that call it (Stripe, some of the AWS SDK's helpers);
 * the banner gives them Node's own.
 */
const requireShim = "import { createRequire as __koldooCreateRequire } from 'node:module'; const require = __koldooCreateRequire(import.meta.url);";

/**
 * zod's `z` namespace re-exports every one of its ~50 message locales (~250 KB minified), and as
 * `z` is imported as a value, esbuild cannot drop them. Koldoo never calls `z.locales.*` (its
 * messages are its own, in shared/i18n; bundle.test.ts checks no source does): the bundles keep
 * only English, which zod configures by default.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: resolve(args.resolveDir, '../locales/index.js'), namespace: 'zod-locales' }
        : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(resolve(args.path, '../en.js'))};`,
      resolveDir: resolve(args.path, '..'),
      loader: 'js',
    }));
  },
};

/**
 * The AWS SDK's default credential chain (`@aws-sdk/credential-provider-node`) tries, in order,
 * the environment, SSO, ~/.aws files, a process, a web-identity token and instance metadata,
 * loading all but the first with `import()`. A Lambda function always has its role's credentials
 * in the environment, so the chain stops at the first step; but those lazy imports (the STS, SSO
 * and sign-in clients, with the query and XML protocols) made esbuild's code splitting keep ~35 KB
 * of code they share with DynamoDB's client in chunks the entry loads at cold start. The bundles
 * replace the chain with its first step, `fromEnv` (the same credentials, the same errors when
 * absent); the real module stays what `npm start` and the tests use outside the bundles.
 */
export const envCredentialsOnlySource = `
import { fromEnv } from '@aws-sdk/credential-provider-env';
export const defaultProvider = (init = {}) => fromEnv(init);
export const credentialsWillNeedRefresh = (credentials) => credentials?.expiration !== undefined;
export const credentialsTreatedAsExpired = (credentials) =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300000;
`;

export const envCredentialsOnly: Plugin = {
  name: 'aws-env-credentials-only',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, async (args) => {
      if ((args.pluginData as { isReal?: boolean } | undefined)?.isReal) return undefined;
      // Resolved as the importer would (so `@aws-sdk/credential-provider-env` is the SDK's own copy), then replaced.
      const real = await pluginBuild.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { isReal: true } });
      if (real.errors.length > 0) return undefined;
      return { path: real.path, namespace: 'aws-env-credentials' };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'aws-env-credentials' }, (args) => ({
      contents: envCredentialsOnlySource,
      resolveDir: resolve(args.path, '..'),
      loader: 'js',
    }));
  },
};

/**
 * Bundles one function. Native and deploy-time-only modules stay external:
 * `sharp` (native; imported lazily by the upload path, see ARCHITECTURE.md "AWS deployment").
 * Code splitting keeps lazily imported code (Stripe in the API) in its own chunks, loaded on first use.
 */
export async function bundleFunction(name: TFunctionName, options: TBundleOptions = {}): Promise<TBundle> {
  const dir = options.outDir ?? mkdtempSync(join(tmpdir(), `koldoo-${name}-`));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: { index: resolve(repoRoot, functionEntries[name]) },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    // ESM builds of dependencies tree-shake better (the AWS SDK ships both).
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    banner: { js: requireShim },
    external: ['sharp', ...(name === 'site' ? ['./kit/*'] : [])],
    plugins: [zodEnglishOnly, envCredentialsOnly],
    metafile: true,
    logLevel: 'error',
    write: true,
  });
  const bundle = measure(name, dir, result.metafile);
  if (name === 'site') copyKitServer(dir);
  return bundle;
}

/**
 * sharp (image re-encoding on upload) is native, so it cannot be bundled, and this machine's
 * node_modules holds the build for its own platform. For Lambda (linux-arm64) it is installed
 * apart, by `npm run deploy` (its `predeploy`: `infra/bin/install-lambda-sharp.ts`, see
 * `lambda-sharp.ts`), and the API bundle carries it in `node_modules/`. Without it, uploads of
 * images fail in AWS (PDF proofs still work); `npm run synth` says so.
 */
export const lambdaSharpDir = resolve(repoRoot, '.data/lambda-sharp/node_modules');

/** What a working sharp on Lambda needs: its JavaScript, its linux-arm64 binding and libvips. */
export const lambdaSharpPackages = ['sharp', '@img/sharp-linux-arm64', '@img/sharp-libvips-linux-arm64'] as const;

export function hasLambdaSharp(dir = lambdaSharpDir): boolean {
  return lambdaSharpPackages.every((name) => existsSync(join(dir, name, 'package.json')));
}

/** The API's bundle, failing above the hard limit (1 MB of cold-start JavaScript). */
export async function bundleApi(options: TBundleOptions = {}): Promise<TBundle> {
  const bundle = await bundleFunction('api', options);
  const hasSharp = hasLambdaSharp();
  if (hasSharp) cpSync(lambdaSharpDir, join(bundle.dir, 'node_modules'), { recursive: true });
  bundle.sharp = hasSharp ? 'included' : 'missing';
  if (bundle.initialBytes > apiBundleLimitBytes) {
    throw new Error(
      `The API bundle loads ${Math.round(bundle.initialBytes / 1024)} KB at cold start, over the ${apiBundleLimitBytes / 1024} KB limit. ` +
        `Largest packages: ${largest(bundle.initialPackages)}`,
    );
  }
  return bundle;
}

function measure(name: TFunctionName, dir: string, metafile: Metafile): TBundle {
  const outputs = Object.entries(metafile.outputs).filter(([path]) => path.endsWith('.mjs'));
  const byPath = new Map(outputs.map(([path, output]) => [resolve(repoRoot, path), output]));
  const entryFile = relative(repoRoot, resolve(repoRoot, functionEntries[name]));
  const entry = outputs.find(([, output]) => output.entryPoint === entryFile);
  if (!entry) throw new Error(`esbuild wrote no entry for ${name}`);
  const initial = new Set<string>();
  const visit = (path: string) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const imported of byPath.get(path)?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(resolve(repoRoot, imported.path));
    }
  };
  visit(resolve(repoRoot, entry[0]));
  const initialPackages: Record<string, number> = {};
  let initialBytes = 0;
  for (const path of initial) {
    const output = byPath.get(path)!;
    initialBytes += output.bytes;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = packageOf(input);
      initialPackages[key] = (initialPackages[key] ?? 0) + bytesInOutput;
    }
  }
  const totalBytes = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
  return { name, dir, metafile, initialBytes, totalBytes, initialPackages };
}

/** `node_modules/@aws-sdk/client-dynamodb/dist-es/…` → `@aws-sdk/client-dynamodb`; our own code by workspace. */
function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (match) return match[1]!;
  return input.split('/')[0] ?? input;
}

export function largest(packages: Record<string, number>, count = 5): string {
  return Object.entries(packages)
    .sort(([, a], [, b]) => b - a)
    .slice(0, count)
    .map(([name, bytes]) => `${name} ${Math.round(bytes / 1024)} KB`)
    .join(', ');
}

// --- the site ------------------------------------------------------------------------------------

export const webBuildDir = resolve(repoRoot, 'web/build');

/** Fails with the fix when the SvelteKit build is missing (it is made by `npm run build`). */
export function assertWebBuild(dir = webBuildDir): void {
  if (!existsSync(join(dir, 'server/server.js')) || !existsSync(join(dir, 'client'))) {
    throw new Error(`The web build is missing at ${relative(repoRoot, dir) || dir}; run \`npm run build\` first.`);
  }
}

/**
 * SvelteKit's server output (adapter-node's `build/server`, self-contained: Kit bundles the web's
 * dependencies) goes beside the handler as `kit/`; the handler imports `kit/server.js` at cold start.
 */
function copyKitServer(dir: string, webDir = webBuildDir): void {
  assertWebBuild(webDir);
  cpSync(join(webDir, 'server'), join(dir, 'kit'), { recursive: true, filter: (source) => !source.endsWith('.map') });
}

/** The browser's files (`build/client`): `_app/…` (hashed, immutable) and the files of `web/static`. */
export function siteStaticDir(webDir = webBuildDir): string {
  assertWebBuild(webDir);
  return join(webDir, 'client');
}

/** Top-level names in the static directory other than `_app`, each served from S3 by its own behaviour. */
export function staticRootEntries(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name !== '_app' && !/\.(br|gz)$/.test(name))
    .map((name) => (statSync(join(dir, name)).isDirectory() ? `${name}/*` : name))
    .sort();
}

// --- everything a stack needs ---------------------------------------------------------------------

export type TFunctionAssets = {
  api: string;
  webhook: string;
  jobs: string;
  site: string;
  /** `web/build/client`, uploaded to the static bucket. */
  siteStatic: string;
};

/** Builds every function (the API within its size limit) for the stateless stack. */
export async function buildFunctionAssets(): Promise<{ assets: TFunctionAssets; bundles: TBundle[]; cleanUp(): void }> {
  assertWebBuild();
  const bundles = await Promise.all([bundleApi(), bundleFunction('webhook'), bundleFunction('jobs'), bundleFunction('site')]);
  const [api, webhook, jobs, site] = bundles;
  return {
    assets: { api: api.dir, webhook: webhook.dir, jobs: jobs.dir, site: site.dir, siteStatic: siteStaticDir() },
    bundles,
    cleanUp: () => bundles.forEach((bundle) => rmSync(bundle.dir, { recursive: true, force: true })),
  };
}
