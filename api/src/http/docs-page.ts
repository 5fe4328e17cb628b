import { html, raw } from 'hono/html';

type TDoc = ReturnType<typeof import('./openapi.ts').buildOpenApiDocument>;

/**
 * A readable, dependency-free docs page: one section per operation with its schemas.
 * Rendered on the server (no Swagger UI bundle to download on a phone).
 */
export function renderDocsPage(doc: TDoc) {
  const sections = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const operation = op as { summary: string; requestBody?: unknown; responses: Record<string, unknown> };
      return html`<section>
        <h2><code>${method.toUpperCase()} ${path}</code></h2>
        <p>${operation.summary}</p>
        ${operation.requestBody ? html`<h3>Request body</h3><pre>${JSON.stringify(operation.requestBody, null, 2)}</pre>` : ''}
        <h3>Responses</h3><pre>${JSON.stringify(operation.responses, null, 2)}</pre>
      </section>`;
    }),
  );
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Koldoo API ${doc.info.version}</title>
        <style>${raw('body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}pre{background:#f4f4f4;padding:.5rem;overflow:auto;font-size:13px}h2{font-size:1.1rem;border-top:1px solid #ddd;padding-top:1rem}')}</style>
      </head>
      <body>
        <h1>Koldoo API</h1>
        <p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors share one body: <code>{ "error": { "code", "message", "issues"?, "requestId" } }</code>.</p>
        ${sections}
      </body>
    </html>`;
}
