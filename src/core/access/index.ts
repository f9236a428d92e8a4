export * from './roles'
export * from './scopes'
export * from './grants'
export * from './home'
