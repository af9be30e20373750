import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

@ApiTags('profile')
@Controller('v1')
export class ProfileController {}
