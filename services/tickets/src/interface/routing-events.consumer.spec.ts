import type { EntityManager } from 'typeorm';
import {
  DecisionTrigger,
  EscalationKind,
  EscalationTrigger,
  type EventType,
  TicketEscalated,
  TicketRouted,
} from '@itsm/contracts';
import type { EventHandler } from '@itsm/messaging';
import type { TicketTransaction } from '../application/ports/ticket-store';
import { TicketError, TicketErrorCode } from '../domain/ticket-error';
import { type RoutingEventUseCases, routingEventHandlers } from './routing-events.consumer';

const TOPIC = 'itsm.routing.v1.mirror';
const ticketId = '0194a000-0000-7000-8000-000000000001';
const transaction = {} as TicketTransaction;

const decision = (overrides: Record<string, unknown> = {}) => ({
  id: 'decision-1',
  ticketId,
  ticketNumber: 'INC-000001',
  trigger: DecisionTrigger.DECISION_TRIGGER_CREATED,
  groupId: 'group-1',
  assigneeId: 'agent-7',
  priority: '',
  categoryId: '',
  addTags: ['network'],
  decidedAt: '2026-11-30T08:30:00Z',
  ...overrides,
});

const escalation = (overrides: Record<string, unknown> = {}) => ({
  id: 'escalation-1',
  ticketId,
  kind: EscalationKind.ESCALATION_KIND_HIERARCHICAL,
  trigger: EscalationTrigger.ESCALATION_TRIGGER_SLA_BREACH,
  fromGroupId: 'group-1',
  supervisorId: 'supervisor-1',
  reason: 'resolution overdue',
  occurredAt: '2026-11-30T09:00:00Z',
  ...overrides,
});

function consumer() {
  const calls: unknown[] = [];
  const logged: string[] = [];
  const useCases: RoutingEventUseCases = {
    applyRoutingDecision: {
      within: async (used, command) => {
        expect(used).toBe(transaction);
        calls.push(command);
        return { applied: false, reason: 'already_assigned', ticket: {} as never };
      },
    },
    recordEscalation: {
      within: async (used, command) => {
        expect(used).toBe(transaction);
        calls.push(command);
        return { recorded: false, reason: 'unknown_ticket' };
      },
    },
  };
  const log = (level: string) => (object: object, message: string) =>
    logged.push(`${level} ${message} ${(object as { code?: string }).code ?? ''}`.trim());
  const handlers = routingEventHandlers(
    useCases,
    { transactionOn: () => transaction },
    { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') },
    TOPIC,
  );
  const deliver = async <T>(eventType: EventType<T>, json: Record<string, unknown>) => {
    const handler = handlers.find(
      (candidate) => candidate.eventType.type === eventType.type,
    ) as EventHandler<T>;
    expect(handler.eventType.topic).toBe(TOPIC);
    await handler.handle(
      {
        attributes: {
          id: 'event-1',
          type: eventType.type,
          source: '/itsm/routing',
          time: new Date('2026-11-30T09:00:05Z'),
        },
        key: ticketId,
        payload: eventType.fromJson(json),
      },
      {} as EntityManager,
    );
  };
  return { calls, logged, deliver, useCases };
}

describe('the routing-event consumer', () => {
  it('applies a routed decision, empty proto strings meaning none', async () => {
    const { calls, deliver, logged } = consumer();
    await deliver(TicketRouted, { decision: decision() });
    expect(calls).toEqual([
      {
        decisionId: 'decision-1',
        ticketId,
        trigger: 'created',
        groupId: 'group-1',
        assigneeId: 'agent-7',
        priority: undefined,
        categoryId: undefined,
        addTags: ['network'],
      },
    ]);
    expect(logged).toEqual(['info routing decision not applied']);
  });

  it('reads the trigger of a decision from the queue and from an escalation', async () => {
    const { calls, deliver } = consumer();
    await deliver(TicketRouted, {
      decision: decision({ trigger: DecisionTrigger.DECISION_TRIGGER_QUEUE }),
    });
    await deliver(TicketRouted, {
      decision: decision({ trigger: DecisionTrigger.DECISION_TRIGGER_ESCALATION, assigneeId: '' }),
    });
    expect(calls).toMatchObject([
      { trigger: 'queue' },
      { trigger: 'escalation', assigneeId: undefined },
    ]);
  });

  it('records an escalation with its facts and time', async () => {
    const { calls, deliver, logged } = consumer();
    await deliver(TicketEscalated, { escalation: escalation() });
    expect(calls).toEqual([
      {
        escalationId: 'escalation-1',
        ticketId,
        kind: 'hierarchical',
        trigger: 'sla_breach',
        fromGroupId: 'group-1',
        toGroupId: undefined,
        supervisorId: 'supervisor-1',
        reason: 'resolution overdue',
        actorId: undefined,
        occurredAt: new Date('2026-11-30T09:00:00Z'),
      },
    ]);
    expect(logged).toEqual(['warn escalation not recorded']);
  });

  it('skips an event the ticket refuses, and lets other failures be retried', async () => {
    const { deliver, logged, useCases } = consumer();
    useCases.applyRoutingDecision.within = () =>
      Promise.reject(new TicketError(TicketErrorCode.InvalidTransition, 'cannot assign'));
    await deliver(TicketRouted, { decision: decision() });
    expect(logged).toEqual([
      'warn routing event skipped: the ticket cannot take it INVALID_TRANSITION',
    ]);

    useCases.applyRoutingDecision.within = () => Promise.reject(new Error('connection terminated'));
    await expect(deliver(TicketRouted, { decision: decision() })).rejects.toThrow(
      'connection terminated',
    );
  });
});
