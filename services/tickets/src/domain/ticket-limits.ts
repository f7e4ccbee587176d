export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 20_000;
/** Ids of people, groups, organisations and configuration items from other systems. */
export const REFERENCE_MAX_LENGTH = 200;
