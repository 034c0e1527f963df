export * from './http';
export * from './oidc-issuer';
export * from './smtp-sink';
export * from './wait-for';
export * from './service-process';
export * from './fuzz';
export * from './events';
export * from './openapi-answers';
