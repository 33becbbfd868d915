import { DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../data/client.js';
import { tenantKey, type EntityDef } from '../data/entity.js';
import type { Store } from '../data/store.js';
import { ConflictError, NotFoundError, UnprocessableError, type FieldProblem } from '../errors.js';
import { Tenant } from '../tenants/model.js';
import {
  Location,
  MAX_VARIANTS,
  Product,
  productSettingsSchema,
  SkuIndex,
  Supplier,
  variantStockSchema,
  type Location as LocationT,
  type Product as ProductT,
  type ProductSettings,
  type Supplier as SupplierT,
  type VariantStock,
} from './model.js';
import { openOrdersFor } from './purchase-orders.js';
import { reconcileStates, type StockContext, type Transition } from './stock.js';

export interface NewVariant {
  sku: string;
  attributes?: Record<string, string>;
  price?: number;
}

export type NewProduct = Omit<ProductT, 'tenantId' | 'createdAt' | 'updatedAt' | 'variants' | 'currency' | 'attributes' | 'tags' | 'related' | 'status' | 'settings'> &
  Partial<Pick<ProductT, 'currency' | 'attributes' | 'tags' | 'related' | 'status' | 'settings'>> & { variants: NewVariant[] };

function newVariant(v: NewVariant): VariantStock {
  return { sku: v.sku, attributes: v.attributes ?? {}, price: v.price, onHand: {}, reserved: 0, allocated: 0, incoming: 0, state: 'out_of_stock', transitionSeq: 0, recentSales: {} };
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

// ——— Listing, editing and archiving products ———

/** A strongly consistent read, for reading back what this request just wrote. */
async function readProduct(store: Store, tenantId: string, productId: string): Promise<ProductT> {
  const p = await store.get(Product, { tenantId, productId }, true);
  if (!p) throw new NotFoundError('Product');
  return p;
}


export async function listProducts(store: Store, tenantId: string, q: { limit?: number; cursor?: string }) {
  return store.page(Product, { pk: tenantKey(tenantId, 'PRODUCTS'), index: 'gsi1', limit: q.limit, cursor: q.cursor });
}

type Nullable<T> = { [K in keyof T]?: T[K] | null };

/** Editable product fields; `null` clears an optional one. Stock fields are not here on purpose. */
export type ProductPatch = Nullable<Pick<ProductT, 'description' | 'category' | 'brand' | 'price' | 'url' | 'imageUrl'>> &
  Partial<Pick<ProductT, 'title' | 'attributes' | 'tags' | 'related' | 'status'>> & {
    /** Merged into the product's settings key by key; `null` removes a key (back to the tenant default). */
    settings?: Nullable<ProductSettings>;
  };

const MAX_UPDATE_ATTEMPTS = 8;

/**
 * Applies a partial update to a product's descriptive fields and settings. Written as one
 * UpdateItem conditional on the `updatedAt` that was read (settings are merged, so a
 * concurrent change must not be lost); stock paths are never written here. When settings
 * change, availability may change with them (thresholds, preorder/backorder flags, safety
 * stock): every variant's state is reconciled and real transitions are published.
 */
export async function updateProduct(
  store: Store,
  ctx: StockContext,
  productId: string,
  patch: ProductPatch,
  now = new Date(),
): Promise<{ product: ProductT; transitions: Transition[] }> {
  if (patch.related?.includes(productId)) throw new UnprocessableError('A product cannot be related to itself', [{ field: 'related', reason: 'contains the product itself' }]);
  for (let attempt = 0; ; attempt++) {
    const current = await store.get(Product, { tenantId: ctx.tenantId, productId }, true);
    if (!current) throw new NotFoundError('Product');
    const names: Record<string, string> = { '#u': 'updatedAt' };
    const values: Record<string, unknown> = { ':now': now.toISOString(), ':prev': current.updatedAt };
    const sets = ['#u = :now'];
    const removes: string[] = [];
    const fields = { ...patch } as Record<string, unknown>;
    if (patch.settings) {
      const merged: Record<string, unknown> = { ...current.settings };
      for (const [k, v] of Object.entries(patch.settings)) {
        if (v === null) delete merged[k];
        else if (v !== undefined) merged[k] = v;
      }
      fields.settings = productSettingsSchema.parse(merged);
    }
    Object.entries(fields).forEach(([field, value], i) => {
      if (value === undefined) return;
      names[`#f${i}`] = field;
      if (value === null) removes.push(`#f${i}`);
      else {
        values[`:f${i}`] = value;
        sets.push(`#f${i} = :f${i}`);
      }
    });
    try {
      const res = await dynamo.send(
        new UpdateCommand({
          TableName: store.tableName,
          Key: Product.key({ tenantId: ctx.tenantId, productId }),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: '#u = :prev',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      const product = Product.schema.parse(res.Attributes) as ProductT;
      const transitions = patch.settings ? await reconcileStates(ctx, product, Object.keys(product.variants)) : [];
      return { product: transitions.length ? await readProduct(store, ctx.tenantId, productId) : product, transitions };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && attempt < MAX_UPDATE_ATTEMPTS) continue;
      throw error;
    }
  }
}

/** DELETE archives: the product keeps its history and SKUs; the storefront stops showing it. */
export async function archiveProduct(store: Store, ctx: StockContext, productId: string, now = new Date()): Promise<ProductT> {
  return (await updateProduct(store, ctx, productId, { status: 'archived' }, now)).product;
}

// ——— Variants ———

/**
 * Adds a variant: its SKU index entry and its map entry on the product in one transaction,
 * so a SKU never points at a product without it (nor the reverse). An SKU already used by
 * any product of the tenant is a 409.
 */
export async function addVariant(store: Store, ctx: StockContext, productId: string, input: NewVariant, now = new Date()): Promise<{ product: ProductT; transitions: Transition[] }> {
  const tenantId = ctx.tenantId;
  const current = await readProduct(store, tenantId, productId);
  if (current.variants[input.sku]) throw new ConflictError(`SKU ${input.sku} already belongs to this product`);
  if (Object.keys(current.variants).length >= MAX_VARIANTS) throw new UnprocessableError(`At most ${MAX_VARIANTS} variants per product`, [{ field: 'sku', reason: 'too many variants' }]);
  const variant = variantStockSchema.parse(newVariant(input));
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: store.tableName,
              Item: store.toRecord(SkuIndex, { tenantId, sku: input.sku }, { tenantId, sku: input.sku, productId }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: store.tableName,
              Key: Product.key({ tenantId, productId }),
              UpdateExpression: 'SET #v.#s = :variant, #u = :now',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#v.#s)',
              ExpressionAttributeNames: { '#v': 'variants', '#s': input.sku, '#u': 'updatedAt' },
              ExpressionAttributeValues: { ':variant': variant, ':now': now.toISOString() },
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const [sku, product] = error.CancellationReasons ?? [];
      if (sku?.Code === 'ConditionalCheckFailed') throw new ConflictError(`SKU ${input.sku} already belongs to a product`);
      if (product?.Code === 'ConditionalCheckFailed') {
        await readProduct(store, tenantId, productId);
        throw new ConflictError(`SKU ${input.sku} already belongs to this product`);
      }
    }
    throw error;
  }
  const product = await readProduct(store, tenantId, productId);
  // A new variant of a product taking preorders is a preorder at once: that is a transition.
  const transitions = await reconcileStates(ctx, product, [input.sku]);
  return { product: transitions.length ? await readProduct(store, tenantId, productId) : product, transitions };
}

/**
 * Removes a variant and its SKU index entry in one transaction; the SKU is free to be used
 * again. Refused (409) while open purchase orders bring the SKU: receiving them would have
 * nowhere to put the units.
 */
export async function removeVariant(store: Store, ctx: StockContext, productId: string, sku: string, now = new Date()): Promise<ProductT> {
  const tenantId = ctx.tenantId;
  const current = await readProduct(store, tenantId, productId);
  if (!current.variants[sku]) throw new NotFoundError('Variant');
  const open = await openOrdersFor(store.tableName, tenantId, sku);
  if (open.length) throw new ConflictError(`SKU ${sku} is on open purchase orders (${open.map((po) => po.poId).join(', ')}); receive or cancel them first`);
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: store.tableName,
              Key: SkuIndex.key({ tenantId, sku }),
              ConditionExpression: 'productId = :p',
              ExpressionAttributeValues: { ':p': productId },
            },
          },
          {
            Update: {
              TableName: store.tableName,
              Key: Product.key({ tenantId, productId }),
              UpdateExpression: 'REMOVE #v.#s SET #u = :now',
              ConditionExpression: 'attribute_exists(#v.#s)',
              ExpressionAttributeNames: { '#v': 'variants', '#s': sku, '#u': 'updatedAt' },
              ExpressionAttributeValues: { ':now': now.toISOString() },
            },
          },
        ],
      }),
    );
  } catch (error) {
    // Removed concurrently by another request: the outcome the caller wanted, but say so.
    if (error instanceof TransactionCanceledException) throw new NotFoundError('Variant');
    throw error;
  }
  return readProduct(store, tenantId, productId);
}

