// Preloaded (node --import) into a device's process to run it with a clock that is off by
// LEVERAGE_TEST_CLOCK_SKEW_MS milliseconds: Date.now() and new Date() both see the skewed time.
const offset = Number(process.env.LEVERAGE_TEST_CLOCK_SKEW_MS ?? '0');
const RealDate = Date;
class SkewedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offset;
  }
}
globalThis.Date = SkewedDate;
