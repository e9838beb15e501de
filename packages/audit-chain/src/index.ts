export * from './canonical.ts';
export * from './checkpoint.ts';
export * from './verify.ts';
