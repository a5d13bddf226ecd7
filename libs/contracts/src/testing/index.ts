// Test data with fake personal data: only specs, test helpers, the benchmark and the demo
// import this entry point (@complaints/contracts/testing); lint refuses it in production code.
export * from './payload.factories';
export * from './event.factories';
export * from './people.factories';
export * from './clock.factories';
export * from './major.factories';
