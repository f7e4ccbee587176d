// Imported first by main.ts: instrumentation must patch http and pg before they load.
import { startTelemetry } from '@itsm/telemetry';

export const telemetry = startTelemetry('notifications');
