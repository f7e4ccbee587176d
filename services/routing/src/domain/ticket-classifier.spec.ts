import { RoutingError, RoutingErrorCode } from './routing-error';
import {
  type ClassifierHistoryItem,
  classifyTicket,
  evaluateAccuracy,
  fnv1a32,
  MAX_VOCABULARY,
  type NaiveBayesModel,
  predict,
  splitHoldout,
  tokenize,
  trainNaiveBayes,
  trainTicketClassifier,
} from './ticket-classifier';

/** Ticket texts of a Russian office's service desk, in Russian and English, per category. */
const TOPICS = {
  'cat-network': {
    groupId: 'grp-network',
    titles: [
      'Не работает интернет',
      'Нет доступа к сети',
      'Пропал Wi-Fi на этаже',
      'VPN не подключается',
      'Network is down in the office',
      'Cannot connect to VPN',
      'Медленный интернет',
      'Нет сети на ноутбуке',
    ],
    descriptions: [
      'С утра не открываются сайты, сетевой кабель подключен',
      'Роутер мигает красным, сеть недоступна',
      'Точка доступа Wi-Fi не видна, подключение обрывается',
      'VPN клиент выдает ошибку подключения к шлюзу',
      'The wireless network keeps dropping, no internet access',
      'Ping to the gateway times out, the switch port seems dead',
      'Скорость интернета низкая, сайты грузятся минутами',
      'Сетевой адаптер не получает IP адрес по DHCP',
    ],
  },
  'cat-printer': {
    groupId: 'grp-desk',
    titles: [
      'Не печатает принтер',
      'Замятие бумаги в принтере',
      'Printer is not printing',
      'Закончился картридж',
      'МФУ не сканирует',
      'Printer shows paper jam',
      'Принтер печатает полосы',
      'Подключить принтер',
    ],
    descriptions: [
      'Принтер на третьем этаже не печатает, задания висят в очереди печати',
      'Замялась бумага, лоток не выдвигается',
      'Print jobs are stuck in the queue, the printer is offline',
      'Тонер закончился, картридж нужно заменить',
      'Сканер МФУ выдает ошибку при сканировании в папку',
      'Paper jam in tray two, the printer will not print',
      'На распечатках серые полосы, картридж новый',
      'Установить драйвер принтера на новый компьютер',
    ],
  },
  'cat-1c': {
    groupId: 'grp-1c',
    titles: [
      'Ошибка в 1С',
      'Не запускается 1С:Бухгалтерия',
      '1C report is wrong',
      'Не проводится документ в 1С',
      'Обновить конфигурацию 1С',
      'Зависает 1С при закрытии месяца',
      '1C license error',
      'Нет доступа к базе 1С',
    ],
    descriptions: [
      'При проведении документа реализации бухгалтерия получает ошибку',
      'База Бухгалтерия не открывается после обновления платформы',
      'The accounting report shows wrong totals for the quarter',
      'Проводки не формируются, документ не проводится',
      'Нужно обновить конфигурацию Зарплата и управление персоналом',
      'Закрытие месяца в бухгалтерии зависает на расчете себестоимости',
      'The client says no license is available for the accounting base',
      'Бухгалтеру нужен доступ к информационной базе',
    ],
  },
  'cat-email': {
    groupId: 'grp-desk',
    titles: [
      'Не приходит почта',
      'Outlook не отправляет письма',
      'Email is not syncing',
      'Переполнен почтовый ящик',
      'Не открывается Outlook',
      'Письма уходят в спам',
      'Cannot send email attachments',
      'Настроить почту на телефоне',
    ],
    descriptions: [
      'Письма от клиентов не приходят во входящие с утра',
      'Outlook зависает при отправке письма с вложением',
      'Mailbox does not sync on the phone, email stuck in outbox',
      'Почтовый ящик переполнен, письма возвращаются отправителю',
      'Outlook выдает ошибку профиля при запуске',
      'Важные письма попадают в папку спам',
      'Attachments larger than 10 MB cannot be sent from the mailbox',
      'Нужно настроить корпоративную почту на мобильном телефоне',
    ],
  },
} as const;

