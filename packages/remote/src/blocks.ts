/**
 * The Block of `@crappy/remote`, for `crappy.blocks`.
 * @module
 */
export { ClientServer } from './client-server.js';
