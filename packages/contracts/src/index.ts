export * from './enums.ts';
export * from './common.ts';
export * from './identity.ts';
export * from './units.ts';
export * from './audit.ts';
export * from './geography.ts';
