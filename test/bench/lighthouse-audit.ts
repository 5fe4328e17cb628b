import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { chromeFlags, chromePath } from './page-weight.ts';

export type TAuditFinding = {
  id: string;
  title: string;
  score: number;
  weight: number;
  displayValue?: string;
};
export type TLighthouseResult = {
  name: string;
  url: string;
  performance: number | null;
  accessibility: number | null;
  metrics: Record<string, string>;
  failing: { performance: TAuditFinding[]; accessibility: TAuditFinding[] };
  benchmarkIndex: number;
  lighthouseVersion: string;
  warnings: string[];
  error?: string;
};

const metricIds = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

/** The category's audits that lost points, worst first (weighted ones before the rest). */
function failingAudits(lhr: Result, categoryId: string, limit = 8): TAuditFinding[] {
  const category = lhr.categories[categoryId];
  if (!category) return [];
  const scored = category.auditRefs.flatMap((ref) => {
    const audit = lhr.audits[ref.id];
    if (
      !audit ||
      audit.score === null ||
      audit.score >= 1 ||
      ['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode)
    )
      return [];
    return [
      { audit, score: audit.score, weight: ref.weight, lost: ref.weight * (1 - audit.score) },
    ];
  });
  return scored
    .sort((a, b) => b.lost - a.lost || a.score - b.score)
    .slice(0, limit)
    .map(({ audit, score, weight }) => ({
      id: audit.id,
      title: audit.title,
      score,
      weight,
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
    }));
}

/**
 * Lighthouse's default run (mobile form factor, simulated throttling) on each page, in one
 * Debian Chromium started by chrome-launcher. `track` lets the caller kill Chromium on a signal.
 */
export async function auditPages(
  pages: { name: string; url: string }[],
  track: (kill: () => void) => () => void,
): Promise<TLighthouseResult[]> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', ...chromeFlags],
    logLevel: 'silent',
  });
  const untrack = track(() => chrome.kill());
  try {
    const results: TLighthouseResult[] = [];
    for (const page of pages) {
      process.stderr.write(`lighthouse: ${page.name} ${page.url}\n`);
      const run = await lighthouse(page.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${page.url}`);
      const { lhr } = run;
      results.push({
        name: page.name,
        url: page.url,
        performance: lhr.categories.performance?.score ?? null,
        accessibility: lhr.categories.accessibility?.score ?? null,
        metrics: Object.fromEntries(
          metricIds.map((id) => [
            lhr.audits[id]?.title ?? id,
            lhr.audits[id]?.displayValue ?? 'n/a',
          ]),
        ),
        failing: {
          performance: failingAudits(lhr, 'performance'),
          accessibility: failingAudits(lhr, 'accessibility'),
        },
        benchmarkIndex: lhr.environment.benchmarkIndex,
        lighthouseVersion: lhr.lighthouseVersion,
        warnings: lhr.runWarnings,
        ...(lhr.runtimeError
          ? { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` }
          : {}),
      });
    }
    return results;
  } finally {
    untrack();
    chrome.kill();
  }
}
