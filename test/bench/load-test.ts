import { readFileSync } from 'node:fs';
import autocannon, { type TAutocannonResult } from 'autocannon';

export type TScenario = {
  name: string;
  /** What the report calls it, e.g. `GET /api/projects` (filtered). */
  label: string;
  /** Rotated request by request over all connections. */
  paths: string[];
  targetP99Ms: number;
};

export type TLoadOptions = {
  baseUrl: string;
  durationS: number;
  connections: number;
  warmupS: number;
  /** Processes whose CPU use is reported during the measured run (Linux /proc). */
  pids: { server?: number; dynamo?: number };
};
/** Share of one core each process used during the measured run, in percent (NaN where unknown). */
export type TCpuShare = {
  server: number;
  dynamo: number;
  bench: number;
  machine: number;
  steal: number;
};

export type TLoadResult = {
  scenario: TScenario;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  rps: number;
  total: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** One request at a time before the load: the service time without queueing. */
  serial: { p50: number; p90: number; max: number; n: number };
  /** What the first path answered before the run (status, and the start of a non-2xx body). */
  probe: { status: number; body: string };
  cpu: TCpuShare;
};

/** utime + stime of a process in seconds, from /proc (clock ticks of 1/100 s on Linux). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Busy and stolen time of the whole machine in seconds, summed over CPUs, from /proc/stat. */
function machineSeconds(): { busy: number; steal: number } {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
    return { busy: (user + nice + system + irq + softirq) / 100, steal: steal / 100 };
  } catch {
    return { busy: Number.NaN, steal: Number.NaN };
  }
}

function startCpuMeter(pids: TLoadOptions['pids']) {
  const wall = performance.now();
  const machine = machineSeconds();
  const server = cpuSeconds(pids.server);
  const dynamo = cpuSeconds(pids.dynamo);
  const bench = process.cpuUsage();
  return (): TCpuShare => {
    const seconds = (performance.now() - wall) / 1000;
    const used = process.cpuUsage(bench);
    const machineNow = machineSeconds();
    return {
      machine: ((machineNow.busy - machine.busy) / seconds) * 100,
      steal: ((machineNow.steal - machine.steal) / seconds) * 100,
      server: ((cpuSeconds(pids.server) - server) / seconds) * 100,
      dynamo: ((cpuSeconds(pids.dynamo) - dynamo) / seconds) * 100,
      bench: ((used.user + used.system) / 1e6 / seconds) * 100,
    };
  };
}

/** The server's own time per request, one at a time, so the report can separate it from queueing. */
async function serialTimes(baseUrl: string, paths: string[], n: number) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const response = await fetch(baseUrl + paths[i % paths.length]!);
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p90: at(0.9), max: at(1), n };
}

function fire(options: TLoadOptions, scenario: TScenario, durationS: number) {
  let next = 0;
  const languages = ['ru', 'ky', 'en'];
  return autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: durationS,
    title: scenario.name,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const i = next++;
          return {
            ...request,
            path: scenario.paths[i % scenario.paths.length]!,
            headers: { ...request.headers, 'accept-language': languages[i % 3]! },
          };
        },
      },
    ],
  });
}

/** Probe, serial sample, warm-up (discarded), then `durationS` at `connections`. */
export async function runLoad(options: TLoadOptions, scenario: TScenario): Promise<TLoadResult> {
  const log = (message: string) => process.stderr.write(`load: ${scenario.name}: ${message}\n`);
  const first = await fetch(options.baseUrl + scenario.paths[0]!);
  const text = await first.text();
  const probe = { status: first.status, body: first.ok ? '' : text.slice(0, 300) };
  if (!first.ok) log(`probe ${scenario.paths[0]} answered ${first.status}`);

  const serial = await serialTimes(options.baseUrl, scenario.paths, 200);
  log(`serial p50 ${serial.p50.toFixed(1)} ms; warm-up ${options.warmupS} s`);
  if (options.warmupS > 0) await fire(options, scenario, options.warmupS);
  log(`measuring ${options.durationS} s at ${options.connections} connections`);
  const stopMeter = startCpuMeter(options.pids);
  const result: TAutocannonResult = await fire(options, scenario, options.durationS);
  const cpu = stopMeter();
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  const total = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  log(
    `p99 ${result.latency.p99} ms, ${result.requests.average.toFixed(0)} req/s, ${result.errors} errors, ${result.non2xx} non-2xx; ` +
      `CPU server ${cpu.server.toFixed(0)}%, DynamoDB Local ${cpu.dynamo.toFixed(0)}%, autocannon ${cpu.bench.toFixed(0)}%, whole machine ${cpu.machine.toFixed(0)}%`,
  );
  return {
    scenario,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    mean: result.latency.mean,
    rps: result.requests.average,
    total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    serial,
    probe,
    cpu,
  };
}
