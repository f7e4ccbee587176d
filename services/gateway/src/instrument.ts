// Imported first by main.ts: instrumentation must patch http and gRPC before they load.
import { startTelemetry } from '@itsm/telemetry';

export const telemetry = startTelemetry('gateway');
