export default {
  settings: {
    title: 'Settings',
    language: {
      legend: 'Interface language',
      hint: 'Applies at once and is kept on this device.',
    },
    inspector: {
      legend: 'Inspector',
      label: 'Inspector name',
      help: 'Used by default on responses and printed ledgers.',
      placeholder: 'e.g. Ms Wang',
      save: 'Save',
      saved: 'Saved',
    },
  },
}
