/// <reference types="google-apps-script" />
/**
 * The authorization mode of a simple trigger's event: the only file that reads ScriptApp. An
 * editor add-on's onOpen runs in AuthMode.NONE when the add-on is installed but not yet used in
 * this document, and then may call nothing that needs authorization — not even the document
 * properties (https://developers.google.com/workspace/add-ons/concepts/addon-authorization,
 * https://developers.google.com/apps-script/reference/script/auth-mode). A bound script's onOpen
 * runs in LIMITED, an onInstall in FULL.
 *
 * Example: isAuthModeNone({authMode: ScriptApp.AuthMode.NONE}) → true; isAuthModeNone(undefined)
 * (the function run from the editor, with no event) → false.
 */
import type { ScriptAppApi } from './gas-api.js';

/** The part of a simple trigger's event the add-on reads. */
export interface TriggerEvent {
  authMode?: unknown;
}

export function isAuthModeNone(event: TriggerEvent | undefined): boolean {
  const script: ScriptAppApi = ScriptApp;
  return event?.authMode === script.AuthMode.NONE;
}
