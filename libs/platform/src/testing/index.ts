// What tests need from the platform (@complaints/platform/testing); lint refuses it in
// production code.
export * from './manual-clock';
