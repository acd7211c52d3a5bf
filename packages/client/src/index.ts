/** @jaxlings/client: the REST contract and the framework-free logic both front ends share. */
export * from './api';
export * from './binding';
export * from './feedback';
export * from './gating';
export * from './grouping';
export * from './results';
export * from './starter';
export * from './text';
