import { Injectable } from '@nestjs/common';

/** A dependency the service needs to serve traffic (database, broker, ...). */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves when healthy; rejects with the reason otherwise. */
  check(): Promise<void>;
}

/**
 * Readiness as the sum of its parts: modules that own a dependency register a check
 * for it, and the service stops being ready as soon as it starts shutting down.
 */
@Injectable()
export class Readiness {
  private readonly checks: ReadinessCheck[] = [];
  private draining = false;

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  registered(): readonly ReadinessCheck[] {
    return this.checks;
  }

  startDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }
}
