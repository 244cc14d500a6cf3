export * from './orgs';
export * from './users';
export * from './audit';
export * from './people';
