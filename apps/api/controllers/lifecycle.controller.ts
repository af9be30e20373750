import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

@ApiTags('lifecycle')
@Controller('v1')
export class LifecycleController {}
