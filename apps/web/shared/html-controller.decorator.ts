import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CsrfGuard } from './csrf.guard';
import { HtmlErrorFilter } from './html-error.filter';

/**
 * A controller of HTML pages: left out of the OpenAPI document (which describes /v1),
 * errors shown as pages, and CSRF checked on every unsafe method. Without @RequireScope
 * the API-key guard lets its routes through; the paths must be under HTML_ROUTE_PREFIXES
 * for the security headers and form parsing.
 */
export function HtmlController(path?: string): ClassDecorator {
  return applyDecorators(Controller(path ?? ''), ApiExcludeController(), UseFilters(HtmlErrorFilter), UseGuards(CsrfGuard));
}
