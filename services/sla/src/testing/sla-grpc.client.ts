import { credentials, loadPackageDefinition, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import {
  type ComplianceReportRequest,
  type ComplianceReportResponse,
  type CreateCalendarRequest,
  type CreateCalendarResponse,
  type CreatePolicyRequest,
  type CreatePolicyResponse,
  type DeactivatePolicyRequest,
  type DeactivatePolicyResponse,
  type GetCalendarRequest,
  type GetCalendarResponse,
  type GetPolicyRequest,
  type GetPolicyResponse,
  type GetTicketSlaRequest,
  type GetTicketSlaResponse,
  type ListCalendarsRequest,
  type ListCalendarsResponse,
  type ListPoliciesRequest,
  type ListPoliciesResponse,
  protoLoaderOptions,
  protoPaths,
  SlaGrpcPackage,
  type UpdateCalendarRequest,
  type UpdateCalendarResponse,
  type UpdatePolicyRequest,
  type UpdatePolicyResponse,
} from '@itsm/contracts';
import { resolveProtoRoot } from '@itsm/platform';

type Callback = (error: ServiceError | null, response: unknown) => void;
type RawClient = Record<string, (request: unknown, callback: Callback) => void> & {
  close(): void;
};

/** The SLA service's gRPC API as another service sees it, each call a promise. */
export function slaGrpcClient(url: string) {
  const protoRoot = resolveProtoRoot(undefined);
  const definition = loadSync(protoPaths(protoRoot, SlaGrpcPackage), {
    ...protoLoaderOptions,
    includeDirs: [protoRoot],
  });
  const grpcPackage = loadPackageDefinition(definition) as unknown as {
    itsm: { sla: { v1: { SlaService: new (address: string, creds: unknown) => RawClient } } };
  };
  const raw = new grpcPackage.itsm.sla.v1.SlaService(url, credentials.createInsecure());
  const unary =
    <Request, Response>(method: string) =>
    (request: Request) =>
      new Promise<Response>((resolve, reject) => {
        const call = raw[method];
        if (!call) throw new Error(`the SLA service has no method ${method}`);
        call.call(raw, request, (error, response) =>
          error ? reject(error) : resolve(response as Response),
        );
      });
  return {
    createCalendar: unary<CreateCalendarRequest, CreateCalendarResponse>('CreateCalendar'),
    listCalendars: unary<ListCalendarsRequest, ListCalendarsResponse>('ListCalendars'),
    getCalendar: unary<GetCalendarRequest, GetCalendarResponse>('GetCalendar'),
    updateCalendar: unary<UpdateCalendarRequest, UpdateCalendarResponse>('UpdateCalendar'),
    createPolicy: unary<CreatePolicyRequest, CreatePolicyResponse>('CreatePolicy'),
    listPolicies: unary<ListPoliciesRequest, ListPoliciesResponse>('ListPolicies'),
    getPolicy: unary<GetPolicyRequest, GetPolicyResponse>('GetPolicy'),
    updatePolicy: unary<UpdatePolicyRequest, UpdatePolicyResponse>('UpdatePolicy'),
    deactivatePolicy: unary<DeactivatePolicyRequest, DeactivatePolicyResponse>('DeactivatePolicy'),
    getTicketSla: unary<GetTicketSlaRequest, GetTicketSlaResponse>('GetTicketSla'),
    complianceReport: unary<ComplianceReportRequest, ComplianceReportResponse>('ComplianceReport'),
    close: () => raw.close(),
  };
}

export type SlaGrpcClient = ReturnType<typeof slaGrpcClient>;