const FILLERS = [
  'Кабинет 301.',
  'Срочно, отдел стоит.',
  'Пользователь Иванова.',
  'Office in Kazan.',
  'Since yesterday.',
];

/** 40 tickets per category from the templates above, plus a few never classified. */
function syntheticHistory(): ClassifierHistoryItem[] {
  const history: ClassifierHistoryItem[] = [];
  for (const [categoryId, topic] of Object.entries(TOPICS)) {
    for (let i = 0; i < 40; i++) {
      history.push({
        id: `TCK-${String(history.length + 1).padStart(5, '0')}`,
        title: topic.titles[i % 8] ?? '',
        description: `${topic.descriptions[(i * 3 + 1) % 8] ?? ''} ${FILLERS[i % 5] ?? ''}`,
        categoryId,
        groupId: topic.groupId,
      });
    }
  }
  for (let i = 0; i < 10; i++) {
    history.push({
      id: `TCK-X${i}`,
      title: 'Вопрос',
      description: 'Позвоните мне',
      categoryId: null,
      groupId: i % 2 === 0 ? 'grp-desk' : null,
    });
  }
  return history;
}

describe('tokenizing', () => {
  it.each<[string, string, string[]]>([
    [
      'stop words and short words go',
      'Не работает ПРИНТЕР на этаже!',
      ['работа', 'принте', 'этаже'],
    ],
    ['ё reads as е', 'Учётная запись заблокирована', ['учетна', 'запись', 'заблок']],
    [
      'inflections meet at six characters',
      'принтер принтера принтеру',
      ['принте', 'принте', 'принте'],
    ],
    ['1С stays though it is short', '1С:Бухгалтерия', ['1с', 'бухгал']],
    ['English too', 'The printer is JAMMED, please help', ['printe', 'jammed']],
    ['digits are tokens', 'Ошибка 0x80070005 на ПК-42', ['ошибка', '0x8007']],
    ['nothing left', 'Hi! Да, ок.', []],
    ['empty', '', []],
  ])('%s', (_name, text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });
});

