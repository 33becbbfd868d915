import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { httpHandler } from '../../shared/http/handler.js';
import { createSupplier, deleteSupplier, getSupplier, listSuppliers, replaceSupplier } from '../../shared/inventory/catalog.js';
import { idSchema, Supplier } from '../../shared/inventory/model.js';
import { byRoute, pageBody, pageQuery } from './router.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);

const fields = Supplier.schema.shape;
// What the merchant configures; measured statistics (on-time rate, spread, received orders)
// come from received purchase orders only.
const supplierFields = {
  name: fields.name,
  email: fields.email,
  leadTimeDays: z.number().nonnegative().max(365).default(14),
  minOrderQty: z.number().int().positive().max(1_000_000).default(1),
  casePack: z.number().int().positive().max(100_000).default(1),
  alternates: z.array(idSchema).max(10).default([]),
};
const createBody = z.strictObject({ supplierId: idSchema, ...supplierFields });
const putBody = z.strictObject(supplierFields);
const supplierPath = z.object({ supplierId: idSchema });

export const handler = byRoute({
  'POST /admin/suppliers': httpHandler({ body: createBody, tenant: true }, async ({ body, auth }) => ({
    status: 201,
    body: { supplier: await createSupplier(store, auth.tenantId!, body) },
  })),

  'GET /admin/suppliers': httpHandler({ query: pageQuery, tenant: true }, async ({ query, auth }) => ({
    body: pageBody(await listSuppliers(store, auth.tenantId!, query)),
  })),

  'GET /admin/suppliers/{supplierId}': httpHandler({ path: supplierPath, tenant: true }, async ({ path, auth }) => ({
    body: { supplier: await getSupplier(store, auth.tenantId!, path.supplierId) },
  })),

  'PUT /admin/suppliers/{supplierId}': httpHandler({ path: supplierPath, body: putBody, tenant: true }, async ({ path, body, auth }) => ({
    body: { supplier: await replaceSupplier(store, auth.tenantId!, { ...body, supplierId: path.supplierId }) },
  })),

  'DELETE /admin/suppliers/{supplierId}': httpHandler({ path: supplierPath, tenant: true }, async ({ path, auth }) => {
    await deleteSupplier(store, auth.tenantId!, path.supplierId);
    return { status: 204 };
  }),
});
