/** Colour helpers: readable text on, and in, the colours a template picks. */
export * from './contrast'
export { CSS_NAMED_COLOURS } from './named'
