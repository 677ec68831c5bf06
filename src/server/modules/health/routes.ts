import { z } from 'zod';
import { schemaVersion } from '../../db/migrate.js';
import { publicRoute, type RouteDef } from '../../http/route.js';

export const healthRoutes: RouteDef[] = [
  publicRoute({
    method: 'GET',
    url: '/api/v1/health',
    tags: ['beheer'],
    summary: 'Gezondheid: opslagsoort en schemaversie',
    response: z.object({ status: z.literal('ok'), storage: z.enum(['pglite', 'postgresql']), schemaVersion: z.number().int() }),
    handler: async ({ services }) => ({
      status: 'ok' as const,
      storage: services.storage.kind,
      schemaVersion: await schemaVersion(services.storage.pool),
    }),
  }),
];
