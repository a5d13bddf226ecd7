export * from './pipeline-client';
export * from './sample-complaints';
export * from './journey';
export * from './people-tokens';
