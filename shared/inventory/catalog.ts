import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../data/client.js';
import type { Store } from '../data/store.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors.js';
import { Tenant } from '../tenants/model.js';
import { MAX_VARIANTS, Product, SkuIndex, type Product as ProductT, type VariantStock } from './model.js';

export interface NewVariant {
  sku: string;
  attributes?: Record<string, string>;
  price?: number;
}

export type NewProduct = Omit<ProductT, 'tenantId' | 'createdAt' | 'updatedAt' | 'variants' | 'currency' | 'attributes' | 'tags' | 'related' | 'status' | 'settings'> &
  Partial<Pick<ProductT, 'currency' | 'attributes' | 'tags' | 'related' | 'status' | 'settings'>> & { variants: NewVariant[] };

function newVariant(v: NewVariant): VariantStock {
  return { sku: v.sku, attributes: v.attributes ?? {}, price: v.price, onHand: {}, reserved: 0, allocated: 0, incoming: 0, state: 'out_of_stock', transitionSeq: 0 };
}

/**
 * Creates a product with its variants and their SKU index entries in one transaction: a
 * SKU belongs to one product per tenant, and a duplicate SKU or product id is a 409.
 * New variants start out of stock with no units.
 */
export async function createProduct(store: Store, tenantId: string, input: NewProduct, now = new Date()): Promise<ProductT> {
  if (input.variants.length > MAX_VARIANTS) throw new UnprocessableError(`At most ${MAX_VARIANTS} variants per product`, [{ field: 'variants', reason: 'too many' }]);
  const skus = input.variants.map((v) => v.sku);
  const dup = skus.find((s, i) => skus.indexOf(s) !== i);
  if (dup) throw new UnprocessableError('Duplicate SKU in request', [{ field: 'variants', reason: `SKU ${dup} appears twice` }]);
  const at = now.toISOString();
  const product = Product.schema.parse({
    ...input,
    tenantId,
    variants: Object.fromEntries(input.variants.map((v) => [v.sku, newVariant(v)])),
    createdAt: at,
    updatedAt: at,
  }) as ProductT;
  const items = [
    { Put: { TableName: store.tableName, Item: store.toRecord(Product, product, product as Record<string, unknown>), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...input.variants.map((v) => ({
      Put: { TableName: store.tableName, Item: store.toRecord(SkuIndex, { tenantId, sku: v.sku }, { tenantId, sku: v.sku, productId: product.productId }), ConditionExpression: 'attribute_not_exists(pk)' },
    })),
    {
      Update: {
        TableName: store.tableName,
        Key: Tenant.key({ tenantId }),
        UpdateExpression: 'ADD productCount :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
  ];
  // DynamoDB transactions take 100 items; larger products are created in two steps by the API.
  if (items.length > 100) throw new UnprocessableError('Too many variants to create at once (max 98)', [{ field: 'variants', reason: 'too many' }]);
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new ConflictError(`Product ${input.productId} already exists`);
      const skuIdx = reasons.findIndex((r, i) => i > 0 && i <= skus.length && r.Code === 'ConditionalCheckFailed');
      if (skuIdx > 0) throw new ConflictError(`SKU ${skus[skuIdx - 1]} already belongs to a product`);
      if (reasons[reasons.length - 1]?.Code === 'ConditionalCheckFailed') throw new NotFoundError('Tenant');
    }
    throw error;
  }
  return product;
}

export async function getProduct(store: Store, tenantId: string, productId: string): Promise<ProductT> {
  const p = await store.get(Product, { tenantId, productId });
  if (!p) throw new NotFoundError('Product');
  return p;
}
