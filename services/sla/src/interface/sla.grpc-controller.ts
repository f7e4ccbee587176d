import { Controller, Inject, UseFilters } from '@nestjs/common';
import type {
  ComplianceReportRequest,
  ComplianceReportResponse,
  CreateCalendarRequest,
  CreateCalendarResponse,
  CreatePolicyRequest,
  CreatePolicyResponse,
  DeactivatePolicyRequest,
  DeactivatePolicyResponse,
  GetCalendarRequest,
  GetCalendarResponse,
  GetPolicyRequest,
  GetPolicyResponse,
  GetTicketSlaRequest,
  GetTicketSlaResponse,
  ListCalendarsResponse,
  ListClocksRequest,
  ListClocksResponse,
  ListPoliciesRequest,
  ListPoliciesResponse,
  SlaServiceController,
  UpdateCalendarRequest,
  UpdateCalendarResponse,
  UpdatePolicyRequest,
  UpdatePolicyResponse,
} from '@itsm/contracts';
import { SlaServiceControllerMethods } from '@itsm/contracts';
import { ComplianceReportUseCase } from '../application/compliance-report/compliance-report.use-case';
import { GetTicketSlaUseCase } from '../application/get-ticket-sla/get-ticket-sla.use-case';
import { ListClocksUseCase } from '../application/list-clocks/list-clocks.use-case';
import { ManageCalendarsUseCase } from '../application/manage-calendars/manage-calendars.use-case';
import { ManagePoliciesUseCase } from '../application/manage-policies/manage-policies.use-case';
import {
  toClockListRequest,
  toComplianceQuery,
  toComplianceResponse,
  toListClocksResponse,
  toTicketSlaResponse,
} from './clock-message.mapper';
import {
  toCalendarMessage,
  toCalendarRules,
  toPolicyDraft,
  toPolicyMessage,
} from './definition-message.mapper';
import { SlaErrorRpcFilter } from './sla-error.grpc-mapper';

/** The version an update names; 0 means "replace whatever is stored". */
const expectedVersionOf = (version: number): number | null => (version > 0 ? version : null);

/** Calendars, policies, a ticket's clocks and compliance over gRPC; thin: request → use case → message. */
@Controller()
@SlaServiceControllerMethods()
@UseFilters(SlaErrorRpcFilter)
export class SlaGrpcController implements SlaServiceController {
  constructor(
    @Inject(ManageCalendarsUseCase) private readonly calendars: ManageCalendarsUseCase,
    @Inject(ManagePoliciesUseCase) private readonly policies: ManagePoliciesUseCase,
    @Inject(GetTicketSlaUseCase) private readonly ticketSla: GetTicketSlaUseCase,
    @Inject(ComplianceReportUseCase) private readonly compliance: ComplianceReportUseCase,
    @Inject(ListClocksUseCase) private readonly clockLists: ListClocksUseCase,
  ) {}

  async createCalendar(request: CreateCalendarRequest): Promise<CreateCalendarResponse> {
    const calendar = await this.calendars.create({
      name: request.name,
      rules: toCalendarRules(request.definition),
    });
    return { calendar: toCalendarMessage(calendar) };
  }

  async listCalendars(): Promise<ListCalendarsResponse> {
    return { calendars: (await this.calendars.list()).map(toCalendarMessage) };
  }

  async getCalendar(request: GetCalendarRequest): Promise<GetCalendarResponse> {
    return { calendar: toCalendarMessage(await this.calendars.get(request.id)) };
  }

  async updateCalendar(request: UpdateCalendarRequest): Promise<UpdateCalendarResponse> {
    const calendar = await this.calendars.update({
      id: request.id,
      name: request.name,
      rules: toCalendarRules(request.definition),
      expectedVersion: expectedVersionOf(request.expectedVersion),
    });
    return { calendar: toCalendarMessage(calendar) };
  }

  async createPolicy(request: CreatePolicyRequest): Promise<CreatePolicyResponse> {
    const policy = await this.policies.create({ draft: toPolicyDraft(request.policy) });
    return { policy: toPolicyMessage(policy) };
  }

  async listPolicies(request: ListPoliciesRequest): Promise<ListPoliciesResponse> {
    const policies = await this.policies.list({ includeInactive: request.includeInactive });
    return { policies: policies.map(toPolicyMessage) };
  }

  async getPolicy(request: GetPolicyRequest): Promise<GetPolicyResponse> {
    return { policy: toPolicyMessage(await this.policies.get(request.id)) };
  }

  async updatePolicy(request: UpdatePolicyRequest): Promise<UpdatePolicyResponse> {
    const policy = await this.policies.update({
      id: request.id,
      draft: toPolicyDraft(request.policy),
      expectedVersion: expectedVersionOf(request.expectedVersion),
    });
    return { policy: toPolicyMessage(policy) };
  }

  async deactivatePolicy(request: DeactivatePolicyRequest): Promise<DeactivatePolicyResponse> {
    return { policy: toPolicyMessage(await this.policies.deactivate(request.id)) };
  }

  async getTicketSla(request: GetTicketSlaRequest): Promise<GetTicketSlaResponse> {
    return toTicketSlaResponse(await this.ticketSla.execute(request.ticketId));
  }

  async complianceReport(request: ComplianceReportRequest): Promise<ComplianceReportResponse> {
    return toComplianceResponse(await this.compliance.execute(toComplianceQuery(request)));
  }

  async listClocks(request: ListClocksRequest): Promise<ListClocksResponse> {
    return toListClocksResponse(await this.clockLists.execute(toClockListRequest(request)));
  }
}
