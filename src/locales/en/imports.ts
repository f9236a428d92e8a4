export default {
  imports: {
    tooLarge: 'The file {name} is too large ({size}); a rubric table may be at most {limit}.',
    unreadable: 'Cannot read {name}: it is not a valid CSV or Excel (.xlsx) file.',
    // The import preview names each recognized rule kind in words, never by its code.
    rule: {
      deductEach: 'Deduct per occurrence', floor: 'Not below 0', zeroItem: 'Item scores 0', deductOnce: 'Deduction',
      veto: 'Veto', zeroTotal: 'Red line (total 0)', bonus: 'Bonus', judged: 'Judged score',
    },
    ruleNone: 'Not recognized',
    needsReview: 'Needs a manual check',
  },
}
