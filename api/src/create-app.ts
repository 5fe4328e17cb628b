import { Hono } from 'hono';
import type { TAppDeps } from './deps.ts';
import { csrfOriginCheck } from './http/csrf.ts';
import { notFound, onError } from './http/errors.ts';
import type { THonoEnv } from './http/hono-env.ts';
import type { buildOpenApiDocument } from './http/openapi.ts';
import { requestContext } from './http/request-context.ts';
import { loadSession } from './http/session.ts';
import { authOperations, authRoutes } from './routes/auth.ts';
import { healthOperations, healthRoutes } from './routes/health.ts';
import { meOperations, meRoutes } from './routes/me.ts';
import { moderationUserOperations, moderationUserRoutes } from './routes/moderation-users.ts';
import { fileRoutes, uploadOperations, uploadRoutes } from './routes/uploads.ts';
import { councilOperations, councilRoutes, myCouncilRoutes } from './routes/councils.ts';
import { devOutboxOperations, devOutboxRoutes } from './routes/dev-outbox.ts';
import { moderationOperations, moderationRoutes } from './routes/moderation.ts';
import { projectOperations, projectRoutes } from './routes/projects.ts';
import {
  moderationPledgeRoutes, myPledgeRoutes, pledgeOperations, pledgeRoutes, projectPledgeRoutes, simulatedCheckoutRoutes,
} from './routes/pledges.ts';
import { webhookOperations, webhookRoutes } from './routes/webhooks.ts';
import { moderationRateRoutes, rateOperations, rateRoutes } from './routes/rates.ts';

export const apiVersion = '0.1.0';

/** Every documented operation; a test checks that each mounted route appears here. */
export const operations = [
  ...healthOperations,
  ...authOperations,
  ...meOperations,
  ...moderationUserOperations,
  ...uploadOperations,
  ...projectOperations,
  ...councilOperations,
  ...moderationOperations,
  ...rateOperations,
  ...devOutboxOperations,
  ...pledgeOperations,
  ...webhookOperations,
];

/**
 * Builds the whole API from its dependencies. The same app serves Node locally and Lambda
 * in AWS; only `deps` differ.
 */
export function createApp(deps: TAppDeps) {
  // Built on first request, not at start: ~20 ms of zod-to-JSON-Schema that a Lambda cold start would
  // otherwise pay; the builder and the docs page are imported then too (a lazy chunk in the Lambda bundle).
  let openApi: Promise<ReturnType<typeof buildOpenApiDocument>> | undefined;
  const openApiDocument = () =>
    (openApi ??= import('./http/openapi.ts')
      .then(({ buildOpenApiDocument }) => buildOpenApiDocument(operations, { version: apiVersion }))
      .catch((error: unknown) => {
        openApi = undefined;
        throw error;
      }));
  const app = new Hono<THonoEnv>()
    .use('*', requestContext(deps))
    .use('*', csrfOriginCheck(deps.config.publicOrigin))
    .use('*', loadSession)
    .route('/api/health', healthRoutes)
    .route('/api/auth', authRoutes)
    .route('/api/me', meRoutes)
    .route('/api/moderation/users', moderationUserRoutes)
    .route('/api/uploads', uploadRoutes)
    .route('/api/files', fileRoutes)
    .route('/api/projects', projectRoutes)
    .route('/api/projects', projectPledgeRoutes)
    .route('/api/pledges', pledgeRoutes)
    .route('/api/me/pledges', myPledgeRoutes)
    .route('/api/simulated-checkout', simulatedCheckoutRoutes)
    .route('/api/moderation/pledges', moderationPledgeRoutes)
    .route('/api/webhooks', webhookRoutes)
    .route('/api/councils', councilRoutes)
    .route('/api/me/councils', myCouncilRoutes)
    .route('/api/rates', rateRoutes)
    // Before the generic /api/moderation mount, like /api/moderation/users.
    .route('/api/moderation/rates', moderationRateRoutes)
    .route('/api/moderation', moderationRoutes)
    .route('/api/dev/outbox', devOutboxRoutes)
    .get('/api/openapi.json', async (c) => c.json(await openApiDocument()))
    .get('/api/docs', async (c) => {
      const [doc, { renderDocsPage }] = await Promise.all([openApiDocument(), import('./http/docs-page.ts')]);
      return c.html(renderDocsPage(doc));
    });
  app.onError(onError);
  app.notFound(notFound);
  return app;
}

export type TApiApp = ReturnType<typeof createApp>;