// ——— Locations and suppliers ———

export type LocationInput = Omit<LocationT, 'tenantId'>;
export type SupplierInput = Omit<SupplierT, 'tenantId' | 'onTimeRate' | 'leadTimeStdDays' | 'receivedOrders'>;

export async function createLocation(store: Store, tenantId: string, input: LocationInput): Promise<LocationT> {
  const location = Location.schema.parse({ ...input, tenantId }) as LocationT;
  if (!(await store.put(Location, location, { ifNotExists: true }))) throw new ConflictError(`Location ${input.locationId} already exists`);
  return location;
}

export async function getLocation(store: Store, tenantId: string, locationId: string): Promise<LocationT> {
  const location = await store.get(Location, { tenantId, locationId }, true);
  if (!location) throw new NotFoundError('Location');
  return location;
}

export async function listLocations(store: Store, tenantId: string, q: { limit?: number; cursor?: string }) {
  return store.page(Location, { pk: tenantKey(tenantId), skPrefix: 'LOCATION#', limit: q.limit, cursor: q.cursor });
}

/** PUT: replaces an existing location (404 if there is none: ids are created by POST). */
export async function replaceLocation(store: Store, tenantId: string, input: LocationInput): Promise<LocationT> {
  const location = Location.schema.parse({ ...input, tenantId }) as LocationT;
  await putExisting(store, Location, location, 'Location');
  return location;
}

