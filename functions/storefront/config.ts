import { loadConfig } from '../../shared/config/env.js';
import { serve } from '../../shared/http/handler.js';
import { widgetConfig } from '../../shared/storefront/config.js';
import { tenantContext } from '../../shared/storefront/data.js';
import { storefrontEnv } from '../../shared/storefront/env.js';
import { storefrontEdge } from '../../shared/storefront/http.js';
import { storefrontWidgetConfig } from './routes/widget-config.js';

const config = loadConfig(storefrontEnv);

export const handler = serve(
  storefrontWidgetConfig,
  {
    /** The widget's texts, consent text and endpoints for one language. */
    widgetConfig: async ({ query, tenantId }) => {
      const ctx = await tenantContext(config.TABLE_NAME, tenantId);
      return { body: widgetConfig(ctx.config, ctx.locale, query.lang) };
    },
  },
  { edge: storefrontEdge(config.TABLE_NAME) },
);
