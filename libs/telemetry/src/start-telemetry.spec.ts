import { exportsTelemetry } from './start-telemetry';

describe('exportsTelemetry', () => {
  it.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }, false],
  ])('%j -> %s', (config, expected) => {
    expect(exportsTelemetry({ OTEL_SDK_DISABLED: false, ...config })).toBe(expected);
  });
});
