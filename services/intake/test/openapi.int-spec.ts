import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { IntakeTestApp, startIntake } from './support/intake-test-app';

jest.setTimeout(60_000);

describe('intake: the OpenAPI document at /docs', () => {
  let intake: IntakeTestApp;
  let doc: OpenAPIV3.Document;

  beforeAll(async () => {
    intake = await startIntake('intake_openapi');
    const res = await intake.inject({ method: 'GET', url: '/docs/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });

  afterAll(async () => {
    await intake?.close();
  });

  it('is a valid OpenAPI 3 document (checked by swagger-parser against the OpenAPI schema, every $ref resolved)', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    // validate() dereferences in place: give it a copy.
    const validated = await SwaggerParser.validate(structuredClone(doc) as never);
    expect(validated.info.title).toBe('Complaint intake');
  });

  it('is checked by a validator that does refuse a broken document', async () => {
    const broken = structuredClone(doc) as unknown as Record<string, unknown>;
    (broken['paths'] as Record<string, Record<string, Record<string, unknown>>>)['/v1/complaints'][
      'post'
    ]['responses'] = {
      '202': { content: {} },
    };
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow();
    await expect(
      SwaggerParser.validate({ ...structuredClone(doc), components: { schemas: {} } } as never),
    ).rejects.toThrow(/Missing \$ref pointer/);
  });

  it('is served as a page at /docs', async () => {
    const res = await intake.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it("declares the API key schemes and people's access tokens; every operation requires one", () => {
    expect(Object.keys(doc.components?.securitySchemes ?? {}).sort()).toEqual([
      'apiKeyHeader',
      'bearer',
      'oidc',
    ]);
    const operations = [
      doc.paths['/v1/complaints']?.post,
      doc.paths['/v1/complaints']?.get,
      doc.paths['/v1/complaints/{id}']?.get,
      doc.paths['/v1/complaints/{id}/feedback']?.post,
    ];
    for (const op of operations) {
      expect(op?.security).toEqual(expect.arrayContaining([{ bearer: [] }, { apiKeyHeader: [] }]));
      for (const status of ['401', '403', '429']) {
        const response = op?.responses[status] as OpenAPIV3.ResponseObject;
        expect(response.content?.['application/problem+json']).toBeDefined();
      }
    }
    expect(doc.paths['/v1/complaints/{id}']?.get?.security).toEqual(
      expect.arrayContaining([{ oidc: [] }]),
    );
    const complainant = doc.paths['/v1/complaints/{id}/complainant']?.get;
    expect(complainant?.security).toEqual([{ oidc: [] }]);
    for (const status of ['401', '403', '404']) {
      const response = complainant?.responses[status] as OpenAPIV3.ResponseObject;
      expect(response.content?.['application/problem+json']).toBeDefined();
    }
  });

  it('documents the feedback relay: body, 202 and its refusals', () => {
    const post = doc.paths['/v1/complaints/{id}/feedback']?.post as OpenAPIV3.OperationObject;
    expect(Object.keys(post.responses).sort()).toEqual(
      expect.arrayContaining(['202', '400', '401', '403', '404', '409', '415', '429']),
    );
    const body = doc.components?.schemas?.['SubmitFeedbackDto'] as OpenAPIV3.SchemaObject;
    expect(body.required).toEqual(expect.arrayContaining(['rating', 'solved']));
    expect(body.properties).not.toHaveProperty('callerSystem');
  });

  it('documents submission: the body, Idempotency-Key, the 202 and every refusal as problem+json', () => {
    const post = doc.paths['/v1/complaints']?.post as OpenAPIV3.OperationObject;
    const header = (post.parameters as OpenAPIV3.ParameterObject[]).find(
      (p) => p.name === 'Idempotency-Key',
    );
    expect(header).toMatchObject({ in: 'header', required: false });
    expect(Object.keys(post.responses).sort()).toEqual([
      '202',
      '400',
      '401',
      '403',
      '409',
      '413',
      '415',
      '429',
    ]);
    const body = doc.components?.schemas?.['CreateComplaintDto'] as OpenAPIV3.SchemaObject;
    expect(body.required).toEqual(
      expect.arrayContaining([
        'channel',
        'externalReference',
        'customer',
        'productLine',
        'subject',
        'description',
      ]),
    );
    expect(body.properties).not.toHaveProperty('callerSystem');
    expect((body.properties?.['channel'] as OpenAPIV3.SchemaObject).enum).toContain(
      'regulator_referral',
    );
    const accepted = (post.responses['202'] as OpenAPIV3.ResponseObject).content?.[
      'application/json'
    ]?.schema;
    expect(accepted).toEqual({ $ref: '#/components/schemas/ComplaintAcceptedDto' });
  });

  it('documents the status and the lookup by the caller reference', () => {
    const lookup = doc.paths['/v1/complaints']?.get as OpenAPIV3.OperationObject;
    expect(lookup.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'externalReference', in: 'query', required: true }),
      ]),
    );
    const status = doc.paths['/v1/complaints/{id}']?.get as OpenAPIV3.OperationObject;
    expect(Object.keys(status.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '429',
      '503',
    ]);
    const view = doc.components?.schemas?.['ComplaintStatusDto'] as OpenAPIV3.SchemaObject;
    expect(Object.keys(view.properties ?? {})).toEqual(
      expect.arrayContaining(['status', 'stageTimes', 'decisionDueAt']),
    );
  });
});
