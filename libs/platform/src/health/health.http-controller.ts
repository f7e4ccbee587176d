import { Controller, Get, SetMetadata } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { PUBLIC_ROUTE_METADATA } from './public-route';
import { Readiness, type ReadinessCheck } from './readiness';

/** Liveness and readiness probes for Kubernetes (and the local start script). */
@ApiExcludeController()
@SetMetadata(PUBLIC_ROUTE_METADATA, true)
@Controller('health')
export class HealthHttpController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly readiness: Readiness,
  ) {}

  /** The process is alive and its event loop turns. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Every dependency answers and the service is not shutting down. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.lifecycle(),
      ...this.readiness.registered().map((check) => () => this.run(check)),
    ]);
  }

  private lifecycle(): HealthIndicatorResult {
    const session = this.indicator.check('lifecycle');
    return this.readiness.isDraining ? session.down({ reason: 'shutting down' }) : session.up();
  }

  private async run(readinessCheck: ReadinessCheck): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(readinessCheck.name);
    try {
      await readinessCheck.check();
      return session.up();
    } catch (error) {
      return session.down({ reason: error instanceof Error ? error.message : String(error) });
    }
  }
}
