export * from './orgs';
export * from './users';
export * from './audit';
export * from './people';
export * from './cases';
export * from './services';
export * from './care';
