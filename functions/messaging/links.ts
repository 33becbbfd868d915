import { byRoute } from '../catalog/router.js';
import { handler as click } from './click.js';
import { handler as unsubscribe } from './unsubscribe.js';

/** One function for the public message links: tracked clicks and one-click unsubscribe. */
export const handler = byRoute({ 'GET /t/{token}': click, 'GET /u/{token}': unsubscribe, 'POST /u/{token}': unsubscribe });
