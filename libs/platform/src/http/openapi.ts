import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiResponse, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemResponse } from './problem.response';

/** How a service presents itself in its OpenAPI document. */
export interface ApiDescription {
  title: string;
  description: string;
}

/**
 * A service's OpenAPI document, as served at /docs and committed under docs/openapi/: every
 * operation also declares the answers any request may get (no or a refused token, a role that may
 * not call it, too many requests); an operation's own declarations take precedence.
 */
export function openApiDocument(app: INestApplication, api: ApiDescription): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(api.title)
    .setDescription(api.description)
    .setVersion('1')
    .addBearerAuth()
    .addGlobalResponse(
      { status: 401, description: 'No bearer token, or one that is not accepted (AUTH_…)', type: ProblemResponse },
      { status: 403, description: 'The token’s role may not call this, or it names none or several roles (ROLE_…)', type: ProblemResponse },
      { status: 429, description: 'Too many requests from this client (RATE_LIMITED)', type: ProblemResponse },
    )
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * The OpenAPI document of a service module without running it: a preview application resolves the
 * controllers' routes and decorators but instantiates no provider, so no database or broker is needed.
 */
export async function previewOpenApiDocument(module: unknown, api: ApiDescription): Promise<OpenAPIObject> {
  const app = await NestFactory.create(module as never, { preview: true, logger: false, abortOnError: false });
  try {
    return openApiDocument(app, api);
  } finally {
    await app.close();
  }
}

/** A CSV answer (the endpoint sets `Content-Type: text/csv; charset=utf-8`). */
export const ApiCsvResponse = (description: string) =>
  ApiResponse({ status: 200, description, content: { 'text/csv': { schema: { type: 'string' } } } });
