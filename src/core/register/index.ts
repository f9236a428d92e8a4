export * from './types'
export * from './rooms'
