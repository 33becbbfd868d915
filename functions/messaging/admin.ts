import { byRoute } from '../catalog/router.js';
import { routes as messages } from './admin-messages.js';
import { routes as settings } from './admin-settings.js';
import { routes as templates } from './admin-templates.js';

/** One function for the messaging admin routes (templates, sent/failed messages, settings, domain). */
export const handler = byRoute({ ...templates, ...messages, ...settings });
