import { credentials, loadPackageDefinition, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import {
  type AnalyzeImpactRequest,
  type AnalyzeImpactResponse,
  type ChangeAssetRequest,
  type ChangeAssetResponse,
  type CloseInventoryRequest,
  type CloseInventoryResponse,
  CmdbGrpcPackage,
  type CreateCiTypeRequest,
  type CreateCiTypeResponse,
  type CreateItemRequest,
  type CreateItemResponse,
  type CreateLocationRequest,
  type CreateLocationResponse,
  type CreateRelationshipRequest,
  type CreateRelationshipResponse,
  type DeleteRelationshipRequest,
  type DeleteRelationshipResponse,
  type ExportItemsRequest,
  type ExportItemsResponse,
  type GetInventoryRequest,
  type GetInventoryResponse,
  type GetItemRequest,
  type GetItemResponse,
  type ImportItemsRequest,
  type ImportItemsResponse,
  type LicenceComplianceRequest,
  type LicenceComplianceResponse,
  type ListCiTypesRequest,
  type ListCiTypesResponse,
  type ListItemHistoryRequest,
  type ListItemHistoryResponse,
  type ListItemsRequest,
  type ListItemsResponse,
  type ListItemTicketsRequest,
  type ListItemTicketsResponse,
  type ListLocationsRequest,
  type ListLocationsResponse,
  type ListMovementsRequest,
  type ListMovementsResponse,
  type ListRelationshipsRequest,
  type ListRelationshipsResponse,
  type OpenInventoryRequest,
  type OpenInventoryResponse,
  protoLoaderOptions,
  protoPaths,
  type RecordInventoryScanRequest,
  type RecordInventoryScanResponse,
  type UpdateCiTypeRequest,
  type UpdateCiTypeResponse,
  type UpdateItemRequest,
  type UpdateItemResponse,
} from '@itsm/contracts';
import { resolveProtoRoot } from '@itsm/platform';

type Callback = (error: ServiceError | null, response: unknown) => void;

/** Requests as a client writes them: unset fields take their proto3 defaults. */
export type RequestOf<T> = T extends readonly (infer E)[]
  ? RequestOf<E>[]
  : T extends object
    ? { [K in keyof T]?: RequestOf<T[K]> }
    : T;
type RawClient = Record<string, (request: unknown, callback: Callback) => void> & {
  close(): void;
};

/** The cmdb service's gRPC API as another service sees it, each call a promise. */
export function cmdbGrpcClient(url: string) {
  const protoRoot = resolveProtoRoot(undefined);
  const definition = loadSync(protoPaths(protoRoot, CmdbGrpcPackage), {
    ...protoLoaderOptions,
    includeDirs: [protoRoot],
  });
  const grpcPackage = loadPackageDefinition(definition) as unknown as {
    itsm: { cmdb: { v1: { CmdbService: new (address: string, creds: unknown) => RawClient } } };
  };
  const raw = new grpcPackage.itsm.cmdb.v1.CmdbService(url, credentials.createInsecure());
  const unary =
    <Request, Response>(method: string) =>
    (request: RequestOf<Request>) =>
      new Promise<Response>((resolve, reject) => {
        const call = raw[method];
        if (!call) throw new Error(`the cmdb service has no method ${method}`);
        call.call(raw, request, (error, response) =>
          error ? reject(error) : resolve(response as Response),
        );
      });
  return {
    listCiTypes: unary<ListCiTypesRequest, ListCiTypesResponse>('ListCiTypes'),
    createCiType: unary<CreateCiTypeRequest, CreateCiTypeResponse>('CreateCiType'),
    updateCiType: unary<UpdateCiTypeRequest, UpdateCiTypeResponse>('UpdateCiType'),
    createItem: unary<CreateItemRequest, CreateItemResponse>('CreateItem'),
    getItem: unary<GetItemRequest, GetItemResponse>('GetItem'),
    listItems: unary<ListItemsRequest, ListItemsResponse>('ListItems'),
    updateItem: unary<UpdateItemRequest, UpdateItemResponse>('UpdateItem'),
    listItemHistory: unary<ListItemHistoryRequest, ListItemHistoryResponse>('ListItemHistory'),
    createRelationship: unary<CreateRelationshipRequest, CreateRelationshipResponse>(
      'CreateRelationship',
    ),
    deleteRelationship: unary<DeleteRelationshipRequest, DeleteRelationshipResponse>(
      'DeleteRelationship',
    ),
    listRelationships: unary<ListRelationshipsRequest, ListRelationshipsResponse>(
      'ListRelationships',
    ),
    analyzeImpact: unary<AnalyzeImpactRequest, AnalyzeImpactResponse>('AnalyzeImpact'),
    createLocation: unary<CreateLocationRequest, CreateLocationResponse>('CreateLocation'),
    listLocations: unary<ListLocationsRequest, ListLocationsResponse>('ListLocations'),
    changeAsset: unary<ChangeAssetRequest, ChangeAssetResponse>('ChangeAsset'),
    listMovements: unary<ListMovementsRequest, ListMovementsResponse>('ListMovements'),
    openInventory: unary<OpenInventoryRequest, OpenInventoryResponse>('OpenInventory'),
    recordInventoryScan: unary<RecordInventoryScanRequest, RecordInventoryScanResponse>(
      'RecordInventoryScan',
    ),
    getInventory: unary<GetInventoryRequest, GetInventoryResponse>('GetInventory'),
    closeInventory: unary<CloseInventoryRequest, CloseInventoryResponse>('CloseInventory'),
    licenceCompliance: unary<LicenceComplianceRequest, LicenceComplianceResponse>(
      'LicenceCompliance',
    ),
    importItems: unary<ImportItemsRequest, ImportItemsResponse>('ImportItems'),
    exportItems: unary<ExportItemsRequest, ExportItemsResponse>('ExportItems'),
    listItemTickets: unary<ListItemTicketsRequest, ListItemTicketsResponse>('ListItemTickets'),
    close: () => raw.close(),
  };
}

export type CmdbGrpcClient = ReturnType<typeof cmdbGrpcClient>;
