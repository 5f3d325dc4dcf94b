/**
 * Whether an object has a property of its own (not inherited): Object.hasOwn without ES2022, which
 * older Safari (the Office webview on older Macs) lacks — the shipped bundles keep to ES2020.
 *
 * Example: hasOwn({ en: 1 }, 'en') → true; hasOwn({}, 'toString') → false.
 */
export function hasOwn(object: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
