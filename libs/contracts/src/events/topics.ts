/** Kafka topics: one per domain and major version. Public API for external subscribers. */
export const Topics = {
  tickets: 'itsm.tickets.v1',
  knowledge: 'itsm.knowledge.v1',
  sla: 'itsm.sla.v1',
  routing: 'itsm.routing.v1',
  cmdb: 'itsm.cmdb.v1',
  identity: 'itsm.identity.v1',
  notifications: 'itsm.notifications.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];
