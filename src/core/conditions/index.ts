/** JSON Logic conditions (visibleIf, requiredIf, band `when`): the only door to json-logic-js. */
export { evaluateRule, ruleHolds, toRuleData } from './evaluate'
export { collectVars, collectVarRefs, checkRule, MAX_RULE_DEPTH, RULE_PROBLEM_CODES } from './inspect'
export type { RuleProblem, RuleProblemCode, VarRef } from './inspect'
export { ALLOWED_OPERATORS, FORBIDDEN_SEGMENTS, MAX_RULE_BUILD, MAX_RULE_STEPS } from './engine'
export { MAX_PASS_STEPS, RuleBudget } from './budget'
