import {
  droppedSpans,
  inheritedTelemetryVariables,
  roundModes,
  telemetryEnv,
} from './telemetry-env';

const ENDPOINT = 'http://127.0.0.1:4318';

describe('telemetryEnv', () => {
  it('switches telemetry on with OTLP traces and metrics, every trace sampled', () => {
    expect(telemetryEnv('on', ENDPOINT)).toMatchObject({
      OTEL_SDK_DISABLED: 'false',
      OTEL_EXPORTER_OTLP_ENDPOINT: ENDPOINT,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
      OTEL_METRICS_EXPORTER: 'otlp',
    });
  });

  it('samples a share of the traces where they start when asked to', () => {
    expect(telemetryEnv('on', ENDPOINT, 0.1)).toMatchObject({
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.1',
    });
    expect(telemetryEnv('on', ENDPOINT, 1)).not.toHaveProperty('OTEL_TRACES_SAMPLER_ARG');
  });

  it('differs between the sides in OTEL_SDK_DISABLED only', () => {
    const on = telemetryEnv('on', ENDPOINT);
    const off = telemetryEnv('off', ENDPOINT);
    const differing = Object.keys({ ...on, ...off }).filter((name) => on[name] !== off[name]);
    expect(differing).toEqual(['OTEL_SDK_DISABLED']);
    expect(off['OTEL_SDK_DISABLED']).toBe('true');
  });
});

describe('inheritedTelemetryVariables', () => {
  it('names the OTEL_ variables of an environment', () => {
    expect(
      inheritedTelemetryVariables({
        PATH: '/usr/bin',
        OTEL_TRACES_SAMPLER: 'always_off',
        OTEL_SERVICE_NAME: 'shell',
        NOT_OTEL_X: '1',
      }),
    ).toEqual(['OTEL_TRACES_SAMPLER', 'OTEL_SERVICE_NAME']);
  });
});

describe('roundModes', () => {
  it('alternates the sides in pairs whose order flips', () => {
    expect(roundModes(2)).toEqual(['off', 'on']);
    expect(roundModes(4)).toEqual(['off', 'on', 'on', 'off']);
    expect(roundModes(8)).toEqual(['off', 'on', 'on', 'off', 'off', 'on', 'on', 'off']);
  });

  it('gives both sides as many rounds', () => {
    const modes = roundModes(6);
    expect(modes.filter((mode) => mode === 'on')).toHaveLength(3);
  });
});

describe('droppedSpans', () => {
  it("adds up the SDK's drop warnings in a service's output", () => {
    const output = [
      '{"level":"warn","msg":"slow query"}',
      'Dropped 120 spans because maxQueueSize reached',
      'Dropped 7 spans because maxQueueSize reached',
    ].join('\n');
    expect(droppedSpans(output)).toBe(127);
    expect(droppedSpans('')).toBe(0);
  });
});
