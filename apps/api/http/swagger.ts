import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { API_SCOPES } from './api-scope';

export interface OpenApiOptions {
  title?: string;
  version?: string;
}

const SCOPE_USE: Readonly<Record<(typeof API_SCOPES)[number], string>> = {
  auth: 'end-user flows, called by front ends',
  support: 'support staff; name the person in X-Actor',
  compliance: 'compliance reviewers; name the person in X-Actor',
};

/**
 * Builds the OpenAPI document from the routes and their decorators (@RequireScope, the
 * DTOs, @CommandResponses/@QueryResponses, @ApiErrors) and serves it at /docs-json with
 * its UI at /docs. Call it after NestFactory.create and before listen(). Both paths are
 * public (no @RequireScope) and stay outside the global guard. Returns the document.
 */
export function setupOpenApi(app: INestApplication, options: OpenApiOptions = {}): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(options.title ?? 'Warden')
    .setDescription(
      'Event-sourced account security. Authenticate with `Authorization: Bearer <api key>`; each operation lists ' +
        'the scopes that may call it (one suffices). Errors are `{error, message, details?}` with the codes listed per response.',
    )
    .setVersion(options.version ?? '1');
  // One scheme per scope: all are the same bearer header, but a client generator (and a
  // reader) sees which key each call needs.
  for (const scope of API_SCOPES) {
    builder.addBearerAuth({ type: 'http', scheme: 'bearer', description: `An API key holding the \`${scope}\` scope: ${SCOPE_USE[scope]}` }, scope);
  }
  const document = SwaggerModule.createDocument(app, builder.build());
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return document;
}
