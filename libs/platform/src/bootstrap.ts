import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ConsumerHost } from '@complaints/messaging';
import { shapeProblem } from './http/json-body-shape';
import { replyWithFieldProblem } from './http/reply-field-problem';
import { requestValidationPipe } from './http/request-validation';

export interface ServiceAppOptions {
  title: string;
  description: string;
  /** bytes; larger request bodies get 413 */
  bodyLimit?: number;
  /** Adds to the OpenAPI document what decorators cannot declare (security schemes). */
  document?: (builder: DocumentBuilder) => DocumentBuilder;
}

/**
 * Builds a service: Fastify, its logger first, strict validation, OpenAPI at /docs;
 * app.init() runs migrations and starts the relay; then the consumers start. The caller
 * listens (main.ts) or injects requests (tests).
 */
export async function createServiceApp(
  module: Type<unknown> | DynamicModule,
  o: ServiceAppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: o.bodyLimit ?? 1024 * 1024 });
  // Every JSON body is checked for shape before validation walks it (json-body-shape.ts).
  adapter.getInstance().addHook('preValidation', async (request, reply) => {
    const shape = shapeProblem(request.body);
    return shape ? replyWithFieldProblem(request, reply, shape) : undefined;
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(requestValidationPipe());
  app.enableShutdownHooks();
  const builder = new DocumentBuilder()
    .setTitle(o.title)
    .setDescription(o.description)
    .setVersion('1');
  const document = SwaggerModule.createDocument(
    app,
    (o.document ? o.document(builder) : builder).build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  await app.init();
  await app.get(ConsumerHost).start();
  return app;
}

export async function listen(app: INestApplication, port: number, host: string): Promise<void> {
  await app.listen(port, host);
  app.get(Logger).log({ port, host, docs: `http://${host}:${port}/docs` }, 'listening');
}
