/**
 * The other fake services: HtmlService, PropertiesService, CacheService, Session, Utilities,
 * LockService and ScriptApp (see ../fakes.ts for where Google says each behaviour).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type {
  BlobApi,
  BlobSourceApi,
  CacheApi,
  CacheServiceApi,
  HtmlServiceApi,
  LockApi,
  LockServiceApi,
  PropertiesApi,
  PropertiesServiceApi,
  ScriptAppApi,
  SessionApi,
  UtilitiesApi,
} from '../../../apps-script/gas-api.js';
import { COSTS, LIMITS, type AuthModeName, type Execution, type Recorder } from './clock.js';
import { isoDateFormat } from './dates.js';
import { FakeHtmlOutput } from './spreadsheet.js';

export class FakeHtmlService implements HtmlServiceApi {
  constructor(readonly files: Record<string, string>) {}

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    const content = this.files[filename];
    if (content === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return new FakeHtmlOutput(content);
  }

  createHtmlOutput(html: string): FakeHtmlOutput {
    return new FakeHtmlOutput(html);
  }
}

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export class FakeProperties implements PropertiesApi, PropertiesServiceApi {
  readonly values = new Map<string, string>();

  constructor(private readonly log: Recorder) {}

  getDocumentProperties(): this {
    this.log.record('PropertiesService.getDocumentProperties', 0);
    return this;
  }

  getProperty(key: string): string | null {
    this.log.record('Properties.getProperty');
    return this.values.get(key) ?? null;
  }

  setProperty(key: string, value: string): this {
    this.log.record('Properties.setProperty');
    if (utf8Bytes(value) > LIMITS.propertyBytes) throw new Error('Argument too large: value');
    const total = [...this.values].reduce((sum, [k, v]) => sum + (k === key ? 0 : utf8Bytes(k) + utf8Bytes(v)), utf8Bytes(key) + utf8Bytes(value));
    if (total > LIMITS.propertyStoreBytes) throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.values.set(key, value);
    return this;
  }

  deleteProperty(key: string): this {
    this.log.record('Properties.deleteProperty');
    this.values.delete(key);
    return this;
  }
}

/** The document's cache. */
export class FakeCache implements CacheApi {
  readonly values = new Map<string, { value: string; expires: number }>();
  largestValue = 0;

  constructor(private readonly log: Recorder) {}

  get(key: string): string | null {
    this.log.record('Cache.get');
    return this.live(key);
  }

  getAll(keys: string[]): Record<string, string> {
    this.log.record('Cache.getAll', COSTS.call * 4);
    return Object.fromEntries(keys.flatMap((k) => {
      const value = this.live(k);
      return value === null ? [] : [[k, value]];
    }));
  }

  put(key: string, value: string, expirationInSeconds: number): void {
    this.log.record('Cache.put');
    this.store(key, value, expirationInSeconds);
  }

  putAll(values: Record<string, string>, expirationInSeconds: number): void {
    this.log.record('Cache.putAll', COSTS.call * 4);
    for (const [k, v] of Object.entries(values)) this.store(k, v, expirationInSeconds);
  }

  removeAll(keys: string[]): void {
    this.log.record('Cache.removeAll');
    for (const k of keys) this.values.delete(k);
  }

  /** Test helper: the cache drops the entries a test picks (all by default), as it may at any time. */
  evict(which: (key: string) => boolean = () => true): number {
    let dropped = 0;
    for (const k of [...this.values.keys()]) {
      if (which(k)) {
        this.values.delete(k);
        dropped++;
      }
    }
    return dropped;
  }

  /** Test helper: UTF-8 bytes of every live value. */
  get bytes(): number {
    return [...this.values.values()].reduce((sum, entry) => sum + utf8Bytes(entry.value), 0);
  }

  private live(key: string): string | null {
    const entry = this.values.get(key);
    if (!entry) return null;
    if (entry.expires <= this.log.now) {
      this.values.delete(key);
      return null;
    }
    return entry.value;
  }

  private store(key: string, value: string, expirationInSeconds: number): void {
    const bytes = utf8Bytes(value);
    if (key.length > 250) throw new Error('Key too long');
    if (bytes > LIMITS.cacheValueBytes) throw new Error('Argument too large: value');
    if (expirationInSeconds > LIMITS.cacheSeconds) throw new Error('Expiration too long');
    this.largestValue = Math.max(this.largestValue, bytes);
    this.values.delete(key);
    this.values.set(key, { value, expires: this.log.now + expirationInSeconds * 1000 });
    if (this.values.size > LIMITS.cacheEntries) {
      const kept = [...this.values].sort((a, b) => b[1].expires - a[1].expires).slice(0, LIMITS.cacheKept);
      this.values.clear();
      for (const [k, entry] of kept.reverse()) this.values.set(k, entry);
    }
  }
}

export class FakeCacheService implements CacheServiceApi {
  readonly document: FakeCache;

  constructor(private readonly log: Recorder) {
    this.document = new FakeCache(log);
  }

