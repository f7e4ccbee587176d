import type { DataSource } from 'typeorm';
import type { ClassifierStore, StoredClassifier } from '../application/ports/classifier-store';
import type { TrainingExample } from '../application/ports/routing-ledger';
import type { TicketClassifier } from '../domain/ticket-classifier';

/** Trained models (newest wins) and the resolved tickets they are trained from. */
export class SqlClassifierStore implements ClassifierStore {
  constructor(private readonly dataSource: DataSource) {}

  async latest(): Promise<StoredClassifier | undefined> {
    const rows: Array<{
      id: string;
      trained_at: Date;
      trained_by: string;
      model: TicketClassifier;
    }> = await this.dataSource.query(
      'SELECT id, trained_at, trained_by, model FROM classifier_models ORDER BY trained_at DESC, id DESC LIMIT 1',
    );
    const row = rows[0];
    return (
      row && {
        id: row.id,
        trainedAt: row.trained_at,
        trainedBy: row.trained_by,
        classifier: row.model,
      }
    );
  }

  async save(model: StoredClassifier): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO classifier_models (id, trained_at, trained_by, trained_on, held_out, model)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        model.id,
        model.trainedAt,
        model.trainedBy,
        model.classifier.trainedOn,
        model.classifier.heldOut,
        JSON.stringify(model.classifier),
      ],
    );
  }

  async trainingExamples(limit: number): Promise<TrainingExample[]> {
    const rows: Array<{
      ticket_id: string;
      title: string;
      description: string;
      category_id: string | null;
      group_id: string | null;
    }> = await this.dataSource.query(
      `SELECT ticket_id, title, description, category_id, group_id FROM training_examples
        ORDER BY resolved_at DESC, ticket_id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      id: row.ticket_id,
      title: row.title,
      description: row.description,
      categoryId: row.category_id,
      groupId: row.group_id,
    }));
  }
}
