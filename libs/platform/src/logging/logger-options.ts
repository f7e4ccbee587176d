import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { currentTraceIds } from '@itsm/telemetry';

export interface LoggingOptions {
  service: string;
  level: string;
}

/**
 * Structured JSON logs (pino): one line per event, with the service name and the
 * active trace and span ids so a log line leads to its trace.
 */
export function loggerParams({ service, level }: LoggingOptions): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      messageKey: 'message',
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label: string) => ({ level: label }) },
      mixin: () => currentTraceIds(),
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
        censor: '***',
      },
      autoLogging: {
        ignore: (request: IncomingMessage) => request.url?.startsWith('/health') ?? false,
      },
      customLogLevel: (_request, response, error) => {
        if (error || response.statusCode >= 500) return 'error';
        if (response.statusCode >= 400) return 'warn';
        return 'info';
      },
    },
  };
}
