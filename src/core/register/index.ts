export * from './types'
export * from './rooms'
export * from './people'
