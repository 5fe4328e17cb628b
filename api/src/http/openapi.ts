import * as z from 'zod';
import { ZErrorBody } from '@koldoo/shared/errors.ts';

/** One documented operation. Routes declare these next to their handlers. */
export type TOperation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path syntax, e.g. `/api/projects/{id}`. */
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  /** Success replies by status; `null` means no body (e.g. 204). */
  responses: Record<number, z.ZodType | null>;
  /** Error codes this operation can answer with, besides the generic 400/500. */
  errors?: number[];
  isAuthenticated?: boolean;
  /** Media type of `body`; default `application/json` (uploads use `multipart/form-data`). */
  bodyMediaType?: string;
  /** Media type of the success replies; default `application/json` (file downloads differ). */
  responseMediaType?: string;
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

/** Builds the OpenAPI 3.1 document from the zod schemas the routes validate with. */
export function buildOpenApiDocument(operations: TOperation[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(op.responses)) {
      responses[status] = schema
        ? { description: 'Success', content: { [op.responseMediaType ?? 'application/json']: { schema: jsonSchema(schema, 'output') } } }
        : { description: 'Success, no body' };
    }
    for (const status of [400, 500, ...(op.errors ?? [])]) {
      responses[String(status)] = { $ref: '#/components/responses/Error' };
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(op.isAuthenticated ? { security: [{ sessionCookie: [] }] } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { [op.bodyMediaType ?? 'application/json']: { schema: jsonSchema(op.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Koldoo API', version: info.version, description: 'Village projects and the Kyrgyz diaspora.' },
    paths,
    components: {
      securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: 'koldoo_session' } },
      responses: {
        Error: {
          description: 'An error; `code` is stable, `message` is for humans.',
          content: { 'application/json': { schema: jsonSchema(ZErrorBody, 'output') } },
        },
      },
    },
  };
}
