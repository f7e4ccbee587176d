import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SlaClockEvent } from '../generated/itsm/sla/v1/events';
import { SlaTarget } from '../generated/itsm/sla/v1/sla';
import { toTimestamp } from '../timestamps';
import { InvalidEventPayloadError } from './event-type';
import * as slaEvents from './sla-events';
import { SlaClockBreached, SlaClockMet, SlaClockWarning } from './sla-events';
import { Topics } from './topics';

const warning: SlaClockEvent = {
  ticketId: '0194a000-0000-7000-8000-000000000001',
  ticketNumber: 'INC-000001',
  target: SlaTarget.SLA_TARGET_RESOLUTION,
  policyId: '5a1a9011-0000-4000-8000-000000000030',
  dueAt: toTimestamp(new Date('2026-11-30T09:30:00Z')),
  threshold: 0.75,
  reachedAt: toTimestamp(new Date('2026-11-30T08:30:00Z')),
  elapsedMs: 10_800_000,
  occurredAt: toTimestamp(new Date('2026-11-30T08:30:00.120Z')),
};

describe('SLA clock events', () => {
  it('travel on itsm.sla.v1', () => {
    expect([SlaClockWarning, SlaClockBreached, SlaClockMet].map(({ topic }) => topic)).toEqual([
      Topics.sla,
      Topics.sla,
      Topics.sla,
    ]);
    expect(Topics.sla).toBe('itsm.sla.v1');
  });

  it('travel as proto3 JSON: camelCase, RFC 3339 times, enum names', () => {
    expect(SlaClockWarning.toJson(warning)).toEqual({
      ticketId: warning.ticketId,
      ticketNumber: 'INC-000001',
      target: 'SLA_TARGET_RESOLUTION',
      policyId: warning.policyId,
      dueAt: '2026-11-30T09:30:00.000Z',
      threshold: 0.75,
      reachedAt: '2026-11-30T08:30:00.000Z',
      elapsedMs: 10_800_000,
      occurredAt: '2026-11-30T08:30:00.120Z',
    });
  });

  it('read back what they wrote', () => {
    expect(SlaClockWarning.fromJson(SlaClockWarning.toJson(warning))).toEqual(warning);
    const breach = { ...warning, threshold: 0 };
    expect(SlaClockBreached.fromJson(SlaClockBreached.toJson(breach))).toEqual(breach);
  });

  it('read the JSON the SLA service wrote before the contract moved here', () => {
    // Written by services/sla's hand-made codec, byte for byte.
    const earlier =
      '{"ticketId":"0194a000-0000-7000-8000-000000000001","ticketNumber":"INC-000001",' +
      '"target":"SLA_TARGET_RESOLUTION","policyId":"5a1a9011-0000-4000-8000-000000000030",' +
      '"dueAt":"2026-11-30T09:30:00.000Z","reachedAt":"2026-11-30T09:30:00.000Z",' +
      '"elapsedMs":14400000,"occurredAt":"2026-11-30T09:30:00.120Z"}';
    const breach = SlaClockBreached.fromJson(JSON.parse(earlier));
    expect(breach).toEqual({
      ...warning,
      threshold: 0,
      reachedAt: toTimestamp(new Date('2026-11-30T09:30:00Z')),
      elapsedMs: 14_400_000,
      occurredAt: toTimestamp(new Date('2026-11-30T09:30:00.120Z')),
    });
    expect(JSON.stringify(SlaClockBreached.toJson(breach))).toBe(earlier);
  });

  it('leave out what a met clock does not have', () => {
    const met = { ...warning, threshold: 0, dueAt: undefined };
    expect(SlaClockMet.toJson(met)).not.toHaveProperty('threshold');
    expect(SlaClockMet.fromJson(SlaClockMet.toJson(met))).toEqual(met);
  });

  it.each<[string, typeof SlaClockWarning, Record<string, unknown>, string]>([
    ['a warning without threshold', SlaClockWarning, { threshold: undefined }, 'threshold'],
    ['a breach without due time', SlaClockBreached, { dueAt: undefined }, 'dueAt is missing'],
    ['an unknown target', SlaClockMet, { target: 'SLA_TARGET_LUNCH' }, 'target is unspecified'],
    ['no ticket', SlaClockMet, { ticketId: undefined }, 'ticketId is empty'],
  ])('refuse %s', (_label, eventType, change, problem) => {
    const json = { ...(SlaClockWarning.toJson(warning) as object), ...change };
    expect(() => eventType.fromJson(json)).toThrow(InvalidEventPayloadError);
    expect(() => eventType.fromJson(json)).toThrow(problem);
  });
});

describe('the AsyncAPI document', () => {
  it('describes every SLA event type on the itsm.sla.v1 channel', () => {
    const document = readFileSync(join(__dirname, '../../../../proto/asyncapi.yaml'), 'utf8');
    const eventTypes = Object.values(slaEvents).map((eventType) => eventType.type);
    expect(eventTypes).toHaveLength(3);
    expect(document).toContain(`address: ${Topics.sla}\n`);
    expect(eventTypes.filter((type) => !document.includes(`name: ${type}\n`))).toEqual([]);
  });
});
