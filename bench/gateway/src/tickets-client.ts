import { join } from 'node:path';
import { credentials, loadPackageDefinition, Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import {
  type GetTicketResponse,
  protoLoaderOptions,
  protoPaths,
  TicketsGrpcPackage,
} from '@itsm/contracts';
import { workspaceRoot } from '@itsm/testing';
import { PRINCIPAL_METADATA_KEY } from './principal';

type Callback = (error: ServiceError | null, response: unknown) => void;
interface RawTicketsClient {
  GetTicket(
    request: { id: string },
    metadata: Metadata,
    options: { deadline: number },
    callback: Callback,
  ): void;
  close(): void;
}

/**
 * The tickets service's GetTicket straight over gRPC, loaded as the gateway loads it
 * (@grpc/proto-loader, the repository's protos, the same loader options), with the caller's
 * principal in metadata on every call as the gateway's interceptor sends it.
 */
export class TicketsGrpcClient {
  private readonly raw: RawTicketsClient;

  constructor(
    url: string,
    private readonly principal: string,
    private readonly timeoutMs = 30_000,
  ) {
    const protoRoot = join(workspaceRoot, 'proto');
    const definition = loadSync(protoPaths(protoRoot, TicketsGrpcPackage), {
      ...protoLoaderOptions,
      includeDirs: [protoRoot],
    });
    const grpcPackage = loadPackageDefinition(definition) as unknown as {
      itsm: {
        tickets: {
          v1: { TicketsService: new (address: string, creds: unknown) => RawTicketsClient };
        };
      };
    };
    this.raw = new grpcPackage.itsm.tickets.v1.TicketsService(url, credentials.createInsecure());
  }

  /** Resolves with the decoded ticket; fails on any error status or when another ticket comes back. */
  getTicket(id: string): Promise<void> {
    const metadata = new Metadata();
    metadata.set(PRINCIPAL_METADATA_KEY, this.principal);
    return new Promise((resolve, reject) => {
      const deadline = Date.now() + this.timeoutMs;
      this.raw.GetTicket({ id }, metadata, { deadline }, (error, response) => {
        if (error) {
          reject(new Error(`GetTicket ${id}: ${error.code} ${error.details}`));
          return;
        }
        const ticket = (response as GetTicketResponse | undefined)?.ticket;
        if (ticket?.id !== id) reject(new Error(`GetTicket ${id}: answered another ticket`));
        else resolve();
      });
    });
  }

  close(): void {
    this.raw.close();
  }
}
