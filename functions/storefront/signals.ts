import { loadConfig } from '../../shared/config/env.js';
import { BadRequestError } from '../../shared/errors.js';
import { serve } from '../../shared/http/handler.js';
import { getProductRaw, recordDemand, recordInterest } from '../../shared/storefront/data.js';
import { subjectOf } from '../../shared/storefront/demand.js';
import { storefrontEnv } from '../../shared/storefront/env.js';
import { storefrontEdge } from '../../shared/storefront/http.js';
import { storefrontSignals } from './routes/signals.js';

const config = loadConfig(storefrontEnv);

export const handler = serve(
  storefrontSignals,
  {
    /**
     * Demand the shop could not serve: one atomic counter per tenant, subject and day, nothing
     * about the shopper. `product_view` with a shopper id only records the category for
     * personalised alternatives.
     */
    recordDemandSignal: async ({ body, tenantId }) => {
      if (body.type === 'product_view') {
        let category = body.category;
        if (!category && body.productId) category = (await getProductRaw(config.TABLE_NAME, tenantId, body.productId))?.category as string | undefined;
        if (category) await recordInterest(config.TABLE_NAME, tenantId, body.shopperId!, category);
        return { status: 202, body: { accepted: true, recorded: category ? 'interest' : 'nothing' } };
      }
      const subject = subjectOf(body);
      if (!subject) throw new BadRequestError('Nothing to record', [{ field: 'body.query', reason: 'empty once contact details are removed' }]);
      await recordDemand(config.TABLE_NAME, tenantId, body.type, subject);
      return { status: 202, body: { accepted: true, recorded: subject.kind } };
    },
  },
  { edge: storefrontEdge(config.TABLE_NAME) },
);
