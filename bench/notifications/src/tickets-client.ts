import { join } from 'node:path';
import { credentials, loadPackageDefinition, Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import {
  encodePrincipal,
  isIntegrationScope,
  isRole,
  PRINCIPAL_METADATA_KEY,
  type PrincipalClaims,
  principalOf,
} from '@itsm/auth';
import { protoLoaderOptions, protoPaths, TicketsGrpcPackage } from '@itsm/contracts';
import { workspaceRoot } from '@itsm/testing';

type Callback = (error: ServiceError | null, response: unknown) => void;
interface RawTicketsClient {
  CreateTicket(
    request: Record<string, unknown>,
    metadata: Metadata,
    options: { deadline: number },
    callback: Callback,
  ): void;
  close(): void;
}

/**
 * The `x-itsm-principal` value the gateway forwards for the bearer of one of its access tokens
 * (claims read without checking the signature: the benchmark only needs what the gateway sends).
 */
export function administratorPrincipal(accessToken: string): string {
  const [, payload] = accessToken.split('.');
  if (!payload) throw new Error('the access token is not a JWT');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  if (typeof claims['sub'] !== 'string') throw new Error('the access token names no subject');
  const principal: PrincipalClaims = {
    kind: 'user',
    id: claims['sub'],
    name: typeof claims['name'] === 'string' ? claims['name'] : '',
    roles: strings(claims['roles']).filter(isRole),
    scopes: strings(claims['scopes']).filter(isIntegrationScope),
    organizationId: typeof claims['org'] === 'string' ? claims['org'] : null,
    organizationWide: claims['orgWide'] === true,
    groupIds: strings(claims['groups']),
  };
  if (!principal.roles.includes('administrator'))
    throw new Error(
      `the signed-in user is not an administrator (roles: ${principal.roles.join()})`,
    );
  return encodePrincipal(principalOf(principal));
}

export interface CreatedTicket {
  id: string;
}

/**
 * CreateTicket straight to the tickets service over gRPC, loaded as the gateway loads it, with
 * the administrator's principal as the gateway's interceptor sends it: the quickest way to
 * leave a backlog of `ticket.created` events, through the service's own transaction and outbox.
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

  /** An incident for an employee (as `aTicketRequestBody()`), titled `title`. */
  createTicket(title: string, requesterId: string): Promise<CreatedTicket> {
    const metadata = new Metadata();
    metadata.set(PRINCIPAL_METADATA_KEY, this.principal);
    const request = {
      type: 'TICKET_TYPE_INCIDENT',
      title,
      description: 'The client times out after the second factor.',
      impact: 'IMPACT_MEDIUM',
      urgency: 'URGENCY_HIGH',
      channel: 'CHANNEL_PORTAL',
      requesterId,
    };
    return new Promise((resolve, reject) => {
      this.raw.CreateTicket(
        request,
        metadata,
        { deadline: Date.now() + this.timeoutMs },
        (error, response) => {
          if (error) {
            reject(new Error(`CreateTicket: ${error.code} ${error.details}`));
            return;
          }
          const ticket = (response as { ticket?: { id?: string } } | undefined)?.ticket;
          if (!ticket?.id) reject(new Error('CreateTicket answered no ticket'));
          else resolve({ id: ticket.id });
        },
      );
    });
  }

  close(): void {
    this.raw.close();
  }
}
