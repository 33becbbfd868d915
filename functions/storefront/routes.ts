/**
 * The storefront's routes, one module per Lambda function: the hot public routes keep one
 * function each, and each handler imports only its own declaration, so a shopper's first
 * request never pays for building another route's schemas; the merchant's routes share one
 * router (routes/admin.ts). Answer schemas are lazy (`z.lazy`): a handler never builds them;
 * the contract and the tests do.
 */
export { MAX_LISTING } from './routes/common.js';
export * from './routes/product.js';
export * from './routes/listing.js';
export * from './routes/stores.js';
export * from './routes/alternatives.js';
export * from './routes/signals.js';
export * from './routes/widget-config.js';
export * from './routes/preflight.js';
export * from './routes/admin.js';
