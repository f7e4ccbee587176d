import { join } from 'node:path';
import { credentials, loadPackageDefinition, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import {
  type AnalyzeImpactResponse,
  CmdbGrpcPackage,
  protoLoaderOptions,
  protoPaths,
} from '@itsm/contracts';
import { workspaceRoot } from '@itsm/testing';

type Callback = (error: ServiceError | null, response: unknown) => void;
type RawClient = Record<string, (request: unknown, callback: Callback) => void> & {
  close(): void;
};

/** AnalyzeImpact as another service calls it: the request in proto-loader's camelCase. */
export interface ImpactRequest {
  itemIds: string[];
  direction: 'IMPACT_DIRECTION_UPSTREAM' | 'IMPACT_DIRECTION_DOWNSTREAM';
  maxDepth: number;
  limit: number;
}

/** The cmdb service's AnalyzeImpact over gRPC (@grpc/proto-loader, the repository's protos). */
export function impactClient(url: string): {
  analyzeImpact: (request: ImpactRequest) => Promise<AnalyzeImpactResponse>;
  close: () => void;
} {
  const protoRoot = join(workspaceRoot, 'proto');
  const definition = loadSync(protoPaths(protoRoot, CmdbGrpcPackage), {
    ...protoLoaderOptions,
    includeDirs: [protoRoot],
  });
  const grpcPackage = loadPackageDefinition(definition) as unknown as {
    itsm: { cmdb: { v1: { CmdbService: new (address: string, creds: unknown) => RawClient } } };
  };
  const raw = new grpcPackage.itsm.cmdb.v1.CmdbService(url, credentials.createInsecure());
  return {
    analyzeImpact: (request) =>
      new Promise<AnalyzeImpactResponse>((resolve, reject) => {
        const call = raw.AnalyzeImpact;
        if (!call) throw new Error('the cmdb service has no method AnalyzeImpact');
        call.call(raw, request, (error, response) =>
          error ? reject(error) : resolve(response as AnalyzeImpactResponse),
        );
      }),
    close: () => raw.close(),
  };
}
