import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Name of the bearer scheme in the document; @RequireScope refers to it. */
export const API_KEY_SECURITY = 'api-key';

export interface OpenApiOptions {
  title?: string;
  version?: string;
}

/**
 * Serves the OpenAPI document at /docs-json and its UI at /docs. Call it after
 * NestFactory.create and before listen(): the document is built from the routes.
 * Both paths are public (no @RequireScope) and stay outside the global guard.
 */
export function setupOpenApi(app: INestApplication, options: OpenApiOptions = {}): void {
  const config = new DocumentBuilder()
    .setTitle(options.title ?? 'Warden')
    .setDescription('Event-sourced account security. Authenticate with `Authorization: Bearer <api key>`.')
    .setVersion(options.version ?? '1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'An API key from WARDEN_API_KEYS or WARDEN_DATA_DIR/api-keys.txt' },
      API_KEY_SECURITY,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
