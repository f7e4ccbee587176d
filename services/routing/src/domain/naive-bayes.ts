// Multinomial naive Bayes over ticket text: small, explainable, trained in milliseconds on a few
// thousand tickets, and stored as plain JSON, so the service needs no ML runtime.
import { RoutingError, RoutingErrorCode } from './routing-error';
import { normalizeText } from './text-normalization';

/** Bumped whenever `tokenize` changes: counts made with other tokens would silently mislead. */
export const TOKENIZER_VERSION = 1;
/** Above this many distinct tokens, tokens seen only once are dropped (typos, ids, names). */
export const MAX_VOCABULARY = 50_000;
/** How many runner-up labels a prediction lists. */
export const MAX_ALTERNATIVES = 3;

const MIN_TOKEN_LENGTH = 3;
/** Light stemming: Russian inflects by endings, so "принтер", "принтера", "принтеру" meet. */
const STEM_LENGTH = 6;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const DIGIT = /\p{N}/u;
const LETTER = /\p{L}/u;

// Words every ticket has whatever it is about; after normalisation (ё → е), 3+ characters.
const STOP_WORDS: ReadonlySet<string> = new Set([
  ...['без', 'более', 'будет', 'был', 'была', 'были', 'было', 'быть', 'вам', 'вас', 'ваш', 'ваша'],
  ...['ваше', 'вот', 'все', 'всегда', 'всего', 'всех', 'где', 'даже', 'для', 'его', 'если', 'есть'],
  ...['еще', 'здесь', 'или', 'как', 'какая', 'какой', 'когда', 'кто', 'куда', 'меня', 'мне'],
  ...['может', 'можно', 'мой', 'моя', 'над', 'надо', 'нас', 'него', 'нее', 'нет', 'них', 'нужно'],
  ...['она', 'они', 'оно', 'очень', 'перед', 'под', 'после', 'потом', 'почему', 'при', 'про'],
  ...['сам', 'себе', 'себя', 'сейчас', 'так', 'также', 'там', 'тем', 'теперь', 'тоже', 'только'],
  ...['том', 'тот', 'тут', 'уже', 'хоть', 'чего', 'чем', 'через', 'что', 'чтобы', 'эта', 'эти'],
  ...['это', 'этого', 'этой', 'этом', 'этот', 'эту', 'здравствуйте', 'добрый', 'день'],
  ...['пожалуйста', 'спасибо', 'коллеги', 'прошу', 'просьба', 'помогите', 'уважаемые'],
  ...['the', 'and', 'for', 'are', 'but', 'not', 'you', 'your', 'all', 'any', 'can', 'had', 'has'],
  ...['have', 'her', 'his', 'was', 'one', 'our', 'out', 'this', 'that', 'with', 'from', 'they'],
  ...['will', 'would', 'there', 'their', 'what', 'when', 'which', 'who', 'please', 'hello'],
  ...['thanks', 'thank', 'into', 'than', 'then', 'them', 'some', 'could', 'does', 'did', 'its'],
  ...['also', 'been', 'were', 'just', 'about', 'after', 'again', 'here', 'how', 'why', 'dear'],
  ...['team', 'regards', 'help'],
]);

export interface LabelStats {
  label: string;
  /** Training texts with this label: the prior. */
  documents: number;
  /** Tokens counted in those texts (after pruning): the denominator of the likelihood. */
  tokens: number;
}

/** A trained model: plain data that survives JSON.stringify / JSON.parse unchanged. */
export interface NaiveBayesModel {
  /** The `TOKENIZER_VERSION` it was trained with; another version must be retrained. */
  tokenizerVersion: number;
  /** Sorted by label. */
  labels: LabelStats[];
  /** Distinct tokens kept over all labels: Laplace smoothing adds one of each to every label. */
  vocabulary: number;
  /** label → token → how often the token occurs in that label's training texts. */
  tokenCounts: Record<string, Record<string, number>>;
}

export interface Prediction {
  label: string;
  /** Posterior probability of `label`, 0..1. */
  confidence: number;
  /** The next most likely labels, most likely first, at most `MAX_ALTERNATIVES`. */
  alternatives: { label: string; probability: number }[];
}

export interface LabelledText {
  text: string;
  label: string;
}

export interface Accuracy {
  /** correct / evaluated; 0 when nothing was evaluated. */
  accuracy: number;
  evaluated: number;
  correct: number;
}

const hasOwn = Object.hasOwn;

function countOf(counts: Record<string, number> | undefined, token: string): number {
  return counts && hasOwn(counts, token) ? (counts[token] ?? 0) : 0;
}

