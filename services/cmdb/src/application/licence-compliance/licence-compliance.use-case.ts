import { licenceCompliance } from '../../domain/licence';
import type { CmdbTransactions } from '../ports/cmdb-store';

export interface LicencePosition {
  licenceId: string;
  name: string;
  seats: number;
  assigned: number;
  available: number;
  compliant: boolean;
  contractEnd: string | null;
}

/** Seats owned against seats in use (uses_licence relationships), per licence in service. */
export class LicenceComplianceUseCase {
  constructor(private readonly transactions: CmdbTransactions) {}

  async execute(onlyNonCompliant: boolean): Promise<LicencePosition[]> {
    const usage = await this.transactions.reader().licenceUsage();
    return usage
      .map((licence) => ({ ...licence, ...licenceCompliance(licence.seats, licence.assigned) }))
      .filter(({ compliant }) => !onlyNonCompliant || !compliant);
  }
}
