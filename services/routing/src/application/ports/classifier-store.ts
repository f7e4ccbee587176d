import type { TicketClassifier } from '../../domain/ticket-classifier';
import type { TrainingExample } from './routing-ledger';

export interface StoredClassifier {
  id: string;
  trainedAt: Date;
  trainedBy: string;
  classifier: TicketClassifier;
}

export interface ClassifierStore {
  /** The newest model; undefined before the first training. */
  latest(): Promise<StoredClassifier | undefined>;
  save(model: StoredClassifier): Promise<void>;
  /** Resolved tickets, newest first. */
  trainingExamples(limit: number): Promise<TrainingExample[]>;
}

export const CLASSIFIER_STORE = Symbol('ClassifierStore');
