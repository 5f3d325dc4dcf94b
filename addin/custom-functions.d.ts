/**
 * The part of Excel's custom-functions runtime (the `CustomFunctions` global that Office.js
 * provides in the shared runtime) that the add-in uses. The full declarations are in
 * @types/custom-functions-runtime, which the project does not install.
 */
declare namespace CustomFunctions {
  /** The error a cell shows; only #VALUE! and #N/A also show the message. */
  enum ErrorCode {
    invalidValue = '#VALUE!',
    notAvailable = '#N/A',
    divisionByZero = '#DIV/0!',
    invalidNumber = '#NUM!',
    nullReference = '#NULL!',
    invalidName = '#NAME?',
    invalidReference = '#REF!',
  }

  /** Thrown (or returned) by a custom function to put an error in its cell. */
  class Error {
    constructor(errorCode?: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  /** Maps a function id of functions.json to its implementation. */
  function associate(id: string, functionObject: (...args: never[]) => unknown): void;
}
