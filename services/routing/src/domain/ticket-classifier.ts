// Automatic classification of tickets from their text: which category and which group, learned
// from the history of resolved tickets. The reported accuracy is measured on tickets the stored
// models never saw, so a threshold set against it means what it says.
import {
  type Accuracy,
  evaluateAccuracy,
  type LabelledText,
  type NaiveBayesModel,
  predict,
  type Prediction,
  trainNaiveBayes,
} from './naive-bayes';
import { RoutingError, RoutingErrorCode } from './routing-error';

export {
  type Accuracy,
  evaluateAccuracy,
  type LabelledText,
  type LabelStats,
  MAX_ALTERNATIVES,
  MAX_VOCABULARY,
  type NaiveBayesModel,
  predict,
  type Prediction,
  tokenize,
  TOKENIZER_VERSION,
  trainNaiveBayes,
} from './naive-bayes';

export const DEFAULT_HOLDOUT_SHARE = 0.2;

/** A past ticket as the classifier learns from it; a null label is not learned for that model. */
export interface ClassifierHistoryItem {
  id: string;
  title: string;
  description: string;
  categoryId: string | null;
  groupId: string | null;
}

export interface TicketClassifier {
  /** null when the history has fewer than two categories to tell apart. */
  category: NaiveBayesModel | null;
  group: NaiveBayesModel | null;
  categoryAccuracy: Accuracy;
  groupAccuracy: Accuracy;
  /** History items in the training part / the holdout part of the split. */
  trainedOn: number;
  heldOut: number;
}

export interface TicketClassification {
  category: Prediction | null;
  group: Prediction | null;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const utf8 = new TextEncoder();

/** 32-bit FNV-1a of the UTF-8 bytes of `text`. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET;
  for (const byte of utf8.encode(text)) hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  return hash;
}

/**
 * Where an id falls in [0, 1). FNV-1a alone leaves its high bits nearly unchanged between ids that
 * differ only in their last characters (TCK-00140 … TCK-00149 would all land together), so its
 * hash is passed through MurmurHash3's finaliser to spread sequential ids evenly.
 */
function positionOf(id: string): number {
  let hash = fnv1a32(id);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 0x1_0000_0000;
}

/**
 * Splits by a hash of each id rather than at random, so the same history always splits the same
 * way and a ticket stays on its side as the history grows.
 */
export function splitHoldout<T extends { id: string }>(
  items: readonly T[],
  share = DEFAULT_HOLDOUT_SHARE,
): { training: T[]; holdout: T[] } {
  if (!(share >= 0 && share <= 1)) {
    throw new RoutingError(RoutingErrorCode.ValidationFailed, 'the holdout share is invalid', [
      { field: 'holdoutShare', message: `${share} is not a share from 0 to 1` },
    ]);
  }
  const training: T[] = [];
  const holdout: T[] = [];
  for (const item of items) (positionOf(item.id) < share ? holdout : training).push(item);
  return { training, holdout };
}

function textOf(item: ClassifierHistoryItem): string {
  return `${item.title} ${item.description}`;
}

function examplesOf(
  items: readonly ClassifierHistoryItem[],
  labelOf: (item: ClassifierHistoryItem) => string | null,
): LabelledText[] {
  const examples: LabelledText[] = [];
  for (const item of items) {
    const label = labelOf(item);
    if (label) examples.push({ text: textOf(item), label });
  }
  return examples;
}

function trainOne(
  training: readonly ClassifierHistoryItem[],
  holdout: readonly ClassifierHistoryItem[],
  labelOf: (item: ClassifierHistoryItem) => string | null,
): { model: NaiveBayesModel | null; accuracy: Accuracy } {
  const examples = examplesOf(training, labelOf);
  // With one label every prediction is that label at confidence 1, passing any threshold.
  if (new Set(examples.map(({ label }) => label)).size < 2) {
    return { model: null, accuracy: { accuracy: 0, evaluated: 0, correct: 0 } };
  }
  const model = trainNaiveBayes(examples);
  return { model, accuracy: evaluateAccuracy(model, examplesOf(holdout, labelOf)) };
}

/**
 * Trains the category and group models on the training part of the history and measures them on
 * the holdout part. The stored models are exactly the measured ones (the holdout is not folded
 * back in), so the accuracy reported is the accuracy of what will classify.
 */
export function trainTicketClassifier(
  history: readonly ClassifierHistoryItem[],
  options: { holdoutShare?: number } = {},
): TicketClassifier {
  const { training, holdout } = splitHoldout(
    history,
    options.holdoutShare ?? DEFAULT_HOLDOUT_SHARE,
  );
  const category = trainOne(training, holdout, (item) => item.categoryId);
  const group = trainOne(training, holdout, (item) => item.groupId);
  return {
    category: category.model,
    group: group.model,
    categoryAccuracy: category.accuracy,
    groupAccuracy: group.accuracy,
    trainedOn: training.length,
    heldOut: holdout.length,
  };
}

/** Proposes a category and a group for a ticket's text (title and description). */
export function classifyTicket(classifier: TicketClassifier, text: string): TicketClassification {
  return {
    category: classifier.category ? predict(classifier.category, text) : null,
    group: classifier.group ? predict(classifier.group, text) : null,
  };
}
