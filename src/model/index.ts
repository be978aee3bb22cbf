export * from './model.ts';
export * from './names.ts';
export * from './lookup.ts';
