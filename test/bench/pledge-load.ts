import { performance } from 'node:perf_hooks';

export type TPledgeLoadResult = {
  projectId: string;
  concurrency: number;
  durationS: number;
  completed: number;
  errors: number;
  firstError?: string;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** The project's raised amount grew by exactly the sum of the completed pledges. */
  raisedDeltaMinor: number;
  expectedDeltaMinor: number;
  backersDelta: number;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

type TProjectCounters = { raisedMinor: number; backers: number; status: string };
async function counters(baseUrl: string, projectId: string): Promise<TProjectCounters> {
  const reply = (await (await fetch(`${baseUrl}/api/projects/${projectId}`)).json()) as { project: TProjectCounters };
  return reply.project;
}

/**
 * Pledge creation plus payment processing on one project, end to end over HTTP: each worker
 * creates a card pledge and confirms it at the simulated checkout, whose signed event runs
 * through the same webhook code as Stripe's. Counts completed pledges per second, the p99 of
 * the pair, and checks the project's counters moved by exactly what was completed.
 */
export async function runPledgeLoad(options: { baseUrl: string; durationS: number; concurrency: number; warmupS?: number }): Promise<TPledgeLoadResult> {
  const { baseUrl } = options;
  const list = (await (await fetch(`${baseUrl}/api/projects?status=published&fundingMode=all_or_nothing&sort=ending_soon&limit=50`)).json()) as { items: { id: string; deadline: string }[] };
  // The furthest deadline, so the project keeps taking pledges for the whole run.
  const project = [...list.items].sort((a, b) => b.deadline.localeCompare(a.deadline))[0];
  if (!project) throw new Error('no published all-or-nothing project to pledge to');
  // Card pledges in KGS: the counters' expected growth is then the plain sum.
  const amounts = [50_000, 100_000, 250_000, 70_000, 1_000_000];
  let latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let expected = 0;
  let deadline = 0;
  let n = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const value = amounts[n++ % amounts.length]!;
      const started = performance.now();
      try {
        const created = await fetch(`${baseUrl}/api/projects/${project.id}/pledges`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${process.pid}-${n}-${Math.random()}` },
          body: JSON.stringify({ amount: { value, currency: 'KGS' }, method: 'card', email: 'bench@example.kg', anonymous: true }),
        });
        if (created.status !== 201) throw new Error(`create ${created.status}: ${(await created.text()).slice(0, 200)}`);
        const { pledge, checkoutUrl } = (await created.json()) as { pledge: { id: string }; checkoutUrl: string };
        const token = new URL(checkoutUrl).searchParams.get('token') ?? '';
        const confirmed = await fetch(`${baseUrl}/api/simulated-checkout/${pledge.id}?token=${encodeURIComponent(token)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ outcome: 'confirm' }),
        });
        const body = (await confirmed.json()) as { pledge?: { status: string } };
        if (confirmed.status !== 200 || body.pledge?.status !== 'succeeded') throw new Error(`confirm ${confirmed.status}: ${JSON.stringify(body).slice(0, 200)}`);
        latencies.push(performance.now() - started);
        expected += value;
      } catch (error) {
        errors += 1;
        firstError ??= String(error);
      }
    }
  };
  // Warm-up (JIT in Node and Java, connection pools), like the other scenarios; not counted.
  deadline = performance.now() + (options.warmupS ?? 3) * 1000;
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  if (errors > 0) throw new Error(`pledge warm-up failed: ${firstError}`);
  latencies = [];
  expected = 0;
  const before = await counters(baseUrl, project.id);
  const began = performance.now();
  deadline = began + options.durationS * 1000;
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedS = (performance.now() - began) / 1000;
  const after = await counters(baseUrl, project.id);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    projectId: project.id,
    concurrency: options.concurrency,
    durationS: elapsedS,
    completed: latencies.length,
    errors,
    ...(firstError ? { firstError } : {}),
    perSecond: latencies.length / elapsedS,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    raisedDeltaMinor: after.raisedMinor - before.raisedMinor,
    expectedDeltaMinor: expected,
    backersDelta: after.backers - before.backers,
  };
}