/**
 * Lower case, ё → е, split on anything but letters and digits, drop stop words and tokens under
 * three characters, cut to six. Two-character tokens that mix a digit and a letter stay ("1с",
 * "4g"): in a Russian service desk "1С" names a whole family of business systems.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const word of normalizeText(text).split(SEPARATORS)) {
    if (word.length < MIN_TOKEN_LENGTH) {
      if (word.length === 2 && DIGIT.test(word) && LETTER.test(word)) tokens.push(word);
      continue;
    }
    if (STOP_WORDS.has(word)) continue;
    tokens.push(word.length > STEM_LENGTH ? word.slice(0, STEM_LENGTH) : word);
  }
  return tokens;
}

function byLabel(a: { label: string }, b: { label: string }): number {
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

/** Trains with Laplace (add-one) smoothing; examples are used in full, none held back. */
export function trainNaiveBayes(examples: readonly LabelledText[]): NaiveBayesModel {
  const perLabel = new Map<string, { documents: number; counts: Map<string, number> }>();
  const overall = new Map<string, number>();
  for (const { text, label } of examples) {
    let stats = perLabel.get(label);
    if (!stats) {
      stats = { documents: 0, counts: new Map() };
      perLabel.set(label, stats);
    }
    stats.documents++;
    for (const token of tokenize(text)) {
      stats.counts.set(token, (stats.counts.get(token) ?? 0) + 1);
      overall.set(token, (overall.get(token) ?? 0) + 1);
    }
  }
  const keep =
    overall.size > MAX_VOCABULARY ? (token: string) => (overall.get(token) ?? 0) >= 2 : () => true;
  const vocabulary = new Set<string>();
  const labels: LabelStats[] = [];
  // Null prototypes: a label or token such as "__proto__" must stay a plain key.
  const tokenCounts: Record<string, Record<string, number>> = Object.create(null) as Record<
    string,
    Record<string, number>
  >;
  for (const [label, stats] of perLabel) {
    const counts = Object.create(null) as Record<string, number>;
    let tokens = 0;
    for (const [token, count] of stats.counts) {
      if (!keep(token)) continue;
      counts[token] = count;
      tokens += count;
      vocabulary.add(token);
    }
    tokenCounts[label] = counts;
    labels.push({ label, documents: stats.documents, tokens });
  }
  labels.sort(byLabel);
  return { tokenizerVersion: TOKENIZER_VERSION, labels, vocabulary: vocabulary.size, tokenCounts };
}

function isKnown(model: NaiveBayesModel, token: string): boolean {
  return model.labels.some(({ label }) => countOf(model.tokenCounts[label], token) > 0);
}

/**
 * The most likely label of `text` with its posterior probability (log-sum-exp softmax of the log
 * joint likelihoods). Tokens the model never saw are ignored; null when the model has no labels
 * or the text has no token it knows, because then only the prior would speak.
 */
export function predict(model: NaiveBayesModel, text: string): Prediction | null {
  if (model.tokenizerVersion !== TOKENIZER_VERSION) {
    throw new RoutingError(
      RoutingErrorCode.FailedPrecondition,
      `the model was trained with tokenizer version ${model.tokenizerVersion}; retrain it for version ${TOKENIZER_VERSION}`,
      [],
      { tokenizerVersion: model.tokenizerVersion },
    );
  }
  if (model.labels.length === 0) return null;
  const tokens = tokenize(text).filter((token) => isKnown(model, token));
  if (tokens.length === 0) return null;

  const totalDocuments = model.labels.reduce((sum, { documents }) => sum + documents, 0);
  const scores = model.labels.map(({ label, documents, tokens: labelTokens }) => {
    const counts = model.tokenCounts[label];
    const denominator = Math.log(labelTokens + model.vocabulary);
    let score = Math.log(documents / totalDocuments);
    for (const token of tokens) score += Math.log(countOf(counts, token) + 1) - denominator;
    return { label, score };
  });
  const top = Math.max(...scores.map(({ score }) => score));
  const total = scores.reduce((sum, { score }) => sum + Math.exp(score - top), 0);
  const ranked = scores
    .map(({ label, score }) => ({ label, probability: Math.exp(score - top) / total }))
    .sort((a, b) => b.probability - a.probability || byLabel(a, b));
  const [best, ...rest] = ranked;
  if (!best) return null;
  return {
    label: best.label,
    confidence: best.probability,
    alternatives: rest.slice(0, MAX_ALTERNATIVES),
  };
}

/** Share of `holdout` whose label the model predicts; a text it cannot read counts as wrong. */
export function evaluateAccuracy(
  model: NaiveBayesModel,
  holdout: readonly LabelledText[],
): Accuracy {
  let correct = 0;
  for (const { text, label } of holdout) {
    if (predict(model, text)?.label === label) correct++;
  }
  const evaluated = holdout.length;
  return { accuracy: evaluated === 0 ? 0 : correct / evaluated, evaluated, correct };
}
