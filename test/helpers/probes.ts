/**
 * Client names that a careless host would run as a formula or as HTML — added to generated
 * example data (`generateDistributor({ probes: HOSTILE_PROBES })`) by the tests that check every
 * reader and writer keeps them as the exact text. The bundled examples carry none.
 */
export const HOSTILE_PROBES: readonly string[] = ['=HYPERLINK("http://x","y")', '+7 Строй', '<img src=x onerror=alert(1)>'];
