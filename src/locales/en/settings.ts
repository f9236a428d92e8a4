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
    timeZone: {
      legend: 'Time zone',
      label: 'Time zone for times on screen and in exports',
      hint: 'Lists, drafts, ledgers and export files write times in this zone, e.g. 2026-12-02 19:42.',
      device: 'This device’s zone ({zone})',
      zones: {
        shanghai: 'Beijing time (UTC+8)',
        urumqi: 'Urumqi time (UTC+6)',
        hongKong: 'Hong Kong time (UTC+8)',
        taipei: 'Taipei time (UTC+8)',
        tokyo: 'Tokyo time (UTC+9)',
        utc: 'Coordinated Universal Time (UTC)',
      },
    },
  },
}
