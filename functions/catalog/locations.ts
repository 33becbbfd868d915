import * as z from 'zod';
import { loadConfig, baseEnv } from '../../shared/config/env.js';
import { Store } from '../../shared/data/store.js';
import { httpHandler } from '../../shared/http/handler.js';
import { createLocation, deleteLocation, getLocation, listLocations, replaceLocation } from '../../shared/inventory/catalog.js';
import { idSchema, Location } from '../../shared/inventory/model.js';
import { byRoute, pageBody, pageQuery } from './router.js';

const config = loadConfig(baseEnv);
const store = new Store(config.TABLE_NAME);

const fields = Location.schema.shape;
const locationFields = {
  name: fields.name,
  kind: fields.kind,
  address: fields.address,
  city: fields.city,
  openingHours: fields.openingHours,
  countsOnline: fields.countsOnline.unwrap().optional(),
  pickup: fields.pickup.unwrap().optional(),
};
const createBody = z.strictObject({ locationId: idSchema, ...locationFields });
const putBody = z.strictObject(locationFields);
const locationPath = z.object({ locationId: idSchema });

const withDefaults = <T extends { countsOnline?: boolean; pickup?: boolean }>(b: T) => ({ ...b, countsOnline: b.countsOnline ?? true, pickup: b.pickup ?? false });

export const handler = byRoute({
  'POST /admin/locations': httpHandler({ body: createBody, tenant: true }, async ({ body, auth }) => ({
    status: 201,
    body: { location: await createLocation(store, auth.tenantId!, withDefaults(body)) },
  })),

  'GET /admin/locations': httpHandler({ query: pageQuery, tenant: true }, async ({ query, auth }) => ({
    body: pageBody(await listLocations(store, auth.tenantId!, query)),
  })),

  'GET /admin/locations/{locationId}': httpHandler({ path: locationPath, tenant: true }, async ({ path, auth }) => ({
    body: { location: await getLocation(store, auth.tenantId!, path.locationId) },
  })),

  'PUT /admin/locations/{locationId}': httpHandler({ path: locationPath, body: putBody, tenant: true }, async ({ path, body, auth }) => ({
    body: { location: await replaceLocation(store, auth.tenantId!, { ...withDefaults(body), locationId: path.locationId }) },
  })),

  'DELETE /admin/locations/{locationId}': httpHandler({ path: locationPath, tenant: true }, async ({ path, auth }) => {
    await deleteLocation(store, auth.tenantId!, path.locationId);
    return { status: 204 };
  }),
});
