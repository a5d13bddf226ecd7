export * from './test-infra';
export * from './test-database';
export * from './test-topics';
export * from './unique-name';
export * from './wait-for';
export * from './service-under-test';
export * from './service-processes';
export * from './wait-for-topics';
