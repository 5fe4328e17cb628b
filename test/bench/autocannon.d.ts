/** The part of autocannon 9's programmatic API the bench uses (the package ships no types). */
declare module 'autocannon' {
  type TRawRequest = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  };
  type TRequest = TRawRequest & {
    setupRequest?: (request: TRawRequest, context: Record<string, unknown>) => TRawRequest;
  };
  type THistogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    total: number;
    sent?: number;
  };
  export type TAutocannonOptions = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: TRequest[];
    title?: string;
  };
  export type TAutocannonResult = {
    title?: string;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    mismatches: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: THistogram;
    requests: THistogram;
    throughput: THistogram;
  };
  function autocannon(
    options: TAutocannonOptions,
  ): PromiseLike<TAutocannonResult> & { stop(): void };
  export default autocannon;
}
