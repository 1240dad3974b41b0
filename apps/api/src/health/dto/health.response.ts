import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QueueName } from '@app/jobs';
import { apiEnum } from '../../common/api-enums';
import { ErrorResponse } from '../../common/error.response';

export class HealthIndicatorResponse {
  @ApiProperty(apiEnum('HealthIndicatorStatus', ['up', 'down']))
  status: 'up' | 'down';

  @ApiProperty({ type: 'integer', description: 'Milliseconds the check took' })
  responseTime: number;

  @ApiPropertyOptional({ description: 'While up, a note from the check; a check that is down says no more than that' })
  message?: string;
}

export class QueueJobCountsResponse {
  @ApiProperty({ type: 'integer', description: 'Waiting, prioritised ones included' })
  waiting: number;

  @ApiProperty({ type: 'integer' })
  active: number;

  @ApiProperty({ type: 'integer' })
  delayed: number;

  @ApiProperty({ type: 'integer' })
  failed: number;
}

/** The queues' check: while Redis answers, each queue's job counts under the queue's name. */
export class QueuesHealthResponse extends HealthIndicatorResponse {}
for (const queue of Object.values(QueueName)) {
  ApiPropertyOptional({ type: QueueJobCountsResponse })(QueuesHealthResponse.prototype, queue);
}

export class HealthChecksResponse {
  @ApiProperty({ type: HealthIndicatorResponse })
  database: HealthIndicatorResponse;

  @ApiProperty({ type: HealthIndicatorResponse })
  redis: HealthIndicatorResponse;

  @ApiProperty({ type: QueuesHealthResponse })
  queues: QueuesHealthResponse;
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ type: HealthChecksResponse, description: 'The checks that passed: all of them' })
  info: HealthChecksResponse;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/HealthIndicatorResponse' },
    description: 'The checks that failed: none',
  })
  error: Record<string, HealthIndicatorResponse>;

  @ApiProperty({ type: HealthChecksResponse })
  details: HealthChecksResponse;
}

/** 503: the error body, with every check's result. */
export class HealthErrorResponse extends ErrorResponse {
  @ApiProperty({ type: HealthChecksResponse })
  checks: HealthChecksResponse;
}
