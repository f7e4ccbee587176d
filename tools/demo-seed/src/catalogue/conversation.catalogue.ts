import type { Language } from '../gateway-api';
import type { AssignmentGroupId } from './people.catalogue';

// What agents and requesters write on any ticket, whatever it is about. Placeholders:
// {group} (an assignment group's name), {case} (a vendor's case number).

type Phrases = Readonly<Record<Language, readonly string[]>>;

export const GROUP_NAMES: Readonly<Record<Language, Readonly<Record<AssignmentGroupId, string>>>> =
  {
    ru: {
      'service-desk': 'первую линию',
      network: 'сетевую группу',
      workplace: 'группу рабочих мест',
      'erp-support': 'поддержку ERP',
      security: 'информационную безопасность',
      dba: 'группу DBA',
    },
    en: {
      'service-desk': 'the service desk',
      network: 'the network team',
      workplace: 'workplace support',
      'erp-support': 'ERP support',
      security: 'security',
      dba: 'the DBA team',
    },
  };

/** An agent's first public reply. */
export const ACKNOWLEDGEMENTS: Phrases = {
  ru: [
    'Добрый день! Заявку взял в работу, вернусь с результатом в течение часа.',
    'Здравствуйте! Приняли обращение, уже разбираемся.',
    'Добрый день, посмотрю в ближайшее время и отпишусь.',
    'Здравствуйте! Спасибо за подробное описание, занимаюсь.',
  ],
  en: [
    "Hi, I've picked this up and will get back to you within the hour.",
    'Hello, thanks for reporting. We are looking into it now.',
    "Hi, I'll take a look shortly and update you here.",
    'Hello! Thanks for the detailed description, working on it.',
  ],
};

/** Internal notes while an agent works on an incident. */
export const WORK_NOTES: Phrases = {
  ru: [
    'Проверил журналы за последние сутки, других подобных обращений нет.',
    'Воспроизвёл на тестовой учётке, проблема подтверждается.',
    'Похоже на ту же причину, что и на прошлой неделе; проверяю.',
    'Подключился удалённо, собрал логи — приложу к заявке.',
    'Созвонился с пользователем, уточнил детали.',
  ],
  en: [
    'Checked the logs for the last 24 hours; no similar reports from others.',
    'Reproduced it with a test account, the issue is confirmed.',
    'Looks like the same cause as last week; checking.',
    'Connected remotely and collected logs, attaching them here.',
    'Called the user to clarify the details.',
  ],
};

/** Internal notes while an agent fulfils a service request. */
export const REQUEST_WORK_NOTES: Phrases = {
  ru: [
    'Проверил каталог услуг: запрос стандартный, согласование руководителя обязательно.',
    'Уточнил у владельца ресурса, возражений нет.',
    'Проверил наличие на складе, всё есть.',
    'Похожая заявка от этого отдела была в прошлом месяце — делаю по тому же шаблону.',
  ],
  en: [
    "Checked the service catalogue: a standard request, needs the line manager's approval.",
    'Checked with the resource owner, no objections.',
    'Checked the stock room, everything is available.',
    'The same department had a similar request last month; following the same template.',
  ],
};

/** An internal note before handing the ticket to another group. */
export const ESCALATION_NOTES: Phrases = {
  ru: [
    'Первичная диагностика не помогла, передаю в {group}.',
    'Нужна проверка профильной группы — передаю в {group}.',
    'Не наш профиль, переназначаю на {group}.',
  ],
  en: [
    'First-line checks did not help, handing over to {group}.',
    'Needs a specialist look; passing it to {group}.',
    'Not ours to fix, reassigning to {group}.',
  ],
};

/** The agent waits for a vendor (internal). */
export const VENDOR_NOTES: Phrases = {
  ru: [
    'Открыли обращение у поставщика, номер {case}. Ждём ответа.',
    'Передали диагностику производителю (кейс {case}), срок ответа — 2 рабочих дня.',
  ],
  en: [
    'Opened a vendor case {case}; waiting for their answer.',
    'Sent the diagnostics to the manufacturer (case {case}); they answer within 2 business days.',
  ],
};

/** The agent waits for a change (internal). */
export const CHANGE_WAIT_NOTES: Phrases = {
  ru: [
    'Исправление требует изменения конфигурации, ждём согласования на CAB.',
    'Починится плановым изменением в ближайшее окно обслуживания.',
  ],
  en: [
    'The fix needs a configuration change; waiting for CAB approval.',
    'Will be fixed by the planned change in the next maintenance window.',
  ],
};

/** The vendor came back (internal), before resuming. */
export const VENDOR_RESUME_NOTES: Phrases = {
  ru: [
    'Поставщик прислал решение, продолжаю.',
    'Ответ от производителя получен, продолжаю работу.',
  ],
  en: ['The vendor sent a fix, resuming.', 'The manufacturer answered; back on it.'],
};

/** The change went in (internal), before resuming. */
export const CHANGE_RESUME_NOTES: Phrases = {
  ru: ['Изменение внедрено, проверяю у пользователя.', 'Плановые работы завершены, продолжаю.'],
  en: ['The change is in, checking with the user.', 'The maintenance is done; continuing.'],
};