describe('naive Bayes', () => {
  const tiny = trainNaiveBayes([
    { text: 'принтер бумага', label: 'print' },
    { text: 'сеть роутер', label: 'net' },
    { text: 'принтер картридж', label: 'print' },
  ]);

  it('counts documents, tokens and the vocabulary', () => {
    expect(tiny).toEqual({
      tokenizerVersion: 1,
      labels: [
        { label: 'net', documents: 1, tokens: 2 },
        { label: 'print', documents: 2, tokens: 4 },
      ],
      vocabulary: 5,
      tokenCounts: {
        print: { принте: 2, бумага: 1, картри: 1 },
        net: { сеть: 1, роутер: 1 },
      },
    });
  });

  it('gives the posterior with add-one smoothing', () => {
    // print: 2/3 · (2+1)/(4+5) = 2/9; net: 1/3 · (0+1)/(2+5) = 1/21; 2/9 ÷ (2/9 + 1/21) = 14/17.
    const prediction = predict(tiny, 'Принтера нет');
    expect(prediction?.label).toBe('print');
    expect(prediction?.confidence).toBeCloseTo(14 / 17, 12);
    expect(prediction?.alternatives).toHaveLength(1);
    expect(prediction?.alternatives[0]?.label).toBe('net');
    expect(prediction?.alternatives[0]?.probability).toBeCloseTo(3 / 17, 12);
  });

  it.each<[string, NaiveBayesModel, string]>([
    ['no labels', trainNaiveBayes([]), 'принтер'],
    ['no known token', tiny, 'Здравствуйте, позвоните мне'],
    ['no token at all', tiny, '!!!'],
  ])('predicts nothing with %s', (_name, model, text) => {
    expect(predict(model, text)).toBeNull();
  });

  it('stays finite on long texts (log-sum-exp)', () => {
    const prediction = predict(tiny, 'принтер '.repeat(5000));
    expect(prediction?.label).toBe('print');
    expect(prediction?.confidence).toBe(1);
  });

  it('lists at most three alternatives, most likely first', () => {
    const model = trainNaiveBayes(
      ['a', 'b', 'c', 'd', 'e'].map((label) => ({ text: `общий ${label}${label}${label}`, label })),
    );
    const prediction = predict(model, 'общий aaa');
    expect(prediction?.label).toBe('a');
    // The rest tie, so they come by label.
    expect(prediction?.alternatives.map(({ label }) => label)).toEqual(['b', 'c', 'd']);
  });

  it('keeps only tokens seen twice when the vocabulary is too large', () => {
    const rare = Array.from({ length: MAX_VOCABULARY + 1 }, (_, i) => `w${i}`).join(' ');
    const model = trainNaiveBayes([
      { text: `${rare} alpha alpha`, label: 'x' },
      { text: 'alpha beta beta', label: 'y' },
    ]);
    expect(model.vocabulary).toBe(2);
    expect(model.labels).toEqual([
      { label: 'x', documents: 1, tokens: 2 },
      { label: 'y', documents: 1, tokens: 3 },
    ]);
  });

  it('keeps a label named like an Object member a plain label', () => {
    const model = trainNaiveBayes([
      { text: 'принтер', label: '__proto__' },
      { text: 'сеть', label: 'constructor' },
    ]);
    const restored = JSON.parse(JSON.stringify(model)) as NaiveBayesModel;
    expect(predict(restored, 'принтер')?.label).toBe('__proto__');
    expect(predict(restored, 'сеть')?.label).toBe('constructor');
  });

  it('refuses a model made by another tokenizer', () => {
    const old = { ...tiny, tokenizerVersion: 0 };
    expect(() => predict(old, 'принтер')).toThrow(RoutingError);
    expect(() => predict(old, 'принтер')).toThrow(
      expect.objectContaining({ code: RoutingErrorCode.FailedPrecondition }),
    );
  });

  it.each<[string, number, number, number]>([
    ['all right', 2, 2, 1],
    ['half right, an unreadable text counts as wrong', 2, 1, 0.5],
  ])('measures accuracy: %s', (_name, evaluated, correct, accuracy) => {
    const holdout = [
      { text: 'картридж', label: 'print' },
      { text: correct === 2 ? 'роутер' : '???', label: 'net' },
    ];
    expect(evaluateAccuracy(tiny, holdout)).toEqual({ accuracy, evaluated, correct });
  });

  it('measures nothing as accuracy 0', () => {
    expect(evaluateAccuracy(tiny, [])).toEqual({ accuracy: 0, evaluated: 0, correct: 0 });
  });
});

describe('splitting off a holdout', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => ({ id: `TCK-${i}` }));

  it.each<[string, string, number]>([
    ['the empty string', '', 0x811c9dc5],
    ['"a"', 'a', 0xe40c292c],
    ['"foobar"', 'foobar', 0xbf9cf968],
  ])('hashes %s with FNV-1a', (_name, text, hash) => {
    expect(fnv1a32(text)).toBe(hash);
  });

  it('splits the same history the same way, whatever its order', () => {
    const first = splitHoldout(ids);
    const again = splitHoldout([...ids].reverse());
    expect(new Set(again.holdout.map(({ id }) => id))).toEqual(
      new Set(first.holdout.map(({ id }) => id)),
    );
    expect(first.training.length + first.holdout.length).toBe(ids.length);
  });

  it('holds out about the share asked for', () => {
    expect(splitHoldout(ids, 0.2).holdout.length / ids.length).toBeGreaterThan(0.17);
    expect(splitHoldout(ids, 0.2).holdout.length / ids.length).toBeLessThan(0.23);
    expect(splitHoldout(ids, 0).holdout).toEqual([]);
    expect(splitHoldout(ids, 1).training).toEqual([]);
  });

  it('keeps a ticket on its side as the history grows', () => {
    const before = new Set(splitHoldout(ids.slice(0, 1000)).holdout.map(({ id }) => id));
    const after = splitHoldout(ids).holdout.map(({ id }) => id);
    expect(after.filter((id) => Number(id.slice(4)) < 1000)).toEqual([...before]);
  });

  it.each([-0.1, 1.5, Number.NaN])('refuses the share %s', (share) => {
    expect(() => splitHoldout(ids, share)).toThrow(
      expect.objectContaining({
        code: RoutingErrorCode.ValidationFailed,
        violations: [{ field: 'holdoutShare', message: `${share} is not a share from 0 to 1` }],
      }),
    );
  });
});

