import * as z from 'zod';
import { defineRoutes } from '../../../shared/http/route.js';
import { CACHE } from '../../../shared/storefront/cache.js';
import { widgetConfigSchema } from '../../../shared/storefront/config.js';
import { lang } from './common.js';

/** The notify-me widget's configuration. */
export const storefrontWidgetConfig = defineRoutes({
  capability: 'storefront',
  entry: 'functions/storefront/config.ts',
  routes: {
    widgetConfig: {
      method: 'GET',
      path: '/storefront/config',
      auth: 'storefront',
      summary: 'The widget’s texts, consent text and endpoints in one language',
      query: z.object({ lang }),
      cache: CACHE.config,
      responses: { 200: { description: 'What the widget needs.', body: widgetConfigSchema } },
    },
  },
});
