/**
 * Marks a route that is served without credentials. An API gateway's auth guard reads it; it
 * lives here because the platform's own health endpoints carry it (probes send no token).
 */
export const PUBLIC_ROUTE_METADATA = 'itsm:public-route';