describe('the ticket classifier', () => {
  const history = syntheticHistory();
  const classifier = trainTicketClassifier(history);

  it('is accurate on tickets it never saw', () => {
    expect(classifier.trainedOn + classifier.heldOut).toBe(history.length);
    expect(classifier.heldOut).toBeGreaterThan(20);
    expect(classifier.categoryAccuracy.evaluated).toBeGreaterThan(20);
    expect(classifier.categoryAccuracy.accuracy).toBeGreaterThan(0.8);
    expect(classifier.groupAccuracy.accuracy).toBeGreaterThan(0.8);
  });

  it('reports the accuracy of exactly the models it stores', () => {
    const { holdout } = splitHoldout(history);
    const labelled = holdout.flatMap(({ title, description, categoryId }) =>
      categoryId ? [{ text: `${title} ${description}`, label: categoryId }] : [],
    );
    const model = classifier.category ?? trainNaiveBayes([]);
    expect(model.labels).toHaveLength(4);
    expect(evaluateAccuracy(model, labelled)).toEqual(classifier.categoryAccuracy);
  });

  it('learns a model only from tickets with that label', () => {
    expect(classifier.category?.labels.map(({ label }) => label)).toEqual([
      'cat-1c',
      'cat-email',
      'cat-network',
      'cat-printer',
    ]);
    expect(classifier.group?.labels.map(({ label }) => label)).toEqual([
      'grp-1c',
      'grp-desk',
      'grp-network',
    ]);
  });

  it.each<[string, string, string]>([
    ['Принтер зажевал бумагу и не печатает', 'cat-printer', 'grp-desk'],
    ['Не могу подключиться к VPN из дома', 'cat-network', 'grp-network'],
    ['В 1С не проводится накладная', 'cat-1c', 'grp-1c'],
    ['Outlook перестал получать письма', 'cat-email', 'grp-desk'],
    ['The printer on floor 2 is offline', 'cat-printer', 'grp-desk'],
  ])('classifies "%s"', (text, categoryId, groupId) => {
    const { category, group } = classifyTicket(classifier, text);
    expect(category?.label).toBe(categoryId);
    expect(group?.label).toBe(groupId);
    expect(category?.confidence).toBeGreaterThan(0.5);
  });

  it('proposes nothing for text it cannot read', () => {
    expect(classifyTicket(classifier, 'Здравствуйте!')).toEqual({ category: null, group: null });
  });

  it('survives a JSON round trip unchanged', () => {
    const restored = JSON.parse(JSON.stringify(classifier)) as typeof classifier;
    expect(restored).toEqual(classifier);
    const text = 'Замятие бумаги, принтер не печатает';
    expect(classifyTicket(restored, text)).toEqual(classifyTicket(classifier, text));
  });

  it('trains no model where there is nothing to tell apart', () => {
    const oneCategory = history.map((item) => ({ ...item, categoryId: 'cat-any' }));
    const trained = trainTicketClassifier(oneCategory);
    expect(trained.category).toBeNull();
    expect(trained.categoryAccuracy).toEqual({ accuracy: 0, evaluated: 0, correct: 0 });
    expect(trained.group).not.toBeNull();
    expect(classifyTicket(trained, 'принтер').category).toBeNull();
  });

  it('trains nothing from no history', () => {
    expect(trainTicketClassifier([])).toEqual({
      category: null,
      group: null,
      categoryAccuracy: { accuracy: 0, evaluated: 0, correct: 0 },
      groupAccuracy: { accuracy: 0, evaluated: 0, correct: 0 },
      trainedOn: 0,
      heldOut: 0,
    });
  });

  it('takes the holdout share it is given', () => {
    const trained = trainTicketClassifier(history, { holdoutShare: 0.5 });
    expect(trained.heldOut).toBe(splitHoldout(history, 0.5).holdout.length);
    expect(trained.heldOut).toBeGreaterThan(classifier.heldOut);
  });
});
