/** What the e2e tests read from the public API's responses. */
export interface TicketBody {
  id: string;
  number: string;
  status: string;
  priority: string;
  title: string;
  version: number;
  requesterId: string;
  assigneeId: string | null;
  pendingReason: string | null;
  resolutionCode: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  firstRespondedAt: string | null;
  priorityReason: string | null;
  createdAt: string;
  updatedAt: string;
  type: string;
  assignmentGroupId: string | null;
  rootCause: string;
  workaround: string;
  knownErrorAt: string | null;
  changeKind: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  approvalId: string | null;
  implementationOutcome: string | null;
  configurationItemIds: string[];
}

/** RFC 9457 problem details with this API's extension members. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  traceId?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}
