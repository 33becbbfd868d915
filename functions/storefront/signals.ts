import { baseEnv, loadConfig } from '../../shared/config/env.js';
import { BadRequestError } from '../../shared/errors.js';
import { recordDemand, recordInterest, getProductRaw } from '../../shared/storefront/data.js';
import { signalSchema, subjectOf } from '../../shared/storefront/demand.js';
import { storefront } from '../../shared/storefront/http.js';

const config = loadConfig(baseEnv);
const api = storefront(config.TABLE_NAME);

/**
 * POST /storefront/signals — demand the shop could not serve (a view of an out-of-stock
 * product, a search with no or only sold-out results, an add-to-cart on an unavailable
 * item): one atomic counter per tenant, subject and day, nothing about the shopper.
 * `product_view` with a shopper id only records the category for personalised alternatives.
 */
export const handler = api.handler({ body: signalSchema }, async ({ body, tenantId }) => {
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
});
