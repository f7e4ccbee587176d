/** The two sides of the benchmark: the platform with OpenTelemetry switched off, and on. */
export type TelemetryMode = 'off' | 'on';

/** Metrics are read and exported this often; the SDK's default is 60 s. */
export const METRIC_EXPORT_INTERVAL_MS = 10_000;

/**
 * The OTEL_* environment of every service on one side. Both sides get the same variables and
 * the same collector; only OTEL_SDK_DISABLED differs, so a side is "off" exactly as an operator
 * switches it off, and the sink hearing nothing from an "off" side proves the switch works.
 *
 * "On" is what production runs: traces exported over OTLP/HTTP protobuf (the SDK's default
 * protocol) through the batch span processor with its default queue, batch and delay, every
 * trace sampled (`parentbased_always_on`: the worst case), metrics exported over OTLP. The
 * services log through pino to stdout with trace ids, not through the OpenTelemetry logs API,
 * so there are no OpenTelemetry logs to export. OTEL_LOG_LEVEL=warn makes the SDK report
 * spans it drops when its queue is full, which would make "on" look cheaper than it is.
 */
export function telemetryEnv(
  mode: TelemetryMode,
  otlpEndpoint: string,
  traceRatio = 1,
): Record<string, string> {
  return {
    OTEL_SDK_DISABLED: mode === 'off' ? 'true' : 'false',
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    OTEL_TRACES_EXPORTER: 'otlp',
    ...samplerEnv(traceRatio),
    OTEL_METRICS_EXPORTER: 'otlp',
    OTEL_METRIC_EXPORT_INTERVAL: String(METRIC_EXPORT_INTERVAL_MS),
    OTEL_LOGS_EXPORTER: 'none',
    OTEL_LOG_LEVEL: 'warn',
  };
}

/**
 * Every trace (`parentbased_always_on`, the worst case) or a share of them decided where the
 * trace starts (`parentbased_traceidratio`, what the Helm chart deploys: 0.1).
 */
export function samplerEnv(traceRatio: number): Record<string, string> {
  return traceRatio >= 1
    ? { OTEL_TRACES_SAMPLER: 'parentbased_always_on' }
    : {
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: String(traceRatio),
      };
}

/** How the sampling reads in the output and the rows: "10 % sampled". */
export function samplingLabel(traceRatio: number): string {
  return `${Math.round(traceRatio * 1000) / 10} % sampled`;
}

/**
 * OTEL_* variables of the benchmark's own environment, which the services would inherit:
 * removed, so both sides run with exactly {@link telemetryEnv}.
 */
export function inheritedTelemetryVariables(environment: NodeJS.ProcessEnv): string[] {
  return Object.keys(environment).filter((name) => name.startsWith('OTEL_'));
}

/**
 * The side of each round, in pairs whose order flips every pair (off on, on off, off on, …):
 * a drift of the machine during the run (a build starting, caches warming) falls on both
 * sides alike instead of on whichever side always comes second.
 */
export function roundModes(rounds: number): TelemetryMode[] {
  return Array.from({ length: rounds }, (_, round) => {
    const offFirst = Math.floor(round / 2) % 2 === 0;
    return (round % 2 === 0) === offFirst ? 'off' : 'on';
  });
}

/** Total spans the SDK logged as dropped (`Dropped N spans because maxQueueSize reached`). */
export function droppedSpans(serviceOutput: string): number {
  let dropped = 0;
  for (const match of serviceOutput.matchAll(/Dropped (\d+) spans because maxQueueSize reached/g))
    dropped += Number(match[1]);
  return dropped;
}
