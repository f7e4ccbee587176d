export const CMDB_PATH = '/api/v1/cmdb';

/** Imports read larger bodies than the rest of the API, and CSV as well as JSON. */
export const CMDB_IMPORTS_PATH = `${CMDB_PATH}/imports`;
