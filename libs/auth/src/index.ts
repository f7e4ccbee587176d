export * from './permissions';
export * from './roles';
export * from './permission-matrix';
export * from './principal';
export * from './ticket-access';
export * from './principal-metadata';
