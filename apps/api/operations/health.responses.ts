import { ApiProperty } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

class IndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
}

class ReadinessIndicatorsDto {
  @ApiProperty({ type: IndicatorDto }) eventStore!: IndicatorDto;
  @ApiProperty({ type: IndicatorDto }) readStore!: IndicatorDto;
  @ApiProperty({ type: IndicatorDto }) queue!: IndicatorDto;
}

/** @nestjs/terminus's report when every dependency answers. */
export class ReadinessDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ type: ReadinessIndicatorsDto }) info!: ReadinessIndicatorsDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'empty when ready' }) error!: Record<string, unknown>;
  @ApiProperty({ type: ReadinessIndicatorsDto }) details!: ReadinessIndicatorsDto;
}
