import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured JSON logger per container. Log identifiers (tenant, request, event ids)
 * and counts; never e-mail addresses, phone numbers, names or secrets.
 */
export const logger = new Logger({ serviceName: process.env.APP_NAME ?? 'restock' });
