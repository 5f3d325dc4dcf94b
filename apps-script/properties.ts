/// <reference types="google-apps-script" />
/**
 * The spreadsheet's document properties: the only file that calls PropertiesService. Document
 * properties belong to the spreadsheet (every user of it sees the same values) and are never
 * evicted, unlike the cache; a value holds at most 9 KB and a store 500 KB
 * (https://developers.google.com/apps-script/guides/services/quotas).
 *
 * Example: writeDocumentProperty('winback.settings', '{"lang":"ru"}'), then
 * readDocumentProperty('winback.settings') → '{"lang":"ru"}'.
 */
import type { PropertiesApi, PropertiesServiceApi } from './gas-api.js';

function documentProperties(): PropertiesApi {
  const service: PropertiesServiceApi = PropertiesService;
  return service.getDocumentProperties();
}

export function readDocumentProperty(key: string): string | null {
  return documentProperties().getProperty(key);
}

export function writeDocumentProperty(key: string, value: string): void {
  documentProperties().setProperty(key, value);
}

export function deleteDocumentProperty(key: string): void {
  documentProperties().deleteProperty(key);
}
