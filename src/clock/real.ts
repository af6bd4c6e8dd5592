/**
 * The real timing primitives, captured when this module is first evaluated (as fast-check does), so that a test
 * that later patches or fakes the globals cannot break the harness's own scheduling.
 */
export const real = {
  setTimeout: globalThis.setTimeout,
  clearTimeout: globalThis.clearTimeout,
  setInterval: globalThis.setInterval,
  clearInterval: globalThis.clearInterval,
  setImmediate: globalThis.setImmediate,
  clearImmediate: globalThis.clearImmediate,
  Date: globalThis.Date,
  DateTimeFormat: Intl.DateTimeFormat,
  dateNow: Date.now,
  performanceNow: performance.now.bind(performance),
} as const;
