export { catalog, runFunction } from './catalog.js';
export type { FunctionArgument, FunctionDefinition, FunctionResult, FunctionValue, Matrix } from './types.js';
