export default {
  imports: {
    tooLarge: 'The file {name} is too large ({size}); a rubric table may be at most {limit}.',
    unreadable: 'Cannot read {name}: it is not a valid CSV or Excel (.xlsx) file.',
  },
}
