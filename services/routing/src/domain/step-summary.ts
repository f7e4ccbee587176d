import type { Exclusion, ExplanationStep } from './routing-model';

export interface Summary {
  en: string;
  ru: string;
}

const EXCLUSION_TEXT: Record<Exclusion, Summary> = {
  not_in_group: { en: 'not in the group', ru: 'не в группе' },
  unavailable: { en: 'not online', ru: 'не в сети' },
  off_shift: { en: 'off shift', ru: 'вне смены' },
  at_capacity: { en: 'at capacity', ru: 'нет свободной ёмкости' },
  missing_skills: { en: 'missing skills', ru: 'не хватает навыков' },
};

const STRATEGY_TEXT: Record<string, Summary> = {
  round_robin: { en: 'round robin', ru: 'по очереди' },
  least_loaded: { en: 'least loaded', ru: 'наименее загруженный' },
  skills_match: { en: 'best skills match', ru: 'лучшее совпадение навыков' },
};

const SOURCE_TEXT: Record<string, Summary> = {
  rule: { en: 'by a rule', ru: 'по правилу' },
  classifier: { en: 'by the classifier', ru: 'по классификатору' },
  escalation: { en: 'by escalation to the next line', ru: 'эскалацией на следующую линию' },
  current: { en: 'as chosen when the ticket was opened', ru: 'как указано при создании заявки' },
  default: { en: 'as the default group', ru: 'как группа по умолчанию' },
};

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** One sentence per step in English and Russian, for people reading "why was this routed here". */
export function summarizeStep(step: ExplanationStep): Summary {
  switch (step.kind) {
    case 'classification': {
      const confidence = percent(Math.max(step.categoryConfidence, step.groupConfidence));
      return step.applied
        ? {
            en: `The classifier proposed a category or group with ${confidence} confidence (threshold ${percent(step.threshold)}) and it was applied.`,
            ru: `Классификатор предложил категорию или группу с уверенностью ${confidence} (порог ${percent(step.threshold)}), предложение применено.`,
          }
        : {
            en: `The classifier's proposal (${confidence}) was below the threshold of ${percent(step.threshold)} and was not applied.`,
            ru: `Предложение классификатора (${confidence}) ниже порога ${percent(step.threshold)} и не применено.`,
          };
    }
    case 'rule_matched':
      return {
        en: `Rule "${step.ruleName}" (version ${step.ruleVersion}) matched.`,
        ru: `Сработало правило «${step.ruleName}» (версия ${step.ruleVersion}).`,
      };
    case 'group_selected': {
      const source = SOURCE_TEXT[step.source] ?? { en: step.source, ru: step.source };
      return {
        en: `The ticket went to group ${step.groupId} ${source.en}.`,
        ru: `Заявка направлена в группу ${step.groupId} ${source.ru}.`,
      };
    }
    case 'agent_selected': {
      const strategy = STRATEGY_TEXT[step.strategy] ?? { en: step.strategy, ru: step.strategy };
      const eligible = step.candidates.filter(({ eligible }) => eligible).length;
      const excluded = exclusionCounts(step.candidates.flatMap(({ exclusions }) => exclusions));
      const chosen = step.candidates.find(({ agentId }) => agentId === step.chosenAgentId);
      return chosen
        ? {
            en: `Of ${step.candidates.length} agents, ${eligible} could take it${excluded.en}; ${chosen.userId} was chosen as ${strategy.en}.`,
            ru: `Из ${step.candidates.length} агентов могли взять ${eligible}${excluded.ru}; выбран ${chosen.userId} (${strategy.ru}).`,
          }
        : {
            en: `Of ${step.candidates.length} agents none could take it${excluded.en}.`,
            ru: `Из ${step.candidates.length} агентов никто не мог взять заявку${excluded.ru}.`,
          };
    }
    // The reasons are the domain's English sentences; the Russian summary says the same in
    // general words rather than mixing languages.
    case 'queued':
      return {
        en: `The ticket waits in the group queue: ${step.reason}.`,
        ru: 'Заявка ждёт в очереди группы: сейчас её не может взять ни один агент группы; она достанется первому, кто освободится.',
      };
    case 'no_group':
      return {
        en: `No group was found: ${step.reason}.`,
        ru: 'Группа не найдена: ни правило, ни классификатор, ни группа по умолчанию не назначили заявке группу.',
      };
  }
}

function exclusionCounts(exclusions: readonly Exclusion[]): Summary {
  if (exclusions.length === 0) return { en: '', ru: '' };
  const counts = new Map<Exclusion, number>();
  for (const exclusion of exclusions) counts.set(exclusion, (counts.get(exclusion) ?? 0) + 1);
  const parts = [...counts].map(([exclusion, count]) => ({
    en: `${count} ${EXCLUSION_TEXT[exclusion].en}`,
    ru: `${count} — ${EXCLUSION_TEXT[exclusion].ru}`,
  }));
  return {
    en: ` (${parts.map(({ en }) => en).join(', ')})`,
    ru: ` (${parts.map(({ ru }) => ru).join(', ')})`,
  };
}
