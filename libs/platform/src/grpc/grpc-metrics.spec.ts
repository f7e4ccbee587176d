import {
  credentials,
  makeGenericClientConstructor,
  Server,
  ServerCredentials,
  status as GrpcStatus,
  type ServiceDefinition,
  type ServiceError,
} from '@grpc/grpc-js';
import { metrics as sdkMetrics } from '@opentelemetry/sdk-node';
import { grpcClientMetrics, grpcServerMetrics, rpcCallAttributes } from './grpc-metrics';

const identity = (value: Buffer): Buffer => value;
const echoService: ServiceDefinition = {
  Echo: {
    path: '/itsm.test.v1.EchoService/Echo',
    requestStream: false,
    responseStream: false,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  },
};

interface EchoClient {
  Echo(request: Buffer, callback: (error: ServiceError | null) => void): void;
  close(): void;
}

class CollectingReader extends sdkMetrics.MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

interface RecordedCall {
  attributes: Record<string, unknown>;
  count: number;
}

async function histogram(reader: CollectingReader, name: string): Promise<RecordedCall[]> {
  const { resourceMetrics } = await reader.collect();
  const metric = resourceMetrics.scopeMetrics
    .flatMap((scope) => scope.metrics)
    .find((candidate) => candidate.descriptor.name === name);
  return (metric?.dataPoints ?? []).map((point) => ({
    attributes: point.attributes,
    count: (point.value as { count: number }).count,
  }));
}

describe('gRPC call metrics', () => {
  const reader = new CollectingReader();
  const provider = new sdkMetrics.MeterProvider({ readers: [reader] });
  const meter = provider.getMeter('test');
  const server = new Server({ interceptors: [grpcServerMetrics(meter)] });
  let client: EchoClient;

  beforeAll(async () => {
    server.addService(echoService, {
      Echo: (
        call: { request: Buffer },
        callback: (error: Partial<ServiceError> | null, value?: Buffer) => void,
      ) =>
        call.request.toString() === 'missing'
          ? callback({ code: GrpcStatus.NOT_FOUND, details: 'no such thing' })
          : callback(null, call.request),
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    const Client = makeGenericClientConstructor(echoService, 'EchoService');
    client = new Client(`127.0.0.1:${port}`, credentials.createInsecure(), {
      interceptors: [grpcClientMetrics(meter)],
    }) as unknown as EchoClient;
  });

  afterAll(async () => {
    client.close();
    server.forceShutdown();
    await provider.shutdown();
  });

  function echo(text: string): Promise<GrpcStatus> {
    return new Promise((resolve) =>
      client.Echo(Buffer.from(text), (error) => resolve(error ? error.code : GrpcStatus.OK)),
    );
  }

  it('records each call once on both sides, by method and status', async () => {
    expect(await echo('hello')).toBe(GrpcStatus.OK);
    expect(await echo('hello again')).toBe(GrpcStatus.OK);
    expect(await echo('missing')).toBe(GrpcStatus.NOT_FOUND);

    const expected = [
      {
        attributes: {
          'rpc.system.name': 'grpc',
          'rpc.method': 'itsm.test.v1.EchoService/Echo',
          'rpc.response.status_code': 'OK',
        },
        count: 2,
      },
      {
        attributes: {
          'rpc.system.name': 'grpc',
          'rpc.method': 'itsm.test.v1.EchoService/Echo',
          'rpc.response.status_code': 'NOT_FOUND',
        },
        count: 1,
      },
    ];
    expect(await histogram(reader, 'rpc.server.call.duration')).toEqual(
      expect.arrayContaining(expected),
    );
    expect(await histogram(reader, 'rpc.client.call.duration')).toEqual(
      expect.arrayContaining(expected),
    );
  });

  it('names unknown status codes by number', () => {
    expect(rpcCallAttributes('Svc/Method', 99)['rpc.response.status_code']).toBe('99');
  });
});
