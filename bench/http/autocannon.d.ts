/** The part of autocannon 9's programmatic API the HTTP bench uses (the package ships no types). */
declare module 'autocannon' {
  /** A histogram of autocannon's results (hdr-histogram-percentiles-obj). */
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  }
  /** What a run reports. */
  interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
  }
  /** A run's options (those the bench sets). */
  interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    connections?: number;
    duration?: number;
    timeout?: number;
    verifyBody?: (body: string) => boolean;
  }
  /** A running instance. */
  interface Instance {
    stop(): void;
    on(event: 'done', listener: (result: Result) => void): this;
  }
  /** Starts a run; the callback gets its result. */
  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance;
  export = autocannon;
}
