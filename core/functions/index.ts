export { catalog, runFunction } from './catalog.js';
export { FUNCTION_NAMES, type FunctionName } from './names.js';
export type { FunctionArgument, FunctionContext, FunctionDefinition, FunctionResult, FunctionValue, Matrix } from './types.js';
