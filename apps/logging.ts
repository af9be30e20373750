import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs on stdout. Request bodies are never logged; as a second line of
 * defence, any field named like a secret is censored wherever it appears.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'warden' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['password', 'newPassword', 'currentPassword', 'token', 'sessionToken', 'secret', 'code', 'recoveryCode', '*.password', '*.token', '*.secret', 'authorization', '*.authorization'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's logger interface over pino (nestjs-pino needs Node ≥ 22; this machine runs 20). */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
