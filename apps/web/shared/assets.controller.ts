import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { loadAssets } from './assets';

/** GET /assets/<name>: the pages' stylesheet and script, served by the service itself. */
@ApiExcludeController()
@Controller('assets')
export class AssetsController {
  private readonly assets = loadAssets();

  @Get(':name')
  serve(@Param('name') name: string, @Res() response: Response): void {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException();
    response.setHeader('Content-Type', asset.contentType);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'public, max-age=300');
    response.send(asset.body);
  }
}
