import {
  DEFAULT_PREFERENCES,
  type NotificationPreferences,
  validatePreferences,
} from '../../domain/delivery-timing';
import type { Locale } from '../../domain/locale';
import { NotificationError, NotificationErrorCode } from '../../domain/notification-error';
import { type NotificationTrigger, validateTrigger } from '../../domain/notification-trigger';
import {
  type NotificationTemplate,
  type RenderedMessage,
  renderTemplate,
  validateTemplate,
} from '../../domain/template';
import type { SettingsStore } from '../ports/settings-store';
import type { SaveResult, Versioned } from '../ports/versioned';
import { ticketLabels } from '../ticket-labels';

export interface TriggerChange {
  key: string;
  audiences: string[];
  channels: string[];
  templateKey: string;
  importance: string;
  enabled: boolean;
  expectedVersion: number;
}

export interface TemplatePreview {
  key: string;
  locale: Locale;
  ticketId: string | null;
  draft: Pick<NotificationTemplate, 'subject' | 'bodyText' | 'bodyHtml'> | null;
}

function saved<T>(result: SaveResult<T>, what: string): Versioned<T> {
  if ('saved' in result) return result.saved;
  throw new NotificationError(
    NotificationErrorCode.VersionConflict,
    `${what} was changed meanwhile: it is at version ${result.conflict}`,
    [],
    { currentVersion: result.conflict },
  );
}

function validOrThrow(violations: { field: string; message: string }[], what: string): void {
  if (violations.length > 0) {
    throw new NotificationError(
      NotificationErrorCode.ValidationFailed,
      `${what} is invalid`,
      violations,
    );
  }
}

/** Sample data a preview renders with when no ticket is named. */
function sampleVariables(locale: Locale, baseUrl: string) {
  const ru = locale === 'ru';
  return {
    ticket: {
      number: 'INC-000123',
      title: ru ? 'Не работает VPN' : 'VPN does not connect',
      type: ticketLabels.type('incident', locale),
      status: ticketLabels.status('in_progress', locale),
      priority: ticketLabels.priority('high', locale),
      url: `${baseUrl}/tickets/00000000-0000-4000-8000-000000000123`,
      description: ru
        ? 'С утра не подключается VPN из дома.'
        : 'VPN has not connected from home since this morning.',
    },
    recipient: { name: ru ? 'Светлана Иванова' : 'Svetlana Ivanova' },
    actor: { name: ru ? 'Анна Петрова' : 'Anna Petrova' },
    comment: {
      body: ru
        ? 'Перезапустили шлюз, проверьте, пожалуйста.'
        : 'We restarted the gateway, please check.',
    },
    sla: {
      target: ticketLabels.slaTarget('resolution', locale),
      dueAt: '27.11.2026, 18:00 MSK',
      threshold: '75 %',
    },
    approval: { url: `${baseUrl}/console/tickets/00000000-0000-4000-8000-000000000123` },
    csat: { url: `${baseUrl}/tickets/00000000-0000-4000-8000-000000000123?rate=1` },
    event: { type: 'itsm.tickets.v1.ticket.commented' },
    digest: {
      count: '2',
      items: ru ? '• INC-000123 Не работает VPN' : '• INC-000123 VPN does not connect',
    },
  };
}

/** Triggers, templates and preferences: reading, validated changes and previews. */
export class ManageSettingsUseCase {
  constructor(
    private readonly store: SettingsStore,
    private readonly publicBaseUrl: string,
  ) {}

  listTriggers(): Promise<Versioned<NotificationTrigger>[]> {
    return this.store.listTriggers();
  }

  async updateTrigger(change: TriggerChange): Promise<Versioned<NotificationTrigger>> {
    const current = await this.store.trigger(change.key);
    if (!current) {
      throw new NotificationError(NotificationErrorCode.NotFound, `no trigger ${change.key}`);
    }
    const trigger = {
      key: current.key,
      eventType: current.eventType,
      audiences: change.audiences,
      channels: change.channels,
      templateKey: change.templateKey,
      importance: change.importance,
      enabled: change.enabled,
    } as NotificationTrigger;
    const violations = validateTrigger(trigger);
    if (!(await this.store.templateKeys()).includes(trigger.templateKey)) {
      violations.push({ field: 'templateKey', message: `no template ${trigger.templateKey}` });
    }
    validOrThrow(violations, `trigger ${change.key}`);
    return saved(
      await this.store.saveTrigger(trigger, change.expectedVersion),
      `trigger ${change.key}`,
    );
  }

  listTemplates(): Promise<Versioned<NotificationTemplate>[]> {
    return this.store.listTemplates();
  }

  async template(key: string, locale: Locale): Promise<Versioned<NotificationTemplate>> {
    const template = await this.store.template(key, locale);
    if (!template) {
      throw new NotificationError(
        NotificationErrorCode.NotFound,
        `no template ${key} in ${locale}`,
      );
    }
    return template;
  }

  async updateTemplate(
    template: NotificationTemplate,
    expectedVersion: number,
  ): Promise<Versioned<NotificationTemplate>> {
    validOrThrow(validateTemplate(template), `template ${template.key} (${template.locale})`);
    return saved(
      await this.store.saveTemplate(template, expectedVersion),
      `template ${template.key} (${template.locale})`,
    );
  }

  async preview(request: TemplatePreview): Promise<RenderedMessage> {
    const template: NotificationTemplate = request.draft
      ? { key: request.key, locale: request.locale, ...request.draft }
      : await this.template(request.key, request.locale);
    validOrThrow(validateTemplate(template), `template ${template.key} (${template.locale})`);
    const base = this.publicBaseUrl.replace(/\/+$/, '');
    const variables = sampleVariables(request.locale, base);
    if (request.ticketId) {
      const ticket = await this.store.ticket(request.ticketId);
      if (!ticket) {
        throw new NotificationError(
          NotificationErrorCode.NotFound,
          `no ticket ${request.ticketId}`,
        );
      }
      const requester = ticket.requesterId ? await this.store.recipient(ticket.requesterId) : null;
      variables.ticket = {
        number: ticket.number,
        title: ticket.title,
        type: ticketLabels.type(ticket.type, request.locale),
        status: ticketLabels.status(ticket.status, request.locale),
        priority: ticketLabels.priority(ticket.priority, request.locale),
        url: `${base}/tickets/${ticket.id}`,
        description: ticket.description,
      };
      if (requester) variables.recipient = { name: requester.displayName };
      variables.csat = { url: `${base}/tickets/${ticket.id}?rate=1` };
      variables.approval = { url: `${base}/console/tickets/${ticket.id}` };
    }
    return renderTemplate(template, variables);
  }

  async preferences(userId: string): Promise<Versioned<NotificationPreferences>> {
    return (
      (await this.store.preferences(userId)) ?? {
        ...DEFAULT_PREFERENCES(userId),
        version: 0,
        updatedAt: new Date(0),
      }
    );
  }

  async updatePreferences(
    preferences: NotificationPreferences,
    expectedVersion: number,
  ): Promise<Versioned<NotificationPreferences>> {
    validOrThrow(validatePreferences(preferences), 'preferences');
    return saved(await this.store.savePreferences(preferences, expectedVersion), 'preferences');
  }
}