  getDocumentCache(): FakeCache {
    this.log.record('CacheService.getDocumentCache', 0);
    return this.document;
  }
}

export class FakeSession implements SessionApi {
  constructor(
    public locale: string,
    private readonly log: Recorder,
  ) {}

  getActiveUserLocale(): string {
    this.log.record('Session.getActiveUserLocale', 0);
    return this.locale;
  }
}

/** Java bytes (-128 … 127), as Apps Script hands them over. */
const javaBytes = (buffer: Uint8Array): number[] => Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
const nodeBytes = (bytes: readonly number[]): Buffer => {
  if (bytes.some((b) => !Number.isInteger(b) || b < -128 || b > 127)) throw new Error('Bytes must be Java bytes, -128 … 127.');
  return Buffer.from(bytes.map((b) => (b < 0 ? b + 256 : b)));
};

export class FakeBlob implements BlobApi {
  constructor(
    readonly data: Buffer,
    readonly contentType: string | null = null,
  ) {}

  getBytes(): number[] {
    return javaBytes(this.data);
  }

  getDataAsString(): string {
    return this.data.toString('utf8');
  }

  getBlob(): this {
    return this;
  }
}

export class FakeUtilities implements UtilitiesApi {
  private uuids = 0;

  constructor(private readonly log: Recorder) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    this.log.record('Utilities.formatDate', 0.05);
    if (format !== 'yyyy-MM-dd') throw new Error(`The fake formats only yyyy-MM-dd, not ${format}`);
    return isoDateFormat(timeZone).format(date);
  }

  getUuid(): string {
    this.log.record('Utilities.getUuid', 0);
    return `run-${++this.uuids}`;
  }

  newBlob(data: string | number[], contentType: string | null = null): FakeBlob {
    this.log.record('Utilities.newBlob', 0.1);
    return new FakeBlob(typeof data === 'string' ? Buffer.from(data, 'utf8') : nodeBytes(data), contentType);
  }

  gzip(blob: BlobSourceApi): FakeBlob {
    const data = (blob.getBlob() as FakeBlob).data;
    this.log.record('Utilities.gzip', COSTS.call + data.length * COSTS.perByteZipped);
    return new FakeBlob(gzipSync(data));
  }

  ungzip(blob: BlobSourceApi): FakeBlob {
    const data = (blob.getBlob() as FakeBlob).data;
    this.log.record('Utilities.ungzip', COSTS.call + data.length * COSTS.perByteZipped * 4);
    return new FakeBlob(gunzipSync(data));
  }

  base64Encode(data: number[]): string {
    this.log.record('Utilities.base64Encode', 0.1);
    return nodeBytes(data).toString('base64');
  }

  base64Decode(encoded: string): number[] {
    this.log.record('Utilities.base64Decode', 0.1);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) throw new Error('Could not decode string.');
    return javaBytes(Buffer.from(encoded, 'base64'));
  }

  sleep(milliseconds: number): void {
    this.log.record('Utilities.sleep', 0);
    if (milliseconds > 300_000) throw new Error('Utilities.sleep: at most 300000 milliseconds.');
    this.log.now += milliseconds;
  }
}

/** The document lock every execution of the spreadsheet shares. */
export class FakeLockService implements LockServiceApi {
  holder: Execution | null = null;

  constructor(private readonly log: Recorder) {}

  getDocumentLock(): FakeLock {
    this.log.record('LockService.getDocumentLock', 0);
    return new FakeLock(this, this.log);
  }

  /** The end of an execution releases its lock. */
  released(execution: Execution): void {
    if (this.holder === execution) this.holder = null;
  }
}

export class FakeLock implements LockApi {
  constructor(
    private readonly service: FakeLockService,
    private readonly log: Recorder,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    this.log.record('Lock.tryLock');
    const me = this.log.current();
    if (this.service.holder === null || this.service.holder === me) {
      this.service.holder = me;
      return true;
    }
    this.log.now += timeoutInMillis;
    return false;
  }

  releaseLock(): void {
    this.log.record('Lock.releaseLock');
    if (this.service.holder === this.log.current()) this.service.holder = null;
  }

  hasLock(): boolean {
    this.log.record('Lock.hasLock', 0);
    return this.service.holder !== null && this.service.holder === this.log.current();
  }
}

/** An Apps Script enum value: an object, not a string, so code must compare with ScriptApp.AuthMode.*. */
function enumValue(name: string): { toString(): string } {
  return Object.freeze({ toString: () => name, toJSON: () => name });
}

export class FakeScriptApp implements ScriptAppApi {
  readonly AuthMode = { NONE: enumValue('NONE'), LIMITED: enumValue('LIMITED'), FULL: enumValue('FULL'), CUSTOM_FUNCTION: enumValue('CUSTOM_FUNCTION') };

  /** The name of an AuthMode value, or null when it is not one. */
  nameOf(value: unknown): AuthModeName | null {
    const found = Object.entries(this.AuthMode).find(([, mode]) => mode === value);
    return found ? (found[0] as AuthModeName) : null;
  }
}
