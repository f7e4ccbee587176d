export * from './generated/itsm/tickets/v1/ticket';
export * from './generated/itsm/tickets/v1/tickets_service';
export * from './generated/itsm/tickets/v1/events';
export type { Timestamp } from './generated/google/protobuf/timestamp';
export * from './events/event-type';
export * from './events/topics';
export * from './events/ticket-events';
export * from './timestamps';
export * from './grpc-packages';
