/** Calendar dates in a time zone, as Apps Script hands date cells over. */
const formats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(name: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(name);
  if (!format) formats.set(name, (format = make()));
  return format;
}

/** `YYYY-MM-DD` of an instant in a time zone (en-CA writes dates that way). */
export function isoDateFormat(timeZone: string): Intl.DateTimeFormat {
  return cachedFormat(`iso ${timeZone}`, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));
}

/** The Date Apps Script gives for a calendar date in a time zone: that date's midnight there. */
export function midnightIn(timeZone: string, year: number, month: number, day: number): Date {
  const utc = Date.UTC(year, month - 1, day);
  const wall = cachedFormat(`wall ${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }));
  const parts = wall
    .formatToParts(new Date(utc))
    .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  const asIfUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return new Date(utc - (asIfUtc - utc));
}
