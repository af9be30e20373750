import { ApiHeader } from '@nestjs/swagger';

/** Contract §2: `X-Correlation-Id` is taken (when well formed) or generated, and echoed on every answer. */
export const CorrelationIdParameter = () =>
  ApiHeader({
    name: 'X-Correlation-Id',
    required: false,
    description: 'kept when it is 1-128 of [A-Za-z0-9._:-], generated otherwise; stored on every event the request causes',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
  });

export const CORRELATION_ID_RESPONSE_HEADER = {
  'X-Correlation-Id': { description: 'the request\'s correlation id, taken or generated', required: true, schema: { type: 'string' } },
};
