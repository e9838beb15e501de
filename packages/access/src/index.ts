export * from './authorize.ts';
export * from './policy-data.ts';
