export * from './hlc'
export * from './records'
export * from './protocol'
export * from './decide'
