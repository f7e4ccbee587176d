import {
  classifyTicket,
  trainTicketClassifier,
  type TicketClassifier,
} from '../../domain/ticket-classifier';
import { RoutingError, RoutingErrorCode } from '../../domain/routing-error';
import type { ClassifierStore, StoredClassifier } from '../ports/classifier-store';
import type { Clock, IdGenerator } from '../ports/clock';
import type { RoutingConfiguration } from '../routing-configuration/routing-configuration';

/** The most recent resolved tickets a model learns from: recent practice matters most. */
const MAX_TRAINING_EXAMPLES = 50_000;

export interface Proposal {
  category: { label: string; confidence: number } | null;
  group: { label: string; confidence: number } | null;
  threshold: number;
}

/** Trains the classifier from resolved tickets, reports its held-out accuracy, and asks it. */
export class ClassifierUseCase {
  constructor(
    private readonly store: ClassifierStore,
    private readonly configuration: RoutingConfiguration,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly minExamples: number,
  ) {}

  async train(actorId: string, holdoutShare: number): Promise<StoredClassifier> {
    const share = holdoutShare === 0 ? 0.2 : holdoutShare;
    if (!(share > 0 && share < 0.9)) {
      throw new RoutingError(RoutingErrorCode.ValidationFailed, 'the training request is invalid', [
        { field: 'holdoutShare', message: 'must be more than 0 and less than 0.9' },
      ]);
    }
    const history = await this.store.trainingExamples(MAX_TRAINING_EXAMPLES);
    const labelled = history.filter(({ categoryId, groupId }) => categoryId || groupId);
    if (labelled.length < this.minExamples) {
      throw new RoutingError(
        RoutingErrorCode.FailedPrecondition,
        `the classifier needs at least ${this.minExamples} resolved tickets with a category or group; there are ${labelled.length}`,
        [],
        { available: labelled.length, needed: this.minExamples },
      );
    }
    const classifier: TicketClassifier = trainTicketClassifier(labelled, { holdoutShare: share });
    const model: StoredClassifier = {
      id: this.ids.newId(),
      trainedAt: this.clock.now(),
      trainedBy: actorId || 'system',
      classifier,
    };
    await this.store.save(model);
    this.configuration.invalidate();
    return model;
  }

  async current(): Promise<StoredClassifier> {
    const model = await this.store.latest();
    if (!model) {
      throw new RoutingError(RoutingErrorCode.NotFound, 'no classifier has been trained yet');
    }
    return model;
  }

  async classify(title: string, description: string): Promise<Proposal> {
    if (!`${title}${description}`.trim()) {
      throw new RoutingError(RoutingErrorCode.ValidationFailed, 'there is nothing to classify', [
        { field: 'title', message: 'title or description must not be empty' },
      ]);
    }
    const snapshot = await this.configuration.current();
    if (!snapshot.classifier) {
      throw new RoutingError(RoutingErrorCode.NotFound, 'no classifier has been trained yet');
    }
    const proposal = classifyTicket(snapshot.classifier.classifier, `${title} ${description}`);
    const brief = (prediction: { label: string; confidence: number } | null) =>
      prediction && { label: prediction.label, confidence: prediction.confidence };
    return {
      category: brief(proposal.category),
      group: brief(proposal.group),
      threshold: snapshot.settings.classificationThreshold,
    };
  }
}
