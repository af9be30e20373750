import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

@ApiTags('credentials')
@Controller('v1')
export class CredentialsController {}
