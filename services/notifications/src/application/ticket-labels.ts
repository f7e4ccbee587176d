import type { Locale } from '../domain/locale';

type Labels = Readonly<Record<string, Readonly<Record<Locale, string>>>>;

const TYPES: Labels = {
  incident: { ru: 'Инцидент', en: 'Incident' },
  service_request: { ru: 'Запрос на обслуживание', en: 'Service request' },
  problem: { ru: 'Проблема', en: 'Problem' },
  change: { ru: 'Изменение', en: 'Change' },
};

const STATUSES: Labels = {
  new: { ru: 'Новое', en: 'New' },
  assigned: { ru: 'Назначено', en: 'Assigned' },
  in_progress: { ru: 'В работе', en: 'In progress' },
  pending: { ru: 'Ожидание', en: 'Pending' },
  resolved: { ru: 'Решено', en: 'Resolved' },
  closed: { ru: 'Закрыто', en: 'Closed' },
  cancelled: { ru: 'Отменено', en: 'Cancelled' },
};

const PRIORITIES: Labels = {
  critical: { ru: 'Критический', en: 'Critical' },
  high: { ru: 'Высокий', en: 'High' },
  moderate: { ru: 'Средний', en: 'Moderate' },
  low: { ru: 'Низкий', en: 'Low' },
  planning: { ru: 'Плановый', en: 'Planning' },
};

const SLA_TARGETS: Labels = {
  first_response: { ru: 'Время первого ответа', en: 'First response' },
  resolution: { ru: 'Время решения', en: 'Resolution' },
  ola: { ru: 'OLA группы', en: 'Group OLA' },
};

function label(labels: Labels, value: string, locale: Locale): string {
  return labels[value]?.[locale] ?? value;
}

/** Words a recipient reads for the codes events carry. */
export const ticketLabels = {
  type: (value: string, locale: Locale) => label(TYPES, value, locale),
  status: (value: string, locale: Locale) => label(STATUSES, value, locale),
  priority: (value: string, locale: Locale) => label(PRIORITIES, value, locale),
  slaTarget: (value: string, locale: Locale) => label(SLA_TARGETS, value, locale),
};