/** The agent's public reply that comes with a fix: the fix, then this. */
export const RESOLUTION_TAILS: Phrases = {
  ru: [
    'Проверьте, пожалуйста, у себя. Если проблема повторится — просто ответьте на это сообщение.',
    'Закрываю заявку; если что-то не так — напишите, переоткроем.',
  ],
  en: [
    'Please check on your side. If it happens again, just reply to this message.',
    "I'm resolving the ticket; reply here if anything is still wrong and we'll reopen it.",
  ],
};

/** The agent's public reply that comes with a refusal or a resolution without a fix. */
export const EXPLANATION_TAILS: Phrases = {
  ru: [
    'Если остались вопросы — ответьте на это сообщение.',
    'Если нужно обсудить — позвоните на 1234.',
  ],
  en: [
    'If you have questions, just reply to this message.',
    'Happy to talk it through, call 1234.',
  ],
};

export const THANKS: Phrases = {
  ru: [
    'Спасибо, всё работает!',
    'Отлично, спасибо за оперативность.',
    'Да, теперь всё в порядке. Спасибо!',
  ],
  en: [
    'Thanks, it works now!',
    'Great, thanks for the quick help.',
    'Yes, all good now. Thank you!',
  ],
};

/** What a requester writes with a good satisfaction rating (4 or 5), when they write at all. */
export const PRAISE: Phrases = {
  ru: [
    'Быстро и по делу, спасибо!',
    'Всё объяснили понятным языком.',
    'Решили за полчаса, отличная работа.',
    'Спасибо за терпение и подробные инструкции.',
  ],
  en: [
    'Quick and to the point, thank you!',
    'Everything was explained in plain words.',
    'Sorted within half an hour, great job.',
    'Thanks for your patience and the clear instructions.',
  ],
};

/** What a requester writes with a poor rating (1 to 3): always something. */
export const COMPLAINTS: Phrases = {
  ru: [
    'Решили, но ждать пришлось слишком долго.',
    'Пришлось несколько раз объяснять одно и то же.',
    'Проблема решена только наполовину, обходной путь неудобный.',
    'Никто не предупредил, что заявку закроют.',
    'Ответ формальный, пришлось разбираться самому.',
  ],
  en: [
    'Fixed in the end, but the wait was far too long.',
    'I had to explain the same thing several times.',
    'Only half solved; the workaround is awkward.',
    'Nobody told me the ticket would be closed.',
    'A box-ticking answer; I had to figure it out myself.',
  ],
};

/** The requester says it broke again, before reopening. */
export const STILL_BROKEN: Phrases = {
  ru: ['К сожалению, сегодня утром всё повторилось.', 'Проработало полдня и снова та же ошибка.'],
  en: [
    'Unfortunately it happened again this morning.',
    'It worked for half a day, now the same error again.',
  ],
};

export const REOPEN_NOTES: Phrases = {
  ru: ['Переоткрыто по обращению пользователя, смотрю глубже.'],
  en: ["Reopened at the requester's request; digging deeper."],
};

/** The requester asks how it is going while nobody has picked it up yet. */
export const CHASERS: Phrases = {
  ru: [
    'Есть новости? Очень мешает работать.',
    'Добавлю: у коллеги та же ситуация.',
    'Подскажите, когда примерно возьмёте в работу?',
  ],
  en: [
    'Any news? This is blocking my work.',
    'Adding: a colleague has the same problem.',
    'Any idea when someone can look at this?',
  ],
};

/** The requester withdraws the ticket. */
export const WITHDRAWALS: Phrases = {
  ru: [
    'Вопрос решился сам, заявку можно закрыть.',
    'Уже не актуально, спасибо.',
    'Разобрался сам, отменяю.',
  ],
  en: [
    'It sorted itself out, you can close this.',
    'Not needed any more, thanks.',
    'Figured it out myself, cancelling.',
  ],
};

/** An agent cancels a ticket nobody needs (internal). */
export const CANCEL_NOTES: Phrases = {
  ru: [
    'Пользователь не выходит на связь третий день, отменяю по регламенту.',
    'Дубль заявки, работа ведётся в основной.',
  ],
  en: [
    'No response from the requester for three days; cancelling as per policy.',
    'Duplicate; work continues in the original ticket.',
  ],
};

/** Resolution notes for incidents closed without a fix of their own. */
export const RESOLUTION_NOTES_BY_CODE: Readonly<
  Record<'user_error' | 'no_fault_found' | 'duplicate', Readonly<Record<Language, string>>>
> = {
  user_error: {
    ru: 'Проведена консультация: пользователь использовал устаревшую инструкцию. Отправлена актуальная.',
    en: 'Walked the user through it: they followed an outdated guide. Sent the current one.',
  },
  no_fault_found: {
    ru: 'Неисправность не подтвердилась: при проверке с пользователем всё работает штатно.',
    en: 'No fault found: everything works as expected when checked together with the user.',
  },
  duplicate: {
    ru: 'Дубль обращения, работа ведётся по основной заявке.',
    en: 'Duplicate report; the work continues in the original ticket.',
  },
};
