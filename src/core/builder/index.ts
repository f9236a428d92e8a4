/** Pure model of the visual builder: tree edits, ids, presets, conditions, diffs, history. */
export * from './tree'
export * from './ids'
export * from './presets'
export * from './condition-model'
export * from './pointer-target'
export * from './history'
export * from './diff'
export * from './rescore'