/**
 * Deletes a location. Stock counted there stays on the variants (it is the merchant's to
 * move or zero); open purchase orders delivering there keep their location id.
 */
export async function deleteLocation(store: Store, tenantId: string, locationId: string): Promise<void> {
  await deleteExisting(store, Location.key({ tenantId, locationId }), 'Location');
}

async function checkAlternates(store: Store, tenantId: string, input: SupplierInput) {
  const problems: FieldProblem[] = [];
  for (const [i, id] of input.alternates.entries()) {
    if (id === input.supplierId) problems.push({ field: `alternates.${i}`, reason: 'a supplier cannot be its own alternate' });
    else if (!(await store.get(Supplier, { tenantId, supplierId: id }))) problems.push({ field: `alternates.${i}`, reason: `unknown supplier ${id}` });
  }
  if (problems.length) throw new UnprocessableError('Invalid supplier', problems);
}

export async function createSupplier(store: Store, tenantId: string, input: SupplierInput): Promise<SupplierT> {
  await checkAlternates(store, tenantId, input);
  const supplier = Supplier.schema.parse({ ...input, tenantId, receivedOrders: 0 }) as SupplierT;
  if (!(await store.put(Supplier, supplier, { ifNotExists: true }))) throw new ConflictError(`Supplier ${input.supplierId} already exists`);
  return supplier;
}

export async function getSupplier(store: Store, tenantId: string, supplierId: string): Promise<SupplierT> {
  const supplier = await store.get(Supplier, { tenantId, supplierId }, true);
  if (!supplier) throw new NotFoundError('Supplier');
  return supplier;
}

export async function listSuppliers(store: Store, tenantId: string, q: { limit?: number; cursor?: string }) {
  return store.page(Supplier, { pk: tenantKey(tenantId), skPrefix: 'SUPPLIER#', limit: q.limit, cursor: q.cursor });
}

/**
 * PUT: replaces what the merchant configures. The measured statistics (received orders,
 * lead-time spread, on-time rate) are kept: they belong to the deliveries, not the form.
 * The write is conditional on the count read, so a delivery received meanwhile is not lost.
 */
export async function replaceSupplier(store: Store, tenantId: string, input: SupplierInput): Promise<SupplierT> {
  await checkAlternates(store, tenantId, input);
  for (let attempt = 0; ; attempt++) {
    const current = await getSupplier(store, tenantId, input.supplierId);
    const supplier = Supplier.schema.parse({
      ...input,
      tenantId,
      receivedOrders: current.receivedOrders,
      onTimeRate: current.onTimeRate,
      leadTimeStdDays: current.leadTimeStdDays,
    }) as SupplierT;
    try {
      await dynamo.send(
        new PutCommand({
          TableName: store.tableName,
          Item: store.toRecord(Supplier, supplier, supplier as Record<string, unknown>),
          ConditionExpression: 'receivedOrders = :n',
          ExpressionAttributeValues: { ':n': current.receivedOrders },
        }),
      );
      return supplier;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && attempt < MAX_UPDATE_ATTEMPTS) continue;
      throw error;
    }
  }
}

export async function deleteSupplier(store: Store, tenantId: string, supplierId: string): Promise<void> {
  await deleteExisting(store, Supplier.key({ tenantId, supplierId }), 'Supplier');
}

async function putExisting<S extends EntityDef<any, any>>(store: Store, entity: S, item: Record<string, unknown>, what: string) {
  try {
    await dynamo.send(new PutCommand({ TableName: store.tableName, Item: store.toRecord(entity, item, item), ConditionExpression: 'attribute_exists(pk)' }));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new NotFoundError(what);
    throw error;
  }
}

async function deleteExisting(store: Store, key: { pk: string; sk: string }, what: string) {
  try {
    await dynamo.send(new DeleteCommand({ TableName: store.tableName, Key: key, ConditionExpression: 'attribute_exists(pk)' }));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new NotFoundError(what);
    throw error;
  }
}
